/**
 * The one app store. Views read single values from it and call its actions;
 * nothing else holds app state. Sets are replaced on update, never mutated,
 * so selectors comparing by identity see every change.
 */
import { create } from 'zustand';
import type { ManifestEntry } from '../model/schema.ts';
import { branchIds, pathToRoot, type OrgIndex } from '../model/tree.ts';

export type ChartSlot =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly index: OrgIndex }
  | { readonly status: 'error'; readonly message: string };

export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/**
 * A request for the chart view to move. The chart component carries it out
 * through d3-zoom (so d3's own state stays the truth) and never the store.
 * `nonce` makes two identical requests in a row both happen.
 */
export type ViewRequest =
  | { readonly kind: 'fit'; readonly nonce: number }
  | { readonly kind: 'center'; readonly id: string; readonly nonce: number }
  | { readonly kind: 'reveal'; readonly id: string; readonly nonce: number };

export interface Notice {
  readonly tone: 'warning' | 'error' | 'info';
  readonly text: string;
}

export interface AppState {
  readonly manifest: readonly ManifestEntry[];
  readonly manifestError: string | null;
  readonly charts: Readonly<Record<string, ChartSlot>>;
  readonly activeChartId: string | null;
  /** The selected unit of the active chart; null means the chart's root. */
  readonly selectedId: string | null;
  /** The unit holding keyboard focus in the tree (roving tabindex). */
  readonly focusedId: string | null;
  /** A unit asked for in the URL before its chart had loaded. */
  readonly pendingUnitId: string | null;
  readonly collapsedByChart: Readonly<Record<string, ReadonlySet<string>>>;
  readonly transform: ViewTransform;
  readonly viewRequest: ViewRequest | null;
  readonly notice: Notice | null;

