import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  addChild,
  addSibling,
  changeUnitId,
  chartProblem,
  deleteUnit,
  editIndex,
  type EditResult,
  moveUnit,
  newChart,
  renameUnit,
  updateUnit,
  withSource,
} from '../../src/model/edit.ts';
import { applyFields, fieldsOf, NO_SOURCE, type UnitFields } from '../../src/model/editForm.ts';
import { loadChart } from '../../src/model/load.ts';
import type { OrgChart } from '../../src/model/schema.ts';
import type { OrgIndex } from '../../src/model/tree.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';

function indexOf(chart: OrgChart): OrgIndex {
  const index = editIndex(chart);
  if (!index) throw new Error('test chart is not a tree');
  return index;
}

function applied(result: EditResult): OrgChart {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  expect(chartProblem(result.chart)).toBeNull();
  return result.chart;
}

// top ─ a ─ a1, a2 ; top ─ b
const small = chartOf([
  { id: 'top', name: 'Top' },
  { id: 'a', parentId: 'top', name: 'A' },
  { id: 'a1', parentId: 'a', name: 'A one' },
  { id: 'b', parentId: 'top', name: 'B' },
  { id: 'a2', parentId: 'a', name: 'A two' },
]);

describe('edit operations on a chart', () => {
  it('adds a child as the last child, with an id made from its name', () => {
    const chart = applied(addChild(indexOf(small), 'a', { name: 'Liaison Bureau', kind: 'department' }));
    const index = indexOf(chart);
    expect(index.childrenOf.get('a')).toEqual(['a1', 'a2', 'liaison-bureau']);
    expect(index.byId.get('liaison-bureau')).toEqual({ id: 'liaison-bureau', parentId: 'a', name: 'Liaison Bureau', kind: 'department' });
  });

  it('keeps the units it does not change, and the chart it was given', () => {
    const before = structuredClone(small);
    const chart = applied(renameUnit(indexOf(small), 'b', 'Bee'));
    expect(small).toEqual(before);
    expect(chart.units[0]).toBe(small.units[0]);
    expect(chart.units[3]).not.toBe(small.units[3]);
    expect(chart.units[3]?.name).toBe('Bee');
  });

  it('adds a sibling right after the unit, and makes ids unique', () => {
    const chart = applied(addSibling(indexOf(small), 'a1', { name: 'A one' }));
    expect(indexOf(chart).childrenOf.get('a')).toEqual(['a1', 'a-one', 'a2']);
    const again = applied(addSibling(indexOf(chart), 'a1', { name: 'A one' }));
    expect(indexOf(again).childrenOf.get('a')).toEqual(['a1', 'a-one-2', 'a-one', 'a2']);
  });

  it('refuses a second top unit, an empty name and a duplicate id, saying why', () => {
    const index = indexOf(small);
    expect(addSibling(index, 'top', { name: 'Rival' })).toEqual({ ok: false, refusal: { reason: 'secondRoot' } });
    expect(addChild(index, 'a', { name: '   ' })).toEqual({ ok: false, refusal: { reason: 'emptyName' } });
    expect(renameUnit(index, 'a', '')).toEqual({ ok: false, refusal: { reason: 'emptyName' } });
    expect(updateUnit(index, 'a', { name: ' ' })).toEqual({ ok: false, refusal: { reason: 'emptyName' } });
    expect(addChild(index, 'a', { name: 'X', id: 'b' })).toEqual({ ok: false, refusal: { reason: 'duplicateId', unitId: 'b' } });
    expect(changeUnitId(index, 'a', 'b')).toEqual({ ok: false, refusal: { reason: 'duplicateId', unitId: 'b' } });
    expect(deleteUnit(index, 'top', 'branch')).toEqual({ ok: false, refusal: { reason: 'secondRoot' } });
    expect(deleteUnit(index, 'top', 'lift')).toEqual({ ok: false, refusal: { reason: 'secondRoot' } });
  });

  it('refuses to move a unit under itself or its own descendant', () => {
    const index = indexOf(small);
    expect(moveUnit(index, 'a', 'a2')).toEqual({ ok: false, refusal: { reason: 'underItself', unitId: 'a', targetId: 'a2' } });
    expect(moveUnit(index, 'a', 'a')).toEqual({ ok: false, refusal: { reason: 'underItself', unitId: 'a', targetId: 'a' } });
    expect(moveUnit(index, 'top', 'b')).toEqual({ ok: false, refusal: { reason: 'underItself', unitId: 'top', targetId: 'b' } });
  });

  it('moves a branch under a new parent, its descendants with it', () => {
    const chart = applied(moveUnit(indexOf(small), 'a', 'b'));
    const index = indexOf(chart);
    expect(index.childrenOf.get('b')).toEqual(['a']);
    expect(index.childrenOf.get('a')).toEqual(['a1', 'a2']);
    expect(index.depthOf.get('a2')).toBe(3);
  });

  it('deletes a unit lifting its children to its parent, or with its whole branch', () => {
    const lifted = indexOf(applied(deleteUnit(indexOf(small), 'a', 'lift')));
    // The lifted children stand where their parent stood, before b.
    expect(lifted.childrenOf.get('top')).toEqual(['a1', 'a2', 'b']);
    const pruned = indexOf(applied(deleteUnit(indexOf(small), 'a', 'branch')));
    expect([...pruned.byId.keys()]).toEqual(['top', 'b']);
  });

  it('lets the top unit go when its only child can take its place', () => {
    const chart = chartOf([
      { id: 'top', name: 'Top' },
      { id: 'only', parentId: 'top', name: 'Only' },
      { id: 'leaf', parentId: 'only', name: 'Leaf' },
    ]);
    const result = deleteUnit(indexOf(chart), 'top', 'lift');
    expect(result.ok && result.unitId).toBe('only');
    expect(indexOf(applied(result)).rootId).toBe('only');
  });

  it('renames a unit’s id with its children and the chart’s records following', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const full = indexOf(index.fullChart);
    const referenced = full.fullChart.events?.flatMap((event) => event.units ?? [])[0];
    expect(referenced).toBeDefined();
    const id = referenced as string;
    const result = changeUnitId(full, id, `${id}-renamed`);
    const chart = applied(result);
    expect(chart.events?.some((event) => event.units?.includes(`${id}-renamed`))).toBe(true);
    expect(chart.units.filter((unit) => unit.parentId === id)).toEqual([]);
    expect(loadChart(chart, 'edited').ok).toBe(true);
  });

  it('deletes a unit a bundled office’s records name, and the chart still loads', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const full = indexOf(index.fullChart);
    const referenced = full.fullChart.events?.flatMap((event) => event.units ?? []).find((id) => id !== full.rootId) as string;
    const chart = applied(deleteUnit(full, referenced, 'branch'));
    const loaded = loadChart(chart, 'edited');
    expect(loaded.ok ? null : loaded.error).toBeNull();
  });

  it('updates fields and removes those set to undefined', () => {
    const withFacts = applied(
      updateUnit(indexOf(small), 'a', {
        kind: 'department',
        nativeName: { text: '甲', lang: 'zh-Hans' },
        facts: [{ key: 'position', label: 'Position', value: 'Head' }],
      }),
    );
    expect(indexOf(withFacts).byId.get('a')).toMatchObject({ kind: 'department', nativeName: { text: '甲' } });
    const cleared = applied(updateUnit(indexOf(withFacts), 'a', { nativeName: undefined }));
    expect('nativeName' in (indexOf(cleared).byId.get('a') ?? {})).toBe(false);
  });

  it('adds a source once and refuses one with a bad address or date', () => {
    const added = withSource(small, { title: 'Report', url: 'https://example.org/a', date: '2024-05' });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.chart.sources).toHaveLength(1);
    const again = withSource(added.chart, { title: 'Report', url: 'https://example.org/a', date: '2024-05' });
    expect(again.ok && again.sourceId).toBe(added.sourceId);
    expect(withSource(small, { title: 'Bad', url: 'javascript:alert(1)' }).ok).toBe(false);
    expect(withSource(small, { title: 'Bad', date: '2024-13' }).ok).toBe(false);
    expect(withSource(small, { title: ' ' }).ok).toBe(false);
  });

  it('starts a new chart with one top unit', () => {
    const chart = newChart('my-chart', 'Ministry', 'Ministry of Things');
    expect(chartProblem(chart)).toBeNull();
    expect(chart.units).toEqual([{ id: 'ministry-of-things', name: 'Ministry of Things' }]);
  });
});

