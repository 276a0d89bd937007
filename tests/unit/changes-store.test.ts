import { beforeEach, describe, expect, it, vi } from 'vitest';

import { CHANGES_CHART_ID, closeChanges, openChanges, setPairedApart } from '../../src/store/changes.ts';
import { readyIndex, useStore } from '../../src/store/store.ts';
import { locationFor, readLocation } from '../../src/store/url.ts';
import { loadBothOfficesIntoStore } from './helpers.ts';

vi.mock('../../src/store/persist.ts', () => ({
  saveChart: vi.fn(async () => ({ ok: true })),
  deleteStoredChart: vi.fn(async () => ({ ok: true })),
  loadStoredCharts: vi.fn(async () => ({ ok: true, charts: [] })),
}));
const { removeImportedChart } = await import('../../src/store/imported.ts');

const NPC = 'npcsc-general-office';
const SC = 'state-council-general-office';

/** The merged chart once the diff (whose code loads on first use) has run. */
async function mergedReady() {
  await vi.waitFor(() => expect(readyIndex(useStore.getState(), CHANGES_CHART_ID)).not.toBeNull());
  return readyIndex(useStore.getState(), CHANGES_CHART_ID);
}

describe('the changes session in the store', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
    loadBothOfficesIntoStore();
    useStore.getState().openChart(NPC);
  });

  it('opens two dates of an office, with the removed units in the merged chart, and writes the pair into the address', async () => {
    openChanges({ chartId: NPC, asOf: '2007' }, { chartId: NPC, asOf: null });
    const merged = await mergedReady();
    const state = useStore.getState();
    expect(state.view).toBe('changes');
    expect(state.panes.changes.chartId).toBe(CHANGES_CHART_ID);
    expect(merged?.byId.has('research-office')).toBe(true);
    const removed = [...(state.changes?.result?.removedIds.values() ?? [])];
    expect(removed).toContain('first-bureau-of-secretaries');
    const address = locationFor(state);
    expect(address).toBe('?changes=npcsc-general-office&from=2007');
    expect(readLocation(address).changes).toEqual({ before: { chartId: NPC, asOf: '2007' }, after: { chartId: NPC, asOf: null } });
  });

  it('keeps the selected unit in the address, and a unit asked for by a link is selected once the diff is ready', async () => {
    openChanges({ chartId: NPC, asOf: '2007' }, { chartId: NPC, asOf: null }, 'research-office');
    await mergedReady();
    await vi.waitFor(() => expect(useStore.getState().panes.changes.selectedId).toBe('research-office'));
    expect(locationFor(useStore.getState())).toBe('?changes=npcsc-general-office&from=2007&unit=research-office');
  });

  it('treats a pairing as two units and pairs them again, keeping the later unit selected', async () => {
    openChanges({ chartId: NPC, asOf: '2007' }, { chartId: NPC, asOf: null }, 'liaison-bureau');
    await mergedReady();
    const counts = () => useStore.getState().changes?.result?.diff.counts;
    const before = { ...counts() };
    setPairedApart([['liaison-bureau', 'liaison-bureau']], true);
    await vi.waitFor(() => expect(counts()?.added).toBe((before.added ?? 0) + 1));
    expect(counts()?.removed).toBe((before.removed ?? 0) + 1);
    expect(useStore.getState().changes?.apart).toEqual([['liaison-bureau', 'liaison-bureau']]);
    expect(useStore.getState().panes.changes.selectedId).toBe('liaison-bureau');
    setPairedApart([['liaison-bureau', 'liaison-bureau']], false);
    await vi.waitFor(() => expect(counts()).toEqual(before));
  });

  it('closes onto the later version, and leaves the view when one of its charts is deleted', async () => {
    openChanges({ chartId: NPC, asOf: '2007' }, { chartId: SC, asOf: null });
    await mergedReady();
    closeChanges();
    expect(useStore.getState().view).toBe('chart');
    expect(useStore.getState().panes.main.chartId).toBe(SC);

    const store = useStore.getState();
    const index = readyIndex(store, SC);
    if (index === null) throw new Error('not loaded');
    store.setCatalog([...store.catalog, { id: 'mine', title: 'Mine', origin: 'imported' }]);
    store.setChartSlot('mine', { status: 'ready', index });
    openChanges({ chartId: SC, asOf: null }, { chartId: 'mine', asOf: null });
    await mergedReady();
    await removeImportedChart('mine');
    expect(useStore.getState().view).toBe('chart');
    expect(useStore.getState().panes.main.chartId).toBe(SC);
  });
});