  setManifest(entries: readonly ManifestEntry[]): void;
  setManifestError(message: string): void;
  setChartSlot(chartId: string, slot: ChartSlot): void;
  /** Show a chart, optionally with a unit selected (as from a link). */
  openChart(chartId: string, unitId?: string | null): void;
  select(unitId: string): void;
  setFocused(unitId: string): void;
  toggleCollapsed(unitId: string): void;
  setCollapsed(unitId: string, collapsed: boolean): void;
  expandAll(): void;
  collapseAll(): void;
  setTransform(transform: ViewTransform): void;
  requestView(request: { kind: 'fit' } | { kind: 'center' | 'reveal'; id: string }): void;
  showNotice(notice: Notice | null): void;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
let nonce = 0;

/** Centre a selected unit; otherwise fit the whole chart when it has just come into view. */
function viewFor(selectedId: string | null, chartJustShown: boolean): ViewRequest | null {
  if (selectedId !== null) return { kind: 'center', id: selectedId, nonce: ++nonce };
  return chartJustShown ? { kind: 'fit', nonce: ++nonce } : null;
}

export function readyIndex(state: Pick<AppState, 'charts'>, chartId: string | null): OrgIndex | null {
  if (chartId === null) return null;
  const slot = state.charts[chartId];
  return slot?.status === 'ready' ? slot.index : null;
}

/** The collapsed set without any ancestor of `unitId`, so the unit is on screen. */
function withAncestorsExpanded(index: OrgIndex, collapsed: ReadonlySet<string>, unitId: string): ReadonlySet<string> {
  const ancestors = pathToRoot(index, unitId).slice(0, -1);
  if (!ancestors.some((id) => collapsed.has(id))) return collapsed;
  const next = new Set(collapsed);
  for (const id of ancestors) next.delete(id);
  return next;
}

function chartTitle(state: AppState, chartId: string): string {
  return state.manifest.find((m) => m.id === chartId)?.title ?? readyIndex(state, chartId)?.chart.title ?? chartId;
}

export const useStore = create<AppState>()((set, get) => {
  /** Select `unitId` in the active chart if it exists, else say so and show the whole chart. */
  const resolveUnit = (chartId: string, unitId: string | null): Partial<AppState> => {
    const state = get();
    const index = readyIndex(state, chartId);
    if (index === null) return { pendingUnitId: unitId };
    if (unitId === null || unitId === index.rootId) {
      return { selectedId: null, focusedId: index.rootId, pendingUnitId: null };
    }
    if (!index.byId.has(unitId)) {
      return {
        selectedId: null,
        focusedId: index.rootId,
        pendingUnitId: null,
        notice: { tone: 'warning', text: `No unit with the id “${unitId}” in ${chartTitle(state, chartId)}. Showing the whole chart instead.` },
      };
    }
    const collapsed = state.collapsedByChart[chartId] ?? EMPTY_SET;
    return {
      selectedId: unitId,
      focusedId: unitId,
      pendingUnitId: null,
      collapsedByChart: { ...state.collapsedByChart, [chartId]: withAncestorsExpanded(index, collapsed, unitId) },
    };
  };

  return {
    manifest: [],
    manifestError: null,
    charts: {},
    activeChartId: null,
    selectedId: null,
    focusedId: null,
    pendingUnitId: null,
    collapsedByChart: {},
    transform: { x: 0, y: 0, k: 1 },
    viewRequest: null,
    notice: null,

    setManifest: (entries) => set({ manifest: entries }),
    setManifestError: (message) => set({ manifestError: message }),

    setChartSlot: (chartId, slot) => {
      set((state) => ({ charts: { ...state.charts, [chartId]: slot } }));
      const state = get();
      if (slot.status === 'ready' && state.activeChartId === chartId) {
        const patch = resolveUnit(chartId, state.pendingUnitId);
        set({ ...patch, viewRequest: viewFor(patch.selectedId ?? null, true) });
      }
    },

    openChart: (chartId, unitId = null) => {
      const state = get();
      const known = state.manifest.some((m) => m.id === chartId) || chartId in state.charts;
      if (!known) {
        const fallback = state.manifest[0]?.id ?? null;
        if (fallback !== null && fallback !== chartId) get().openChart(fallback, null);
        set({
          notice: { tone: 'warning', text: `No chart with the id “${chartId}”. Showing ${fallback ? chartTitle(state, fallback) : 'the first chart'} instead.` },
        });
        return;
      }
      const switching = state.activeChartId !== chartId;
      const patch = resolveUnit(chartId, unitId);
      const ready = readyIndex(state, chartId) !== null;
      const view = ready ? viewFor(patch.selectedId ?? null, switching) : null;
      // One update, so the address bar never records a half-switched state.
      set({ activeChartId: chartId, ...(switching ? { notice: null } : {}), ...patch, ...(view ? { viewRequest: view } : {}) });
    },

    select: (unitId) => {
      const state = get();
      const index = readyIndex(state, state.activeChartId);
      if (index === null || !index.byId.has(unitId)) return;
      set({ selectedId: unitId === index.rootId ? null : unitId, focusedId: unitId, notice: null });
    },

    setFocused: (unitId) => set({ focusedId: unitId }),

    toggleCollapsed: (unitId) => {
      const { activeChartId, collapsedByChart } = get();
      if (activeChartId === null) return;
      const current = collapsedByChart[activeChartId] ?? EMPTY_SET;
      get().setCollapsed(unitId, !current.has(unitId));
    },

    setCollapsed: (unitId, collapsed) => {
      const state = get();
      const chartId = state.activeChartId;
      const index = readyIndex(state, chartId);
      if (chartId === null || index === null || (index.childrenOf.get(unitId)?.length ?? 0) === 0) return;
      const current = state.collapsedByChart[chartId] ?? EMPTY_SET;
      if (current.has(unitId) === collapsed) return;
      const next = new Set(current);
      if (collapsed) next.add(unitId);
      else next.delete(unitId);
      const patch: { -readonly [K in keyof AppState]?: AppState[K] } = { collapsedByChart: { ...state.collapsedByChart, [chartId]: next } };
      // A selection or focus hidden inside the folded subtree moves up to the unit folded.
      const hides = (id: string | null) => id !== null && id !== unitId && collapsed && pathToRoot(index, id).includes(unitId);
      if (hides(state.selectedId)) patch.selectedId = unitId === index.rootId ? null : unitId;
      if (hides(state.focusedId)) patch.focusedId = unitId;
      set(patch);
    },

    expandAll: () => {
      const { activeChartId, collapsedByChart } = get();
      if (activeChartId === null) return;
      set({ collapsedByChart: { ...collapsedByChart, [activeChartId]: EMPTY_SET }, viewRequest: { kind: 'fit', nonce: ++nonce } });
    },

    collapseAll: () => {
      const state = get();
      const index = readyIndex(state, state.activeChartId);
      if (index === null || state.activeChartId === null) return;
      // Everything below the root folds; the root's own children stay in view.
      const next = new Set(branchIds(index).filter((id) => id !== index.rootId));
      set({
        collapsedByChart: { ...state.collapsedByChart, [state.activeChartId]: next },
        selectedId: state.selectedId !== null && (index.depthOf.get(state.selectedId) ?? 0) > 1 ? (pathToRoot(index, state.selectedId)[1] ?? null) : state.selectedId,
        focusedId: state.focusedId !== null && (index.depthOf.get(state.focusedId) ?? 0) > 1 ? (pathToRoot(index, state.focusedId)[1] ?? null) : state.focusedId,
        viewRequest: { kind: 'fit', nonce: ++nonce },
      });
    },

    setTransform: (transform) => set({ transform }),
    requestView: (request) => set({ viewRequest: { ...request, nonce: ++nonce } }),
    showNotice: (notice) => set({ notice }),
  };
});

export const EMPTY_COLLAPSED = EMPTY_SET;
