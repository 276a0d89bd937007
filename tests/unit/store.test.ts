import { beforeEach, describe, expect, it } from 'vitest';
import { readyIndex, useStore } from '../../src/store/store.ts';
import { loadBundledIndex } from './helpers.ts';

function loadBoth() {
  const store = useStore.getState();
  store.setManifest([
    { id: 'npcsc-general-office', title: 'NPC', file: 'npcsc-general-office.json' },
    { id: 'state-council-general-office', title: 'SC', file: 'state-council-general-office.json' },
  ]);
  store.setChartSlot('npcsc-general-office', { status: 'ready', index: loadBundledIndex('npcsc-general-office.json') });
  store.setChartSlot('state-council-general-office', { status: 'ready', index: loadBundledIndex('state-council-general-office.json') });
}

describe('the app store', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
  });

  it('selects a unit asked for before its chart loaded, once it loads', () => {
    useStore.getState().setManifest([{ id: 'npcsc-general-office', title: 'NPC', file: 'x.json' }]);
    useStore.getState().openChart('npcsc-general-office', 'liaison-bureau');
    expect(useStore.getState().pendingUnitId).toBe('liaison-bureau');
    useStore.getState().setChartSlot('npcsc-general-office', { status: 'ready', index: loadBundledIndex('npcsc-general-office.json') });
    const state = useStore.getState();
    expect(state.selectedId).toBe('liaison-bureau');
    expect(state.pendingUnitId).toBeNull();
    expect(state.viewRequest).toMatchObject({ kind: 'center', id: 'liaison-bureau' });
  });

  it('expands the folded ancestors of a unit opened from a link', () => {
    loadBoth();
    const store = useStore.getState();
    store.openChart('npcsc-general-office');
    store.setCollapsed('departments', true);
    store.openChart('npcsc-general-office', 'secretariat');
    expect(useStore.getState().collapsedByChart['npcsc-general-office']?.has('departments')).toBe(false);
  });

  it('says which unit id was not found and falls back to the root', () => {
    loadBoth();
    useStore.getState().openChart('state-council-general-office', 'nope');
    const state = useStore.getState();
    expect(state.selectedId).toBeNull();
    expect(state.notice?.text).toBe('No unit with the id “nope” in SC. Showing the whole chart instead.');
  });

  it('moves the selection up to a unit when its subtree is folded', () => {
    loadBoth();
    const store = useStore.getState();
    store.openChart('npcsc-general-office', 'liaison-bureau');
    store.setCollapsed('departments', true);
    expect(useStore.getState().selectedId).toBe('departments');
  });

  it('replaces the collapsed set instead of mutating it', () => {
    loadBoth();
    const store = useStore.getState();
    store.openChart('npcsc-general-office');
    const before = useStore.getState().collapsedByChart['npcsc-general-office'];
    store.toggleCollapsed('departments');
    const after = useStore.getState().collapsedByChart['npcsc-general-office'];
    expect(after).not.toBe(before);
    expect(after?.has('departments')).toBe(true);
    expect(before?.has('departments') ?? false).toBe(false);
  });

  it('collapses everything below the root’s children and expands it all back', () => {
    loadBoth();
    const store = useStore.getState();
    store.openChart('npcsc-general-office', 'liaison-bureau');
    store.collapseAll();
    let state = useStore.getState();
    expect([...(state.collapsedByChart['npcsc-general-office'] ?? [])].sort()).toEqual(['affiliated-institutions', 'departments']);
    expect(state.selectedId).toBe('departments');
    store.expandAll();
    state = useStore.getState();
    expect(state.collapsedByChart['npcsc-general-office']?.size).toBe(0);
    expect(readyIndex(state, 'npcsc-general-office')?.rootId).toBe('npcsc-general-office');
  });
});
