/**
 * Whether a chart has a past on record, and the history model (model/history.ts) that such a chart needs: a chunk of
 * its own, asked for with the page (a modulepreload in the built index.html; main.tsx imports it), and every chart
 * with a past is loaded after it (see store/bundled.ts), so code that meets such a chart finds it loaded.
 */
import type * as HistoryModule from './history.ts';
import { loadOnce } from './loadOnce.ts';
import type { OrgChart, Unit } from './schema.ts';

function unitHasTimeData(unit: Unit): boolean {
  return (
    (unit.periods?.length ?? 0) > 0 ||
    (unit.listed?.length ?? 0) > 0 ||
    unit.current === false ||
    (unit.posts?.length ?? 0) > 0 ||
    (unit.otherNames?.some((n) => n.from !== undefined || n.until !== undefined) ?? false) ||
    (unit.leaders?.some((l) => l.term !== undefined) ?? false)
  );
}

const timeDataOf = new WeakMap<OrgChart, boolean>();

/** Whether the chart carries any dated record: snapshots, events, or a unit's periods, listings, posts, dated names or leaders' terms. */
export function hasTimeData(chart: OrgChart): boolean {
  // Asked of every new index of a chart (each edit makes one): the scan of its units is done once per chart object.
  let known = timeDataOf.get(chart);
  if (known === undefined) {
    known = (chart.snapshots?.length ?? 0) > 0 || (chart.events?.length ?? 0) > 0 || chart.units.some(unitHasTimeData);
    timeDataOf.set(chart, known);
  }
  return known;
}

/** The same question of a document not yet checked against the schema (a fetched file): false for anything malformed. */
export function documentHasTimeData(document: unknown): boolean {
  try {
    const chart = document as OrgChart;
    return Array.isArray(chart.units) && hasTimeData(chart);
  } catch {
    return false;
  }
}

const history = loadOnce<typeof HistoryModule>(() => import('./history.ts'));

/** Loads the history model once; later calls get the same. */
export const loadHistory = history.load;

/** The history model if it has loaded: it always has once a chart with a past has been loaded. */
export const loadedHistory = history.loaded;
