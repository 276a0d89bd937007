/**
 * The changes between two versions of a chart, on the chart itself: the later version with the earlier one's
 * removed units kept in place, each change marked by colour and by word, a legend that counts and filters them,
 * and the list of changes beside it. App passes in the chart and the details panel, as for the compare view.
 */
import { type ReactNode, useMemo, useState } from 'react';

import { type ChangeKind, changesTable, mergedIdOf } from '../model/diff.ts';
import { tableToCsv } from '../model/table.ts';
import { downloadBlob } from '../shared/download.ts';
import { CHANGES_CHART_ID, expandOnly } from '../store/changes.ts';
import { type AppState, chartTitle, datedIndex, readyIndex, shownSwitchTitle, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { ChangeLegend } from './ChangeLegend.tsx';
import { ChangeList } from './ChangeList.tsx';
import { ChangesToolbar } from './ChangesToolbar.tsx';
import { ChangeSummary } from './ChangeSummary.tsx';
import { type ChangeMarks, shownKinds, useChangeMarks } from './useChangeMarks.ts';

/** What the merged chart is drawn with (App hands it to the chart): the change marks and the old parent of a moved unit. */
export interface ChangeDecorations extends ChangeMarks {
  readonly highlighted: ReadonlySet<string>;
}

export interface ChangesViewProps {
  readonly renderChart: (decorations: ChangeDecorations, label: string) => ReactNode;
  readonly renderDetails: (afterHeader: ReactNode) => ReactNode;
}

export function ChangesView({ renderChart, renderDetails }: ChangesViewProps) {
  const t = useMessages();
  const session = useStore((s) => s.changes);
  const slot = useStore((s) => s.charts[CHANGES_CHART_ID]);
  const merged = useStore((s) => readyIndex(s, CHANGES_CHART_ID));
  const selectedId = useStore((s) => s.panes.changes.selectedId);
  const showNotice = useStore((s) => s.showNotice);
  // Charts by the names the header's switch gives them.
  const shortTitle = (s: AppState, chartId: string) => {
    const entry = s.catalog.find((candidate) => candidate.id === chartId);
    return entry ? shownSwitchTitle(entry, s.preferences).text : chartTitle(s, chartId);
  };
  const beforeTitle = useStore((s) => (s.changes === null ? '' : shortTitle(s, s.changes.before.chartId)));
  const afterTitle = useStore((s) => (s.changes === null ? '' : shortTitle(s, s.changes.after.chartId)));
  const [filter, setFilter] = useState<ChangeKind | null>(null);
  const result = session?.result ?? null;
  const marks = useChangeMarks(result, merged, filter, t);
  // A moved unit selected: its old parent lights up, so its old place is seen on the chart.
  const highlighted = useMemo(() => {
    const change = selectedId === null ? undefined : result?.changeOf.get(selectedId);
    const oldParent = change?.kinds.includes('moved') && change.parentBefore !== null ? result?.mergedIdOfBefore.get(change.parentBefore) : undefined;
    return new Set(oldParent === undefined ? [] : [oldParent]);
  }, [result, selectedId]);
  const decorations = useMemo((): ChangeDecorations => ({ ...marks, highlighted }), [marks, highlighted]);

  if (session === null) return null;
  const before = t.versionName(beforeTitle, session.before.asOf);
  const after = t.versionName(afterTitle, session.after.asOf);
  const title =
    session.before.chartId === session.after.chartId
      ? t.changesOfChart(afterTitle, session.before.asOf ?? t.todayInText, session.after.asOf ?? t.todayInText)
      : t.changesView(before, after);
  const same = session.before.chartId === session.after.chartId && session.before.asOf === session.after.asOf;

  let body: ReactNode;
  if (slot?.status === 'error') {
    body = (
      <div className="chart-message" role="alert">
        <h2>{t.chartLoadFailed}</h2>
        <pre>{slot.message}</pre>
      </div>
    );
  } else if (result === null || merged === null) {
    body = (
      <p className="chart-message" role="status">
        {t.loadingChanges}
      </p>
    );
  } else if (same) {
    body = <p className="chart-message">{t.sameVersion}</p>;
  } else if (result.diff.pairs.size === 0) {
    body = (
      <p className="chart-message" role="status">
        {t.nothingShared(before, after)}
      </p>
    );
  } else {
    const changed = result.diff.changes.filter((change) => shownKinds(change, filter).length > 0);
    const exportList = async () => {
      const state = useStore.getState();
      const earlier = readyIndex(state, session.before.chartId);
      const later = readyIndex(state, session.after.chartId);
      if (earlier === null || later === null) return;
      try {
        const csv = await tableToCsv(changesTable(result.diff, datedIndex(earlier, session.before.asOf), datedIndex(later, session.after.asOf)));
        downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `changes-${session.before.chartId}-${session.after.chartId}.csv`);
      } catch (err) {
        showNotice({ tone: 'error', text: (m) => m.exportFailed(err instanceof Error ? err.message : String(err)) });
      }
    };
    body = (
      <div className="changes-body">
        <section className="changes-side" aria-label={t.changeList}>
          <ChangeLegend
            counts={result.diff.counts}
            filter={filter}
            onFilter={setFilter}
            onExpandChanged={() => expandOnly(changed.map((change) => mergedIdOf(result, change)))}
            onExport={() => void exportList()}
          />
          {result.diff.changes.length === 0 ? <p className="changes-none">{t.noChanges}</p> : <ChangeList result={result} merged={merged} filter={filter} />}
        </section>
        <section className="chart-area changes-chart" aria-label={t.chartRegion}>
          <div className="chart-stage">{renderChart(decorations, title)}</div>
        </section>
        {renderDetails(<ChangeSummary />)}
      </div>
    );
  }

  return (
    <div className="changes-view">
      <h2 className="changes-title">{title}</h2>
      <ChangesToolbar />
      {body}
    </div>
  );
}
