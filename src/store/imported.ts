/**
 * Charts the user brings: added beside the bundled ones, kept in the browser,
 * renamed and deleted. Storage trouble is told plainly; the chart still works
 * for the session.
 */
import type { Messages } from '../i18n/messages.ts';
import { formatLoadError } from '../model/loadBasics.ts';
import { comparableText } from '../model/normalise.ts';
import type { OrgChart } from '../model/schema.ts';
import { documentHasTimeData, loadHistory } from '../model/timeData.ts';
import type { OrgIndex } from '../model/tree.ts';
import { deleteStoredChart, hasStoredCharts, loadStoredCharts, saveChart } from './persist.ts';
import { type CatalogEntry, useStore } from './store.ts';

function withEntry(entries: readonly CatalogEntry[], entry: CatalogEntry): CatalogEntry[] {
  const others = entries.filter((e) => e.id !== entry.id);
  return [...others, entry];
}

export function takenChartIds(): Set<string> {
  const state = useStore.getState();
  return new Set([...state.catalog.map((entry) => entry.id), ...Object.keys(state.charts)]);
}

/** Resolves just after the next frame is drawn, or after 200 ms in a tab that draws no frames (hidden). */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 200);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

/** "small-team", then "small-team (2)", … so charts in the switch and in "Your charts" can be told apart. */
function freeTitle(title: string, chartId: string): string {
  const { catalog } = useStore.getState();
  // The same test as renaming: another chart's full, switch or Chinese title, whatever the case.
  if (!titleTaken(catalog, chartId, title)) return title;
  let n = 2;
  while (titleTaken(catalog, chartId, `${title} (${n})`)) n += 1;
  return `${title} (${n})`;
}

/**
 * Adds an imported chart, shows it, and saves it; resolves once saving has been tried. `notes`: what the import did to
 * the file (a root added, names taken from ids), in the words of the interface's language.
 */
export async function addImportedChart(imported: OrgIndex, fileName: string, notes: (m: Messages) => readonly string[] = () => []): Promise<void> {
  const store = useStore.getState();
  const title = freeTitle(imported.chart.title, imported.chart.id);
  const index = title === imported.chart.title ? imported : retitled(imported, title);
  const chart = index.chart;
  store.setCatalog(withEntry(store.catalog, { id: chart.id, title: chart.title, shortTitle: chart.shortTitle ?? chart.title, origin: 'imported' }));
  store.setChartSlot(chart.id, { status: 'ready', index });
  useStore.getState().openChart(chart.id);
  const told = (m: Messages) => m.sentences([m.imported(fileName, index.byId.size), ...notes(m)]);
  // Saving copies the whole chart on this thread (IndexedDB's structured clone: ~35 ms at 10,000 units, a few hundred
  // at 100,000): it waits until the chart's first frame is drawn and the page is idle, so it holds up neither that
  // frame nor the next. The notice comes once the chart is kept, so "Imported" also means it will be there after a reload.
  await afterNextPaint();
  await pageIdle(SAVE_WAIT_MS);
  const saved = await saveChart({ chart, title: chart.title, savedAt: Date.now() });
  useStore
    .getState()
    .showNotice(saved.ok ? { tone: 'info', text: told } : { tone: 'warning', text: (m) => m.sentences([told(m), m.storageProblem('save', saved.problem)]) });
}

/** The longest an imported chart waits for an idle moment to be saved. */
const SAVE_WAIT_MS = 500;

/** The same index under another title: only the chart's title changes, so its tree need not be indexed again. */
function retitled(index: OrgIndex, title: string): OrgIndex {
  const chart = { ...index.chart, title, shortTitle: title };
  const fullChart = index.fullChart === index.chart ? chart : { ...index.fullChart, title, shortTitle: title };
  return { ...index, chart, fullChart };
}

/** Resolves when the page is next idle (or after `timeout` ms, or at once where there are no idle callbacks). */
export function pageIdle(timeout: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else resolve();
  });
}

/** Whether a chart other than `id` is already called this, in full or in the switch (ignoring case, runs of spaces and curly apostrophes: see comparableText): two such charts could not be told apart. */
export function titleTaken(catalog: readonly CatalogEntry[], id: string, title: string): boolean {
  const wanted = comparableText(title);
  return catalog.some(
    (entry) => entry.id !== id && [entry.title, entry.shortTitle, entry.nativeShortTitle].some((name) => name !== undefined && comparableText(name) === wanted),
  );
}

