/** A labelled choice of one of the charts (bundled and imported), named as the header names them; compare's sides and the changes view's versions. */
import { shownShortTitle, useStore } from '../store/store.ts';

export function ChartSelect({ label, value, onChange }: { label: string; value: string | null; onChange: (chartId: string) => void }) {
  const catalog = useStore((s) => s.catalog);
  const preferences = useStore((s) => s.preferences);
  return (
    <label className="compare-picker">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {catalog.map((entry) => {
          // A Chinese interface or Chinese names: the offices by their Chinese names, as in the header.
          const shown = shownShortTitle(entry, preferences);
          return (
            <option key={entry.id} value={entry.id}>
              {shown.native ? shown.text : entry.title}
            </option>
          );
        })}
      </select>
    </label>
  );
}
