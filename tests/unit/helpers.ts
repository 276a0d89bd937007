import { readFileSync } from 'node:fs';
import { loadChart } from '../../src/model/load.ts';
import type { OrgChart } from '../../src/model/schema.ts';
import type { OrgIndex } from '../../src/model/tree.ts';

export function readBundledChart(file: string): unknown {
  return JSON.parse(readFileSync(`public/data/${file}`, 'utf8')) as unknown;
}

export function loadBundledIndex(file: string): OrgIndex {
  const result = loadChart(readBundledChart(file), file);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.index;
}

/** A minimal valid chart document from `units`; for tests that build their own trees. */
export function chartOf(units: { id: string; parentId?: string | null; name?: string; kind?: string }[]): OrgChart {
  return {
    format: 'org-chart',
    version: 1,
    id: 'test',
    title: 'Test chart',
    sources: [],
    units: units.map((u) => ({ name: u.id, ...u })),
  };
}
