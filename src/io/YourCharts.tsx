/** The charts a user imported: open, rename or delete them. */
import { useRef, useState } from 'react';
import { removeImportedChart, renameImportedChart } from '../store/imported.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useDetailsMenu } from '../shared/dom.ts';
import { useStore } from '../store/store.ts';

export function YourCharts() {
  const catalog = useStore((s) => s.catalog);
  const openChart = useStore((s) => s.openChart);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const menu = useDetailsMenu(detailsRef);
  const t = useMessages();
  const imported = catalog.filter((entry) => entry.origin === 'imported');
  if (imported.length === 0) return null;

  return (
    <details className="your-charts" ref={detailsRef} onKeyDown={menu.onKeyDown}>
      <summary className="header-button">{t.yourChartsCount(imported.length)}</summary>
      <ul className="your-charts-list" aria-label={t.yourCharts}>
        {imported.map((entry) => (
          <li key={entry.id}>
            {editing === entry.id ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void renameImportedChart(entry.id, draft);
                  setEditing(null);
                }}
              >
                <input
                  aria-label={t.newNameFor(entry.title)}
                  value={draft}
                  required
                  onChange={(event) => setDraft(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Escape') return;
                    // Escape in the name field cancels the rename; the menu stays open.
                    event.stopPropagation();
                    setEditing(null);
                  }}
                  autoFocus
                />
                <button type="submit" disabled={draft.trim() === ''} title={draft.trim() === '' ? t.needsName : undefined}>
                  {t.save}
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t.cancel}
                </button>
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