/** One random edit, as indexes into the chart's units so it always names a unit that exists. */
const editArbitrary = fc.oneof(
  fc.record({ op: fc.constant('addChild' as const), at: fc.nat(), name: fc.string({ maxLength: 6 }) }),
  fc.record({ op: fc.constant('addSibling' as const), at: fc.nat(), name: fc.string({ maxLength: 6 }) }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), name: fc.string({ maxLength: 6 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), branch: fc.boolean() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('changeId' as const), at: fc.nat(), name: fc.string({ maxLength: 4 }) }),
  fc.record({ op: fc.constant('undo' as const) }),
);
type RandomEdit = typeof editArbitrary extends fc.Arbitrary<infer T> ? T : never;

function applyRandom(chart: OrgChart, edit: Exclude<RandomEdit, { op: 'undo' }>): EditResult {
  const index = indexOf(chart);
  const idAt = (n: number) => index.preorder[n % index.preorder.length] as string;
  switch (edit.op) {
    case 'addChild':
      return addChild(index, idAt(edit.at), { name: edit.name });
    case 'addSibling':
      return addSibling(index, idAt(edit.at), { name: edit.name });
    case 'rename':
      return renameUnit(index, idAt(edit.at), edit.name);
    case 'delete':
      return deleteUnit(index, idAt(edit.at), edit.branch ? 'branch' : 'lift');
    case 'move':
      return moveUnit(index, idAt(edit.at), idAt(edit.to));
    case 'changeId':
      return changeUnitId(index, idAt(edit.at), edit.name);
  }
}

