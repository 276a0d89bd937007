/**
 * The one app store. Views read single values from it and call its actions;
 * nothing else holds app state. Sets are replaced on update, never mutated,
 * so selectors comparing by identity see every change.
 *
 * A *pane* is one drawn chart with its own selection, focus and view: `main`
 * in the normal view, `left` and `right` side by side in the compare view.
 */
import { create } from 'zustand';

import type { ViewMove } from '../engine/viewMoves.ts';
import type { ViewTransform } from '../engine/zoom.ts';
import type { Notice, UiLanguage } from '../i18n/messages.ts';
import { lastDay } from '../model/dates.ts';
import type { ChartDiff, MergedChanges } from '../model/diff.ts';
import type { NameMode } from '../model/present.ts';
import { hasTimeData, loadedHistory } from '../model/timeData.ts';
import { branchIds, defaultCollapsed, indexChart, type OrgIndex, pathToRoot } from '../model/tree.ts';

export type ChartSlot =
  { readonly status: 'loading' } | { readonly status: 'ready'; readonly index: OrgIndex } | { readonly status: 'error'; readonly message: string };

export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly shortTitle?: string | undefined;
  /** The name on the header's chart switch, where the short title would name something else (the parent body, not its office). */
  readonly switchTitle?: string | undefined;
  /** The short title in the chart's native language (Chinese for the bundled offices), where known. */
  readonly nativeShortTitle?: string | undefined;
  /** Bundled with the app, or brought by the user (kept in the browser). */
  readonly origin: 'bundled' | 'imported';
}

/** A chart's short title as the reader wants names: the native one in a Chinese interface or with Chinese names, where known. */
export function shownShortTitle(entry: CatalogEntry, preferences: Pick<Preferences, 'language' | 'names'>): { text: string; native: boolean } {
  const native =
    entry.nativeShortTitle !== undefined && entry.nativeShortTitle.trim() !== '' && (preferences.language === 'zh' || preferences.names === 'native');
  return native ? { text: entry.nativeShortTitle as string, native: true } : { text: entry.shortTitle ?? entry.title, native: false };
}

/** A chart's name on the header's switch: the native short title as shownShortTitle picks it, else the switch title where one is given. */
export function shownSwitchTitle(entry: CatalogEntry, preferences: Pick<Preferences, 'language' | 'names'>): { text: string; native: boolean } {
  const shown = shownShortTitle(entry, preferences);
  return shown.native || entry.switchTitle === undefined || entry.switchTitle.trim() === '' ? shown : { text: entry.switchTitle, native: false };
}

/**
 * What a drawn pane gives the store so actions can move its view at once, as
 * xyflow keeps its panZoom in its store: the chart registers all three, the
 * outline only `focus`. Registered per chart, so a move meant for a chart just
 * opened never lands on the one it replaces.
 */
export interface PaneView {
  readonly chartId: string;
  /** Moves the view (see src/engine/viewMoves.ts), for the layout of the store's state as it is now. */
  readonly move?: (move: ViewMove) => void;
  /** Moves keyboard focus into the view, onto the pane's focused unit, once it is drawn. */
  readonly focus?: () => void;
  /** Takes the other side's transform (linked views), as a copy that is not copied back. */
  readonly sync?: (transform: ViewTransform) => void;
}

/** A move or focus asked for while the pane's chart was not drawn yet (still loading, or another view shown). */
interface QueuedView {
  readonly chartId: string;
  readonly move: ViewMove | null;
  readonly focus: boolean;
}

/** How unit names are shown: the chart's own names, the native (e.g. Chinese) name where known, or both. */
export type NameDisplay = NameMode;
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What a user chose about how the app looks; remembered in the browser (see prefs.ts). */
export interface Preferences {
  readonly language: UiLanguage;
  readonly names: NameDisplay;
  readonly theme: ThemeChoice;
  /** The chart drawn, or the same tree as a nested list (the outline view). */
  readonly display: 'chart' | 'outline';
}