export async function renameImportedChart(chartId: string, title: string): Promise<void> {
  const store = useStore.getState();
  const slot = store.charts[chartId];
  const trimmed = title.trim();
  if (trimmed === '' || slot?.status !== 'ready' || titleTaken(store.catalog, chartId, trimmed)) return;
  const index = retitled(slot.index, trimmed);
  const chart: OrgChart = index.fullChart;
  store.setCatalog(store.catalog.map((entry) => (entry.id === chartId ? { ...entry, title: trimmed, shortTitle: trimmed } : entry)));
  store.setChartSlot(chartId, { status: 'ready', index });
  const saved = await saveChart({ chart, title: trimmed, savedAt: Date.now() });
  if (!saved.ok) useStore.getState().showNotice({ tone: 'warning', text: (m) => m.storageProblem('save', saved.problem) });
}

export async function removeImportedChart(chartId: string): Promise<void> {
  const store = useStore.getState();
  const remaining = store.catalog.filter((entry) => entry.id !== chartId);
  const charts = Object.fromEntries(Object.entries(store.charts).filter(([id]) => id !== chartId));
  useStore.setState({ catalog: remaining, charts });
  const fallback = remaining[0]?.id;
  const state = useStore.getState();
  const comparedHere = state.view === 'compare' && (state.panes.left.chartId === chartId || state.panes.right.chartId === chartId);
  const mainGone = state.panes.main.chartId === chartId || state.panes.main.chartId === null;
  const inChanges = state.view === 'changes' && state.changes !== null && [state.changes.before.chartId, state.changes.after.chartId].includes(chartId);
  // Leave compare or the changes view if the chart was in it; the main view falls back to a chart that still exists.
  if (inChanges) state.openChart(mainGone ? (fallback ?? chartId) : (state.panes.main.chartId ?? chartId));
  else if (mainGone && (comparedHere || state.view === 'chart') && fallback) state.openChart(fallback);
  else if (comparedHere) state.closeCompare();
  else if (state.view === 'compare' && state.panes.main.chartId === chartId) {
    // Still comparing other charts: the hidden main view forgets the chart, and closing compare shows the left one.
    useStore.setState((current) => ({ panes: { ...current.panes, main: { ...current.panes.main, chartId: null, selectedId: null, focusedId: null } } }));
  }
  const removed = await deleteStoredChart(chartId);
  // The editing code loads only when something is edited; a deleted chart's undo history goes with it.
  await (await import('./editSaving.ts')).forgetHistory(chartId);
  useStore
    .getState()
    .showNotice(removed.ok ? { tone: 'info', text: (m) => m.chartDeleted } : { tone: 'warning', text: (m) => m.storageProblem('delete', removed.problem) });
}

/** Brings back the charts saved in earlier visits. Runs at start-up, beside the bundled charts. */
export async function restoreImportedCharts(): Promise<void> {
  // Saved charts may come from an older version of the app: each is checked against the schema, whose code loads only
  // when there are some. It loads before they are read, so nothing waits between reading them and showing them: another
  // tab's save in that gap would be missed (its message is for a chart this tab does not have yet).
  const checks = (await hasStoredCharts()) ? await import('../model/load.ts') : null;
  const stored = await loadStoredCharts();
  const store = useStore.getState();
  if (!stored.ok) {
    store.showNotice({ tone: 'warning', text: (m) => m.storageProblem('restore', stored.problem) });
    return;
  }
  if (stored.charts.length === 0) return;
  const problems: string[] = [];
  if (stored.charts.some((entry) => documentHasTimeData(entry.chart))) await loadHistory();
  const { loadChart } = checks ?? (await import('../model/load.ts'));
  for (const entry of stored.charts) {
    const loaded = loadChart(entry.chart, entry.title);
    if (!loaded.ok) {
      problems.push(formatLoadError(loaded.error));
      continue;
    }
    const chart = loaded.index.chart;
    const current = useStore.getState();
    current.setCatalog(withEntry(current.catalog, { id: chart.id, title: entry.title, shortTitle: entry.title, origin: 'imported' }));
    current.setChartSlot(chart.id, { status: 'ready', index: loaded.index });
  }
  if (problems.length > 0) useStore.getState().showNotice({ tone: 'warning', text: (m) => m.savedChartNotRestored(problems.join('; ')) });
}
