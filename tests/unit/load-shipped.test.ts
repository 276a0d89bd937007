import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadChart, loadManifest } from '../../src/model/load.ts';
import { indexShippedChart, looksLikeChart, looksLikeManifest } from '../../src/model/loadBasics.ts';
import { loadHistory } from '../../src/model/timeData.ts';
import { readBundledChart } from './helpers.ts';

const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as { charts: { id: string; file: string }[] };

describe('charts shipped with the app, opened before the schema has loaded', () => {
  beforeAll(async () => {
    await loadHistory();
  });

  it('gives every shipped chart the same index, field for field, as the full check', () => {
    expect(looksLikeManifest(manifest)).toBe(true);
    const checked = loadManifest(manifest, 'manifest.json');
    expect(checked.ok && checked.manifest).toEqual(manifest);
    for (const entry of manifest.charts) {
      const document = readBundledChart(entry.file);
      expect(looksLikeChart(document), entry.file).toBe(true);
      if (!looksLikeChart(document)) continue;
      const quick = indexShippedChart(document, entry.file);
      const full = loadChart(document, entry.file);
      if (!quick?.ok || !full.ok) throw new Error(`${entry.file} did not load`);
      // The schema trims text and fills defaults: a shipped file it would change could not skip it.
      expect(quick.index.fullChart, entry.file).toEqual(full.index.fullChart);
      expect(quick.index.chart, entry.file).toEqual(full.index.chart);
      expect(quick.index.preorder).toEqual(full.index.preorder);
    }
  });

  it('sends a file with a wrong field in what the first view reads to the full check', () => {
    expect(
      indexShippedChart({ format: 'org-chart', version: 1, id: 'x', title: 'X', sources: [], units: [{ id: 'a', parentId: 'a', name: 'A' }] }, 'x.json'),
    ).toBeNull();
    const good = { format: 'org-chart', version: 1, id: 'x', title: 'X', sources: [], units: [{ id: 'a', parentId: null, name: 'A' }] };
    expect(looksLikeChart(good)).toBe(true);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 42 }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: ' a', name: 'A' }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', parentId: 7 }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', kind: ['office'] }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', leaders: 'nobody' }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', nativeName: '办公厅' }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', facts: [{ label: 'Phone' }] }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', leaders: [{ title: 'Director', name: 5 }] }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', posts: [{ title: 'Director', holders: [{}] }] }] })).toBe(false);
    // Dates are read on opening as text; whether a text is a real date waits for the full check.
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', periods: [{ from: 'soon' }] }] })).toBe(true);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', periods: [{ from: 2008 }] }] })).toBe(false);
    expect(looksLikeChart({ ...good, units: [{ id: 'a', name: 'A', leaders: [{ title: 'Director', name: 'B', term: { until: 2020 } }] }] })).toBe(false);
    expect(looksLikeChart({ ...good, events: [{ id: 'e', date: 2008, text: 'Formed' }] })).toBe(false);
    expect(looksLikeChart({ ...good, snapshots: [{ id: 's', date: '2008', label: 'List' }] })).toBe(true);
    expect(looksLikeChart({ ...good, units: [] })).toBe(false);
    expect(looksLikeChart({ ...good, sources: undefined })).toBe(false);
    expect(looksLikeChart({ ...good, format: 'orgchart' })).toBe(false);
    expect(looksLikeManifest({ charts: [{ id: 'x', title: 'X' }] })).toBe(false);
    expect(looksLikeManifest({ charts: [] })).toBe(false);
  });
});
