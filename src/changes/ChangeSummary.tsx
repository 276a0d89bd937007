/**
 * "What changed" in the details panel of the changes view: the selected unit's kinds of change, its old name and
 * place, each changed field before and after, and how it was paired with the earlier version, with a way to undo
 * the pairing ("treat as different units") or to make it again.
 */
import { useRef } from 'react';

import { CHANGES_CHART_ID, setPairedApart } from '../store/changes.ts';
import { readyIndex, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { CHANGE_ICONS } from './ChangeLegend.tsx';

export function ChangeSummary() {
  const t = useMessages();
  const session = useStore((s) => s.changes);
  const merged = useStore((s) => readyIndex(s, CHANGES_CHART_ID));
  const selectedId = useStore((s) => s.panes.changes.selectedId) ?? merged?.rootId ?? null;
  const showUnit = useStore((s) => s.showUnit);
  const result = session?.result ?? null;
  // The button pressed goes away with the pairing it changed: focus moves to the one that takes its place, once drawn.
  const focusNext = useRef<'pairAgain' | 'treatApart' | null>(null);
  const takeFocus = (which: 'pairAgain' | 'treatApart') => (button: HTMLButtonElement | null) => {
    if (button === null || focusNext.current !== which) return;
    focusNext.current = null;
    button.focus();
  };
  if (session === null || result === null || merged === null || selectedId === null) return null;
  const change = result.changeOf.get(selectedId);
  const beforeId = result.removedIds.get(selectedId) ?? result.diff.pairs.get(selectedId) ?? null;
  // Pairings the user undid that involve this unit, to offer pairing them again.
  const apart = session.apart.filter(
    ([earlier, later]) => later === selectedId || (beforeId !== null && earlier === beforeId && result.removedIds.has(selectedId)),
  );
  // The earlier unit it is paired with (not for added and removed units).
  const pairedBeforeId = result.diff.pairs.has(selectedId) ? beforeId : null;
  const unitLink = (mergedId: string | undefined, fallback: string) =>
    mergedId === undefined ? (
      fallback
    ) : (
      <button type="button" className="link-button" onClick={() => showUnit(mergedId, 'changes')}>
        {merged.byId.get(mergedId)?.name ?? mergedId}
      </button>
    );

  return (
    <section className="change-summary" aria-labelledby="change-summary-title">
      <h3 id="change-summary-title">{t.whatChanged}</h3>
      {change === undefined ? (
        <p>{t.unitUnchanged}</p>
      ) : (
        <ul className="change-kinds">
          {change.kinds.map((kind) => (
            <li key={kind} className={`tone-${kind}`}>
              <span className="change-icon" aria-hidden="true">
                {CHANGE_ICONS[kind]}
              </span>
              <strong>{t.changeKinds[kind]}</strong>
              {kind === 'added' ? <> {t.onlyInLater}</> : null}
              {kind === 'removed' ? <> {t.onlyInEarlier}</> : null}
              {kind === 'renamed' ? <> {t.wasNamed(change.nameBefore ?? '')}</> : null}
              {kind === 'moved' ? (
                <>
                  {' '}
                  {t.movedFromToParts[0]}
                  {change.parentBefore === null ? t.fromTop : unitLink(result.mergedIdOfBefore.get(change.parentBefore), change.parentBefore)}
                  {t.movedFromToParts[1]}
                  {change.parentAfter === null ? t.fromTop : unitLink(change.parentAfter, change.parentAfter)}
                  {t.movedFromToParts[2]}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {change !== undefined && change.fields.length > 0 && !change.kinds.includes('added') && !change.kinds.includes('removed') ? (
        <table className="change-fields">
          <thead>
            <tr>
              <th scope="col">{t.aspect}</th>
              <th scope="col">{t.before}</th>
              <th scope="col">{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {change.fields.map((field) => (
              <tr key={field.field}>
                <th scope="row">{t.changedField(field.field)}</th>
                <td>{field.before === '' ? t.nothingStated : field.before}</td>
                <td>{field.after === '' ? t.nothingStated : field.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pairedBeforeId !== null ? (
        <p className="change-match">
          {t.matchedBy[result.diff.matchedBy.get(selectedId) ?? 'id']}{' '}
          {result.diff.matchedBy.get(selectedId) !== 'id' ? t.pairedWith(change?.nameBefore ?? merged.byId.get(selectedId)?.name ?? '', pairedBeforeId) : null}{' '}
          <button
            type="button"
            ref={takeFocus('treatApart')}
            onClick={() => {
              focusNext.current = 'pairAgain';
              setPairedApart([[pairedBeforeId, selectedId]], true);
            }}
          >
            {t.treatApart}
          </button>
        </p>
      ) : null}
      {apart.length > 0 ? (
        <p className="change-match">
          <button
            type="button"
            ref={takeFocus('pairAgain')}
            onClick={() => {
              focusNext.current = 'treatApart';
              setPairedApart(apart, false);
            }}
          >
            {t.pairAgain(apart.length)}
          </button>
        </p>
      ) : null}
    </section>
  );
}
