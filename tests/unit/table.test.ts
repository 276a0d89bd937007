import { describe, expect, it } from 'vitest';

import { importText } from '../../src/model/importFile.ts';
import { loadChart } from '../../src/model/load.ts';
import { chartToCsv, chartToTable } from '../../src/model/table.ts';
import type { OrgIndex } from '../../src/model/tree.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';

function reimported(csv: string): OrgIndex {
  // The importer reads text the browser decoded, which drops the BOM.
  const result = importText('exported.csv', csv.replace(/^\uFEFF/, ''), new Set());
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.index;
}

describe('a chart as a table of units', () => {
  const npc = loadBundledIndex('npcsc-general-office.json');

  it('has a row per unit in reading order, with the columns the importer reads and one per fact label', () => {
    const table = chartToTable(npc);
    expect(table.fields.slice(0, 5)).toEqual(['id', 'parentId', 'name', 'nativeName', 'kind']);
    expect(table.fields).toContain('Formed');
    expect(table.rows).toHaveLength(npc.byId.size);
    expect(table.rows.map((row) => row[0])).toEqual(npc.preorder);
    const liaison = table.rows.find((row) => row[2] === 'Liaison Bureau');
    expect(liaison?.slice(1, 5)).toEqual(['departments', 'Liaison Bureau', '全国人大常委会办公厅联络局', 'department']);
    expect(table.rows[0]?.[table.fields.indexOf('Formed')]).toBe('1954-09-27');
  });

  it('reads back through the CSV importer as the same tree, names, Chinese names and kinds', async () => {
    const back = reimported(await chartToCsv(npc));
    expect(back.preorder).toEqual(npc.preorder);
    for (const id of npc.preorder) {
      const [before, after] = [npc.byId.get(id), back.byId.get(id)];
      expect(after?.name).toBe(before?.name);
      expect(after?.nativeName?.text).toBe(before?.nativeName?.text);
      expect(after?.kind).toBe(before?.kind);
      expect(back.parentOf.get(id)).toBe(npc.parentOf.get(id));
    }
  });

  it('writes a name that looks like a formula so a spreadsheet shows it as text, and reads it back as written', async () => {
    const loaded = loadChart(
      chartOf([
        { id: 'root', name: '=HYPERLINK("http://evil.example","click")' },
        { id: 'b', parentId: 'root', name: '+1 Team' },
      ]),
      'test',
    );
    if (!loaded.ok) throw new Error('test chart did not load');
    const csv = await chartToCsv(loaded.index);
    expect(csv.startsWith('\uFEFFid,parentId,name,nativeName,kind\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain("'+1 Team");
    const back = reimported(csv);
    expect(back.byId.get('root')?.name).toBe('=HYPERLINK("http://evil.example","click")');
    expect(back.byId.get('b')?.name).toBe('+1 Team');
  });

  it('escapes a formula that runs over several lines too', async () => {
    const loaded = loadChart(chartOf([{ id: 'root', name: '=HYPERLINK("http://evil.example")\nsecond line' }]), 'test');
    if (!loaded.ok) throw new Error('test chart did not load');
    const csv = await chartToCsv(loaded.index);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")\nsecond line"`);
    expect(reimported(csv).byId.get('root')?.name).toBe('=HYPERLINK("http://evil.example")\nsecond line');
  });

  it('gives a fact whose label the importer would read as another column a column of its own, and joins a unit’s facts of one label', async () => {
    const facts = [
      { label: 'Title', value: 'Chief of Staff' },
      { label: 'Surname', value: 'Wang' },
      { label: 'Office', value: 'Room 1' },
      { label: 'Office', value: 'Room 2' },
    ];
    const loaded = loadChart({ ...chartOf([{ id: 'root', name: 'Head office' }]), units: [{ id: 'root', name: 'Head office', facts }] }, 'test');
    if (!loaded.ok) throw new Error('test chart did not load');
    const csv = await chartToCsv(loaded.index);
    expect(csv).toContain('id,parentId,name,nativeName,kind,Title (fact),Surname (fact),Office\r\n');
    const back = reimported(csv).byId.get('root');
    // The name is not joined with the surname, and the title is not taken for a position.
    expect(back?.name).toBe('Head office');
    expect(back?.facts).toEqual([
      { label: 'Title (fact)', value: 'Chief of Staff' },
      { label: 'Surname (fact)', value: 'Wang' },
      { label: 'Office', value: 'Room 1; Room 2' },
    ]);
  });
});
