import { beforeEach, describe, expect, it } from 'vitest';

import { collapsedOf, paneIndex, readyIndex, useStore } from '../../src/store/store.ts';
import { loadBothOfficesIntoStore, loadBundledIndex, shownNotice } from './helpers.ts';

describe('the app store', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
  });

  it('selects a unit asked for before its chart loaded, once it loads', () => {
    useStore.getState().setCatalog([{ id: 'npcsc-general-office', title: 'NPC', origin: 'bundled' }]);
    useStore.getState().openChart('npcsc-general-office', 'liaison-bureau');
    expect(useStore.getState().panes.main.pendingUnitId).toBe('liaison-bureau');
    useStore.getState().setChartSlot('npcsc-general-office', { status: 'ready', index: loadBundledIndex('npcsc-general-office.json') });
    const main = useStore.getState().panes.main;
    expect(main.selectedId).toBe('liaison-bureau');
    expect(main.pendingUnitId).toBeNull();
    // Not drawn yet: the centring waits for the chart, which gets it when it registers.
    const moves: unknown[] = [];
    useStore.getState().registerPaneView('main', { chartId: 'npcsc-general-office', move: (move) => moves.push(move) });
    expect(moves).toEqual([{ kind: 'center', id: 'liaison-bureau' }]);
  });

  it('moves a drawn pane at once, and never a view drawn for the chart it replaced', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office');
    const npcMoves: unknown[] = [];
    const unregister = store.registerPaneView('main', { chartId: 'npcsc-general-office', move: (move) => npcMoves.push(move) });
    expect(npcMoves).toEqual([{ kind: 'open' }]);
    store.showUnit('secretariat');
    expect(npcMoves).toEqual([{ kind: 'open' }, { kind: 'center', id: 'secretariat' }]);
    // A fold is carried out by the view at once, for the layout of the state the action just set.
    store.setCollapsed('departments', true);
    expect(npcMoves.at(-1)).toEqual({ kind: 'keep', id: 'departments' });
    store.openChart('state-council-general-office');
    expect(npcMoves).toHaveLength(3);
    unregister();
    const scMoves: unknown[] = [];
    useStore.getState().registerPaneView('main', { chartId: 'state-council-general-office', move: (move) => scMoves.push(move) });
    expect(scMoves).toEqual([{ kind: 'open' }]);
    expect(useStore.getState().queuedViews.main).toBeUndefined();
  });

  it('expands the folded ancestors of a unit opened from a link', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office');
    store.setCollapsed('departments', true);
    store.openChart('npcsc-general-office', 'secretariat');
    expect(collapsedOf(useStore.getState(), 'main').has('departments')).toBe(false);
  });

  it('says which unit id was not found and falls back to the root', () => {
    loadBothOfficesIntoStore();
    useStore.getState().openChart('state-council-general-office', 'nope');
    const state = useStore.getState();
    expect(state.panes.main.selectedId).toBeNull();
    expect(shownNotice()).toBe('No unit with the id “nope” in SC. Showing the whole chart instead.');
  });

  it('moves the selection up to a unit when its subtree is folded', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office', 'liaison-bureau');
    store.setCollapsed('departments', true);
    expect(useStore.getState().panes.main.selectedId).toBe('departments');
  });

  it('replaces the collapsed set instead of mutating it', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office');
    const before = collapsedOf(useStore.getState(), 'main');
    store.toggleCollapsed('departments');
    const after = collapsedOf(useStore.getState(), 'main');
    expect(after).not.toBe(before);
    expect(after.has('departments')).toBe(true);
    expect(before.has('departments')).toBe(false);
  });

  it('collapses everything below the root’s children and expands it all back', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office', 'liaison-bureau');
    store.collapseAll();
    let state = useStore.getState();
    expect([...collapsedOf(state, 'main')].sort()).toEqual(['affiliated-institutions', 'departments']);
    expect(state.panes.main.selectedId).toBe('departments');
    store.expandAll();
    state = useStore.getState();
    expect(collapsedOf(state, 'main').size).toBe(0);
    expect(readyIndex(state, 'npcsc-general-office')?.rootId).toBe('npcsc-general-office');
  });
});

describe('the compare view in the store', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
  });

  it('shows two charts side by side, each folding on its own, and swaps them', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openCompare('npcsc-general-office', 'state-council-general-office');
    let state = useStore.getState();
    expect(state.view).toBe('compare');
    expect(state.panes.left.chartId).toBe('npcsc-general-office');
    expect(state.panes.right.chartId).toBe('state-council-general-office');
    store.setCollapsed('departments', true, 'left');
    expect(collapsedOf(useStore.getState(), 'left').has('departments')).toBe(true);
    expect(collapsedOf(useStore.getState(), 'main').has('departments')).toBe(false);
    store.select('china-government-network-operation-center', 'right');
    store.swapCompare();
    state = useStore.getState();
    expect(state.panes.left.chartId).toBe('state-council-general-office');
    expect(state.panes.left.selectedId).toBe('china-government-network-operation-center');
    expect(state.panes.right.chartId).toBe('npcsc-general-office');
  });

  it('falls back to known charts and says which id was unknown', () => {
    loadBothOfficesIntoStore();
    useStore.getState().openCompare('npcsc-general-office', 'mars-office');
    const state = useStore.getState();
    expect(shownNotice()).toBe('No chart with the id “mars-office” to compare.');
    expect(state.panes.right.chartId).toBe('state-council-general-office');
  });
});

