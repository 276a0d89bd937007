/** The charts a user imported: open, rename or delete them. */
import { useRef, useState } from 'react';
import { removeImportedChart, renameImportedChart } from '../store/imported.ts';
import { useStore } from '../store/store.ts';

export function YourCharts() {
  const catalog = useStore((s) => s.catalog);
  const openChart = useStore((s) => s.openChart);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const imported = catalog.filter((entry) => entry.origin === 'imported');
  if (imported.length === 0) return null;

  return (
    <details className="your-charts" ref={detailsRef}>
      <summary className="header-button">Your charts ({imported.length})</summary>
      <ul className="your-charts-list" aria-label="Your charts">
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
                  aria-label={`New name for ${entry.title}`}
                  value={draft}
                  required
                  onChange={(event) => setDraft(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') setEditing(null);
                  }}
                  autoFocus
                />
                <button type="submit" disabled={draft.trim() === ''} title={draft.trim() === '' ? 'A chart needs a name' : undefined}>
                  Save
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    openChart(entry.id);
                    if (detailsRef.current) detailsRef.current.open = false;
                  }}
                >
                  {entry.title}
                </button>
                <span className="your-charts-actions">
                  <button
                    type="button"
                    aria-label={`Rename ${entry.title}`}
                    onClick={() => {
                      setDraft(entry.title);
                      setEditing(entry.id);
                    }}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${entry.title}`}
                    onClick={() => {
                      if (window.confirm(`Delete “${entry.title}” from this browser? The file you imported is not touched.`)) void removeImportedChart(entry.id);
                    }}
                  >
                    Delete
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