/** `changes`: the merged chart of two versions in the changes view (see store/changes.ts). */
export type PaneId = 'main' | 'left' | 'right' | 'changes';
export const PANE_IDS: readonly PaneId[] = ['main', 'left', 'right', 'changes'];

/** A chart as it stood on a date (null: as it stands), one side of the changes view. */
export interface ChartVersion {
  readonly chartId: string;
  readonly asOf: string | null;
}

/** The two versions the changes view compares, the pairings a user rejected, and the diff once both are loaded. */
export interface ChangesSession {
  readonly before: ChartVersion;
  readonly after: ChartVersion;
  /** Pairings to leave unmade ("treat as different units"): [earlier id, later id]. */
  readonly apart: readonly (readonly [string, string])[];
  readonly result: (MergedChanges & { readonly diff: ChartDiff }) | null;
}

export interface PaneState {
  readonly chartId: string | null;
  /** The selected unit; null means the chart's root. */
  readonly selectedId: string | null;
  /** The unit holding keyboard focus in the tree (roving tabindex). */
  readonly focusedId: string | null;
  /** A unit asked for (by a link) before its chart had loaded. */
  readonly pendingUnitId: string | null;
  readonly transform: ViewTransform;
  /** The date the pane shows its chart as of (YYYY, YYYY-MM or YYYY-MM-DD); null: today's structure. */
  readonly asOf: string | null;
}

/**
 * A search result just chosen: its unit's texts to mark in the details panel
 * (see `SearchResult.marks`), until another unit is selected or opened.
 * `nonce` makes choosing the same result again bring the marks back into view.
 */
export interface SearchHit {
  readonly pane: PaneId;
  readonly chartId: string;
  readonly unitId: string;
  readonly marks: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  readonly nonce: number;
}

export interface AppState {
  readonly catalog: readonly CatalogEntry[];
  readonly manifestError: string | null;
  readonly charts: Readonly<Record<string, ChartSlot>>;
  readonly panes: Readonly<Record<PaneId, PaneState>>;
  /** Folded units, per pane and chart (key from `collapseKey`). */
  readonly collapsedByChart: Readonly<Record<string, ReadonlySet<string>>>;
  readonly view: 'chart' | 'compare' | 'changes';
  /** What the changes view shows; kept when it closes, so the toolbar can offer it again. */
  readonly changes: ChangesSession | null;
  /** In the compare view, panning or zooming one side moves the other too. */
  readonly linkedViews: boolean;
  /** A unit pointed at in the compare view; its counterpart lights up on the other side. */
  readonly hovered: { readonly pane: PaneId; readonly unitId: string } | null;
  readonly searchHit: SearchHit | null;
  readonly notice: Notice | null;
  /** How charts are drawn: root at the top, or at the left. */
  readonly orientation: 'top-down' | 'left-right';
  readonly preferences: Preferences;
  /** Interface languages whose words have been fetched (English ships with the page); views re-render when one arrives. */
  readonly loadedLanguages: readonly UiLanguage[];
  /** The views drawn now, one per pane at most (see registerPaneView). */
  readonly paneViews: Readonly<Partial<Record<PaneId, PaneView>>>;
  /** Moves and focus waiting for a pane's chart to be drawn; carried out when it registers (xyflow's fitViewQueued). */
  readonly queuedViews: Readonly<Partial<Record<PaneId, QueuedView>>>;

