import { describe, expect, it } from 'vitest';

import { layoutChart } from '../../src/engine/layout.ts';
import { collapsedBeyondDepth, indexChart, pathToRoot, revivedIndex, visiblePreorder } from '../../src/model/tree.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';

describe('indexing a chart as a tree', () => {
  it('knows parents, paths, depths and how many units sit below each unit', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    expect(index.rootId).toBe('npcsc-general-office');
    expect(pathToRoot(index, 'liaison-bureau')).toEqual(['npcsc-general-office', 'departments', 'liaison-bureau']);
    expect(index.depthOf.get('liaison-bureau')).toBe(2);
    expect(index.descendantCount.get('departments')).toBe(12);
    expect(index.descendantCount.get('affiliated-institutions')).toBe(8);
    expect(index.descendantCount.get('npcsc-general-office')).toBe(22);
    expect(pathToRoot(index, 'nope')).toEqual([]);
  });

  it('answers for every unit, and only for its units, however its figures are read', () => {
    const result = indexChart(
      chartOf([{ id: 'top' }, { id: 'b', parentId: 'top' }, { id: 'c', parentId: 'b' }, { id: 'a', parentId: 'top' }, { id: 'd', parentId: 'b' }]),
    );
    if (!result.ok) throw new Error('should index');
    const { index } = result;
    expect(index.preorder).toEqual(['top', 'b', 'c', 'd', 'a']);
    expect(new Map(index.parentOf)).toEqual(
      new Map([
        ['top', null],
        ['b', 'top'],
        ['c', 'b'],
        ['a', 'top'],
        ['d', 'b'],
      ]),
    );
    expect([...index.depthOf.entries()]).toEqual([
      ['top', 0],
      ['b', 1],
      ['c', 2],
      ['a', 1],
      ['d', 2],
    ]);
    expect([...index.siblingIndex.values()]).toEqual([0, 0, 0, 1, 1]);
    const below: [string, number][] = [];
    index.descendantCount.forEach((count, id) => below.push([id, count]));
    expect(below).toEqual([
      ['top', 4],
      ['b', 2],
      ['c', 0],
      ['a', 0],
      ['d', 0],
    ]);
    expect([...index.byId.keys()]).toEqual(['top', 'b', 'c', 'a', 'd']);
    expect(index.byId.get('d')?.parentId).toBe('b');
    expect(index.depthOf.size).toBe(5);
    expect(index.depthOf.has('e')).toBe(false);
    expect(index.depthOf.get('e')).toBeUndefined();
    expect(index.parentOf.get('e')).toBeUndefined();
  });

  it('survives being posted from the import worker, as the page reads it back', () => {
    const result = indexChart(chartOf([{ id: 'top' }, { id: 'b', parentId: 'top' }, { id: 'c', parentId: 'b' }]));
    if (!result.ok) throw new Error('should index');
    // What postMessage does to it: a structured clone, which keeps data and drops what reads it.
    const posted = structuredClone(result.index);
    expect(() => posted.depthOf.get('c')).toThrow();
    const index = revivedIndex(posted);
    expect(index.byId.get('c')?.parentId).toBe('b');
    expect(pathToRoot(index, 'c')).toEqual(['top', 'b', 'c']);
    expect([...index.depthOf]).toEqual([...result.index.depthOf]);
    expect([...index.descendantCount]).toEqual([...result.index.descendantCount]);
    expect([...index.siblingIndex]).toEqual([...result.index.siblingIndex]);
    expect(revivedIndex(result.index).depthOf).toBe(result.index.depthOf);
  });

  it('names duplicate ids and the row that repeats them', () => {
    const result = indexChart(chartOf([{ id: 'a' }, { id: 'b', parentId: 'a' }, { id: 'b', parentId: 'a' }]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: 'units[2].id', message: 'duplicate id “b” (already used by units[1])' }]);
  });

  it('refuses several roots and lists them', () => {
    const result = indexChart(chartOf([{ id: 'a' }, { id: 'b' }]));
    if (result.ok) throw new Error('should fail');
    expect(result.problems[0]?.message).toBe('2 root units (“a”, “b”): exactly one unit may have no parentId');
  });

  it('finds a cycle and names the ids in it', () => {
    const result = indexChart(chartOf([{ id: 'root' }, { id: 'x', parentId: 'z' }, { id: 'y', parentId: 'x' }, { id: 'z', parentId: 'y' }]));
    if (result.ok) throw new Error('should fail');
    expect(result.problems[0]?.message).toMatch(/^cycle in parentId: “[xyz]” → “[xyz]” → “[xyz]” → “[xyz]”$/);
  });

  it('refuses a unit that is its own parent', () => {
    const result = indexChart(chartOf([{ id: 'root' }, { id: 'x', parentId: 'x' }]));
    if (result.ok) throw new Error('should fail');
    expect(result.problems[0]?.message).toBe('unit “x” is its own parent');
  });

  it('indexes and lays out a 10,000-deep chain without running out of stack', () => {
    const units = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, parentId: i === 0 ? null : `n${i - 1}` }));
    const result = indexChart(chartOf(units));
    if (!result.ok) throw new Error('should index');
    expect(result.index.depthOf.get('n9999')).toBe(9999);
    expect(pathToRoot(result.index, 'n9999')).toHaveLength(10_000);
    expect(result.index.descendantCount.get('n0')).toBe(9999);
    const layout = layoutChart(result.index, new Set());
    expect(layout.nodes).toHaveLength(10_000);
  });

  it('lists what a reader sees top-down, skipping folded subtrees', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const visible = visiblePreorder(index, new Set(['departments']));
    expect(visible.slice(0, 3)).toEqual(['npcsc-general-office', 'departments', 'affiliated-institutions']);
    expect(visible).toHaveLength(3 + 8);
    expect(collapsedBeyondDepth(index, 1)).toEqual(new Set(['departments', 'affiliated-institutions']));
  });
});
