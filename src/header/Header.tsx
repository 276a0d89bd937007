/** The app bar: what this is, which chart is on screen, and the slots App fills (search, compare, import). */
import type { ReactNode } from 'react';
import { useStore } from '../store/store.ts';

export function Header({ children }: { children?: ReactNode }) {
  const catalog = useStore((s) => s.catalog);
  const view = useStore((s) => s.view);
  const activeChartId = useStore((s) => s.panes.main.chartId);
  const openChart = useStore((s) => s.openChart);

  return (
    <header className="app-header">
      <div className="brand">
        <h1>General Offices of China</h1>
        <p className="tagline">How the NPC Standing Committee’s and the State Council’s General Offices are organized</p>
      </div>
      {catalog.length > 0 ? (
        <fieldset className="chart-switch">
          <legend className="visually-hidden">Chart</legend>
          {catalog.map((entry) => {
            const active = view === 'chart' && entry.id === activeChartId;
            return (
              <label key={entry.id} className={active ? 'is-active' : undefined} title={entry.title}>
                <input
                  type="radio"
                  name="chart"
                  value={entry.id}
                  checked={active}
                  onChange={() => openChart(entry.id)}
                  onClick={() => {
                    // Clicking the chart already shown leaves the compare view for it.
                    if (view === 'compare') openChart(entry.id);
                  }}
                  aria-label={entry.title}
                />
                {entry.shortTitle ?? entry.title}
              </label>
            );
          })}
        </fieldset>
      ) : null}
      <div className="header-tools">{children}</div>
    </header>
  );
}
