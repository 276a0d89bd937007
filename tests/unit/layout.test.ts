import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { type ChartLayout, layoutChart, type NodePosition } from '../../src/engine/layout.ts';
import { kindColour, LIGHT } from '../../src/engine/palette.ts';
import { importText } from '../../src/model/importFile.ts';
import { indexChart, type OrgIndex } from '../../src/model/tree.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';

function overlaps(a: NodePosition, b: NodePosition): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;
}

function firstOverlap(nodes: readonly NodePosition[]): [string, string] | null {
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] as NodePosition;
      const b = nodes[j] as NodePosition;
      if (overlaps(a, b)) return [a.id, b.id];
    }
  }
  return null;
}

/**
 * The first link segment that runs through a card other than the two it joins, as "link → card", or null.
 * Cards are shrunk by a pixel so a line ending at a card's edge does not count.
 */
function firstLinkThroughCard(index: OrgIndex, layout: ChartLayout): string | null {
  const cards = layout.nodes;
  for (const link of layout.links) {
    const points = link.points;
    const ends = new Set([link.id, index.parentOf.get(link.id)]);
    for (let i = 2; i + 1 < points.length; i += 2) {
      const [x1, y1, x2, y2] = points.slice(i - 2, i + 2) as [number, number, number, number];
      for (const card of cards) {
        if (ends.has(card.id)) continue;
        const left = card.x - card.width / 2 + 1;
        const right = card.x + card.width / 2 - 1;
        const top = card.y - card.height / 2 + 1;
        const bottom = card.y + card.height / 2 - 1;
        if (Math.max(x1, x2) > left && Math.min(x1, x2) < right && Math.max(y1, y2) > top && Math.min(y1, y2) < bottom) return `${link.id} → ${card.id}`;
      }
    }
  }
  return null;
}

function importedIndex(path: string): OrgIndex {
  const outcome = importText(path, readFileSync(path, 'utf8'));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.index;
}

/** A seeded pseudo-random tree with mixed fan-out, so the test is the same every run. */
function randomTree(count: number, seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
  const units = [{ id: 'u0', parentId: null as string | null }];
  for (let i = 1; i < count; i++) units.push({ id: `u${i}`, parentId: `u${Math.floor(random() ** 2 * i)}` });
  const result = indexChart(chartOf(units));
  if (!result.ok) throw new Error('bad tree');
  return result.index;
}

