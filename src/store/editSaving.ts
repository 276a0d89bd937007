/**
 * Keeping edits: every change is saved to the browser's storage as it is made
 * (the chart beside the imported ones, its undo history in a store of its own,
 * so undo works after a reload), and other tabs are told through a
 * BroadcastChannel. A tab that has edited a chart another tab then saves is
 * told, and saves nothing more of it until the user chooses: nothing is
 * overwritten silently.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { create } from 'zustand';

import type { StorageProblem } from '../i18n/messages.ts';
import type { OrgChart } from '../model/schema.ts';
import { saveChart } from './persist.ts';

/** The undo history kept with a chart: `present` is the chart it leads to, so a history for another version is not used. */
export interface StoredHistory {
  readonly chartId: string;
  readonly present: OrgChart;
  readonly past: readonly OrgChart[];
  readonly future: readonly OrgChart[];
}

/** Steps of undo kept across a reload: past states share their unchanged units, but each holds its own list of them. */
const KEPT_STEPS = 30;
const HISTORY_COMPARE_LIMIT = 25_000;

interface SyncState {
  /** Charts another tab saved after this one edited them: saving them waits for the user's choice. */
  readonly conflicts: readonly string[];
  /** The last storage failure, told until a save works again; the chart can still be exported. */
  readonly storageProblem: StorageProblem | null;
  /** Edits made and not yet in storage with their undo history (shown as "Saving…"). */
  readonly saving: boolean;
}

export const useEditSync = create<SyncState>()(() => ({ conflicts: [], storageProblem: null, saving: false }));

let historyDatabase: UseStore | null = null;
function historyStore(): UseStore {
  // A database of its own: idb-keyval makes one object store per database.
  historyDatabase ??= createStore('org-chart-edits', 'history');
  return historyDatabase;
}

const TAB_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
interface SavedMessage {
  readonly kind: 'saved';
  readonly chartId: string;
  readonly tab: string;
}
let channel: BroadcastChannel | null = null;
const remoteListeners = new Set<(chartId: string) => void>();

/** Listens to other tabs' saves; returns the call that stops. */
export function onOtherTabSaved(listener: (chartId: string) => void): () => void {
  if (channel === null && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel('org-chart-edits');
    channel.onmessage = (event: MessageEvent<SavedMessage>) => {
      if (event.data.kind === 'saved' && event.data.tab !== TAB_ID) for (const listen of remoteListeners) listen(event.data.chartId);
    };
  }
  remoteListeners.add(listener);
  return () => remoteListeners.delete(listener);
}

export function markConflict(chartId: string): void {
  const { conflicts } = useEditSync.getState();
  if (!conflicts.includes(chartId)) useEditSync.setState({ conflicts: [...conflicts, chartId] });
}

export function clearConflict(chartId: string): void {
  useEditSync.setState((state) => ({ conflicts: state.conflicts.filter((id) => id !== chartId) }));
}

/** How long after an edit is drawn its save starts: a run of quick edits (or an undo after it) is saved once. */
const SAVE_DELAY_MS = 120;
/** The undo history, bigger and only a convenience, waits for a pause in the editing. */
const HISTORY_DELAY_MS = 400;

/**
 * Resolves once the edit has been drawn, a moment has passed and the page is idle (within half a second): copying a
 * big chart into storage takes tens of milliseconds, which must not hold up the frames that show the edit.
 */
function afterPaintWhenIdle(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 500 }) : resolve());
    const later = () => setTimeout(idle, SAVE_DELAY_MS);
    const fallback = setTimeout(later, 200);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      later();
    });
  });
}

const pendingHistories = new Map<string, StoredHistory>();
let historyTimer: ReturnType<typeof setTimeout> | null = null;

async function saveHistories(): Promise<void> {
  if (historyTimer !== null) clearTimeout(historyTimer);
  historyTimer = null;
  const histories = [...pendingHistories.values()];
  pendingHistories.clear();
  for (const history of histories) {
    try {
      const { past, future } = history;
      await set(history.chartId, { ...history, past: past.slice(-KEPT_STEPS), future: future.slice(0, KEPT_STEPS) }, historyStore());
    } catch {
      // Undo history is a convenience: failing to keep it is not worth a warning of its own.
    }
  }
  if (pending.size === 0 && pendingHistories.size === 0 && flushing === null && historyTimer === null) useEditSync.setState({ saving: false });
}

// A tab closed or reloaded right after an edit: what waits is saved at once.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    void savePending().then(saveHistories);
  });
}

interface PendingSave {
  readonly title: string;
  readonly history: StoredHistory;
}
const pending = new Map<string, PendingSave>();
let flushing: Promise<void> | null = null;

/** Saves the chart and its history once the edit is drawn; saves asked for meanwhile are folded into the latest. */
export function saveEdited(title: string, history: StoredHistory): Promise<void> {
  pending.set(history.chartId, { title, history });
  if (!useEditSync.getState().saving) useEditSync.setState({ saving: true });
  flushing ??= flush();
  return flushing;
}

async function flush(): Promise<void> {
  try {
    await afterPaintWhenIdle();
    await savePending();
  } finally {
    // Nothing awaited between the last save and here: a save asked for after it starts a new round.
    flushing = pending.size > 0 ? flush() : null;
    // Refused (storage trouble, or another tab's save): nothing more is coming; the alert says why.
    if (flushing === null && historyTimer === null) useEditSync.setState({ saving: false });
  }
}

async function savePending(): Promise<void> {
  while (pending.size > 0) {
    const [chartId, save] = pending.entries().next().value as [string, PendingSave];
    pending.delete(chartId);
    if (useEditSync.getState().conflicts.includes(chartId)) continue;
    const saved = await saveChart({ chart: save.history.present, title: save.title, savedAt: Date.now() });
    if (!saved.ok) {
      useEditSync.setState({ storageProblem: saved.problem });
      continue;
    }
    if (useEditSync.getState().storageProblem !== null) useEditSync.setState({ storageProblem: null });
    channel?.postMessage({ kind: 'saved', chartId, tab: TAB_ID } satisfies SavedMessage);
    pendingHistories.set(chartId, save.history);
    if (historyTimer !== null) clearTimeout(historyTimer);
    historyTimer = setTimeout(() => void saveHistories(), HISTORY_DELAY_MS);
  }
}

/** Waits for every save asked for so far (tests, and the copy kept when another tab saved). */
export async function savesDone(): Promise<void> {
  await (flushing ?? Promise.resolve());
  await saveHistories();
}

/** Drops the undo history kept for a chart deleted from the browser. */
export async function forgetHistory(chartId: string): Promise<void> {
  pendingHistories.delete(chartId);
  try {
    await del(chartId, historyStore());
  } catch {
    // Nothing to tell: the chart itself is gone, and a history without its chart is never used.
  }
}

/** The history saved with the chart, if it leads to this very chart. */
export async function loadHistoryFor(chart: OrgChart): Promise<StoredHistory | null> {
  try {
    const stored = await get<StoredHistory>(chart.id, historyStore());
    // Compared whole, so the steps kept are those of this very chart; past HISTORY_COMPARE_LIMIT units that costs more
    // than an undo history after a reload is worth, and the chart starts with none.
    if (!stored || stored.present.units.length !== chart.units.length || chart.units.length > HISTORY_COMPARE_LIMIT) return null;
    return JSON.stringify(stored.present) === JSON.stringify(chart) ? stored : null;
  } catch {
    return null;
  }
}
