/**
 * Charts a user imports are kept in the browser (IndexedDB through
 * idb-keyval) and come back after a reload. Storage can be missing (private
 * windows, disabled storage) or full: every call reports that plainly and the
 * chart keeps working for the session.
 */
import { createStore, del, entries, keys, set, type UseStore } from 'idb-keyval';

import type { StorageProblem } from '../i18n/messages.ts';
import type { OrgChart } from '../model/schema.ts';

export interface StoredChart {
  readonly chart: OrgChart;
  /** The name the user gave it (rename), shown instead of the file's title. */
  readonly title: string;
  readonly savedAt: number;
}

let database: UseStore | null = null;
function store(): UseStore {
  database ??= createStore('org-charts', 'imported-charts');
  return database;
}

export type StorageResult = { ok: true } | { ok: false; problem: StorageProblem };

function storageProblem(err: unknown): StorageProblem {
  const name = err instanceof DOMException ? err.name : err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'QuotaExceededError') return { reason: 'full', detail };
  if (typeof indexedDB === 'undefined' || name === 'InvalidStateError' || name === 'SecurityError') return { reason: 'unavailable', detail };
  return { reason: 'failed', detail };
}

export async function saveChart(entry: StoredChart): Promise<StorageResult> {
  try {
    await set(entry.chart.id, entry, store());
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: storageProblem(err) };
  }
}

export async function deleteStoredChart(chartId: string): Promise<StorageResult> {
  try {
    await del(chartId, store());
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: storageProblem(err) };
  }
}

/** Whether any chart is saved, without reading them (false when storage cannot be read: loadStoredCharts says why). */
export async function hasStoredCharts(): Promise<boolean> {
  try {
    return (await keys(store())).length > 0;
  } catch {
    return false;
  }
}

export async function loadStoredCharts(): Promise<{ ok: true; charts: StoredChart[] } | { ok: false; problem: StorageProblem }> {
  try {
    const all = await entries<string, StoredChart>(store());
    return { ok: true, charts: all.map(([, value]) => value).sort((a, b) => a.savedAt - b.savedAt) };
  } catch (err) {
    return { ok: false, problem: storageProblem(err) };
  }
}
