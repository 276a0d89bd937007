import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { formatLoadError, loadChart, loadManifest, parseJsonText } from '../../src/model/load.ts';
import { orgChartJsonSchema } from '../../src/model/schema.ts';
import { readBundledChart } from './helpers.ts';

const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as { charts: { id: string; file: string }[] };

describe('loading chart files', () => {
  it('accepts the manifest and every bundled chart it lists', () => {
    expect(loadManifest(manifest, 'manifest.json').ok).toBe(true);
    for (const entry of manifest.charts) {
      const result = loadChart(readBundledChart(entry.file), entry.file);
      expect(result.ok, entry.file).toBe(true);
      if (result.ok) expect(result.index.chart.id).toBe(entry.id);
    }
  });

  it('names the file, the path in the document and what was expected when a field has the wrong type', () => {
    const result = loadChart({ format: 'org-chart', version: 1, id: 'x', title: 'X', units: [{ id: 'a', name: 42 }] }, 'mine.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatLoadError(result.error)).toBe('mine.json: units[0].name: expected text, got a number');
  });

  it('reports a missing required field and a wrong format marker', () => {
    const result = loadChart({ format: 'orgchart', version: 1, id: 'x', title: 'X', units: [{ id: 'a' }] }, 'f.json');
    if (result.ok) throw new Error('should fail');
    const text = formatLoadError(result.error);
    expect(text).toContain('f.json: format: expected "org-chart", got "orgchart"');
    expect(text).toContain('f.json: units[0].name: expected text, got nothing (the field is missing)');
  });

  it('reports citations of sources the file does not list', () => {
    const result = loadChart(
      {
        format: 'org-chart',
        version: 1,
        id: 'x',
        title: 'X',
        sources: [],
        units: [{ id: 'a', name: 'A', functions: [{ text: 'f', cite: { source: 'nowhere' } }] }],
      },
      'f.json',
    );
    if (result.ok) throw new Error('should fail');
    expect(formatLoadError(result.error)).toBe('f.json: units[0].functions[0].cite.source: source “nowhere” is not in the file’s sources list');
  });

  it('reports tree problems with the row they are on', () => {
    const result = loadChart(
      {
        format: 'org-chart',
        version: 1,
        id: 'x',
        title: 'X',
        units: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B', parentId: 'zz' },
        ],
      },
      'f.json',
    );
    if (result.ok) throw new Error('should fail');
    expect(formatLoadError(result.error)).toBe('f.json: units[1].parentId: parent “zz” of unit “b” does not exist');
  });

  it('explains empty files and text that is not JSON', () => {
    const empty = parseJsonText('  \n', 'empty.json');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(formatLoadError(empty.error)).toBe('empty.json: (file): the file is empty');
    const broken = parseJsonText('{"units": [', 'broken.json');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(formatLoadError(broken.error)).toMatch(/^broken\.json: \(file\): not valid JSON: /);
  });

  it('shows at most eight problems and counts the rest', () => {
    const units = Array.from({ length: 12 }, (_, i) => ({ id: `u${i}`, name: i }));
    const result = loadChart({ format: 'org-chart', version: 1, id: 'x', title: 'X', units }, 'many.json');
    if (result.ok) throw new Error('should fail');
    const lines = formatLoadError(result.error).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[8]).toBe('…and 4 more problems');
  });

  it('accepts only web addresses as source links, never javascript: or data:', () => {
    const withUrl = (url: string) => ({
      format: 'org-chart',
      version: 1,
      id: 'x',
      title: 'X',
      sources: [{ id: 's', title: 'S', url }],
      units: [{ id: 'a', name: 'A' }],
    });
    expect(loadChart(withUrl('https://www.gov.cn/'), 'f.json').ok).toBe(true);
    for (const url of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/x']) {
      const result = loadChart(withUrl(url), 'f.json');
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(formatLoadError(result.error)).toContain('f.json: sources[0].url: expected a web address starting with http:// or https://');
    }
  });

  it('publishes a JSON Schema identical to the one generated from the code', () => {
    const published = JSON.parse(readFileSync('public/schema/org-chart.schema.json', 'utf8')) as unknown;
    expect(published).toEqual(orgChartJsonSchema());
  });
});
