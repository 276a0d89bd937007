/** Letters typed in a quick run for type-ahead in a tree: "fo" within 700 ms finds "Foreign Affairs Bureau". */
import { useCallback, useRef } from 'react';

import { shownNameTexts } from '../model/present.ts';
import { type OrgIndex, typeAheadTarget } from '../model/tree.ts';
import type { NameDisplay } from '../store/store.ts';

export interface TypedRun {
  readonly text: string;
  readonly at: number;
}

const RUN_MS = 700;

export const NO_RUN: TypedRun = { text: '', at: -Infinity };

/** The run with this key added, or null when the key is no letter or digit (or comes with a modifier) and so is not typing. */
export function extendTypedRun(run: TypedRun, event: { key: string; timeStamp: number; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): TypedRun | null {
  if (event.key.length !== 1 || !/[\p{L}\p{N}]/u.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return null;
  return { text: event.timeStamp - run.at < RUN_MS ? run.text + event.key : event.key, at: event.timeStamp };
}

/**
 * Type-ahead for a drawing of the tree (the chart or the outline): for a key
 * event and the unit with focus, the unit to jump to (undefined when no name
 * matches), or null when the key is not typing. The run of letters is kept
 * between calls; names are matched as shown (see shownNameTexts).
 */
export function useTypeAhead(
  index: OrgIndex,
  order: readonly string[],
  nameMode: NameDisplay,
): (event: Parameters<typeof extendTypedRun>[1], currentId: string) => string | undefined | null {
  const run = useRef(NO_RUN);
  return useCallback(
    (event, currentId) => {
      const next = extendTypedRun(run.current, event);
      if (next === null) return null;
      run.current = next;
      const language = index.chart.language ?? null;
      return typeAheadTarget(
        order,
        (id) => {
          const unit = index.byId.get(id);
          return unit ? shownNameTexts(unit, nameMode, language) : [];
        },
        currentId,
        next.text,
      );
    },
    [index, order, nameMode],
  );
}
