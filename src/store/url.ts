/**
 * The address bar mirrors what a person would want to share: which chart and
 * which unit. Selecting pushes a history entry; back and forward restore it.
 */
import { useStore, type AppState } from './store.ts';

export interface LocationState {
  readonly chartId: string | null;
  readonly unitId: string | null;
}

export function readLocation(search: string): LocationState {
  const params = new URLSearchParams(search);
  return { chartId: params.get('chart'), unitId: params.get('unit') };
}

export function locationFor(state: Pick<AppState, 'activeChartId' | 'selectedId'>): string {
  const params = new URLSearchParams();
  if (state.activeChartId !== null) params.set('chart', state.activeChartId);
  if (state.selectedId !== null) params.set('unit', state.selectedId);
  const query = params.toString();
  return query === '' ? window.location.pathname : `?${query}`;
}

/** Applies the current address to the store (on start and on back/forward). */
export function applyLocation(): void {
  const { chartId, unitId } = readLocation(window.location.search);
  const state = useStore.getState();
  const target = chartId ?? state.manifest[0]?.id ?? null;
  if (target !== null) state.openChart(target, unitId);
}

/** Keeps the URL in step with the store. Returns a function that stops it. */
export function startUrlSync(): () => void {
  let applying = false;
  const onPopState = () => {
    applying = true;
    try {
      applyLocation();
    } finally {
      applying = false;
    }
  };
  window.addEventListener('popstate', onPopState);
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (applying || state.pendingUnitId !== null) return;
    if (state.activeChartId === previous.activeChartId && state.selectedId === previous.selectedId) return;
    if (state.activeChartId === null) return;
    const next = locationFor(state);
    const current = `${window.location.search}`;
    if (next === current) return;
    // The first chart shown, or a link resolved once its chart loaded, replaces the address
    // rather than adding a step to go back through.
    if (previous.activeChartId === null || previous.pendingUnitId !== null) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
  });
  return () => {
    window.removeEventListener('popstate', onPopState);
    unsubscribe();
  };
}
