/**
 * The chart being edited, with its undo history (zundo's temporal middleware
 * records only the document: the chart and its id). Every change, an edit,
 * an undo or a redo, is published at once: the chart is indexed and put in the
 * app store's slot, so the chart, search, outline, compare, export and the
 * address follow it; then it is saved (editSaving.ts).
 */
import { temporal } from 'zundo';
import { create } from 'zustand';

import { type EditWords, editWordsFor } from '../i18n/editWords.ts';
import { editIndex, type EditRefusal, type EditResult, moveUnit } from '../model/edit.ts';
import type { OrgChart } from '../model/schema.ts';
import { hasTimeData, loadedHistory } from '../model/timeData.ts';
import { indexChart, type OrgIndex } from '../model/tree.ts';
import { loadHistoryFor, saveEdited } from './editSaving.ts';
import { chartTitle, PANE_IDS, readyIndex, useStore } from './store.ts';

interface EditDocument {
  readonly chartId: string | null;
  readonly chart: OrgChart | null;
  /** What the edit that made this chart did, in words (kept in memory only): undo and redo say it again. */
  readonly told?: ((w: EditWords) => string) | null;
}

export interface EditState extends EditDocument {
  /** A unit cut (Ctrl+X) to move under the next unit pasted on (Ctrl+V). */
  readonly cutId: string | null;
  /** Charts this tab has changed since it last read them from storage: another tab's save then conflicts. */
  readonly editedHere: readonly string[];
}

export const HISTORY_LIMIT = 100;

export const useEditStore = create<EditState>()(
  temporal(() => ({ chartId: null, chart: null, cutId: null, editedHere: [] }) as EditState, {
    partialize: (state): EditDocument => ({ chartId: state.chartId, chart: state.chart, told: state.told ?? null }),
    // Only a changed document is a step: cutting a unit is not.
    equality: (past, current) => past.chart === current.chart && past.chartId === current.chartId,
    limit: HISTORY_LIMIT,
  }),
);

const history = () => useEditStore.temporal.getState();

/** Whether a chart can be edited in place: one the user brought or made, not a bundled one. */
export function isEditable(chartId: string | null): boolean {
  return chartId !== null && useStore.getState().catalog.some((entry) => entry.id === chartId && entry.origin === 'imported');
}

/** The index edits work on: every unit of the file, dated or not. The displayed index itself when the chart has no past. */
const fullIndexes = new WeakMap<OrgChart, OrgIndex>();
export function fullIndexOf(chart: OrgChart): OrgIndex | null {
  let index = fullIndexes.get(chart) ?? null;
  if (index === null) {
    index = editIndex(chart);
    if (index !== null) fullIndexes.set(chart, index);
  }
  return index;
}

/** The chart as the views show it (today's structure for a chart with a past), indexed. */
function displayIndex(chart: OrgChart): OrgIndex | null {
  const past = hasTimeData(chart) ? loadedHistory() : null;
  if (past === null) return fullIndexOf(chart);
  const indexed = indexChart(past.structureAsOf(chart, null), chart);
  return indexed.ok ? indexed.index : null;
}

/** Starts editing a chart the app has loaded (or stops, with null). The undo history saved with it comes back. */
export function startEditing(chartId: string | null): void {
  const index = chartId === null ? null : readyIndex(useStore.getState(), chartId);
  const chart = index?.fullChart ?? null;
  if (useEditStore.getState().chartId === chartId && useEditStore.getState().chart === chart) return;
  useEditStore.setState({ chartId: chart === null ? null : chartId, chart, told: null, cutId: null });
  history().clear();
  if (chart === null) return;
  // The drawn index serves edits as it is when the chart has no past (fullIndexOf indexes any other on first use).
  if (index?.chart === chart) fullIndexes.set(chart, index);
  void loadHistoryFor(chart).then((stored) => {
    // Still the same chart, and nothing done since: its saved steps become this session's.
    if (!stored || useEditStore.getState().chart !== chart || history().pastStates.length > 0) return;
    useEditStore.temporal.setState({
      pastStates: stored.past.map((past) => ({ chartId, chart: past })),
      futureStates: stored.future.map((future) => ({ chartId, chart: future })),
    });
  });
}

/** Shows a notice in the interface's language with the editor's words. */
export function tell(tone: 'info' | 'warning', words: (w: EditWords) => string): void {
  useStore.getState().showNotice({ tone, text: (m) => words(editWordsFor(m.uiLanguage)) });
}

export function nameIn(chart: OrgChart | null, unitId: string): string {
  return (chart && fullIndexOf(chart)?.byId.get(unitId)?.name) ?? unitId;
}

