/** How the merged chart marks its changes: a word on each card, a colour class, the old name or place, and the old parent lit up. */
import { useMemo } from 'react';

import type { Messages } from '../i18n/messages.ts';
import { CHANGE_KINDS, type ChangeKind, type UnitChange } from '../model/diff.ts';
import type { OrgIndex } from '../model/tree.ts';
import type { ChangesSession } from '../store/store.ts';

export interface ChangeMarks {
  readonly badges: ReadonlyMap<string, string>;
  readonly tones: ReadonlyMap<string, string>;
  readonly notes: ReadonlyMap<string, string>;
}

/** The kinds of a change shown under the filter (all when none is chosen). */
export function shownKinds(change: UnitChange, filter: ChangeKind | null): ChangeKind[] {
  return change.kinds.filter((kind) => filter === null || kind === filter);
}

/**
 * How a change's parents are named: as their units are named in the merged chart (the top, for none). `before` takes
 * an id of the earlier version, `after` one of the later.
 */
export function parentNames(result: NonNullable<ChangesSession['result']>, merged: OrgIndex, t: Messages) {
  const named = (mergedId: string | undefined) => (mergedId === undefined ? t.fromTop : (merged.byId.get(mergedId)?.name ?? mergedId));
  return {
    before: (beforeId: string | null) => named(beforeId === null ? undefined : result.mergedIdOfBefore.get(beforeId)),
    after: (afterId: string | null) => named(afterId ?? undefined),
  };
}

export function useChangeMarks(result: ChangesSession['result'], merged: OrgIndex | null, filter: ChangeKind | null, t: Messages): ChangeMarks {
  return useMemo(() => {
    const badges = new Map<string, string>();
    const tones = new Map<string, string>();
    const notes = new Map<string, string>();
    if (result === null || merged === null) return { badges, tones, notes };
    const parents = parentNames(result, merged, t);
    for (const [id, change] of result.changeOf) {
      // A removed unit stays faded whatever the filter: it is not part of the later chart.
      if (change.kinds.includes('removed')) tones.set(id, 'removed');
      const kinds = shownKinds(change, filter);
      if (kinds.length === 0) continue;
      badges.set(id, kinds.map((kind, i) => (i === 0 ? t.changeKinds[kind] : t.changeKinds[kind].toLowerCase())).join(', '));
      tones.set(id, kinds[0] as ChangeKind);
      const said: string[] = [];
      if (kinds.includes('renamed') && change.nameBefore !== null) said.push(t.wasNamed(change.nameBefore));
      if (kinds.includes('moved')) said.push(t.movedFromUnder(parents.before(change.parentBefore)));
      if (said.length > 0) notes.set(id, said.join('; '));
    }
    return { badges, tones, notes };
  }, [result, merged, filter, t]);
}

/** Every change, grouped by kind in the legend's order (a unit moved and renamed is in both groups). */
export function groupChanges(changes: readonly UnitChange[]): ReadonlyMap<ChangeKind, readonly UnitChange[]> {
  const groups = new Map<ChangeKind, UnitChange[]>(CHANGE_KINDS.map((kind) => [kind, []]));
  for (const change of changes) for (const kind of change.kinds) groups.get(kind)?.push(change);
  return groups;
}
