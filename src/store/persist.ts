/**
 * Charts a user imports are kept in the browser (IndexedDB through
 * idb-keyval) and come back after a reload. Storage can be missing (private
 * windows, disabled storage) or full: every call reports that plainly and the
 * chart keeps working for the session.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
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

export type StorageResult = { ok: true } | { ok: false; message: string };

function describeStorageError(err: unknown, action: string): string {
  const name = err instanceof DOMException ? err.name : err instanceof Error ? err.name : '';
  if (name === 'QuotaExceededError') return `The browser’s storage is full, so the chart could not be ${action}. It still works until you close this tab.`;
  if (typeof indexedDB === 'undefined' || name === 'InvalidStateError' || name === 'SecurityError') {
    return `This browser does not allow saving (storage is off or unavailable), so the chart could not be ${action}. It still works until you close this tab.`;
  }
  return `The chart could not be ${action} in the browser’s storage (${err instanceof Error ? err.message : String(err)}). It still works until you close this tab.`;
}

export async function saveChart(entry: StoredChart): Promise<StorageResult> {
  try {
    await set(entry.chart.id, entry, store());
    return { ok: true };
  } catch (err) {
    return { ok: false, message: describeStorageError(err, 'saved') };
  }
}

export async function deleteStoredChart(chartId: string): Promise<StorageResult> {
  try {
    await del(chartId, store());
    return { ok: true };
  } catch (err) {
    return { ok: false, message: describeStorageError(err, 'deleted') };
  }
}

export async function loadStoredCharts(): Promise<{ ok: true; charts: StoredChart[] } | { ok: false; message: string }> {
  try {
    const all = await entries<string, StoredChart>(store());
    return { ok: true, charts: all.map(([, value]) => value).sort((a, b) => a.savedAt - b.savedAt) };
  } catch (err) {
    return { ok: false, message: describeStorageError(err, 'loaded') };
  }
}
