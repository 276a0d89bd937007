import { beforeEach, describe, expect, it, vi } from 'vitest';

import { zh } from '../../src/i18n/zh.ts';
import { useStore } from '../../src/store/store.ts';
import { loadBothOfficesIntoStore, loadBundledIndex, shownNotice } from './helpers.ts';

// The browser's storage is replaced by one that fails the way real ones do.
const saveChart = vi.fn();
vi.mock('../../src/store/persist.ts', () => ({
  saveChart: (...args: unknown[]) => saveChart(...args) as unknown,
  deleteStoredChart: vi.fn(async () => ({ ok: true })),
  loadStoredCharts: vi.fn(async () => ({ ok: true, charts: [] })),
}));

const { addImportedChart, removeImportedChart, renameImportedChart } = await import('../../src/store/imported.ts');

describe('keeping imported charts', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
    saveChart.mockReset();
  });

  it('says plainly when storage is full, in the interface language, and keeps the chart working for the session', async () => {
    saveChart.mockResolvedValue({ ok: false, problem: { reason: 'full', detail: 'QuotaExceededError' } });
    const index = loadBundledIndex('state-council-general-office.json');
    await addImportedChart({ ...index, chart: { ...index.chart, id: 'mine' } }, 'mine.json');
    const state = useStore.getState();
    expect(state.notice?.tone).toBe('warning');
    expect(shownNotice()).toContain('The browser’s storage is full, so the chart could not be saved. It still works until you close this tab.');
    expect(shownNotice(zh)).toContain('浏览器的存储空间已满，无法保存图表。关闭此标签页之前，它仍可使用。');
    expect(state.panes.main.chartId).toBe('mine');
    expect(state.catalog.find((entry) => entry.id === 'mine')?.origin).toBe('imported');
  });

  it('gives a second chart of the same name a number, so the two can be told apart', async () => {
    saveChart.mockResolvedValue({ ok: true });
    const index = loadBundledIndex('state-council-general-office.json');
    await addImportedChart({ ...index, chart: { ...index.chart, id: 'a', title: 'Team' } }, 'team.csv');
    await addImportedChart({ ...index, chart: { ...index.chart, id: 'b', title: 'Team' } }, 'team.csv');
    expect(useStore.getState().catalog.map((entry) => entry.title)).toEqual(['Team', 'Team (2)']);
    expect(shownNotice()).toContain('Imported “team.csv”');
  });

  it('refuses to rename a chart to a name another chart has, in full or in the switch', async () => {
    saveChart.mockResolvedValue({ ok: true });
    useStore
      .getState()
      .setCatalog([{ id: 'state-council-general-office', title: 'General Office of the State Council', shortTitle: 'State Council', origin: 'bundled' }]);
    const index = loadBundledIndex('state-council-general-office.json');
    await addImportedChart({ ...index, chart: { ...index.chart, id: 'mine', title: 'Mine' } }, 'mine.json');
    await renameImportedChart('mine', ' state council ');
    await renameImportedChart('mine', 'General Office of the State Council');
    expect(useStore.getState().catalog.find((entry) => entry.id === 'mine')?.title).toBe('Mine');
    await renameImportedChart('mine', 'My State Council notes');
    expect(useStore.getState().catalog.find((entry) => entry.id === 'mine')?.title).toBe('My State Council notes');
    // An import is numbered by the same test: a file called like the State Council's switch title, in another case.
    await addImportedChart({ ...index, chart: { ...index.chart, id: 'other', title: 'STATE COUNCIL' } }, 'STATE COUNCIL.csv');
    expect(useStore.getState().catalog.find((entry) => entry.id === 'other')?.title).toBe('STATE COUNCIL (2)');
  });

  it('deletes a chart shown only behind the compare view, so closing compare shows a chart that exists', async () => {
    saveChart.mockResolvedValue({ ok: true });
    loadBothOfficesIntoStore();
    const index = loadBundledIndex('state-council-general-office.json');
    await addImportedChart({ ...index, chart: { ...index.chart, id: 'mine', title: 'Mine' } }, 'mine.json');
    useStore.getState().openCompare('npcsc-general-office', 'state-council-general-office');
    await removeImportedChart('mine');
    expect(useStore.getState().view).toBe('compare');
    useStore.getState().closeCompare();
    const state = useStore.getState();
    expect(state.view).toBe('chart');
    expect(state.panes.main.chartId).toBe('npcsc-general-office');
  });
});
