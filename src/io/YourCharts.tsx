/** The charts a user imported: open, rename or delete them. */
import { useEffect, useId, useRef, useState } from 'react';

import { useDetailsMenu } from '../shared/dom.ts';
import { openChanges } from '../store/changes.ts';
import { removeImportedChart, renameImportedChart, titleTaken } from '../store/imported.ts';
import { useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

export function YourCharts() {
  const catalog = useStore((s) => s.catalog);
  const openChart = useStore((s) => s.openChart);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  /** The chart whose Rename button takes focus back when its name field closes, so focus never drops to the page. */
  const refocus = useRef<string | null>(null);
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const takenId = useId();
  const menu = useDetailsMenu(detailsRef);
  const t = useMessages();
  useEffect(() => {
    if (refocus.current === null || editing !== null) return;
    renameButtons.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [editing]);
  const stopEditing = (id: string) => {
    refocus.current = id;
    setEditing(null);
  };
  const imported = catalog.filter((entry) => entry.origin === 'imported');
  if (imported.length === 0) return null;
  // Two charts of one name could not be told apart in the switch, in compare or here.
  const draftTaken = editing !== null && titleTaken(catalog, editing, draft);

  return (
    <details className="your-charts" ref={detailsRef} onKeyDown={menu.onKeyDown}>
      <summary className="header-button">{t.yourChartsCount(imported.length)}</summary>
      <ul className="your-charts-list" aria-label={t.yourCharts}>
        {imported.map((entry) => (
          <li key={entry.id}>
            {editing === entry.id ? (
              <form
                className="rename-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void renameImportedChart(entry.id, draft);
                  stopEditing(entry.id);
                }}
              >
                <input
                  aria-label={t.newNameFor(entry.title)}
                  value={draft}
                  required
                  aria-invalid={draftTaken || undefined}
                  aria-describedby={draftTaken ? takenId : undefined}
                  onChange={(event) => setDraft(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Escape') return;
                    // Escape in the name field cancels the rename; the menu stays open.
                    event.stopPropagation();
                    stopEditing(entry.id);
                  }}
                  autoFocus
                />
                <button type="submit" disabled={draft.trim() === '' || draftTaken} title={draft.trim() === '' ? t.needsName : undefined}>
                  {t.save}
                </button>
                <button type="button" onClick={() => stopEditing(entry.id)}>
                  {t.cancel}
                </button>
                {draftTaken ? (
                  <p id={takenId} className="field-error" role="alert">
                    {t.nameTaken(draft.trim())}
                  </p>
                ) : null}
              </form>
            ) : (
              <>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    openChart(entry.id);
                    menu.close();
                  }}
                >
                  {entry.title}
                </button>
                <span className="your-charts-actions">
                  <button
                    ref={(button) => {
                      if (button) renameButtons.current.set(entry.id, button);
                      else renameButtons.current.delete(entry.id);
                    }}
                    type="button"
                    aria-label={t.renameChart(entry.title)}
                    onClick={() => {
                      setDraft(entry.title);
                      setEditing(entry.id);
                    }}
                  >
                    {t.rename}
                  </button>
                  <button
                    type="button"
                    aria-label={t.changesWith(entry.title)}
                    title={t.changesAgainst}
                    onClick={() => {
                      // Against the chart brought last besides it, else the first bundled one, the one brought earlier
                      // counting as the earlier version (the catalog lists imports as they came); the view's pickers change either.
                      const others = catalog.filter((other) => other.id !== entry.id);
                      const against = others.filter((other) => other.origin === 'imported').at(-1) ?? others[0];
                      if (against === undefined) return;
                      menu.close();
                      const [earlier, later] = catalog.indexOf(against) < catalog.indexOf(entry) ? [against, entry] : [entry, against];
                      openChanges({ chartId: earlier.id, asOf: null }, { chartId: later.id, asOf: null });
                    }}
                  >
                    {t.changesButton}
                  </button>
                  <button
                    type="button"
                    aria-label={t.deleteChart(entry.title)}
                    onClick={() => {
                      if (window.confirm(t.confirmDelete(entry.title))) void removeImportedChart(entry.id);
                    }}
                  >
                    {t.delete}
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
