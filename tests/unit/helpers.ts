import { readFileSync } from 'node:fs';

import { ENGLISH, type Messages, noticeText } from '../../src/i18n/messages.ts';
import { loadChart } from '../../src/model/load.ts';
import type { OrgChart } from '../../src/model/schema.ts';
import type { OrgIndex } from '../../src/model/tree.ts';
import { useStore } from '../../src/store/store.ts';

export function readBundledChart(file: string): unknown {
  return JSON.parse(readFileSync(`public/data/${file}`, 'utf8')) as unknown;
}

export function loadBundledIndex(file: string): OrgIndex {
  const result = loadChart(readBundledChart(file), file);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.index;
}

/** A minimal valid chart document from `units`; for tests that build their own trees. */
export function chartOf(units: { id: string; parentId?: string | null; name?: string; kind?: string }[]): OrgChart {
  return {
    format: 'org-chart',
    version: 1,
    id: 'test',
    title: 'Test chart',
    sources: [],
    units: units.map((u) => ({ name: u.id, ...u })),
  };
}

/** Puts both bundled offices in the store, ready, as the app has them after start-up (titles shortened to NPC and SC). */
export function loadBothOfficesIntoStore(): void {
  const store = useStore.getState();
  store.setCatalog([
    { id: 'npcsc-general-office', title: 'NPC', origin: 'bundled' },
    { id: 'state-council-general-office', title: 'SC', origin: 'bundled' },
  ]);
  store.setChartSlot('npcsc-general-office', { status: 'ready', index: loadBundledIndex('npcsc-general-office.json') });
  store.setChartSlot('state-council-general-office', { status: 'ready', index: loadBundledIndex('state-council-general-office.json') });
}

/** The notice on screen, as the English interface (or the one given) words it. */
export function shownNotice(messages: Messages = ENGLISH): string | undefined {
  const notice = useStore.getState().notice;
  return notice ? noticeText(notice, messages) : undefined;
}
