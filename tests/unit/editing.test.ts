import * as fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import { addChild, addSibling, deleteUnit, moveUnit, renameUnit } from '../../src/model/edit.ts';
import { loadChart } from '../../src/model/load.ts';
import { makeEditableCopy } from '../../src/store/editCharts.ts';
import { applyEdit, redoEdit, startEditing, undoEdit, useEditStore } from '../../src/store/editing.ts';
import { savesDone, useEditSync } from '../../src/store/editSaving.ts';
import { renameImportedChart } from '../../src/store/imported.ts';
import { readyIndex, useStore } from '../../src/store/store.ts';
import { chartOf, loadBothOfficesIntoStore, shownNotice } from './helpers.ts';

function openOwnChart(): void {
  const chart = chartOf([
    { id: 'top', name: 'Ministry' },
    { id: 'a', parentId: 'top', name: 'Bureau A' },
    { id: 'a1', parentId: 'a', name: 'Section A1' },
    { id: 'b', parentId: 'top', name: 'Bureau B' },
  ]);
  const loaded = loadChart(chart, 'test');
  if (!loaded.ok) throw new Error('fixture');
  const store = useStore.getState();
  store.setCatalog([{ id: 'test', title: 'Test chart', origin: 'imported' }]);
  store.setChartSlot('test', { status: 'ready', index: loaded.index });
  store.openChart('test');
  startEditing('test');
}

const shown = () => readyIndex(useStore.getState(), 'test');

describe('editing a chart in the app', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
    useEditStore.setState(useEditStore.getInitialState(), true);
    useEditStore.temporal.getState().clear();
  });

  it('shows an edit at once in the chart’s slot, selects the new unit and announces it', () => {
    openOwnChart();
    expect(
      applyEdit(
        (index) => addChild(index, 'b', { name: 'Office B1' }),
        (w) => w.added('Office B1', 'Bureau B'),
      ),
    ).toBe(true);
    expect(shown()?.childrenOf.get('b')).toEqual(['office-b1']);
    expect(useStore.getState().panes.main.selectedId).toBe('office-b1');
    expect(shownNotice()).toBe('Added “Office B1” under “Bureau B”.');
  });

  it('undoes and redoes moves and deletes of whole branches, step by step', () => {
    openOwnChart();
    const first = shown();
    applyEdit(
      (index) => moveUnit(index, 'a', 'b'),
      (w) => w.moved('Bureau A', 'Bureau B'),
    );
    applyEdit(
      (index) => deleteUnit(index, 'b', 'branch'),
      (w) => w.deleted('Bureau B', 2),
    );
    applyEdit(
      (index) => renameUnit(index, 'top', 'Ministry of Things'),
      (w) => w.renamed('Ministry', 'Ministry of Things'),
    );
    expect([...(shown()?.byId.keys() ?? [])]).toEqual(['top']);
    undoEdit();
    // Undo says what it undid.
    expect(shownNotice()).toBe('Undone: Renamed “Ministry” to “Ministry of Things”.');
    undoEdit();
    expect(shown()?.childrenOf.get('b')).toEqual(['a']);
    undoEdit();
    expect(shown()?.fullChart).toEqual(first?.fullChart);
    undoEdit();
    expect(shownNotice()).toBe('Nothing to undo.');
    redoEdit();
    redoEdit();
    expect(shownNotice()).toBe('Redone: Deleted “Bureau B” and 2 units below it.');
    expect(shown()?.byId.has('a')).toBe(false);
    // The selection, on a unit the undo took away, falls back to the top.
    expect(useStore.getState().panes.main.selectedId).toBeNull();
  });

  it('refuses a move under a descendant with a message, and changes nothing', () => {
    openOwnChart();
    const before = shown();
    expect(
      applyEdit(
        (index) => moveUnit(index, 'a', 'a1'),
        (w) => w.moved('', ''),
      ),
    ).toBe(false);
    expect(shownNotice()).toBe('Not moved: “Section A1” is under “Bureau A”, which cannot go under its own descendant.');
    expect(shown()).toBe(before);
    expect(useEditStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('undoes any sequence of edits, through zundo, back to exactly the chart it started from, and redoes it again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('child', 'sibling', 'rename', 'lift', 'branch', 'move'), fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }),
        (steps) => {
          useStore.setState(useStore.getInitialState(), true);
          useEditStore.setState(useEditStore.getInitialState(), true);
          useEditStore.temporal.getState().clear();
          openOwnChart();
          const first = shown()?.fullChart;
          let made = 0;
          for (const [op, at, to] of steps) {
            const done = applyEdit(
              (index) => {
                const id = index.preorder[at % index.preorder.length] as string;
                const other = index.preorder[to % index.preorder.length] as string;
                if (op === 'child') return addChild(index, id, { name: `N${at}` });
                if (op === 'sibling') return addSibling(index, id, { name: `S${at}` });
                if (op === 'rename') return renameUnit(index, id, `R${to}`);
                if (op === 'move') return moveUnit(index, id, other);
                return deleteUnit(index, id, op);
              },
              (w) => w.undone,
            );
            if (done) made += 1;
          }
          const last = shown()?.fullChart;
          expect(useEditStore.temporal.getState().pastStates).toHaveLength(made);
          for (let i = 0; i < made; i++) undoEdit();
          expect(shown()?.fullChart).toEqual(first);
          for (let i = 0; i < made; i++) redoEdit();
          expect(shown()?.fullChart).toBe(last);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the name the chart was given in Your charts while it is edited, through undo', async () => {
    openOwnChart();
    applyEdit(
      (index) => renameUnit(index, 'a', 'Bureau of Letters'),
      (w) => w.undone,
    );
    await renameImportedChart('test', 'Ministry chart');
    applyEdit(
      (index) => renameUnit(index, 'b', 'Bureau of Visits'),
      (w) => w.undone,
    );
    expect(shown()?.chart.title).toBe('Ministry chart');
    undoEdit();
    undoEdit();
    expect(shown()?.chart.title).toBe('Ministry chart');
    expect(shown()?.byId.get('a')?.name).toBe('Bureau A');
  });

  it('tells when the browser does not let the edit be saved, and keeps the edit', async () => {
    openOwnChart();
    applyEdit(
      (index) => renameUnit(index, 'a', 'Bureau of Letters'),
      (w) => w.renamed('Bureau A', 'Bureau of Letters'),
    );
    await savesDone();
    // Node has no IndexedDB, as a browser with storage switched off.
    expect(useEditSync.getState().storageProblem?.reason).toBe('unavailable');
    expect(shown()?.byId.get('a')?.name).toBe('Bureau of Letters');
  });

  it('makes an editable copy of a bundled office, leaving the bundled one as it was', () => {
    loadBothOfficesIntoStore();
    const bundled = readyIndex(useStore.getState(), 'npcsc-general-office');
    expect(makeEditableCopy('npcsc-general-office', (title) => `${title} (copy)`)).toBe(true);
    const copy = useStore.getState().catalog.find((entry) => entry.origin === 'imported');
    expect(copy?.title).toBe('NPC (copy)');
    expect(useEditStore.getState().chartId).toBe(copy?.id);
    applyEdit(
      (index) => renameUnit(index, index.rootId, 'Renamed'),
      (w) => w.undone,
    );
    expect(readyIndex(useStore.getState(), copy?.id)?.byId.get(bundled?.rootId ?? '')?.name).toBe('Renamed');
    expect(readyIndex(useStore.getState(), 'npcsc-general-office')).toBe(bundled);
  });
});
