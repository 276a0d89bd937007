/** The header's way into editing: a new chart, editing a chart of one's own, or an editable copy of a bundled one. */
import { useEffect } from 'react';

import { createNewChart, followOtherTabs, makeEditableCopy } from '../store/editCharts.ts';
import { isEditable, startEditing, useEditStore } from '../store/editing.ts';
import { useStore } from '../store/store.ts';
import { useEditWords } from './actions.ts';

export function EditControls() {
  const mainChartId = useStore((s) => s.panes.main.chartId);
  const view = useStore((s) => s.view);
  const editable = useStore((s) => s.catalog.some((entry) => entry.id === s.panes.main.chartId && entry.origin === 'imported'));
  const ready = useStore((s) => s.panes.main.chartId !== null && s.charts[s.panes.main.chartId]?.status === 'ready');
  const editing = useEditStore((s) => s.chartId !== null && s.chartId === mainChartId);
  const w = useEditWords();
  // Other tabs' saves: followed, or told where this tab has edited the same chart.
  useEffect(() => followOtherTabs(), []);

  return (
    <div className="edit-controls">
      <button type="button" className="header-button" onClick={() => createNewChart(w)}>
        {w.newChart}
      </button>
      {view !== 'chart' || !ready ? null : editable ? (
        <button
          type="button"
          className="header-button"
          aria-pressed={editing}
          title={w.editHint}
          onClick={() => startEditing(editing || !isEditable(mainChartId) ? null : mainChartId)}
        >
          {w.edit}
        </button>
      ) : (
        <button
          type="button"
          className="header-button"
          title={w.makeCopyHint}
          onClick={() => {
            if (mainChartId !== null) makeEditableCopy(mainChartId, w.copyTitle);
          }}
        >
          {w.makeCopy}
        </button>
      )}
    </div>
  );
}
