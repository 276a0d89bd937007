/**
 * The benchmark's in-browser bundle: the app's own model code (import,
 * search, layout) plus bare d3-hierarchy as the floor, exposed on `window.bench`
 * so bench/run.mjs can time them in the same Chromium as the app.
 * Built by run.mjs with Vite's build() into bench/.artifacts/bench-dist.
 */
import { stratify, tree } from 'd3-hierarchy';

import { layoutChart } from '../src/engine/layout.ts';
import { diffCharts, mergeVersions } from '../src/model/diff.ts';
import { importText } from '../src/model/importFile.ts';
import { buildSearchIndex, type SearchIndex, searchUnits } from '../src/model/search.ts';
import { defaultCollapsed, indexChart, type OrgIndex } from '../src/model/tree.ts';

interface FlatRow {
  readonly id: string;
  readonly parentId?: string | null;
}

interface Timed<T> {
  readonly ms: number;
  readonly value: T;
}

function timed<T>(run: () => T): Timed<T> {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

let loaded: OrgIndex | null = null;
let searchIndex: SearchIndex | null = null;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

const bench = {
  /** Fetches a chart file (outside any timing). */
  fetchText,

  /** importText on a file's text: parse, validate, index. Keeps the result for the next calls. */
  importChart(fileName: string, text: string): { ms: number; units: number } {
    const result = timed(() => importText(fileName, text, new Set()));
    if (!result.value.ok) throw new Error(`${fileName} did not import: ${JSON.stringify(result.value.problem)}`);
    loaded = result.value.index;
    return { ms: result.ms, units: loaded.byId.size };
  },

  /** layoutChart at the app's default folding and fully expanded. */
  layout(): { defaultMs: number; defaultNodes: number; fullMs: number; fullNodes: number } {
    const index = requireLoaded();
    const folded = defaultCollapsed(index);
    const atDefault = timed(() => layoutChart(index, folded));
    const full = timed(() => layoutChart(index, new Set()));
    return { defaultMs: atDefault.ms, defaultNodes: atDefault.value.nodes.length, fullMs: full.ms, fullNodes: full.value.nodes.length };
  },

  buildSearch(): { ms: number; units: number } {
    const index = requireLoaded();
    const result = timed(() => buildSearchIndex([index]));
    searchIndex = result.value;
    return { ms: result.ms, units: result.value.unitCount };
  },

  /** Times each query once, in order (the first typo query also builds the typo word list, as in the app). */
  runQueries(queries: readonly string[], limit = 12): { query: string; ms: number; results: number }[] {
    const index = searchIndex;
    if (index === null) throw new Error('buildSearch first');
    return queries.map((query) => {
      const result = timed(() => searchUnits(index, query, limit));
      return { query, ms: result.ms, results: result.value.length };
    });
  },

  /** The floor: JSON.parse, then bare d3.stratify() + d3.tree() over the same units. */
  floor(text: string, kind: 'json' | 'csv-rows'): { parseMs: number; hierarchyMs: number; nodes: number } {
    const parsed = timed(() => {
      const value = JSON.parse(text) as { units?: FlatRow[] } | FlatRow[];
      return Array.isArray(value) ? value : (value.units ?? []);
    });
    const rows = parsed.value;
    const laid = timed(() => {
      const root = stratify<FlatRow>()
        .id((d) => d.id)
        .parentId((d) => (d.parentId === '' || d.parentId == null ? null : d.parentId))(rows);
      return tree<FlatRow>().nodeSize([280, 140])(root);
    });
    return { parseMs: kind === 'json' ? parsed.ms : 0, hierarchyMs: laid.ms, nodes: laid.value.descendants().length };
  },

  /** The changes from the loaded chart to another file's (imported outside the timing): the diff, then the merged chart built and indexed. */
  diffWith(fileName: string, text: string): { diffMs: number; mergeMs: number; changes: number; mergedUnits: number } {
    const before = requireLoaded();
    const imported = importText(fileName, text, new Set());
    if (!imported.ok) throw new Error(`${fileName} did not import`);
    const after = imported.index;
    const diff = timed(() => diffCharts(before, after));
    const merged = timed(() => indexChart(mergeVersions(before, after, diff.value, after.chart.title).chart));
    if (!merged.value.ok) throw new Error('the merged chart is not a tree');
    return { diffMs: diff.ms, mergeMs: merged.ms, changes: diff.value.changes.length, mergedUnits: merged.value.index.byId.size };
  },
};

function requireLoaded(): OrgIndex {
  if (loaded === null) throw new Error('importChart first');
  return loaded;
}

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
