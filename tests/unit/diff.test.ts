import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { applyDiff, chartSignature, diffCharts, mergeVersions, pairKey } from '../../src/model/diff.ts';
import type { Unit } from '../../src/model/schema.ts';
import { indexChart, type OrgIndex } from '../../src/model/tree.ts';
import { datedIndex } from '../../src/store/store.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';

type Row = Partial<Unit> & { id: string };

function indexOf(rows: Row[]): OrgIndex {
  const result = indexChart({ ...chartOf([]), units: rows.map((row) => ({ name: row.id, ...row })) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.index;
}

const company: Row[] = [
  { id: 'ceo', name: 'Chief Executive' },
  { id: 'fin', parentId: 'ceo', name: 'Finance' },
  { id: 'ap', parentId: 'fin', name: 'Payables' },
  { id: 'ar', parentId: 'fin', name: 'Receivables' },
  { id: 'ops', parentId: 'ceo', name: 'Operations' },
  { id: 'it', parentId: 'ops', name: 'IT' },
  { id: 'help', parentId: 'it', name: 'Help desk' },
  { id: 'hr', parentId: 'ceo', name: 'People', kind: 'department', facts: [{ label: 'Staff', value: '12' }] },
];

const kindsOf = (diff: ReturnType<typeof diffCharts>) => Object.fromEntries(diff.changes.map((change) => [change.id, change.kinds.join('+')]));

describe('diffCharts', () => {
  it('finds nothing between a chart and itself', () => {
    const diff = diffCharts(indexOf(company), indexOf(company));
    expect(diff.changes).toEqual([]);
    expect(diff.counts).toEqual({ added: 0, removed: 0, moved: 0, renamed: 0, changed: 0 });
    expect(diff.pairs.size).toBe(company.length);
  });

  it('reports each kind of change: added, removed, moved, renamed, and changed fields', () => {
    const after = company
      .filter((row) => row.id !== 'ar')
      .map((row) => (row.id === 'it' ? { ...row, parentId: 'ceo' } : row))
      .map((row) => (row.id === 'ops' ? { ...row, name: 'Operations & Logistics' } : row))
      .map((row) => (row.id === 'hr' ? { ...row, facts: [{ label: 'Staff', value: '15' }] } : row));
    after.push({ id: 'legal', parentId: 'ceo', name: 'Legal' });
    const diff = diffCharts(indexOf(company), indexOf(after));
    expect(kindsOf(diff)).toEqual({ ops: 'renamed', it: 'moved', hr: 'changed', legal: 'added', ar: 'removed' });
    expect(diff.counts).toEqual({ added: 1, removed: 1, moved: 1, renamed: 1, changed: 1 });
    const hr = diff.changes.find((change) => change.id === 'hr');
    expect(hr?.fields).toEqual([{ field: 'fact:Staff', before: '12', after: '15' }]);
    const moved = diff.changes.find((change) => change.id === 'it');
    expect([moved?.parentBefore, moved?.parentAfter]).toEqual(['ops', 'ceo']);
  });

  it('counts a moved branch once: the units inside it keep their parent', () => {
    const after = company.map((row) => (row.id === 'fin' ? { ...row, parentId: 'ops' } : row));
    const diff = diffCharts(indexOf(company), indexOf(after));
    expect(kindsOf(diff)).toEqual({ fin: 'moved' });
  });

  it('reports a rename and a move of the same unit together', () => {
    const after = company.map((row) => (row.id === 'help' ? { ...row, parentId: 'hr', name: 'Service desk' } : row));
    const diff = diffCharts(indexOf(company), indexOf(after));
    expect(kindsOf(diff)).toEqual({ help: 'moved+renamed' });
    expect(diff.changes[0]).toMatchObject({ nameBefore: 'Help desk', nameAfter: 'Service desk', parentBefore: 'it', parentAfter: 'hr', matchedBy: 'id' });
  });

  it('matches units whose ids all changed by name under the same parent, then by a name no other unit has', () => {
    const renumbered = company.map((row) => ({ ...row, id: `n-${row.id}`, ...(row.parentId ? { parentId: `n-${row.parentId}` } : {}) }));
    const diff = diffCharts(indexOf(company), indexOf(renumbered));
    expect(diff.changes).toEqual([]);
    expect(diff.pairs.get('n-help')).toBe('help');
    expect(diff.matchedBy.get('n-ceo')).toBe('name-parent');
    // Moved and renumbered: its parent is not its old one's counterpart, so only its unique name pairs it.
    const moved = renumbered.map((row) => (row.id === 'n-ap' ? { ...row, parentId: 'n-hr' } : row));
    const movedDiff = diffCharts(indexOf(company), indexOf(moved));
    expect(movedDiff.matchedBy.get('n-ap')).toBe('name');
    expect(kindsOf(movedDiff)).toEqual({ 'n-ap': 'moved' });
  });

  it('leaves two units called the same apart when neither parent nor a unique name tells them apart', () => {
    const before = indexOf([
      { id: 'a', name: 'Top' },
      { id: 'b', parentId: 'a', name: 'Team' },
      { id: 'c', parentId: 'a', name: 'Team' },
      { id: 'x', parentId: 'b', name: 'Desk' },
    ]);
    const after = indexOf([
      { id: 'A', name: 'Top' },
      { id: 'X', parentId: 'A', name: 'Desk' },
      { id: 'Y', parentId: 'A', name: 'Desk' },
    ]);
    const diff = diffCharts(before, after);
    expect(diff.pairs.get('A')).toBe('a');
    expect(diff.pairs.has('X')).toBe(false);
    expect(diff.pairs.has('Y')).toBe(false);
  });

  it('pairs by name alone only a name no other unit of either version has', () => {
    const before = indexOf([
      { id: 'top', name: 'Ministry' },
      { id: 'a', parentId: 'top', name: 'Dept A' },
      { id: 'a1', parentId: 'a', name: 'General Office' },
      { id: 'b', parentId: 'top', name: 'Dept B' },
      { id: 'b1', parentId: 'b', name: 'General Office' },
    ]);
    // Dept B goes and Dept C comes, each with a General Office: the new one is not the old one moved.
    const after = indexOf([
      { id: 'top', name: 'Ministry' },
      { id: 'a', parentId: 'top', name: 'Dept A' },
      { id: 'a1', parentId: 'a', name: 'General Office' },
      { id: 'c', parentId: 'top', name: 'Dept C' },
      { id: 'c1', parentId: 'c', name: 'General Office' },
    ]);
    expect(kindsOf(diffCharts(before, after))).toEqual({ c: 'added', c1: 'added', b: 'removed', b1: 'removed' });
  });

  it('unpairs a pairing the user rejected: the two count as one removed and one added', () => {
    const after = company.map((row) => (row.id === 'ops' ? { ...row, name: 'Logistics' } : row));
    const diff = diffCharts(indexOf(company), indexOf(after), new Set([pairKey('ops', 'ops')]));
    expect(diff.counts).toMatchObject({ added: 1, removed: 1, renamed: 0 });
    // Its children now hang under a new unit: moved.
    expect(kindsOf(diff)).toMatchObject({ ops: 'removed', it: 'moved' });
  });

  it('finds nothing in common between charts of two different organizations', () => {
    const other = indexOf([
      { id: 'x1', name: 'Board' },
      { id: 'x2', parentId: 'x1', name: 'Audit' },
    ]);
    const diff = diffCharts(indexOf(company), other);
    expect(diff.pairs.size).toBe(0);
    expect(diff.counts).toMatchObject({ added: 2, removed: company.length });
  });

  it('lists the Research Office as added between the NPC office in 2007 and today', () => {
    const today = loadBundledIndex('npcsc-general-office.json');
    const diff = diffCharts(datedIndex(today, '2007'), today);
    const added = diff.changes.filter((change) => change.kinds.includes('added')).map((change) => change.nameAfter);
    expect(added).toContain('Research Office');
    expect(diff.changes.some((change) => change.kinds.includes('removed'))).toBe(true);
  });
});

describe('mergeVersions', () => {
  it('keeps a removed unit in its old place, after the sibling it followed, under a free id where its id was taken', () => {
    const before = indexOf([
      { id: 'r', name: 'Root' },
      { id: 'a', parentId: 'r', name: 'A' },
      { id: 'b', parentId: 'r', name: 'B' },
      { id: 'c', parentId: 'r', name: 'C' },
      { id: 'b1', parentId: 'b', name: 'B one' },
    ]);
    const after = indexOf([
      { id: 'r', name: 'Root' },
      { id: 'a', parentId: 'r', name: 'A' },
      { id: 'c', parentId: 'r', name: 'C' },
      { id: 'b1', parentId: 'c', name: 'Someone new' },
    ]);
    const diff = diffCharts(before, after, new Set([pairKey('b1', 'b1')]));
    const merged = mergeVersions(before, after, diff, 'Changes');
    const index = indexChart(merged.chart);
    if (!index.ok) throw new Error('merged chart is not a tree');
    expect(index.index.childrenOf.get('r')).toEqual(['a', 'b', 'c']);
    const ghostChild = [...merged.removedIds].find(([, beforeId]) => beforeId === 'b1')?.[0];
    expect(ghostChild).toBe('b1 (before)');
    expect(index.index.parentOf.get(ghostChild ?? '')).toBe('b');
    expect(merged.changeOf.get('b')?.kinds).toEqual(['removed']);
    expect(merged.changeOf.get('b1')?.kinds).toEqual(['added']);
  });
});

describe('the diff as a property', () => {
  const rowsArb = fc
    .integer({ min: 1, max: 25 })
    .chain((size) =>
      fc.tuple(
        fc.array(fc.nat(), { minLength: size, maxLength: size }),
        fc.array(fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'Desk', 'Team'), { minLength: size, maxLength: size }),
      ),
    );
  const chartArb = rowsArb.map(([parents, names]) =>
    // Each unit's parent comes before it, so the rows always form one tree.
    names.map((name, i): Row => ({ id: `u${i}`, name, ...(i === 0 ? {} : { parentId: `u${(parents[i] ?? 0) % i}` }) })),
  );
  type Edit = { kind: 'rename' | 'move' | 'add' | 'remove' | 'fact' | 'renumber'; at: number; to: number; text: string };
  const editArb = fc.record({
    kind: fc.constantFrom<Edit['kind']>('rename', 'move', 'add', 'remove', 'fact', 'renumber'),
    at: fc.nat(),
    to: fc.nat(),
    text: fc.constantFrom('Alpha', 'Omega', 'Team', '<b>x</b>', '=1+1'),
  });

  /** Applies one edit, keeping the rows a tree (moves under a descendant and removing the top are skipped). */
  function edit(rows: Row[], change: Edit, serial: number): Row[] {
    const index = indexOf(rows);
    const target = rows[change.at % rows.length] as Row;
    const other = rows[change.to % rows.length] as Row;
    const under = (id: string, ancestor: string): boolean => {
      for (let at: string | null | undefined = id; at; at = index.parentOf.get(at)) if (at === ancestor) return true;
      return false;
    };
    switch (change.kind) {
      case 'rename':
        return rows.map((row) => (row === target ? { ...row, name: change.text } : row));
      case 'fact':
        return rows.map((row) => (row === target ? { ...row, facts: [{ label: 'Note', value: change.text }] } : row));
      case 'move':
        if (target.parentId === undefined || under(other.id, target.id)) return rows;
        return rows.map((row) => (row === target ? { ...row, parentId: other.id } : row));
      case 'add':
        return [...rows, { id: `new${serial}`, parentId: other.id, name: change.text }];
      case 'remove': {
        if (target.parentId === undefined) return rows;
        return rows.filter((row) => !under(row.id, target.id));
      }
      case 'renumber': {
        const id = `${target.id}-r${serial}`;
        return rows.map((row) => ({ ...row, ...(row === target ? { id } : {}), ...(row.parentId === target.id ? { parentId: id } : {}) }));
      }
    }
  }

  it('finds nothing between any chart and itself', () => {
    fc.assert(fc.property(chartArb, (rows) => diffCharts(indexOf(rows), indexOf(rows)).changes.length === 0));
  });

  it('rebuilds the later version from the earlier one and the reported changes alone', () => {
    fc.assert(
      fc.property(chartArb, fc.array(editArb, { maxLength: 8 }), (rows, edits) => {
        const later = edits.reduce((current, change, serial) => edit(current, change, serial), rows);
        const before = indexOf(rows);
        const after = indexOf(later);
        const diff = diffCharts(before, after);
        expect(applyDiff(before, diff)).toEqual(chartSignature(after));
        // The merged chart is one tree holding every unit of both versions.
        const merged = indexChart(mergeVersions(before, after, diff, 'Changes').chart);
        expect(merged.ok && merged.index.byId.size).toBe(after.byId.size + diff.counts.removed);
      }),
    );
  });
});
