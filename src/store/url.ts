/**
 * The address bar mirrors what a person would want to share: which chart and
 * unit, or which two charts are compared. Selecting pushes a history entry;
 * back and forward restore it.
 */
import { lastDay } from '../model/dates.ts';
import { openChanges } from './changes.ts';
import { type AppState, type ChartVersion, useStore } from './store.ts';

export interface LocationState {
  readonly chartId: string | null;
  readonly unitId: string | null;
  /** `?compare=A,B`: the charts on the left and right. */
  readonly compare: readonly [string, string] | null;
  readonly leftUnitId: string | null;
  readonly rightUnitId: string | null;
  /** `?asof=2008`: the date the chart (or both compared charts) is shown as of. */
  readonly asOf: string | null;
  /** `?changes=A,B&from=2007&to=2016`: the changes from chart A on a date to chart B on a date (either may be today). */
  readonly changes: { readonly before: ChartVersion; readonly after: ChartVersion } | null;
}

export function readLocation(search: string): LocationState {
  const params = new URLSearchParams(search);
  const compareParam = params.get('compare');
  let compare: [string, string] | null = null;
  if (compareParam !== null) {
    const [left = '', right = ''] = compareParam.split(',').map((part) => part.trim());
    compare = [left, right];
  }
  const changesParam = params.get('changes');
  let changes: LocationState['changes'] = null;
  if (changesParam !== null) {
    const [before = '', after = before] = changesParam.split(',').map((part) => part.trim());
    changes = { before: { chartId: before, asOf: params.get('from') }, after: { chartId: after, asOf: params.get('to') } };
  }
  return {
    changes,
    chartId: params.get('chart'),
    unitId: params.get('unit'),
    compare,
    leftUnitId: params.get('left'),
    rightUnitId: params.get('right'),
    asOf: params.get('asof'),
  };
}

export function locationFor(state: Pick<AppState, 'view' | 'panes' | 'changes'>): string {
  const params = new URLSearchParams();
  if (state.view === 'changes' && state.changes !== null) {
    const { before, after } = state.changes;
    params.set('changes', before.chartId === after.chartId ? before.chartId : `${before.chartId},${after.chartId}`);
    if (before.asOf !== null) params.set('from', before.asOf);
    if (after.asOf !== null) params.set('to', after.asOf);
    if (state.panes.changes.selectedId !== null) params.set('unit', state.panes.changes.selectedId);
  } else if (state.view === 'compare') {
    const { left, right } = state.panes;
    params.set('compare', `${left.chartId ?? ''},${right.chartId ?? ''}`);
    if (left.selectedId !== null) params.set('left', left.selectedId);
    if (right.selectedId !== null) params.set('right', right.selectedId);
    if (left.asOf !== null) params.set('asof', left.asOf);
  } else {
    const main = state.panes.main;
    if (main.chartId !== null) params.set('chart', main.chartId);
    if (main.selectedId !== null) params.set('unit', main.selectedId);
    if (main.asOf !== null) params.set('asof', main.asOf);
  }
  // Commas in the compare pair read better unescaped.
  return `?${params.toString().replace(/%2C/g, ',')}`;
}

/** Applies the current address to the store (on start and on back/forward). */
export function applyLocation(): void {
  const location = readLocation(window.location.search);
  const state = useStore.getState();
  const asOf = location.asOf === null || lastDay(location.asOf) !== null ? location.asOf : null;
  const first = state.catalog[0]?.id ?? null;
  if (location.changes !== null) {
    const { before, after } = location.changes;
    const known = (id: string) => state.catalog.some((entry) => entry.id === id);
    const missing = [before.chartId, after.chartId].filter((id) => !known(id));
    const validDate = (version: ChartVersion): ChartVersion => ({
      chartId: version.chartId,
      asOf: version.asOf === null || lastDay(version.asOf) === null ? null : version.asOf,
    });
    const badDate = [before.asOf, after.asOf].find((date) => date !== null && lastDay(date) === null);
    if (missing.length === 0) openChanges(validDate(before), validDate(after), location.unitId);
    else if (first !== null) state.openChart(first);
    // Said after opening, which clears the notices of the view shown before.
    if (missing.length > 0) useStore.getState().showNotice({ tone: 'warning', text: (m) => m.unknownChanges(missing) });
    else if (badDate) useStore.getState().showNotice({ tone: 'warning', text: (m) => m.badChangesDate(badDate) });
    return;
  }
  if (location.compare !== null) {
    const [left, right] = location.compare;
    const second = state.catalog.find((entry) => entry.id !== (left || first))?.id ?? first;
    if (first === null || second === null) return;
    state.openCompare(left || first, right || second, { left: location.leftUnitId, right: location.rightUnitId }, asOf);
  } else {
    const target = location.chartId ?? first;
    if (target !== null) state.openChart(target, location.unitId, 'main', asOf);
  }
  // Said after opening, which clears the notices of the chart shown before.
  const badDate = location.asOf;
  if (badDate !== null && asOf === null) state.showNotice({ tone: 'warning', text: (m) => m.badAsOfInAddress(badDate) });
}

function isPending(state: AppState): boolean {
  const panes = state.view === 'compare' ? [state.panes.left, state.panes.right] : state.view === 'changes' ? [state.panes.changes] : [state.panes.main];
  return panes.some((pane) => pane.pendingUnitId !== null || pane.chartId === null);
}

/** Keeps the URL in step with the store. Returns a function that stops it. */
export function startUrlSync(): () => void {
  let applying = false;
  let wasPending = true;
  const onPopState = () => {
    applying = true;
    try {
      applyLocation();
    } finally {
      applying = false;
    }
    // If the address could not be applied as written (a unit that no longer exists), correct this entry
    // rather than letting the next change push over the forward history.
    const state = useStore.getState();
    if (isPending(state)) wasPending = true;
    else if (locationFor(state) !== window.location.search) window.history.replaceState(null, '', locationFor(state));
  };
  window.addEventListener('popstate', onPopState);
  const unsubscribe = useStore.subscribe((state) => {
    if (applying) return;
    if (isPending(state)) {
      wasPending = true;
      return;
    }
    const next = locationFor(state);
    if (next === window.location.search) {
      wasPending = false;
      return;
    }
    // The first view shown, or a link resolved once its chart loaded, replaces
    // the address rather than adding a step to go back through.
    if (wasPending) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    wasPending = false;
  });
  return () => {
    window.removeEventListener('popstate', onPopState);
    unsubscribe();
  };
}