describe('store consistency', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
  });

  it('unfolds the branch of a unit selected from a list, so it is on screen', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office');
    store.setCollapsed('departments', true);
    store.select('liaison-bureau');
    const state = useStore.getState();
    expect(state.panes.main.selectedId).toBe('liaison-bureau');
    expect(collapsedOf(state, 'main').has('departments')).toBe(false);
  });

  it('drops the previous chart’s unit when switching to a chart that has not loaded', () => {
    loadBothOfficesIntoStore();
    useStore.getState().setCatalog([...useStore.getState().catalog, { id: 'later', title: 'Later', origin: 'imported' }]);
    useStore.getState().setChartSlot('later', { status: 'loading' });
    useStore.getState().openChart('npcsc-general-office', 'liaison-bureau');
    useStore.getState().openChart('later');
    const main = useStore.getState().panes.main;
    expect(main.chartId).toBe('later');
    expect(main.selectedId).toBeNull();
    expect(main.focusedId).toBeNull();
  });

  it('keeps the selection when a shown chart is replaced in place (renamed)', () => {
    loadBothOfficesIntoStore();
    useStore.getState().openChart('npcsc-general-office', 'liaison-bureau');
    useStore.getState().setChartSlot('npcsc-general-office', { status: 'ready', index: loadBundledIndex('npcsc-general-office.json') });
    expect(useStore.getState().panes.main.selectedId).toBe('liaison-bureau');
  });

  it('opens both sides of a comparison in one update, so no half-switched state is ever seen', () => {
    loadBothOfficesIntoStore();
    useStore.getState().openChart('npcsc-general-office');
    const seen: string[] = [];
    const stop = useStore.subscribe((state) => seen.push(`${state.view}:${state.panes.left.chartId}:${state.panes.right.chartId}`));
    useStore.getState().openCompare('npcsc-general-office', 'state-council-general-office');
    useStore.getState().swapCompare();
    stop();
    expect(seen).toEqual(['compare:npcsc-general-office:state-council-general-office', 'compare:state-council-general-office:npcsc-general-office']);
  });
});

describe('the offices through time', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
  });

  const unitIds = (pane: 'main' | 'left' | 'right' = 'main') => [...(paneIndex(useStore.getState(), pane)?.byId.keys() ?? [])];

  it('shows the NPC office as the 2007 and 2016 lists have it, and today again with no date', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office', null, 'main', '2007');
    expect(unitIds()).toEqual(expect.arrayContaining(['first-bureau-of-secretaries', 'second-bureau-of-secretaries']));
    expect(unitIds()).not.toContain('research-office');
    store.setAsOf('2016');
    expect(unitIds()).toEqual(expect.arrayContaining(['secretariat', 'research-office']));
    expect(unitIds()).not.toContain('second-bureau-of-secretaries');
    store.setAsOf(null);
    expect(useStore.getState().panes.main.asOf).toBeNull();
    expect(paneIndex(useStore.getState(), 'main')).toBe(readyIndex(useStore.getState(), 'npcsc-general-office'));
  });

  it('moves to a date when a unit of the past existed, when it is asked for', () => {
    loadBothOfficesIntoStore();
    useStore.getState().openChart('npcsc-general-office', 'second-bureau-of-secretaries');
    const main = useStore.getState().panes.main;
    expect(main.selectedId).toBe('second-bureau-of-secretaries');
    expect(main.asOf).toBe('2007-11-20');
    expect(shownNotice()).toBeUndefined();
  });

  it('gives way to the top unit when the unit selected did not exist on the date chosen', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openChart('npcsc-general-office', 'research-office');
    store.setAsOf('2007');
    expect(useStore.getState().panes.main.selectedId).toBeNull();
  });

  it('keeps both compared offices on one date', () => {
    loadBothOfficesIntoStore();
    const store = useStore.getState();
    store.openCompare('npcsc-general-office', 'state-council-general-office', {}, '2008');
    expect([useStore.getState().panes.left.asOf, useStore.getState().panes.right.asOf]).toEqual(['2008', '2008']);
    store.setAsOf('1998', 'right');
    expect([useStore.getState().panes.left.asOf, useStore.getState().panes.right.asOf]).toEqual(['1998', '1998']);
    expect(unitIds('right')).toContain('bureau-of-letters-and-visits');
  });
});
