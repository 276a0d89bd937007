/**
 * Charts made to be edited: a new one from nothing, an editable copy of any
 * chart (the bundled files stay as published), and what a tab does when
 * another tab saves a chart it shows: follow it, or, where this tab has edited
 * it too, let the user reload it or keep their own as a copy.
 */
import { type EditWords, editWordsFor } from '../i18n/editWords.ts';
import { newChart } from '../model/edit.ts';
import { loadChart } from '../model/load.ts';
import type { OrgChart } from '../model/schema.ts';
import { replaceEdited, startEditing, tell, useEditStore } from './editing.ts';
import { clearConflict, markConflict, onOtherTabSaved, saveEdited } from './editSaving.ts';
import { titleTaken } from './imported.ts';
import { loadStoredCharts } from './persist.ts';
import { chartTitle, readyIndex, shownSwitchTitle, useStore } from './store.ts';

/** "New chart", then "New chart (2)", …: charts in the switch must be told apart. */
function freeTitle(title: string): string {
  const { catalog } = useStore.getState();
  if (!titleTaken(catalog, '', title)) return title;
  let n = 2;
  while (titleTaken(catalog, '', `${title} (${n})`)) n += 1;
  return `${title} (${n})`;
}

function freeChartId(base: string): string {
  const state = useStore.getState();
  const taken = (id: string) => state.catalog.some((entry) => entry.id === id) || id in state.charts;
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** Adds a chart the user owns, opens it for editing (at `unitId`, where given) and saves it. */
function addOwnChart(chart: OrgChart, told: (w: EditWords, title: string) => string, unitId: string | null = null): boolean {
  const loaded = loadChart(chart, chart.title);
  if (!loaded.ok) return false;
  const store = useStore.getState();
  store.setCatalog([...store.catalog, { id: chart.id, title: chart.title, shortTitle: chart.title, origin: 'imported' }]);
  store.setChartSlot(chart.id, { status: 'ready', index: loaded.index });
  useStore.getState().openChart(chart.id, unitId);
  startEditing(chart.id);
  // Keyboard focus goes on to the chart, as soon as it is drawn: the button pressed may be gone (Make an editable copy).
  useStore.getState().focusTree('main');
  tell('info', (w) => told(w, chart.title));
  void saveEdited(chart.title, { chartId: chart.id, present: loaded.index.fullChart, past: [], future: [] });
  return true;
}

/** A chart of one top unit, to build from. */
export function createNewChart(words: EditWords): void {
  const title = freeTitle(words.newChartTitle);
  const id = freeChartId(title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-'));
  addOwnChart(newChart(id, title, words.newTopUnit), (w, shown) => w.newChartMade(shown));
  const root = readyIndex(useStore.getState(), id)?.rootId;
  if (root !== undefined) useStore.getState().setFocused(root);
}

/** An editable copy of a chart (the file's whole chart, past and all), under a title and id of its own. */
export function makeEditableCopy(chartId: string, titled: (title: string) => string = (title) => title): boolean {
  const index = readyIndex(useStore.getState(), chartId);
  if (index === null) return false;
  const source = useEditStore.getState().chartId === chartId ? (useEditStore.getState().chart ?? index.fullChart) : index.fullChart;
  // Named as the switch names the original ("NPCSC General Office (copy)", "国务院办公厅（副本）"), and open where it was.
  const entry = useStore.getState().catalog.find((candidate) => candidate.id === chartId);
  const name = entry ? shownSwitchTitle(entry, useStore.getState().preferences).text : chartTitle(useStore.getState(), chartId);
  const title = freeTitle(titled(name));
  const main = useStore.getState().panes.main;
  const unitId = main.chartId === chartId ? main.selectedId : null;
  return addOwnChart({ ...source, id: freeChartId(`${chartId}-copy`), title, shortTitle: title }, (w, shown) => w.copyMade(shown), unitId);
}

async function storedChart(chartId: string): Promise<OrgChart | null> {
  const stored = await loadStoredCharts();
  return stored.ok ? (stored.charts.find((entry) => entry.chart.id === chartId)?.chart ?? null) : null;
}

/** Shows the chart as storage has it now (another tab's save), dropping this tab's unsaved view of it. */
export async function reloadFromStorage(chartId: string): Promise<void> {
  const chart = await storedChart(chartId);
  const loaded = chart === null ? null : loadChart(chart, chartId);
  clearConflict(chartId);
  if (!loaded?.ok) return;
  replaceEdited(chartId, loaded.index.fullChart);
  useStore.getState().setChartSlot(chartId, { status: 'ready', index: loaded.index });
}

/** Keeps this tab's version as a chart of its own, and shows the other tab's under the original name. */
export async function keepMineAsCopy(chartId: string): Promise<void> {
  const mine = useEditStore.getState().chartId === chartId ? useEditStore.getState().chart : null;
  if (mine === null) return reloadFromStorage(chartId);
  await reloadFromStorage(chartId);
  const title = freeTitle(editWordsFor(useStore.getState().preferences.language).mineTitle(chartTitle(useStore.getState(), chartId)));
  addOwnChart({ ...mine, id: freeChartId(`${chartId}-mine`), title, shortTitle: title }, (w, shown) => w.copyMade(shown));
}

/** Follows other tabs' saves: a chart this tab has not changed is reloaded; one it has is held for the user to choose. */
export function followOtherTabs(): () => void {
  return onOtherTabSaved((chartId) => {
    if (!(chartId in useStore.getState().charts)) return;
    if (useEditStore.getState().editedHere.includes(chartId)) {
      markConflict(chartId);
      return;
    }
    void reloadFromStorage(chartId).then(() => tell('info', (w) => w.followedOtherTab(chartTitle(useStore.getState(), chartId))));
  });
}
