/**
 * Fetches the bundled charts listed in public/data/manifest.json. Each chart
 * loads on its own: one broken file shows its error and the others still work.
 */
import { formatLoadError, loadChart, loadManifest, parseJsonText } from '../model/load.ts';
import { documentHasTimeData, loadHistory } from '../model/timeData.ts';
import { useStore } from './store.ts';

const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

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
  const loaded = loadChart(json.value, file);
  setChartSlot(chartId, loaded.ok ? { status: 'ready', index: loaded.index } : { status: 'error', message: formatLoadError(loaded.error) });
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
  const manifest = json.ok ? loadManifest(json.value, 'manifest.json') : json;
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
  // The charts load while `onManifest` runs (it waits for the charts saved in IndexedDB), not after it.
  const charts = Promise.all(manifest.manifest.charts.map((entry) => loadChartFile(entry.id, entry.file)));
  await onManifest();
  await charts;
}
