/**
 * Fetches the bundled charts listed in public/data/manifest.json. Each chart
 * loads on its own: one broken file shows its error and the others still work.
 */
import type * as LoadModule from '../model/load.ts';
import { type ChartLoadResult, formatLoadError, indexShippedChart, looksLikeChart, looksLikeManifest, parseJsonText } from '../model/loadBasics.ts';
import type { Manifest } from '../model/schema.ts';
import { documentHasTimeData, loadHistory } from '../model/timeData.ts';
import type { OrgIndex } from '../model/tree.ts';
import { afterNextPaint, pageIdle } from './imported.ts';
import { type AppState, useStore } from './store.ts';
import { readLocation } from './url.ts';

const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

/** How long the first render waits for the opening chart (on a slow network the page shows "Loading chart…" after it), and the other charts for the first view. */
export const OPENING_WAIT_MS = 400;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not be fetched (HTTP ${response.status})`);
  return response.text();
}

export async function loadChartFile(chartId: string, file: string): Promise<void> {
  const { setChartSlot } = useStore.getState();
  setChartSlot(chartId, { status: 'loading' });
  let text: string;
  try {
    text = await fetchText(DATA_BASE + file);
  } catch (err) {
    setChartSlot(chartId, { status: 'error', message: `${file}: ${err instanceof Error ? err.message : String(err)}` });
    return;
  }
  const json = parseJsonText(text, file);
  if (!json.ok) {
    setChartSlot(chartId, { status: 'error', message: formatLoadError(json.error) });
    return;
  }
  // A chart with a past needs the history model to be shown as it stands today (its download began with the app's).
  if (documentHasTimeData(json.value)) await loadHistory();
  const document = json.value;
  const quick = looksLikeChart(document) ? indexShippedChart(document, file) : null;
  let loaded: ChartLoadResult;
  try {
    loaded = quick ?? (await loadSchemaChecks()).loadChart(document, file);
  } catch (err) {
    // The checking code could not be fetched (offline, or the site updated since the page loaded).
    setChartSlot(chartId, { status: 'error', message: `${file}: ${err instanceof Error ? err.message : String(err)}` });
    return;
  }
  setChartSlot(chartId, loaded.ok ? { status: 'ready', index: loaded.index } : { status: 'error', message: formatLoadError(loaded.error) });
  if (quick !== null) void checkInFullWhenIdle(chartId, quick.index, document, file);
}

/**
 * The schema's code (zod: 26 KB gzip) is not in the first download. A shipped file that has the shape of a chart opens
 * without it, and is checked in full once its first frame is drawn and the page is idle: should a broken file reach a
 * build, its chart gives way to the same specific message an import would get.
 */
function loadSchemaChecks(): Promise<typeof LoadModule> {
  return import('../model/load.ts');
}

async function checkInFullWhenIdle(chartId: string, shown: OrgIndex, document: unknown, file: string): Promise<void> {
  await afterNextPaint();
  await pageIdle(2000);
  // Without its code (offline) the check waits for another visit: the chart passed the quick look and stays.
  const checked = await loadSchemaChecks().then(
    (checks) => checks.loadChart(document, file),
    () => null,
  );
  if (checked === null) return;
  const slot = useStore.getState().charts[chartId];
  if (checked.ok || slot?.status !== 'ready' || slot.index !== shown) return;
  useStore.getState().setChartSlot(chartId, { status: 'error', message: formatLoadError(checked.error) });
}

/** Loads the manifest, then every chart it lists, in parallel. `onManifest` runs as soon as the list is known, while the charts load. */
export async function loadBundledCharts(onManifest: () => void | Promise<void> = () => undefined): Promise<void> {
  const store = useStore.getState();
  let text: string;
  try {
    text = await fetchText(`${DATA_BASE}manifest.json`);
  } catch (err) {
    store.setManifestError(`manifest.json: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const json = parseJsonText(text, 'manifest.json');
  if (!json.ok) {
    store.setManifestError(formatLoadError(json.error));
    return;
  }
  // The list is as much a part of the build as the charts: the schema is needed only to word what is wrong with it.
  const manifest: { ok: true; manifest: Manifest } | ReturnType<typeof LoadModule.loadManifest> = looksLikeManifest(json.value)
    ? { ok: true, manifest: json.value }
    : (await loadSchemaChecks()).loadManifest(json.value, 'manifest.json');
  if (!manifest.ok) {
    store.setManifestError(formatLoadError(manifest.error));
    return;
  }
  store.setCatalog([
    ...manifest.manifest.charts.map((entry) => ({
      id: entry.id,
      title: entry.title,
      shortTitle: entry.shortTitle,
      switchTitle: entry.switchTitle,
      nativeShortTitle: entry.nativeShortTitle,
      origin: 'bundled' as const,
    })),
    ...useStore.getState().catalog.filter((entry) => entry.origin === 'imported'),
  ]);
  // The charts the page opens with are checked and indexed first, and the others once the first view is drawn, so it
  // is not kept waiting for charts no one has asked for yet. They load while `onManifest` runs (it waits for the
  // charts saved in IndexedDB), not after it.
  const entries = manifest.manifest.charts;
  const opening = openingChartIds(entries.map((entry) => entry.id));
  const load = (first: boolean) => Promise.all(entries.filter((entry) => opening.has(entry.id) === first).map((entry) => loadChartFile(entry.id, entry.file)));
  const charts = load(true)
    .then(() => openingViewSettled(OPENING_WAIT_MS))
    .then(afterNextPaint)
    .then(() => load(false));
  await onManifest();
  await charts;
}

/** The bundled charts the address opens (`?chart=`, either side of `?compare=`), and the first listed when it names none of them. */
function openingChartIds(listed: readonly string[]): Set<string> {
  const location = readLocation(window.location.search);
  const named = new Set(listed.filter((id) => id === location.chartId || (location.compare?.includes(id) ?? false)));
  if (named.size === 0 && listed[0] !== undefined) named.add(listed[0]);
  return named;
}

function openingViewDrawable(state: AppState): boolean {
  if (state.manifestError !== null) return true;
  const panes = state.view === 'compare' ? [state.panes.left, state.panes.right] : [state.panes.main];
  return panes.every((pane) => pane.chartId !== null && (state.charts[pane.chartId]?.status ?? 'loading') !== 'loading');
}

/**
 * Resolves once the view the page opens with can be drawn (its charts loaded or failed, or the list failed), or after
 * `capMs` whatever happens. The first render waits for it, so the page paints once, with its chart, instead of a
 * "Loading chart…" frame and then the whole page again.
 */
export function openingViewSettled(capMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (openingViewDrawable(useStore.getState())) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, capMs);
    const unsubscribe = useStore.subscribe((state) => {
      if (openingViewDrawable(state)) done();
    });
  });
}
