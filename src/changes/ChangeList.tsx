/** The changes as a list beside the chart, grouped by kind; each row selects its unit and brings it into the middle of the chart. */
import { useMemo, useState } from 'react';

import type { Messages } from '../i18n/messages.ts';
import { type ChangeKind, mergedIdOf, type UnitChange } from '../model/diff.ts';
import type { OrgIndex } from '../model/tree.ts';
import { type ChangesSession, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { CHANGE_ICONS } from './ChangeLegend.tsx';
import { groupChanges, parentNames } from './useChangeMarks.ts';

/** Rows drawn per group before "Show all": a list of thousands would take a while to draw and longer to read. */
const FIRST_ROWS = 100;

type Result = NonNullable<ChangesSession['result']>;

/** What a row says after the unit's name, for its kind of change. */
function rowDetail(kind: ChangeKind, change: UnitChange, result: Result, merged: OrgIndex, t: Messages): string {
  const parents = parentNames(result, merged, t);
  const afterParent = parents.after(change.parentAfter);
  switch (kind) {
    case 'added':
      return t.underUnit(afterParent);
    case 'removed':
      return t.wasUnder(parents.before(change.parentBefore));
    case 'moved':
      return t.movedFromTo(parents.before(change.parentBefore), afterParent);
    case 'renamed':
      return t.wasNamed(change.nameBefore ?? '');
    case 'changed':
      return change.fields.map((field) => t.changedField(field.field)).join(', ');
  }
}

export function ChangeList({ result, merged, filter }: { result: Result; merged: OrgIndex; filter: ChangeKind | null }) {
  const t = useMessages();
  const showUnit = useStore((s) => s.showUnit);
  const selectedId = useStore((s) => s.panes.changes.selectedId);
  const [whole, setWhole] = useState<ReadonlySet<ChangeKind>>(new Set());
  // Once per diff, not on every selection the list re-renders for.
  const groups = useMemo(() => groupChanges(result.diff.changes), [result]);
  return (
    <div className="change-list">
      {[...groups]
        .filter(([kind, changes]) => changes.length > 0 && (filter === null || kind === filter))
        .map(([kind, changes]) => {
          const shown = whole.has(kind) ? changes : changes.slice(0, FIRST_ROWS);
          return (
            <section key={kind} className={`change-group tone-${kind}`} aria-labelledby={`change-group-${kind}`}>
              <h3 id={`change-group-${kind}`}>
                <span className="change-icon" aria-hidden="true">
                  {CHANGE_ICONS[kind]}
                </span>
                {t.changeGroup(t.changeKinds[kind], changes.length)}
              </h3>
              <ul>
                {shown.map((change) => {
                  const id = mergedIdOf(result, change);
                  const name = merged.byId.get(id)?.name ?? change.nameAfter ?? change.nameBefore ?? id;
                  return (
                    <li key={id}>
                      <button type="button" aria-current={selectedId === id || undefined} onClick={() => showUnit(id, 'changes')}>
                        <span className="change-name">{name}</span> <span className="change-detail">{rowDetail(kind, change, result, merged, t)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
              {shown.length < changes.length ? (
                <button type="button" className="change-more" onClick={() => setWhole(new Set([...whole, kind]))}>
                  {t.showAllOfKind(changes.length)}
                </button>
              ) : null}
            </section>
          );
        })}
    </div>
  );
}
