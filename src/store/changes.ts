/**
 * The changes view's actions: open two versions of a chart (two dates of a
 * bundled office, or two charts), diff them once both are loaded, and show the
 * merged chart in the `changes` pane under its own chart id, so selection,
 * folding and view moves work there as in any pane.
 */
import { branchIds, indexChart, type OrgIndex, pathToRoot } from '../model/tree.ts';
import { type ChartVersion, collapseKey, datedIndex, readyIndex, useStore } from './store.ts';

/** The merged chart's id in the store's chart slots: never an id a chart file can have (the importer's ids have no "~"). */
export const CHANGES_CHART_ID = '~changes';

type VersionIndex = { status: 'ready'; index: OrgIndex } | { status: 'loading' } | { status: 'error'; message: string };

function versionIndex(version: ChartVersion): VersionIndex {
  const state = useStore.getState();
  const slot = state.charts[version.chartId];
  if (slot === undefined || slot.status === 'loading') return { status: 'loading' };
  if (slot.status === 'error') return { status: 'error', message: slot.message };
  const today = readyIndex(state, version.chartId) as OrgIndex;
  return { status: 'ready', index: datedIndex(today, version.asOf) };
}

/** Counts the diffs asked for, so one overtaken by a newer pair or pairing is dropped. */
let latestRun = 0;

/**
 * Diffs the session's two versions once both are loaded and puts the merged chart in its slot; a chart not loaded
 * yet leaves the slot loading (the store's subscription below tries again when it loads). The diff's code loads
 * with the first use, so the slot is set loading at once. `keep`: the unit to select if the selected one is gone.
 */
async function refresh(keep: string | null = null): Promise<void> {
  const run = ++latestRun;
  const session = useStore.getState().changes;
  if (session === null) return;
  // A pair not diffed yet shows loading; a pair diffed again in place (a pairing undone) keeps its chart, selection and view.
  if (useStore.getState().charts[CHANGES_CHART_ID]?.status !== 'ready') useStore.getState().setChartSlot(CHANGES_CHART_ID, { status: 'loading' });
  const { diffCharts, mergeVersions, pairKey } = await import('../model/diff.ts');
  if (run !== latestRun) return;
  const before = versionIndex(session.before);
  const after = versionIndex(session.after);
  const { setChartSlot } = useStore.getState();
  if (before.status === 'error' || after.status === 'error') {
    setChartSlot(CHANGES_CHART_ID, { status: 'error', message: before.status === 'error' ? before.message : (after as { message: string }).message });
    return;
  }
  if (before.status !== 'ready' || after.status !== 'ready') return;
  const diff = diffCharts(before.index, after.index, new Set(session.apart.map(([earlier, later]) => pairKey(earlier, later))));
  const merged = mergeVersions(before.index, after.index, diff, after.index.chart.title);
  const indexed = indexChart(merged.chart);
  // A merged chart of two valid trees is a tree (the tests prove it); were it not, say so rather than show half of it.
  if (!indexed.ok) {
    setChartSlot(CHANGES_CHART_ID, { status: 'error', message: indexed.problems.map((problem) => problem.message).join('; ') });
    return;
  }
  useStore.setState({ changes: { ...session, result: { ...merged, diff } } });
  setChartSlot(CHANGES_CHART_ID, { status: 'ready', index: indexed.index });
  // A selection the new diff has no unit for (a pairing undone, a source chart edited) moves to `keep`, else the top.
  const state = useStore.getState();
  const selected = state.panes.changes.selectedId;
  if (selected !== null && !indexed.index.byId.has(selected)) {
    if (keep !== null && indexed.index.byId.has(keep)) state.showUnit(keep, 'changes');
    else state.showUnit(indexed.index.rootId, 'changes');
  }
}

let watching = false;
/** Re-diffs when a chart of the session loads or changes (a rename, an edit), while the changes view is open. */
function watchSources(): void {
  if (watching) return;
  watching = true;
  useStore.subscribe((state, previous) => {
    const session = state.changes;
    if (session === null || state.view !== 'changes') return;
    const touched = [session.before.chartId, session.after.chartId].some((id) => state.charts[id] !== previous.charts[id]);
    if (touched) void refresh();
  });
}