  setPreferences(patch: Partial<Preferences>): void;
  setOrientation(orientation: 'top-down' | 'left-right'): void;
  setCatalog(entries: readonly CatalogEntry[]): void;
  setManifestError(message: string): void;
  setChartSlot(chartId: string, slot: ChartSlot): void;
  /** Show a chart in a pane, optionally with a unit selected (as from a link). */
  /** `asOf`: the date to show it as of; left out, a pane keeps its date for a chart with a past on record. */
  openChart(chartId: string, unitId?: string | null, pane?: PaneId, asOf?: string | null): void;
  /** Shows the pane's chart as of a date (null: today); in the compare view both sides move together. */
  setAsOf(asOf: string | null, pane?: PaneId): void;
  select(unitId: string, pane?: PaneId): void;
  /** Select a unit chosen from a list or by a click, and bring it into view: centred, or by the least pan (`reveal`). */
  showUnit(unitId: string, pane?: PaneId, how?: 'center' | 'reveal'): void;
  setFocused(unitId: string, pane?: PaneId): void;
  /** Move keyboard focus into the pane's tree (or outline), onto its focused unit, as soon as it is drawn. */
  focusTree(pane?: PaneId): void;
  toggleCollapsed(unitId: string, pane?: PaneId): void;
  setCollapsed(unitId: string, collapsed: boolean, pane?: PaneId): void;
  expandAll(pane?: PaneId): void;
  collapseAll(pane?: PaneId): void;
  /** The pane's view moved (reported by its zoom controller); with linked views a user's move is copied to the other side. */
  setTransform(pane: PaneId, transform: ViewTransform, fromSync?: boolean): void;
  /** Moves the pane's view at once when its chart is drawn, else as soon as it is. */
  moveView(pane: PaneId, move: ViewMove): void;
  /** A drawn view offers its moves and focus; returns the call that withdraws them. Carries out what was queued for it. */
  registerPaneView(pane: PaneId, view: PaneView): () => void;
  /** Switch to the compare view with these charts on the left and right. */
  openCompare(leftChartId: string, rightChartId: string, units?: { left?: string | null; right?: string | null }, asOf?: string | null): void;
  closeCompare(): void;
  swapCompare(): void;
  setLinkedViews(linked: boolean): void;
  setHovered(hovered: { pane: PaneId; unitId: string } | null): void;
  showSearchHit(hit: Omit<SearchHit, 'nonce'>): void;
  showNotice(notice: Notice | null): void;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
export const DEFAULT_PREFERENCES: Preferences = { language: 'en', names: 'both', theme: 'system', display: 'chart' };
/** Makes choosing the same search result again a new hit. */
let searchNonce = 0;

const emptyPane = (): PaneState => ({
  chartId: null,
  selectedId: null,
  focusedId: null,
  pendingUnitId: null,
  transform: { x: 0, y: 0, k: 1 },
  asOf: null,
});

/** Each pane keeps its own folds, so the compare view's sides collapse on their own. */
export function collapseKey(pane: PaneId, chartId: string): string {
  return `${pane}:${chartId}`;
}

export function readyIndex(state: Pick<AppState, 'charts'>, chartId: string | null | undefined): OrgIndex | null {
  if (chartId == null) return null;
  const slot = state.charts[chartId];
  return slot?.status === 'ready' ? slot.index : null;
}

/** The ready chart shown in a pane, if any. */
export function paneIndex(state: Pick<AppState, 'charts' | 'panes'>, pane: PaneId): OrgIndex | null {
  const index = readyIndex(state, state.panes[pane].chartId);
  return index === null ? null : datedIndex(index, state.panes[pane].asOf);
}

const allTimeIndexes = new WeakMap<OrgIndex, OrgIndex>();
/** Every unit the chart's file records, whatever its dates (for search): today's index itself for a chart with no past. */
export function allTimeIndex(index: OrgIndex): OrgIndex {
  if (!hasPast(index)) return index;
  let all = allTimeIndexes.get(index);
  if (!all) {
    const result = indexChart(index.fullChart, index.fullChart);
    allTimeIndexes.set(index, (all = result.ok ? result.index : index));
  }
  return all;
}

/** Each chart's views on the dates asked for, kept while the chart is: selectors get the same index for the same date. */
const datedIndexes = new WeakMap<OrgIndex, Map<string, OrgIndex>>();

/** The chart as of `asOf` (see structureAsOf), indexed; today's index itself for no date, or a chart with no past on record. */
export function datedIndex(index: OrgIndex, asOf: string | null): OrgIndex {
  if (asOf === null || lastDay(asOf) === null || !hasPast(index)) return index;
  let byDate = datedIndexes.get(index);
  if (!byDate) datedIndexes.set(index, (byDate = new Map()));
  let dated = byDate.get(asOf);
  if (!dated) {
    const history = loadedHistory();
    if (history === null) return index;
    const result = indexChart(history.structureAsOf(index.fullChart, asOf), index.fullChart);
    dated = result.ok ? result.index : index;
    byDate.set(asOf, dated);
  }
  return dated;
}

const pasts = new WeakMap<OrgIndex, boolean>();
/** Whether the chart has dated records, so a date means something for it (checked once per chart). */
export function hasPast(index: OrgIndex): boolean {
  let past = pasts.get(index);
  // Known once the history model has loaded, which it has whenever a chart with a past has.
  if (past === undefined) {
    if (loadedHistory() === null) return false;
    pasts.set(index, (past = hasTimeData(index.fullChart)));
  }
  return past;
}

export function collapsedOf(state: Pick<AppState, 'collapsedByChart' | 'panes'>, pane: PaneId): ReadonlySet<string> {
  const chartId = state.panes[pane].chartId;
  return chartId === null ? EMPTY_SET : (state.collapsedByChart[collapseKey(pane, chartId)] ?? EMPTY_SET);
}

/** Centre a selected unit; otherwise open the chart (whole, or at its top when too big to read whole) when it has just come into view. */
function viewFor(selectedId: string | null, chartJustShown: boolean): ViewMove | null {
  if (selectedId !== null) return { kind: 'center', id: selectedId };
  return chartJustShown ? { kind: 'open' } : null;
}

/** A date on which the chart shows `unitId`: today if it is there today, else the last list that names it, else its first record. */
function dateShowing(today: OrgIndex, unitId: string): { asOf: string | null } | null {
  if (today.byId.has(unitId)) return { asOf: null };
  if (!hasPast(today)) return null;
  const history = loadedHistory()?.unitHistory(today.fullChart, unitId);
  for (const date of [history?.lastListed, history?.appears]) if (date && datedIndex(today, date).byId.has(unitId)) return { asOf: date };
  return null;
}

/** The collapsed set without any ancestor of `unitId`, so the unit is on screen. */
function withAncestorsExpanded(index: OrgIndex, collapsed: ReadonlySet<string>, unitId: string): ReadonlySet<string> {
  const ancestors = pathToRoot(index, unitId).slice(0, -1);
  if (!ancestors.some((id) => collapsed.has(id))) return collapsed;
  const next = new Set(collapsed);
  for (const id of ancestors) next.delete(id);
  return next;
}

export function chartTitle(state: Pick<AppState, 'catalog' | 'charts'>, chartId: string): string {
  return state.catalog.find((m) => m.id === chartId)?.title ?? readyIndex(state, chartId)?.chart.title ?? chartId;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const useStore = create<AppState>()((set, get) => {
  const withPane = (state: AppState, pane: PaneId, patch: Partial<PaneState>): AppState['panes'] => ({
    ...state.panes,
    [pane]: { ...state.panes[pane], ...patch },
  });

  /**
   * Where a pane lands when asked for `unitId` in `chartId`: the unit selected
   * with its ancestors unfolded, or the root with a notice when it does not exist.
   */
  const resolveUnit = (
    state: AppState,
    pane: PaneId,
    chartId: string,
    unitId: string | null,
    asOf: string | null = state.panes[pane].asOf,
  ): { pane: Partial<PaneState>; collapsedByChart?: AppState['collapsedByChart']; notice?: Notice } => {
    const today = readyIndex(state, chartId);
    // Not loaded yet: remember the unit, and drop any selection from the chart shown before.
    if (today === null) return { pane: { pendingUnitId: unitId, selectedId: null, focusedId: null } };
    // A chart with nothing dated has only today.
    const index = datedIndex(today, hasPast(today) ? asOf : null);
    // A chart seen for the first time in this pane opens folded to a readable size.
    const key = collapseKey(pane, chartId);
    const firstShown = state.collapsedByChart[key] === undefined ? { collapsedByChart: { ...state.collapsedByChart, [key]: defaultCollapsed(today) } } : {};
    if (unitId === null || unitId === index.rootId) return { pane: { selectedId: null, focusedId: index.rootId, pendingUnitId: null }, ...firstShown };
    // A unit not there on the date shown (or today) but on record at another: the pane moves to a date it was there.
    const when = index.byId.has(unitId) ? null : dateShowing(today, unitId);
    if (!index.byId.has(unitId) && when === null) {
      return {
        pane: { selectedId: null, focusedId: index.rootId, pendingUnitId: null },
        notice: { tone: 'warning', text: (m) => m.unknownUnit(unitId, chartTitle(state, chartId)) },
        ...firstShown,
      };
    }
    // Selected with its branch unfolded, on the date it is there (see dateShowing) when not on the one shown.
    const shown = when === null ? index : datedIndex(today, when.asOf);
    const collapsed = state.collapsedByChart[key] ?? defaultCollapsed(today);
    return {
      pane: { selectedId: unitId, focusedId: unitId, pendingUnitId: null, ...(when === null ? {} : { asOf: when.asOf }) },
      collapsedByChart: { ...state.collapsedByChart, [key]: withAncestorsExpanded(shown, collapsed, unitId) },
    };
  };

  /** The state that shows `chartId` in the pane, and the view move to make once it is set. */
  const showInPane = (
    pane: PaneId,
    chartId: string,
    unitId: string | null,
    state: AppState = get(),
    requestedAsOf?: string | null,
  ): { patch: Partial<AppState>; move: ViewMove | null } => {
    const switching = state.panes[pane].chartId !== chartId;
    const today = readyIndex(state, chartId);
    // Another office keeps the date being looked at; a chart known to have no past drops it.
    const asOf = today !== null && !hasPast(today) ? null : requestedAsOf === undefined ? state.panes[pane].asOf : requestedAsOf;
    const resolved = resolveUnit(state, pane, chartId, unitId, asOf);
    const ready = today !== null;
    const patch: Partial<AppState> = {
      panes: withPane(state, pane, { chartId, asOf, ...resolved.pane }),
      // What was waiting for the chart shown before is moot.
      ...(switching ? { queuedViews: { ...state.queuedViews, [pane]: undefined } } : {}),
      ...(resolved.collapsedByChart ? { collapsedByChart: resolved.collapsedByChart } : {}),
      ...(resolved.notice ? { notice: resolved.notice } : switching && pane === 'main' ? { notice: null } : {}),
    };
    return { patch, move: ready ? viewFor(resolved.pane.selectedId ?? null, switching) : null };
  };

  /**
   * Sets `patch` and makes the view moves that go with it, in one update: a pane drawn for its (new) chart moves at
   * once, right after the state it moves for is set; any other pane's move is queued in the same update.
   */
  const commit = (patch: Partial<AppState>, moves: readonly (readonly [PaneId, ViewMove | null])[]) => {
    const state = get();
    const panes = patch.panes ?? state.panes;
    let queued = patch.queuedViews ?? state.queuedViews;
    const now: [NonNullable<PaneView['move']>, ViewMove][] = [];
    for (const [pane, move] of moves) {
      const chartId = panes[pane].chartId;
      if (move === null || chartId === null) continue;
      const view = state.paneViews[pane];
      if (view?.chartId === chartId && view.move) now.push([view.move, move]);
      else queued = { ...queued, [pane]: { chartId, move, focus: queued[pane]?.chartId === chartId && queued[pane].focus } };
    }
    set(queued === state.queuedViews ? patch : { ...patch, queuedViews: queued });
    for (const [move, request] of now) move(request);
  };

  /** Selects a unit (the root as null) and gives it the roving focus; a unit chosen from a list (details panel, compare
   * tables) may sit in a folded branch, so its ancestors unfold: it is on screen and reachable. */
  const selectPatch = (state: AppState, index: OrgIndex, unitId: string, pane: PaneId): Partial<AppState> => {
    const chartId = state.panes[pane].chartId;
    const collapsed = collapsedOf(state, pane);
    const unfolded = withAncestorsExpanded(index, collapsed, unitId);
    return {
      panes: withPane(state, pane, { selectedId: unitId === index.rootId ? null : unitId, focusedId: unitId }),
      ...(unfolded !== collapsed && chartId !== null ? { collapsedByChart: { ...state.collapsedByChart, [collapseKey(pane, chartId)]: unfolded } } : {}),
      notice: null,
      searchHit: null,
    };
  };

  /** A unit folded away moves the pane's selection and focus up to the fold. */
  const liftHidden = (index: OrgIndex, paneState: PaneState, hidden: (id: string) => string | null): Partial<PaneState> => {
    const patch: Mutable<Partial<PaneState>> = {};
    if (paneState.selectedId !== null) {
      const lifted = hidden(paneState.selectedId);
      if (lifted !== null) patch.selectedId = lifted === index.rootId ? null : lifted;
    }
    if (paneState.focusedId !== null) {
      const lifted = hidden(paneState.focusedId);
      if (lifted !== null) patch.focusedId = lifted;
    }
    return patch;
  };

  return {
    catalog: [],
    manifestError: null,
    charts: {},
    panes: { main: emptyPane(), left: emptyPane(), right: emptyPane(), changes: emptyPane() },
    collapsedByChart: {},
    view: 'chart',
    changes: null,
    linkedViews: false,
    hovered: null,
    searchHit: null,
    notice: null,
    orientation: 'top-down',
    preferences: DEFAULT_PREFERENCES,
    loadedLanguages: ['en'],
    paneViews: {},
    queuedViews: {},

    setPreferences: (patch) => set((state) => ({ preferences: { ...state.preferences, ...patch } })),
    setOrientation: (orientation) => {
      if (get().orientation === orientation) return;
      // Every pane refits: after a turn the old view points at nothing.
      commit(
        { orientation },
        PANE_IDS.map((pane) => [pane, { kind: 'fit' }]),
      );
    },
    setCatalog: (entries) => set({ catalog: entries }),
    setManifestError: (message) => set({ manifestError: message }),

    setChartSlot: (chartId, slot) => {
      const wasReady = get().charts[chartId]?.status === 'ready';
      set((state) => ({ charts: { ...state.charts, [chartId]: slot } }));
      if (slot.status !== 'ready') return;
      for (const pane of PANE_IDS) {
        const paneState = get().panes[pane];
        if (paneState.chartId !== chartId) continue;
        // A chart replaced in place (renamed) keeps each pane's selection and view.
        if (wasReady && paneState.pendingUnitId === null) continue;
        const state = get();
        const resolved = resolveUnit(state, pane, chartId, paneState.pendingUnitId);
        commit(
          {
            // A date means nothing to a chart with no past on record: the address drops it.
            panes: withPane(state, pane, { ...resolved.pane, ...(hasPast(slot.index) ? {} : { asOf: null }) }),
            ...(resolved.collapsedByChart ? { collapsedByChart: resolved.collapsedByChart } : {}),
            ...(resolved.notice ? { notice: resolved.notice } : {}),
          },
          [[pane, viewFor(resolved.pane.selectedId ?? null, true)]],
        );
      }
    },

    openChart: (chartId, unitId = null, pane = 'main', asOf) => {
      const state = get();
      const known = state.catalog.some((m) => m.id === chartId) || chartId in state.charts;
      if (!known) {
        const fallback = state.catalog[0]?.id ?? null;
        if (fallback !== null && fallback !== chartId) get().openChart(fallback, null, pane);
        set({
          notice: { tone: 'warning', text: (m) => m.unknownChart(chartId, fallback ? chartTitle(state, fallback) : null) },
        });
        return;
      }
      // One update, so the address bar never records a half-switched state.
      const shown = showInPane(pane, chartId, unitId, get(), asOf);
      commit({ ...shown.patch, ...(pane === 'main' ? { view: 'chart' as const } : {}), searchHit: null }, [[pane, shown.move]]);
    },

    select: (unitId, pane = 'main') => {
      const state = get();
      const index = paneIndex(state, pane);
      if (index === null || !index.byId.has(unitId)) return;
      set(selectPatch(state, index, unitId, pane));
    },

    setAsOf: (asOf, pane = 'main') => {
      const state = get();
      const date = asOf === null || lastDay(asOf) === null ? null : asOf;
      const targets: PaneId[] = state.view === 'compare' && pane !== 'main' ? ['left', 'right'] : [pane];
      let panes = state.panes;
      for (const target of targets) {
        const today = readyIndex(state, panes[target].chartId);
        if (today === null || panes[target].asOf === date) continue;
        const dated = datedIndex(today, date);
        const { selectedId, focusedId } = panes[target];
        // A unit that did not exist on the date gives way to the top unit.
        panes = {
          ...panes,
          [target]: {
            ...panes[target],
            asOf: date,
            selectedId: selectedId !== null && dated.byId.has(selectedId) ? selectedId : null,
            focusedId: focusedId !== null && dated.byId.has(focusedId) ? focusedId : dated.rootId,
          },
        };
      }
      if (panes === state.panes) return;
      commit(
        { panes, searchHit: null },
        targets.map((target) => [target, { kind: 'reshape' }]),
      );
    },

    showUnit: (unitId, pane = 'main', how = 'center') => {
      const state = get();
      const index = paneIndex(state, pane);
      if (index === null || !index.byId.has(unitId)) return;
      commit(selectPatch(state, index, unitId, pane), [[pane, { kind: how, id: unitId }]]);
    },

    setFocused: (unitId, pane = 'main') => set((state) => ({ panes: withPane(state, pane, { focusedId: unitId }) })),

    focusTree: (pane = 'main') => {
      const state = get();
      const chartId = state.panes[pane].chartId;
      if (chartId === null) return;
      const view = state.paneViews[pane];
      if (view?.chartId === chartId && view.focus) {
        view.focus();
        return;
      }
      const queued = state.queuedViews[pane];
      set({ queuedViews: { ...state.queuedViews, [pane]: { chartId, move: queued?.chartId === chartId ? queued.move : null, focus: true } } });
    },

    toggleCollapsed: (unitId, pane = 'main') => {
      get().setCollapsed(unitId, !collapsedOf(get(), pane).has(unitId), pane);
    },

    setCollapsed: (unitId, collapsed, pane = 'main') => {
      const state = get();
      const paneState = state.panes[pane];
      const index = paneIndex(state, pane);
      if (paneState.chartId === null || index === null || (index.childrenOf.get(unitId)?.length ?? 0) === 0) return;
      const current = collapsedOf(state, pane);
      if (current.has(unitId) === collapsed) return;
      const next = new Set(current);
      if (collapsed) next.add(unitId);
      else next.delete(unitId);
      const lifted = collapsed ? liftHidden(index, paneState, (id) => (id !== unitId && pathToRoot(index, id).includes(unitId) ? unitId : null)) : {};
      commit(
        {
          collapsedByChart: { ...state.collapsedByChart, [collapseKey(pane, paneState.chartId)]: next },
          panes: withPane(state, pane, lifted),
        },
        [[pane, { kind: 'keep', id: unitId }]],
      );
    },

    expandAll: (pane = 'main') => {
      const state = get();
      const chartId = state.panes[pane].chartId;
      if (chartId === null) return;
      commit({ collapsedByChart: { ...state.collapsedByChart, [collapseKey(pane, chartId)]: EMPTY_SET } }, [[pane, { kind: 'reshape' }]]);
    },

    collapseAll: (pane = 'main') => {
      const state = get();
      const paneState = state.panes[pane];
      const index = paneIndex(state, pane);
      if (index === null || paneState.chartId === null) return;
      // Everything below the root's children folds; those children stay in view.
      const next = new Set(branchIds(index).filter((id) => id !== index.rootId));
      const lifted = liftHidden(index, paneState, (id) => ((index.depthOf.get(id) ?? 0) > 1 ? (pathToRoot(index, id)[1] ?? null) : null));
      commit(
        {
          collapsedByChart: { ...state.collapsedByChart, [collapseKey(pane, paneState.chartId)]: next },
          panes: withPane(state, pane, lifted),
        },
        [[pane, { kind: 'reshape' }]],
      );
    },

    setTransform: (pane, transform, fromSync = false) => {
      set((state) => ({ panes: withPane(state, pane, { transform }) }));
      // Linked views: the other side follows a user's move; a copied move is never copied back.
      if (fromSync || (pane !== 'left' && pane !== 'right') || !get().linkedViews) return;
      get().paneViews[pane === 'left' ? 'right' : 'left']?.sync?.(transform);
    },

    moveView: (pane, move) => commit({}, [[pane, move]]),

    registerPaneView: (pane, view) => {
      set((state) => ({ paneViews: { ...state.paneViews, [pane]: view } }));
      const queued = get().queuedViews[pane];
      if (queued?.chartId === view.chartId) {
        // What this view cannot do (the outline has no moves) waits for the view that can.
        const rest = { ...queued, move: view.move ? null : queued.move, focus: view.focus ? false : queued.focus };
        set((state) => ({ queuedViews: { ...state.queuedViews, [pane]: rest.move === null && !rest.focus ? undefined : rest } }));
        if (queued.move && view.move) view.move(queued.move);
        if (queued.focus && view.focus) view.focus();
      }
      return () => {
        if (get().paneViews[pane] === view) set((state) => ({ paneViews: { ...state.paneViews, [pane]: undefined } }));
      };
    },

    openCompare: (leftChartId, rightChartId, units = {}, asOf) => {
      const known = (id: string) => get().catalog.some((m) => m.id === id) || id in get().charts;
      const missing = [leftChartId, rightChartId].filter((id) => !known(id));
      let notice: Notice | null = null;
      if (missing.length > 0) {
        notice = { tone: 'warning', text: (m) => m.unknownCompare(missing) };
        const fallbackLeft = known(leftChartId) ? leftChartId : get().catalog[0]?.id;
        const fallbackRight = known(rightChartId) ? rightChartId : (get().catalog.find((c) => c.id !== fallbackLeft)?.id ?? fallbackLeft);
        if (fallbackLeft === undefined || fallbackRight === undefined) {
          set({ notice });
          return;
        }
        leftChartId = fallbackLeft;
        rightChartId = fallbackRight;
      }
      // Both sides in one update, so the address bar never records a half-switched pair.
      const base = get();
      // Both sides on one date: the comparison is of the offices as they stood then.
      const date = asOf === undefined ? base.panes.left.asOf : asOf;
      const left = showInPane('left', leftChartId, units.left ?? null, base, date);
      const right = showInPane('right', rightChartId, units.right ?? null, { ...base, ...left.patch }, date);
      commit({ ...left.patch, ...right.patch, view: 'compare', hovered: null, notice: right.patch.notice ?? left.patch.notice ?? notice }, [
        ['left', left.move],
        ['right', right.move],
      ]);
    },

    closeCompare: () => {
      const state = get();
      // Opened straight from a compare link, the main view has no chart yet: it shows the left one.
      const chartId = state.panes.main.chartId ?? state.panes.left.chartId;
      const shown = state.panes.main.chartId === null && chartId !== null ? showInPane('main', chartId, state.panes.left.selectedId) : null;
      commit({ ...shown?.patch, view: 'chart', hovered: null }, [['main', shown?.move ?? null]]);
    },

    swapCompare: () => {
      const { left, right } = get().panes;
      if (left.chartId === null || right.chartId === null) return;
      get().openCompare(right.chartId, left.chartId, { left: right.selectedId, right: left.selectedId });
    },

    setLinkedViews: (linked) => set({ linkedViews: linked }),
    setHovered: (hovered) => {
      const current = get().hovered;
      if (current?.pane === hovered?.pane && current?.unitId === hovered?.unitId) return;
      set({ hovered });
    },
    showSearchHit: (hit) => set({ searchHit: { ...hit, nonce: ++searchNonce } }),
    showNotice: (notice) => set({ notice }),
  };
});