describe('random sequences of edits and undos', () => {
  it('keep the chart valid, leave a refused edit’s chart as it was, and undo to exactly the chart before', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { maxLength: 40 }), (edits) => {
        const history: OrgChart[] = [];
        let chart = small;
        for (const edit of edits) {
          if (edit.op === 'undo') {
            chart = history.pop() ?? chart;
            continue;
          }
          const snapshot = structuredClone(chart);
          const result = applyRandom(chart, edit);
          // Nothing is ever changed in place, refused or not.
          expect(chart).toEqual(snapshot);
          if (!result.ok) continue;
          expect(chartProblem(result.chart)).toBeNull();
          expect(result.chart.units.every((unit) => unit.name.trim() !== '')).toBe(true);
          history.push(chart);
          chart = result.chart;
        }
        // Undoing every step in turn comes back to the first chart, unit for unit.
        while (history.length > 0) chart = history.pop() as OrgChart;
        expect(chart).toEqual(small);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the unit form’s fields', () => {
  it('write leaders, functions, facts and a position back with their sources, as one edit', () => {
    const index = indexOf(small);
    const unit = index.byId.get('a');
    if (!unit) throw new Error('fixture');
    const source = { title: 'News report', url: 'https://example.org/news', date: '2025-03-01' };
    const fields: UnitFields = {
      ...fieldsOf(small, unit),
      kind: 'department',
      position: 'Director',
      nativeName: '甲局',
      nativeLang: 'zh-Hans',
      leaders: [{ title: 'Director', name: 'Li Wei', source }],
      functions: [
        { text: 'Drafts regulations', source: NO_SOURCE },
        { text: ' ', source: NO_SOURCE },
      ],
      facts: [{ label: 'Formed', value: '1998', source }],
    };
    const chart = applied(applyFields(index, 'a', fields));
    expect(chart.sources).toEqual([{ id: 'source-news-report', ...source }]);
    const edited = indexOf(chart).byId.get('a');
    expect(edited).toEqual({
      id: 'a',
      parentId: 'top',
      name: 'A',
      kind: 'department',
      nativeName: { text: '甲局', lang: 'zh-Hans' },
      leaders: [{ title: 'Director', name: 'Li Wei', cite: { source: 'source-news-report' } }],
      functions: [{ text: 'Drafts regulations' }],
      facts: [
        { key: 'position', label: 'Position', value: 'Director' },
        { label: 'Formed', value: '1998', cite: { source: 'source-news-report' } },
      ],
    });
    expect(loadChart(chart, 'edited').ok).toBe(true);
    // Read back, the fields are what was written.
    expect(fieldsOf(chart, edited as NonNullable<typeof edited>).leaders[0]?.source).toEqual(source);
  });

  it('refuse a half-filled row or a bad source address, saying where', () => {
    const index = indexOf(small);
    const unit = index.byId.get('a') as NonNullable<ReturnType<typeof index.byId.get>>;
    const halfLeader = applyFields(index, 'a', { ...fieldsOf(small, unit), leaders: [{ title: '', name: 'Li Wei', source: NO_SOURCE }] });
    expect(halfLeader.ok ? null : halfLeader.refusal).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('leaders[0].title') });
    const badUrl = applyFields(index, 'a', { ...fieldsOf(small, unit), functions: [{ text: 'X', source: { title: 'T', url: 'ftp://x', date: '' } }] });
    expect(badUrl.ok ? null : badUrl.refusal).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('http') });
  });

  it('leave the chart itself as it was when nothing was changed', () => {
    const index = indexOf(small);
    const unit = index.byId.get('a') as NonNullable<ReturnType<typeof index.byId.get>>;
    const result = applyFields(index, 'a', fieldsOf(small, unit));
    expect(result.ok && result.chart).toBe(small);
  });

  it('change the id with the rest, refusing one already taken', () => {
    const index = indexOf(small);
    const unit = index.byId.get('a') as NonNullable<ReturnType<typeof index.byId.get>>;
    const moved = applied(applyFields(index, 'a', { ...fieldsOf(small, unit), id: 'bureau-a', name: 'Bureau A' }));
    expect(indexOf(moved).childrenOf.get('bureau-a')).toEqual(['a1', 'a2']);
    expect(applyFields(index, 'a', { ...fieldsOf(small, unit), id: 'b' })).toEqual({ ok: false, refusal: { reason: 'duplicateId', unitId: 'b' } });
  });
});
