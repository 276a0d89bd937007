/**
 * From untrusted JSON to an indexed chart, or to problems a person can act on:
 * which file, where in it, and what was expected.
 */
import { type ChartLoadError, type ChartLoadResult, indexCheckedChart } from './loadBasics.ts';
import { formatPath, type Manifest, manifestSchema, type OrgChart, orgChartSchema } from './schema.ts';
import type { StructureProblem } from './tree.ts';

export { type ChartLoadError, type ChartLoadResult, formatLoadError, parseJsonText } from './loadBasics.ts';

/**
 * Validates a parsed chart document and indexes its tree. A chart with dated records (model/history.ts) is checked
 * whole, then indexed as it stands today; `index.fullChart` keeps the file's chart with its past.
 */
export function loadChart(document: unknown, file: string): ChartLoadResult {
  const parsed = orgChartSchema.safeParse(document, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
    return { ok: false, error: { file, problems } };
  }
  const chart: OrgChart = parsed.data;
  const citationProblems = [...checkCitations(chart), ...checkTimeReferences(chart)];
  if (citationProblems.length > 0) return { ok: false, error: { file, problems: citationProblems } };
  return indexCheckedChart(chart, file);
}

export function loadManifest(document: unknown, file: string): { ok: true; manifest: Manifest } | { ok: false; error: ChartLoadError } {
  const parsed = manifestSchema.safeParse(document, { reportInput: true });
  if (parsed.success) return { ok: true, manifest: parsed.data };
  return {
    ok: false,
    error: { file, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) })) },
  };
}

interface ZodIssueLike {
  code: string;
  message: string;
  expected?: unknown;
  input?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  undefined: 'nothing',
};

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

function describeIssue(issue: ZodIssueLike): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeof issue.expected === 'string' ? (TYPE_WORDS[issue.expected] ?? issue.expected) : 'another type';
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_value':
      return `expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(issue.input) ?? 'nothing'}`;
    case 'unrecognized_keys':
      return `unknown field${(issue.keys?.length ?? 0) === 1 ? '' : 's'} ${(issue.keys ?? []).map((k) => `“${k}”`).join(', ')}`;
    default:
      return issue.message;
  }
}

function checkCitations(chart: OrgChart): StructureProblem[] {
  const known = new Set(chart.sources.map((s) => s.id));
  const problems: StructureProblem[] = [];
  const check = (cite: { source: string } | undefined, path: string) => {
    if (cite && !known.has(cite.source)) problems.push({ path: `${path}.cite.source`, message: `source “${cite.source}” is not in the file’s sources list` });
  };
  chart.units.forEach((unit, row) => {
    const base = `units[${row}]`;
    check(unit.cite, base);
    check(unit.nativeName?.cite, `${base}.nativeName`);
    check(unit.summary?.cite, `${base}.summary`);
    unit.functions?.forEach((f, i) => check(f.cite, `${base}.functions[${i}]`));
    unit.leaders?.forEach((l, i) => {
      check(l.cite, `${base}.leaders[${i}]`);
      check(l.nativeName?.cite, `${base}.leaders[${i}].nativeName`);
    });
    unit.facts?.forEach((f, i) => check(f.cite, `${base}.facts[${i}]`));
    unit.notes?.forEach((n, i) => check(n.cite, `${base}.notes[${i}]`));
    unit.related?.forEach((r, i) => {
      check(r.cite, `${base}.related[${i}]`);
      check(r.nativeName?.cite, `${base}.related[${i}].nativeName`);
    });
    unit.leaders?.forEach((l, i) => check(l.term?.cite, `${base}.leaders[${i}].term`));
    unit.otherNames?.forEach((n, i) => check(n.cite, `${base}.otherNames[${i}]`));
    unit.periods?.forEach((p, i) => check(p.cite, `${base}.periods[${i}]`));
    unit.listed?.forEach((l, i) => check(l.cite, `${base}.listed[${i}]`));
    unit.posts?.forEach((post, i) => {
      check(post.cite, `${base}.posts[${i}]`);
      check(post.nativeTitle?.cite, `${base}.posts[${i}].nativeTitle`);
      post.holders.forEach((h, j) => {
        check(h.cite, `${base}.posts[${i}].holders[${j}]`);
        check(h.nativeName?.cite, `${base}.posts[${i}].holders[${j}].nativeName`);
        h.otherDates?.forEach((d, k) => check(d.cite, `${base}.posts[${i}].holders[${j}].otherDates[${k}]`));
      });
    });
  });
  chart.snapshots?.forEach((s, i) => check(s.cite, `snapshots[${i}]`));
  chart.events?.forEach((e, i) => {
    check(e.cite, `events[${i}]`);
    e.notes?.forEach((n, j) => check(n.cite, `events[${i}].notes[${j}]`));
  });
  return problems;
}

/** Snapshots, listings and events name ids: each must exist, and a snapshot id be unique. */
function checkTimeReferences(chart: OrgChart): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const unitIds = new Set(chart.units.map((u) => u.id));
  const snapshotIds = new Set<string>();
  chart.snapshots?.forEach((snapshot, i) => {
    if (snapshotIds.has(snapshot.id)) problems.push({ path: `snapshots[${i}].id`, message: `duplicate snapshot id “${snapshot.id}”` });
    snapshotIds.add(snapshot.id);
    snapshot.covers?.forEach((id, j) => {
      if (!unitIds.has(id)) problems.push({ path: `snapshots[${i}].covers[${j}]`, message: `unit “${id}” does not exist` });
    });
  });
  chart.units.forEach((unit, row) => {
    unit.listed?.forEach((listing, i) => {
      if (!snapshotIds.has(listing.snapshot))
        problems.push({ path: `units[${row}].listed[${i}].snapshot`, message: `snapshot “${listing.snapshot}” is not in the file’s snapshots list` });
    });
  });
  const eventIds = new Set<string>();
  chart.events?.forEach((event, i) => {
    if (eventIds.has(event.id)) problems.push({ path: `events[${i}].id`, message: `duplicate event id “${event.id}”` });
    eventIds.add(event.id);
    event.units?.forEach((id, j) => {
      if (!unitIds.has(id)) problems.push({ path: `events[${i}].units[${j}]`, message: `unit “${id}” does not exist` });
    });
  });
  return problems;
}
