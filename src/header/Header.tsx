/** The app bar: what this is, and which chart is on screen. */
import { useStore } from '../store/store.ts';

export function Header() {
  const manifest = useStore((s) => s.manifest);
  const activeChartId = useStore((s) => s.activeChartId);
  const openChart = useStore((s) => s.openChart);

  return (
    <header className="app-header">
      <div className="brand">
        <h1>General Offices of China</h1>
        <p className="tagline">How the NPC Standing Committee’s and the State Council’s General Offices are organized</p>
      </div>
      {manifest.length > 0 ? (
        <fieldset className="chart-switch">
          <legend className="visually-hidden">Chart</legend>
          {manifest.map((entry) => (
            <label key={entry.id} className={entry.id === activeChartId ? 'is-active' : undefined} title={entry.title}>
              <input
                type="radio"
                name="chart"
                value={entry.id}
                checked={entry.id === activeChartId}
                onChange={() => openChart(entry.id)}
                aria-label={entry.title}
              />
              {entry.shortTitle ?? entry.title}
            </label>
          ))}
        </fieldset>
      ) : null}
    </header>
  );
}
