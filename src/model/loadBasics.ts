/**
 * What loading a chart needs besides the schema: reading the JSON, wording
 * problems, indexing a checked chart as it stands today, and the quick look
 * that lets the charts shipped with the app open without the schema's code
 * (model/load.ts, loaded on demand, checks them in full once the page is idle).
 */
import type { Manifest, OrgChart } from './schema.ts';
import { hasTimeData, loadedHistory } from './timeData.ts';
import { indexChart, type OrgIndex, type StructureProblem } from './tree.ts';

export interface ChartLoadError {
  readonly file: string;
  readonly problems: readonly StructureProblem[];
}

export type ChartLoadResult = { ok: true; index: OrgIndex } | { ok: false; error: ChartLoadError };

const MAX_PROBLEMS_SHOWN = 8;

export function parseJsonText(text: string, file: string): { ok: true; value: unknown } | { ok: false; error: ChartLoadError } {
  if (text.trim() === '') return { ok: false, error: { file, problems: [{ path: '(file)', message: 'the file is empty' }] } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { file, problems: [{ path: '(file)', message: `not valid JSON: ${detail}` }] } };
  }
}

/** One line per problem, e.g. `state-council.json: units[2].name: expected text, got a number`. */
export function formatLoadError(error: ChartLoadError): string {
  const shown = error.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `${error.file}: ${p.path}: ${p.message}`);
  const more = error.problems.length - shown.length;
  if (more > 0) shown.push(`…and ${more} more problem${more === 1 ? '' : 's'}`);
  return shown.join('\n');
}

/** Indexes a chart already checked against the schema (or shipped with the app), as it stands today. */
export function indexCheckedChart(chart: OrgChart, file: string): ChartLoadResult {
  const whole = indexChart(chart);
  if (!whole.ok) return { ok: false, error: { file, problems: whole.problems } };
  // A chart with a past is shown as it stands today; the history model that knows how is loaded before any such chart
  // (see model/timeData.ts). Were it not, the chart would be shown whole, past and all, rather than not at all.
  const history = hasTimeData(chart) ? loadedHistory() : null;
  const today = history ? history.structureAsOf(chart, null) : chart;
  if (today === chart) return { ok: true, index: whole.index };
  const indexed = indexChart(today, chart);
  if (!indexed.ok) return { ok: false, error: { file, problems: indexed.problems } };
  return { ok: true, index: indexed.index };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isFilled = (value: unknown): value is string => isText(value) && value.trim() !== '' && value === value.trim();
const isOptionalText = (value: unknown) => value === undefined || isText(value);

/** Text fields the interface reads off each entry of a unit's lists; dates, citations and the rest wait for the full check. */
const LIST_TEXT: Record<string, readonly string[]> = {
  functions: ['text'],
  notes: ['text'],
  leaders: ['title', 'name'],
  facts: ['label', 'value'],
  related: ['name'],
  otherNames: ['text'],
  periods: [],
  listed: ['snapshot'],
  posts: ['title'],
};

const isOptionalNativeName = (value: unknown) => value === undefined || (isRecord(value) && isText(value.text));
/** Dates are read as text on opening (a chart with a past is shown as of today, its timeline sorted by them). */
const DATE_FIELDS = ['date', 'from', 'until'] as const;
const hasTexts = (entry: unknown, fields: readonly string[]): boolean =>
  isRecord(entry) &&
  fields.every((field) => isText(entry[field])) &&
  DATE_FIELDS.every((field) => isOptionalText(entry[field])) &&
  isOptionalNativeName(entry.nativeName) &&
  (entry.term === undefined || hasTexts(entry.term, []));
const isListOf = (value: unknown, fields: readonly string[]) =>
  value === undefined || (Array.isArray(value) && value.every((entry) => hasTexts(entry, fields)));

function looksLikeUnit(unit: unknown): boolean {
  return (
    isRecord(unit) &&
    isFilled(unit.id) &&
    isFilled(unit.name) &&
    (unit.parentId === null || unit.parentId === undefined || isFilled(unit.parentId)) &&
    isOptionalText(unit.kind) &&
    isOptionalNativeName(unit.nativeName) &&
    (unit.summary === undefined || hasTexts(unit.summary, ['text'])) &&
    (unit.current === undefined || typeof unit.current === 'boolean') &&
    Object.entries(LIST_TEXT).every(([list, fields]) => isListOf(unit[list], fields)) &&
    (unit.posts === undefined || (unit.posts as Record<string, unknown>[]).every((post) => isListOf(post.holders, ['name'])))
  );
}

/**
 * Whether a document has the shape of a chart as far as the interface reads it on opening: the top-level fields,
 * each unit's id, parent, name and kind, the text of its names, functions, leaders, facts and posts, and every date. The charts
 * shipped with the app pass the full schema in the unit tests; a file that fails this look is checked in full at once,
 * so its problems are worded as precisely as any import's, and one that passes is checked in full once it is drawn.
 */
export function looksLikeChart(document: unknown): document is OrgChart {
  if (!isRecord(document) || document.format !== 'org-chart' || document.version !== 1) return false;
  if (!isFilled(document.id) || !isFilled(document.title) || !isOptionalText(document.shortTitle) || !isOptionalText(document.language)) return false;
  if (!Array.isArray(document.sources) || !isListOf(document.snapshots, ['id', 'date', 'label']) || !isListOf(document.events, ['id', 'date', 'text']))
    return false;
  return Array.isArray(document.units) && document.units.length > 0 && document.units.every(looksLikeUnit);
}

/** A chart that passed the quick look, indexed; null if it cannot be (the full check will say why). */
export function indexShippedChart(chart: OrgChart, file: string): Extract<ChartLoadResult, { ok: true }> | null {
  try {
    const indexed = indexCheckedChart(chart, file);
    return indexed.ok ? indexed : null;
  } catch {
    return null;
  }
}

/** The same quick look at the list of shipped charts. */
export function looksLikeManifest(document: unknown): document is Manifest {
  if (!isRecord(document) || !Array.isArray(document.charts) || document.charts.length === 0) return false;
  return document.charts.every(
    (entry: unknown) =>
      isRecord(entry) &&
      isFilled(entry.id) &&
      isFilled(entry.title) &&
      isFilled(entry.file) &&
      isOptionalText(entry.shortTitle) &&
      isOptionalText(entry.switchTitle) &&
      isOptionalText(entry.nativeShortTitle),
  );
}