/** Opens the changes view for two versions, with a unit of the merged chart selected (as from a link). */
export function openChanges(before: ChartVersion, after: ChartVersion, unitId: string | null = null): void {
  watchSources();
  const state = useStore.getState();
  // The same pair (back and forward through its units): only the selection moves; the diff and its folds stay.
  const session = state.changes;
  if (state.view === 'changes' && session !== null && sameVersion(session.before, before) && sameVersion(session.after, after)) {
    if (readyIndex(state, CHANGES_CHART_ID) === null)
      useStore.setState({ panes: { ...state.panes, changes: { ...state.panes.changes, pendingUnitId: unitId } } });
    else state.openChart(CHANGES_CHART_ID, unitId, 'changes');
    return;
  }
  // Another pair opens folded afresh, to a readable size, and never shows the last pair's chart while it loads; the
  // unit asked for is selected once the diff is made (see setChartSlot). One update, so the address records one step.
  const foldKey = collapseKey('changes', CHANGES_CHART_ID);
  const collapsedByChart = Object.fromEntries(Object.entries(state.collapsedByChart).filter(([key]) => key !== foldKey));
  const charts = { ...state.charts, [CHANGES_CHART_ID]: { status: 'loading' as const } };
  const panes = { ...state.panes, changes: { ...state.panes.changes, chartId: CHANGES_CHART_ID, selectedId: null, focusedId: null, pendingUnitId: unitId } };
  useStore.setState({ changes: { before, after, apart: [], result: null }, collapsedByChart, charts, panes, view: 'changes', hovered: null, notice: null });
  void refresh();
}

const sameVersion = (a: ChartVersion, b: ChartVersion) => a.chartId === b.chartId && a.asOf === b.asOf;

/** Back to the chart view, on the later version. */
export function closeChanges(): void {
  const { changes, openChart } = useStore.getState();
  if (changes === null) {
    useStore.setState({ view: 'chart' });
    return;
  }
  openChart(changes.after.chartId, null, 'main', changes.after.asOf);
  // The merged chart (as many units as both versions) is not kept once the view is closed.
  useStore.setState((state) => ({ changes: null, charts: Object.fromEntries(Object.entries(state.charts).filter(([id]) => id !== CHANGES_CHART_ID)) }));
}

/**
 * "Treat as different units" (`apart`: true) or "pair them again": the diff is made again without (or with) the
 * pairing. The selection stays on the later unit, or moves to it from the earlier one that is no longer shown apart.
 */
export function setPairedApart(pairs: readonly (readonly [string, string])[], apart: boolean): void {
  const session = useStore.getState().changes;
  if (session === null || pairs.length === 0) return;
  const listed = (earlier: string, later: string) => pairs.some(([beforeId, afterId]) => beforeId === earlier && afterId === later);
  const others = session.apart.filter(([earlier, later]) => !listed(earlier, later));
  useStore.setState({ changes: { ...session, apart: apart ? [...others, ...pairs] : others } });
  void refresh(pairs[0]?.[1] ?? null);
}

/**
 * "Expand changed": folds every branch of the merged chart but those that lead to one of `unitIds` (and to the
 * selected unit, which stays on screen), so the changes are in view and the rest is out of the way.
 */
export function expandOnly(unitIds: readonly string[]): void {
  const state = useStore.getState();
  const index = readyIndex(state, CHANGES_CHART_ID);
  if (index === null) return;
  const collapsed = new Set(branchIds(index));
  const selected = state.panes.changes.selectedId;
  for (const id of selected === null ? unitIds : [...unitIds, selected]) {
    // Its ancestors open; the unit itself keeps its branch folded unless a change lies below it.
    for (const ancestor of pathToRoot(index, id).slice(0, -1)) collapsed.delete(ancestor);
  }
  useStore.setState({ collapsedByChart: { ...state.collapsedByChart, [collapseKey('changes', CHANGES_CHART_ID)]: collapsed } });
  state.moveView('changes', { kind: 'fit' });
}
