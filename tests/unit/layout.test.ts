import { describe, expect, it } from 'vitest';
import { layoutChart, type NodePosition } from '../../src/chart/layout.ts';
import { indexChart } from '../../src/model/tree.ts';
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
});
