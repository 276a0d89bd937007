import type { OrgChart, Unit } from '../../src/model/schema.ts';
import { indexChart, type OrgIndex } from '../../src/model/tree.ts';

/** A small chart of full units (leaders, functions, facts…), indexed; for search tests that need what `chartOf` leaves out. */
export function indexedChart(id: string, units: Unit[], titles: { title?: string; shortTitle?: string } = {}): OrgIndex {
  const chart: OrgChart = {
    format: 'org-chart',
    version: 1,
    id,
    title: titles.title ?? `Chart ${id}`,
    ...(titles.shortTitle === undefined ? {} : { shortTitle: titles.shortTitle }),
    sources: [],
    units,
  };
  return indexed(chart);
}

export function indexed(chart: OrgChart): OrgIndex {
  const result = indexChart(chart);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.index;
}

const BUREAU_TOPICS = ['Alpha', 'Gamma', 'Delta', 'Harbour', 'Forestry', 'Archives', 'Statistics', 'Railways', 'Weather', 'Fisheries'];

/** "Bureau of Gamma 4242" and so on: a root with `count` units under ten groups. */
export function bureauUnits(count: number): { id: string; parentId?: string | null; name?: string; kind?: string }[] {
  const units: { id: string; parentId?: string | null; name?: string; kind?: string }[] = [{ id: 'root', name: 'Big Office' }];
  for (let g = 0; g < 10; g++) units.push({ id: `group-${g}`, parentId: 'root', name: `Group ${g}`, kind: 'group' });
  for (let i = 0; i < count - 11; i++) {
    units.push({ id: `unit-${i}`, parentId: `group-${i % 10}`, name: `Bureau of ${BUREAU_TOPICS[Math.floor(i / 10) % BUREAU_TOPICS.length] ?? 'X'} ${i}` });
  }
  return units;
}

/** Like `bureauUnits`, with a leader, a function and a fact on every bureau, so that each kind of text has thousands of items. */
export function richBureauUnits(count: number): Unit[] {
  return bureauUnits(count).map((unit, i) =>
    unit.id.startsWith('unit-')
      ? {
          ...unit,
          name: unit.name ?? unit.id,
          leaders: [{ title: 'Director-General', name: `Person ${i}` }],
          functions: [{ text: `Handles matters in district ${i}.` }],
          facts: [{ label: 'Formed', value: String(1900 + (i % 120)) }],
        }
      : { ...unit, name: unit.name ?? unit.id },
  );
}