export function tellRefusal(refusal: EditRefusal): void {
  const chart = useEditStore.getState().chart;
  tell('warning', (w) => w.refused(refusal, (id) => nameIn(chart, id)));
}

/**
 * The edited chart under the name the user gave it in "Your charts" (renamed while editing, or since the step undone
 * was made): the name is the chart's, not a step of its editing, so it is set without a step of its own.
 */
function withCatalogTitle(): OrgChart | null {
  const { chartId, chart } = useEditStore.getState();
  const title = useStore.getState().catalog.find((entry) => entry.id === chartId)?.title;
  if (chart === null || title === undefined || chart.title === title) return chart;
  const titled = { ...chart, title, shortTitle: title };
  history().pause();
  useEditStore.setState({ chart: titled });
  history().resume();
  return titled;
}

/** Puts the edited chart in the app store, keeps each pane's selection where it still exists, and saves. */
function publish(): void {
  const { chartId } = useEditStore.getState();
  const chart = withCatalogTitle();
  if (chartId === null || chart === null) return;
  const index = displayIndex(chart);
  if (index === null) return;
  const app = useStore.getState();
  app.setChartSlot(chartId, { status: 'ready', index });
  for (const pane of PANE_IDS) {
    const state = useStore.getState().panes[pane];
    if (state.chartId !== chartId) continue;
    if (state.selectedId !== null && !index.byId.has(state.selectedId)) useStore.getState().select(index.rootId, pane);
    if (state.focusedId !== null && !index.byId.has(state.focusedId)) useStore.getState().setFocused(index.rootId, pane);
  }
  const steps = history();
  const chartsOf = (states: readonly Partial<EditDocument>[]) => states.flatMap((state) => (state.chartId === chartId && state.chart ? [state.chart] : []));
  void saveEdited(chartTitle(useStore.getState(), chartId), {
    chartId,
    present: chart,
    past: chartsOf(steps.pastStates),
    future: chartsOf(steps.futureStates),
  });
}

/**
 * Makes one edit of the chart being edited: `make` gets its index and returns the new chart or a refusal. Done, the
 * changed unit is selected and shown and `told` is announced; refused, the reason is, and nothing changes.
 */
export function applyEdit(make: (index: OrgIndex) => EditResult, told: (w: EditWords, result: Extract<EditResult, { ok: true }>) => string): boolean {
  const { chart, chartId, editedHere } = useEditStore.getState();
  const index = chart === null ? null : fullIndexOf(chart);
  if (index === null || chartId === null) return false;
  const result = make(index);
  if (!result.ok) {
    tellRefusal(result.refusal);
    return false;
  }
  const said = (w: EditWords) => told(w, result);
  if (result.chart === chart) {
    tell('info', said);
    return true;
  }
  useEditStore.setState({ chart: result.chart, told: said, ...(editedHere.includes(chartId) ? {} : { editedHere: [...editedHere, chartId] }) });
  publish();
  const shown = readyIndex(useStore.getState(), chartId);
  if (shown?.byId.has(result.unitId)) useStore.getState().showUnit(result.unitId, 'main', 'reveal');
  tell('info', said);
  return true;
}

/** Moves a unit with its branch under a new parent (cut and paste, or a drag and drop); refused with why under its own descendant. */
export function moveEditedUnit(unitId: string, parentId: string): boolean {
  const chart = useEditStore.getState().chart;
  return applyEdit(
    (index) => moveUnit(index, unitId, parentId),
    (w) => w.moved(nameIn(chart, unitId), nameIn(chart, parentId)),
  );
}

export function undoEdit(): void {
  if (history().pastStates.length === 0) return tell('info', (w) => w.nothingToUndo);
  // The step undone is the one that made the chart shown now.
  const undone = useEditStore.getState().told ?? null;
  history().undo();
  publish();
  tell('info', (w) => (undone ? w.undoneWhat(undone(w)) : w.undone));
}

export function redoEdit(): void {
  if (history().futureStates.length === 0) return tell('info', (w) => w.nothingToRedo);
  history().redo();
  publish();
  const redone = useEditStore.getState().told ?? null;
  tell('info', (w) => (redone ? w.redoneWhat(redone(w)) : w.redone));
}

export function setCut(unitId: string | null): void {
  useEditStore.setState({ cutId: unitId });
}

/** Replaces the edited chart with one read from storage (another tab's): a new start, with no steps to undo. */
export function replaceEdited(chartId: string, chart: OrgChart): void {
  const { editedHere } = useEditStore.getState();
  useEditStore.setState({ editedHere: editedHere.filter((id) => id !== chartId) });
  if (useEditStore.getState().chartId === chartId) {
    useEditStore.setState({ chart, told: null, cutId: null });
    history().clear();
  }
}