describe('laying out the chart', () => {
  it('places every unit of the NPC office without two cards overlapping', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const layout = layoutChart(index, new Set());
    expect(layout.nodes).toHaveLength(index.byId.size);
    expect(firstOverlap(layout.nodes)).toBeNull();
    expect(layout.links).toHaveLength(index.byId.size - 1);
  });

  it('stacks the twelve departments in compact columns below their group instead of one long row', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const layout = layoutChart(index, new Set());
    const departments = (index.childrenOf.get('departments') ?? []).map((id) => layout.positionOf.get(id) as NodePosition);
    const columns = new Set(departments.map((p) => p.x));
    expect(columns.size).toBe(2);
    // Source order reads down the first column, then the second.
    expect(departments[0]?.x).toBe(departments[5]?.x);
    expect(departments[1]?.y).toBeGreaterThan(departments[0]?.y ?? Infinity);
    const width = layout.bounds.maxX - layout.bounds.minX;
    expect(width).toBeLessThan(1400);
  });

  it('never overlaps cards on random trees, expanded or partly folded', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const index = randomTree(300, seed);
      expect(firstOverlap(layoutChart(index, new Set()).nodes), `seed ${seed}`).toBeNull();
      const folded = new Set(index.preorder.filter((_, i) => i % 7 === 3));
      expect(firstOverlap(layoutChart(index, folded).nodes), `seed ${seed} folded`).toBeNull();
    }
  });

  it('lays a chart out left to right without overlaps, depth running across', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const layout = layoutChart(index, new Set(), 'left-right');
    expect(layout.nodes).toHaveLength(index.byId.size);
    expect(firstOverlap(layout.nodes)).toBeNull();
    const root = layout.positionOf.get(index.rootId) as NodePosition;
    const group = layout.positionOf.get('departments') as NodePosition;
    const bureau = layout.positionOf.get('liaison-bureau') as NodePosition;
    expect(group.x).toBeGreaterThan(root.x);
    expect(bureau.x).toBeGreaterThan(group.x);
    for (const seed of [7, 8]) expect(firstOverlap(layoutChart(randomTree(300, seed), new Set(), 'left-right').nodes)).toBeNull();
  });

  it('draws nothing below a folded unit', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const layout = layoutChart(index, new Set(['departments']));
    expect(layout.positionOf.has('liaison-bureau')).toBe(false);
    expect(layout.positionOf.has('departments')).toBe(true);
    expect(layout.nodes).toHaveLength(index.byId.size - 12);
  });

  it('does not write layout fields onto the chart’s own unit objects', () => {
    const index = loadBundledIndex('state-council-general-office.json');
    layoutChart(index, new Set());
    const root = index.byId.get(index.rootId) as unknown as Record<string, unknown>;
    expect(root.x).toBeUndefined();
    expect(root.children).toBeUndefined();
  });

  it('wraps a unit with 150 subordinate units into rows of boxes, read left to right, then down', () => {
    const units = [{ id: 'root', parentId: null as string | null }];
    for (let i = 0; i < 150; i++) {
      units.push({ id: `bureau-${i}`, parentId: 'root' });
      units.push({ id: `bureau-${i}-a`, parentId: `bureau-${i}` }, { id: `bureau-${i}-b`, parentId: `bureau-${i}` });
    }
    const result = indexChart(chartOf(units));
    if (!result.ok) throw new Error('bad tree');
    const layout = layoutChart(result.index, new Set());
    expect(layout.nodes).toHaveLength(units.length);
    expect(layout.links).toHaveLength(units.length - 1);
    expect(firstOverlap(layout.nodes)).toBeNull();
    expect(firstLinkThroughCard(result.index, layout)).toBeNull();
    // One row would be 150 × 292 px ≈ 44,000 px wide.
    const width = layout.bounds.maxX - layout.bounds.minX;
    const height = layout.bounds.maxY - layout.bounds.minY;
    expect(width).toBeLessThan(12_000);
    expect(width / height).toBeGreaterThan(0.5);
    const bureaus = Array.from({ length: 150 }, (_, i) => layout.positionOf.get(`bureau-${i}`) as NodePosition);
    const rows = new Set(bureaus.map((p) => p.y));
    expect(rows.size).toBeGreaterThan(3);
    bureaus.slice(1).forEach((bureau, i) => {
      const before = bureaus[i] as NodePosition;
      expect(bureau.y > before.y || (bureau.y === before.y && bureau.x > before.x), `bureau-${i + 1} after bureau-${i}`).toBe(true);
    });
    // One rail down the left of the rows, from the line under the head to the line above the last row.
    expect(layout.rails.map((rail) => rail.id)).toEqual(['root']);
    const [rail] = layout.rails;
    const lastRowTop = Math.max(...bureaus.map((p) => p.y - p.height / 2));
    expect(rail?.x).toBeLessThan(Math.min(...bureaus.map((p) => p.x - p.width / 2)));
    expect(rail?.top).toBeLessThan(Math.min(...bureaus.map((p) => p.y - p.height / 2)));
    expect(rail?.bottom).toBeLessThan(lastRowTop);
    expect(rail?.bottom).toBeGreaterThan(lastRowTop - 64);
    // Every link leaves its parent's bottom edge and ends on its child's top edge (a stacked leaf: its left edge).
    const root = layout.positionOf.get('root') as NodePosition;
    for (const bureau of bureaus) {
      const points = layout.links.find((link) => link.id === `bureau-${bureaus.indexOf(bureau)}`)?.points ?? [];
      expect(points.slice(0, 2)).toEqual([root.x, root.y + root.height / 2]);
      expect(points.slice(-2)).toEqual([bureau.x, bureau.y - bureau.height / 2]);
    }
  });

  it('expands d3-org-chart’s 1,516-person sample into a block, not a strip 170,000 px long', () => {
    const index = importedIndex('tests/fixtures/realdata/d3-org-chart-org.csv');
    const layout = layoutChart(index, new Set());
    expect(layout.nodes).toHaveLength(1516);
    expect(layout.links).toHaveLength(1515);
    const width = layout.bounds.maxX - layout.bounds.minX;
    const height = layout.bounds.maxY - layout.bounds.minY;
    expect(width).toBeLessThan(30_000);
    expect(width / height).toBeGreaterThan(1 / 3);
    expect(width / height).toBeLessThan(3);
    expect(firstOverlap(layout.nodes)).toBeNull();
    expect(firstLinkThroughCard(index, layout)).toBeNull();
  });

  it('never overlaps cards or runs a link through one on large random trees, where units wrap', () => {
    for (const seed of [11, 12]) {
      const index = randomTree(1500, seed);
      const layout = layoutChart(index, new Set());
      expect(layout.bounds.maxX - layout.bounds.minX, `seed ${seed} wraps`).toBeLessThan(40_000);
      expect(firstOverlap(layout.nodes), `seed ${seed}`).toBeNull();
      expect(firstLinkThroughCard(index, layout), `seed ${seed}`).toBeNull();
    }
  });
});

describe('colours of unit kinds', () => {
  it('gives a kind from a file that names an Object member ("constructor") the colour of other kinds, not a function', () => {
    expect(kindColour(LIGHT, 'constructor')).toBe(LIGHT.other);
    expect(kindColour(LIGHT, 'toString')).toBe(LIGHT.other);
    expect(kindColour(LIGHT, undefined)).toBe(LIGHT.other);
    expect(kindColour(LIGHT, 'department')).toBe(LIGHT.kinds.department);
  });
});
