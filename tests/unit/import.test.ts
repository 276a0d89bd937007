import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { importNoteText, importProblemText } from '../../src/i18n/importWords.ts';
import { checkImportSize, decodeImportBytes, type ImportOutcome, importText, MAX_IMPORT_BYTES } from '../../src/model/importFile.ts';
import { loadChart } from '../../src/model/load.ts';
import type { OrgIndex } from '../../src/model/tree.ts';
import { readBundledChart } from './helpers.ts';

const realData = (file: string) => readFileSync(`tests/fixtures/realdata/${file}`, 'utf8');
const fixture = (file: string) => readFileSync(`tests/fixtures/import/${file}`, 'utf8');

/** The chart, and the notes as the English interface words them. */
function imported(outcome: ImportOutcome): { index: OrgIndex; notices: string[] } {
  if (!outcome.ok) throw new Error(`expected the import to succeed, got: ${JSON.stringify(outcome.problem)}`);
  return { index: outcome.index, notices: outcome.notes.map((note) => importNoteText('en', note)) };
}

/** Imports `text` as `fileName` and returns why it failed, as the English interface words it. */
function importError(fileName: string, text: string): string {
  const outcome = importText(fileName, text);
  if (outcome.ok) throw new Error(`expected the import to fail, but it gave ${outcome.index.byId.size} units`);
  return importProblemText('en', fileName, outcome.problem);
}

/** What the English interface says about bytes that cannot be read as text, or '' when they can. */
function decodeError(fileName: string, bytes: Uint8Array): string {
  const decoded = decodeImportBytes(bytes);
  return decoded.ok ? '' : importProblemText('en', fileName, decoded.problem);
}

function unit(index: OrgIndex, id: string) {
  const found = index.byId.get(id);
  if (!found) throw new Error(`no unit “${id}”`);
  return found;
}

function factsOf(index: OrgIndex, id: string): Record<string, string> {
  return Object.fromEntries((unit(index, id).facts ?? []).map((f) => [f.label, f.value]));
}

describe('importing the real d3-org-chart sample data', () => {
  it('imports d3-org-chart-org.csv as it is: 1,516 people under Ian Devling, names trimmed, position and image URL kept as text facts', () => {
    const { index, notices } = imported(importText('d3-org-chart-org.csv', realData('d3-org-chart-org.csv')));
    expect(index.byId.size).toBe(1516);
    expect(unit(index, index.rootId).name).toBe('Ian Devling');
    expect(index.rootId).toBe('O-6066');
    expect(notices).toEqual([]);

    const names = [...index.byId.values()].map((u) => u.name);
    expect(names.filter((n) => n !== n.trim())).toEqual([]);
    expect(unit(index, 'O-6068').name).toBe('Leverling Janet'); // " Leverling Janet" in the file

    const cto = unit(index, 'O-6067');
    expect(cto.kind).toBe('person');
    expect(cto.facts?.[0]).toEqual({ key: 'position', label: 'Position', value: 'CTO' }); // "CTO " in the file
    expect(factsOf(index, 'O-6067')['imageUrl']).toBe(
      'https://raw.githubusercontent.com/bumbeishvili/Assets/master/Projects/D3/Organization%20Chart/general.jpg',
    );
    expect(factsOf(index, 'O-6066')['tags']).toBe('Ceo,tag1,manager,cto');
    expect(factsOf(index, 'O-6066')).not.toHaveProperty('size'); // empty cells are not facts
    expect(index.chart).toMatchObject({
      id: 'd3-org-chart-org',
      title: 'd3-org-chart-org',
      sources: [{ id: 'import', title: 'd3-org-chart-org.csv', kind: 'imported file' }],
    });
  });

  it('imports oracle-hr.csv with its one root, Steven King, whose name joins the name and lastName columns', () => {
    const { index, notices } = imported(importText('oracle-hr.csv', realData('oracle-hr.csv')));
    // The README says 106 employees; the file has 107 data rows (ids 100–206), all under one root.
    expect(index.byId.size).toBe(107);
    expect(index.childrenOf.get(index.rootId)?.length).toBeGreaterThan(0);
    expect(unit(index, index.rootId)).toMatchObject({ id: '100', name: 'Steven King', kind: 'person' });
    expect(unit(index, '102').name).toBe('Lex De Haan');
    expect(factsOf(index, '100')).toMatchObject({
      Position: 'Chief Operating Officer',
      image: 'https://bumbeishvili.github.io/avatars/avatars/portrait12.png',
      department_name: 'Executive',
    });
    expect(factsOf(index, '100')).not.toHaveProperty('lastName');
    expect(notices).toEqual([]);
  });

  it('imports flare-flat.json, a JSON list of {id, parentId, value}, with every entry as a unit', () => {
    const rows = JSON.parse(realData('flare-flat.json')) as unknown[];
    const { index } = imported(importText('flare-flat.json', realData('flare-flat.json')));
    // The brief expected 252; the stored file has 251 entries, and every one becomes a unit.
    expect(rows.length).toBe(251);
    expect(index.byId.size).toBe(rows.length);
    expect(index.rootId).toBe('flare');
    expect(unit(index, 'flare').name).toBe('flare'); // no name column: the id is the name
    expect(factsOf(index, 'analytics')['value']).toBe('48716');
  });

  it('puts several top-level rows under a synthetic root named after the file, and says so', () => {
    const csv = realData('oracle-hr.csv')
      .replace(/\n101,100,/, '\n101,,')
      .replace(/\n102,100,/, '\n102,,');
    const { index, notices } = imported(importText('oracle-hr.csv', csv));
    expect(index.byId.size).toBe(108);
    expect(unit(index, index.rootId)).toEqual({ id: '__root__', parentId: null, name: 'oracle-hr', kind: 'group' });
    expect(index.childrenOf.get('__root__')).toEqual(['100', '101', '102']);
    expect(notices).toContain('The table has 3 top-level rows; they are shown under “oracle-hr”.');
  });

  it('gives the synthetic root an id that no row uses', () => {
    const { index } = imported(importText('t.csv', 'id,parentId,name\n__root__,,A\nb,,B\n'));
    expect(index.rootId).toBe('__root__-2');
    expect(index.childrenOf.get('__root__-2')).toEqual(['__root__', 'b']);
  });

  it('gives it an id no row names as its parent either, so an unknown parent is still reported', () => {
    expect(importError('t.csv', 'id,parentId,name\na,,A\nb,,B\nc,__root__,C\n')).toContain(
      '• row 3 (line 4): “c” has parent “__root__”, but no row has the id “__root__”',
    );
  });
});

describe('table layouts and column spellings', () => {
  it('reads a TSV file with managerId, fullName and jobTitle columns', () => {
    const { index } = imported(importText('team.tsv', fixture('team.tsv')));
    expect(index.byId.size).toBe(3);
    expect(index.rootId).toBe('1');
    expect(unit(index, '3')).toMatchObject({ parentId: '1', name: 'Mary Somerville', kind: 'person' });
    expect(unit(index, '1').facts).toEqual([
      { key: 'position', label: 'Position', value: 'Director' },
      { label: 'department', value: 'Research' },
    ]);
    expect(unit(index, '3').facts).toEqual([{ key: 'position', label: 'Position', value: 'Analyst' }]);
  });

  it('trims fact values and labels, and labels a column without a header by its position', () => {
    const { index } = imported(importText('f.csv', 'id,parentId,name, office ,\na,,A,  HQ  ,extra\n'));
    expect(unit(index, 'a').facts).toEqual([
      { label: 'office', value: 'HQ' },
      { label: 'Column 5', value: 'extra' },
    ]);
  });

  it('reads a comma-separated file that was saved under a .tsv name', () => {
    const { index } = imported(importText('mislabelled.tsv', 'id,parentId,name\na,,A\tB\n'));
    expect(unit(index, 'a').name).toBe('A\tB');
  });

  it('reads tab-separated text that arrives without a .tsv name', () => {
    const { index } = imported(importText('pasted', 'id\tparent\tname\na\t\tA, Inc.\nb\ta\tB; Ltd.\n'));
    expect(unit(index, 'a').name).toBe('A, Inc.');
    expect(unit(index, 'b').name).toBe('B; Ltd.');
  });

  it('reads a semicolon-separated CSV with “Node ID”, “Parent_ID” and a Type column as the kind', () => {
    const { index } = imported(importText('units-semicolon.csv', fixture('units-semicolon.csv')));
    expect(index.byId.size).toBe(3);
    expect(unit(index, 'hq')).toMatchObject({ name: 'Headquarters', kind: 'office', facts: [{ label: 'Budget', value: '1000' }] });
    expect(unit(index, 'fin')).toEqual({ id: 'fin', parentId: 'hq', name: 'Finance', kind: 'department' });
  });

  it('reads employee_id, manager_id, first_name + last_name and role columns', () => {
    const { index } = imported(importText('staff-manager-id.csv', fixture('staff-manager-id.csv')));
    expect(unit(index, 'E1')).toMatchObject({
      parentId: null,
      name: 'Grace Hopper',
      kind: 'person',
      facts: [{ key: 'position', label: 'Position', value: 'Admiral' }],
    });
    expect(unit(index, 'E3').name).toBe('Katherine');
  });

  it('reads key, parent, label and nativeName columns', () => {
    const { index } = imported(importText('offices-parent.csv', fixture('offices-parent.csv')));
    expect(unit(index, 'sec')).toEqual({ id: 'sec', parentId: 'root', name: 'General Office', nativeName: { text: '国务院办公厅' } });
  });

  it('reads a parent_id column and treats “null”, “NULL” and “undefined” parents as top-level rows', () => {
    const { index, notices } = imported(importText('p.csv', 'id,parent_id,name\na,null,A\nb,NULL,B\nc,undefined,C\nd,a,D\n'));
    expect(index.childrenOf.get(index.rootId)).toEqual(['a', 'b', 'c']);
    expect(unit(index, 'd').parentId).toBe('a');
    expect(notices[0]).toBe('The table has 3 top-level rows; they are shown under “p”.');
  });

  it('turns numeric ids in a JSON list into strings and uses a title column as the name when there is no other', () => {
    const { index } = imported(importText('numeric-ids.json', fixture('numeric-ids.json')));
    expect(index.rootId).toBe('1');
    expect(unit(index, '2')).toEqual({ id: '2', parentId: '1', name: 'Audit' });
    expect(index.childrenOf.get('1')).toEqual(['2', '3']);
  });

  it('keeps quoted commas, doubled quotes and line breaks inside values', () => {
    const { index } = imported(importText('quoted.csv', fixture('quoted.csv')));
    expect(unit(index, '1').name).toBe('Founder, first of her name');
    expect(unit(index, '1').facts).toEqual([{ label: 'note', value: 'a "quoted" note' }]);
    expect(unit(index, '2').name).toBe('Two-line\nname');
  });

  it('uses the id as the name of a row without one, and counts such rows in a notice', () => {
    const { index, notices } = imported(importText('n.csv', 'id,parentId,name\nr,,Root\nx,r,\ny,r,  \n'));
    expect(unit(index, 'x').name).toBe('x');
    expect(unit(index, 'y').name).toBe('y');
    expect(notices).toEqual(['2 rows have no name, so they are shown by their ids.']);
  });

  it('skips blank lines and a byte order mark, and accepts Windows line endings', () => {
    const { index } = imported(importText('w.csv', '\ufeffid,parentId,name\r\n\r\na,,A\r\n,,\r\nb,a,B\r\n'));
    expect([...index.byId.keys()]).toEqual(['a', 'b']);
  });

  it('names the chart after the file and avoids ids that are already loaded', () => {
    const csv = 'id,parentId,name\na,,A\n';
    expect(imported(importText('My Team (2024).csv', csv)).index.chart).toMatchObject({ id: 'my-team-2024', title: 'My Team (2024)' });
    const taken = new Set(['my-team', 'my-team-2']);
    expect(imported(importText('My Team.csv', csv, taken)).index.chart.id).toBe('my-team-3');
  });

  it('keeps markup in names and facts as plain text, byte for byte', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const csv = `id,parentId,name,note\n1,,"${markup}","<script>alert('x')</script> & <b>"\n`;
    const { index } = imported(importText('x.csv', csv));
    expect(unit(index, '1').name).toBe(markup);
    expect(unit(index, '1').facts).toEqual([{ label: 'note', value: "<script>alert('x')</script> & <b>" }]);
    const fromJson = imported(importText('x.json', JSON.stringify([{ id: 'a', parentId: null, name: markup }]))).index;
    expect(unit(fromJson, 'a').name).toBe(markup);
  });

  it('imports a 10,000-deep chain without running out of stack', () => {
    const lines = ['id,parentId,name'];
    for (let i = 0; i < 10_000; i++) lines.push(`n${i},${i === 0 ? '' : `n${i - 1}`},Level ${i}`);
    const { index } = imported(importText('chain.csv', lines.join('\n')));
    expect(index.byId.size).toBe(10_000);
    expect(index.depthOf.get('n9999')).toBe(9999);
  });
});

describe('the app’s own JSON format', () => {
  const text = readFileSync('public/data/npcsc-general-office.json', 'utf8');

  it('round-trips a bundled chart unchanged', () => {
    const { index, notices } = imported(importText('npcsc-general-office.json', text));
    const direct = loadChart(readBundledChart('npcsc-general-office.json'), 'npcsc-general-office.json');
    if (!direct.ok) throw new Error('bundled chart should load');
    expect(index.chart).toEqual(direct.index.chart);
    expect(notices).toEqual([]);
  });

  it('renames a chart whose id is already loaded and says so', () => {
    const { index, notices } = imported(importText('npcsc-general-office.json', text, new Set(['npcsc-general-office'])));
    expect(index.chart.id).toBe('npcsc-general-office-2');
    expect(notices).toEqual(['A chart with the id “npcsc-general-office” is already loaded, so this one is loaded as “npcsc-general-office-2”.']);
  });

  it('reports a schema failure with the file and the path in the document', () => {
    const doc = { format: 'org-chart', version: 1, id: 'x', title: 'X', units: [{ id: 'a', name: 42 }] };
    expect(importError('mine.json', JSON.stringify(doc))).toBe('mine.json: units[0].name: expected text, got a number');
  });

  it('reports a wrong format marker with its path', () => {
    expect(importError('old.json', '{"format":"orgchart","version":1,"id":"x","title":"X","units":[]}')).toContain(
      'old.json: format: expected "org-chart", got "orgchart"',
    );
  });
});

describe('files that cannot be imported, each with a specific message', () => {
  it('says an empty or whitespace-only file is empty', () => {
    expect(importError('empty.csv', '')).toBe('empty.csv is empty.');
    expect(importError('blank.csv', ' \n\t\r\n')).toBe('blank.csv is empty.');
    expect(importError('blank.json', '\ufeff  ')).toBe('blank.json is empty.');
    expect(importError('list.json', '[]')).toBe('list.json is empty: the JSON list has no rows.');
  });

  it('says a table with only a header has no rows', () => {
    expect(importError('header.csv', 'id,parentId,name\n')).toBe('header.csv has a header but no rows.');
    expect(importError('header.csv', 'id,parentId,name\n\n,,\n')).toBe('header.csv has a header but no rows.');
  });

  it('says prose and binary text are neither the app’s format nor a table', () => {
    const prose = importError('letter.txt', 'Dear colleagues\nPlease find the chart attached.\nRegards\n');
    expect(prose).toBe(
      'letter.txt is neither the app’s JSON chart format nor a CSV/TSV/JSON table: its first line has no columns separated by commas, semicolons or tabs.',
    );
    const longProse = importError(
      'note.txt',
      'Dear colleagues, this is the chart we talked about at the meeting last week\nIt has, as you know, many rows, all of them, important\nBest\n',
    );
    expect(longProse).toContain('note.txt is neither the app’s JSON chart format nor a CSV/TSV/JSON table');
    const pngBytes = [
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
      ...Array.from({ length: 240 }, (_, i) => (i * 37) % 256),
    ];
    const png = new TextDecoder().decode(new Uint8Array(pngBytes)); // what a lenient reader makes of an image
    expect(importError('logo.png', png)).toBe('logo.png is neither the app’s JSON chart format nor a CSV/TSV/JSON table: it contains binary data, not text.');
    expect(importError('x.json', '{"name":"flare","children":[]}')).toContain(
      'x.json is neither the app’s JSON chart format nor a CSV/TSV/JSON table: it is a JSON object without "format": "org-chart"',
    );
    expect(importError('x.json', '42')).toBe(
      'x.json is neither the app’s JSON chart format nor a CSV/TSV/JSON table: it is a single JSON number, not an object or a list.',
    );
  });

  it('includes the JSON parser’s message for broken JSON', () => {
    const error = importError('broken.json', '{"format": "org-chart", ');
    expect(error).toMatch(/^broken\.json is not valid JSON: \S/);
    expect(error).toContain('JSON');
    expect(importError('data', '[{"id": 1,}]')).toMatch(/^data is not valid JSON: /);
  });

  it('names the columns found and the accepted spellings when there is no id or parent column', () => {
    const error = importError('people.csv', 'Name,Boss,Title\nAda,,CEO\n');
    expect(error).toBe(
      [
        'people.csv has no id column and no parent column, so its rows cannot be linked into a chart.',
        'Columns found: “Name”, “Boss”, “Title”.',
        'The id column may be called: id, nodeId, key or employeeId.',
        'The parent column may be called: parentId, parent_id, parent, managerId, manager_id, reportsTo, pid or parentNodeId.',
        '(Capitals, spaces, “_” and “-” in column names do not matter.)',
      ].join('\n'),
    );
    const noParent = importError('flat.json', '[{"id": "a", "name": "A"}]');
    expect(noParent).toContain('flat.json has no parent column, so');
    expect(noParent).toContain('Columns found: “id”, “name”.');
    expect(noParent).not.toContain('The id column may be called');
  });

  it('lists duplicate ids with the rows and lines that use them', () => {
    const error = importError('dup.csv', 'id,parentId,name\na,,A\nb,a,B\na,b,A again\nb,a,B again\nc,a,C\n');
    expect(error).toBe(
      [
        'dup.csv: 2 ids are used by more than one row; each row needs its own id:',
        '• “a” in row 1 (line 2), row 3 (line 4)',
        '• “b” in row 2 (line 3), row 4 (line 5)',
      ].join('\n'),
    );
    expect(importError('dup.json', '[{"id":1,"parentId":null},{"id":"1","parentId":null}]')).toContain('• “1” in row 1, row 2');
  });

  it('names the row, id and parent value of a parent that does not exist', () => {
    const error = importError('orphans.csv', 'id,parentId,name\na,,A\nb,a,B\nc,zz,C\n');
    expect(error).toBe(
      'orphans.csv: 1 row names a parent that is not another row of the table:\n• row 3 (line 4): “c” has parent “zz”, but no row has the id “zz”',
    );
    expect(importError('self.csv', 'id,parentId\na,\nb,b\n')).toBe(
      'self.csv: 1 row names a parent that is not another row of the table:\n• row 2 (line 3): “b” is its own parent',
    );
  });

  it('counts lines correctly when a quoted value spans lines', () => {
    const error = importError('q.csv', 'id,parentId,name\na,,"one\ntwo\nthree"\nb,nope,B\n');
    expect(error).toContain('• row 2 (line 5): “b” has parent “nope”');
  });

  it('names the ids that form a cycle', () => {
    const error = importError('loop.csv', 'id,parentId,name\nroot,,Root\na,c,A\nb,a,B\nc,b,C\n');
    expect(error).toBe(
      'loop.csv: the parent links form 1 cycle (each arrow points to the parent), so these rows never reach a top-level row:\n• “a” → “c” → “b” → “a” (rows 2, 4, 3)',
    );
    expect(importError('all-loop.json', '[{"id":"x","parentId":"y"},{"id":"y","parentId":"x"}]')).toContain('• “x” → “y” → “x” (rows 1, 2)');
  });

  it('reports a row without an id and a value with an unclosed quote', () => {
    expect(importError('ids.csv', 'id,parentId,name\na,,A\n ,a,Nobody\n')).toBe('ids.csv: 1 row has no id:\n• row 2 (line 3)');
    expect(importError('quote.csv', 'id,parentId,name\na,,A\nb,a,"B\n')).toBe(
      'quote.csv: a value in row 2 (line 3) opens a double quote (") that is never closed, so the rest of the file would be read as that one value.',
    );
  });

  it('reports rows with more values than the header has columns', () => {
    expect(importError('extra.csv', 'id,parentId,name\na,,Smith, John\n')).toBe(
      'extra.csv: 1 row has more values than the header has columns (3); a value that contains a comma must be in double quotes:\n• row 1 (line 2) has 4 values',
    );
  });

  it('reports every kind of row problem at once, so one import tells the user all there is to fix', () => {
    const csv = 'id,parentId,name\nboss,,Boss\na,boss,A\na,boss,A again\n,boss,Nobody\nb,ghost,B\nc,d,C\nd,c,D\n';
    expect(importError('all.csv', csv)).toBe(
      [
        'all.csv: 1 row has no id:',
        '• row 4 (line 5)',
        'all.csv: 1 id is used by more than one row; each row needs its own id:',
        '• “a” in row 2 (line 3), row 3 (line 4)',
        'all.csv: 1 row names a parent that is not another row of the table:',
        '• row 5 (line 6): “b” has parent “ghost”, but no row has the id “ghost”',
        'all.csv: the parent links form 1 cycle (each arrow points to the parent), so these rows never reach a top-level row:',
        '• “c” → “d” → “c” (rows 6, 7)',
      ].join('\n'),
    );
  });

  it('words the same problems in Chinese for the Chinese interface', () => {
    const csv = 'id,parentId,name\nboss,,Boss\na,boss,A\na,boss,A again\n,boss,Nobody\nb,ghost,B\nc,d,C\nd,c,D\n';
    const outcome = importText('all.csv', csv);
    if (outcome.ok) throw new Error('expected the import to fail');
    expect(importProblemText('zh', 'all.csv', outcome.problem)).toBe(
      [
        '“all.csv”：1 行没有编号（id）：',
        '• 第 4 行（文件第 5 行）',
        '“all.csv”：1 个编号被多行使用；每一行都需要自己的编号：',
        '• “a”见于第 2 行（文件第 3 行）、第 3 行（文件第 4 行）',
        '“all.csv”：1 行的上级不是表中的另一行：',
        '• 第 5 行（文件第 6 行）：“b”的上级是“ghost”，但没有编号为“ghost”的行',
        '“all.csv”：上级关系形成了 1 个循环（箭头指向上级），这些行永远连不到顶层：',
        '• “c” → “d” → “c”（第 6、7 行）',
      ].join('\n'),
    );
    const missing = importText('people.csv', 'Name,Boss\nAda,\n');
    if (missing.ok) throw new Error('expected the import to fail');
    expect(importProblemText('zh', 'people.csv', missing.problem)).toContain(
      '“people.csv”没有编号（id）列，也没有上级（parent）列，因此无法把各行连成图表。\n找到的列：“Name”、“Boss”。',
    );
    const notes = importText('p.csv', 'id,parentId,name\na,,A\nb,,\n');
    if (!notes.ok) throw new Error('expected the import to work');
    expect(notes.notes.map((note) => importNoteText('zh', note))).toEqual(['表中有 2 个顶层行，它们显示在“p”之下。', '1 行没有名称，因此以编号显示。']);
  });

  it('says how many more there are beyond the first five of a kind', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `r${i},nowhere,R${i}`).join('\n');
    const error = importError('many.csv', `id,parentId,name\n${rows}\n`);
    expect(error.split('\n')).toHaveLength(1 + 5 + 1);
    expect(error).toMatch(/^many\.csv: 8 rows name a parent that is not another row of the table:\n/);
    expect(error.endsWith('\n• …and 3 more')).toBe(true);
  });

  it('reports rows with more values than columns alone, since their shifted cells would invent other problems', () => {
    // "Smith, John" unquoted shifts the id and parent of its row: row 3's parent "2" is real, but would look unknown.
    expect(importError('shifted.csv', 'name,id,parentId\nBoss,1,\nSmith, John,2,1\nLee,3,2\n')).toBe(
      'shifted.csv: 1 row has more values than the header has columns (3); a value that contains a comma must be in double quotes:\n• row 2 (line 3) has 4 values',
    );
  });

  it('reports a JSON list whose rows are not objects', () => {
    expect(importError('nums.json', '[1, {"id": "a", "parentId": null}, "x"]')).toBe(
      'nums.json: a JSON table is a list of objects, like {"id": "2", "parentId": "1", "name": "…"}, but\n• row 1 is a number\n• row 3 is text',
    );
  });
});

describe('file size and encoding', () => {
  it('refuses a file over 50 MB before reading it', () => {
    expect(checkImportSize(1024)).toBeNull();
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    const tooLarge = (file: string, size: number) => {
      const problem = checkImportSize(size);
      return problem === null ? '' : importProblemText('en', file, problem);
    };
    expect(tooLarge('huge.csv', 60 * 1024 * 1024)).toBe('huge.csv is 60 MB; files larger than 50 MB cannot be imported.');
    expect(tooLarge('just-over.csv', MAX_IMPORT_BYTES + 1)).toBe('just-over.csv is 50.1 MB; files larger than 50 MB cannot be imported.');
  });

  it('decodes UTF-8 and drops a byte order mark', () => {
    const bytes = new TextEncoder().encode('\ufeffid,name\n1,国务院\n');
    expect(decodeImportBytes(bytes)).toEqual({ ok: true, text: 'id,name\n1,国务院\n' });
    expect(decodeImportBytes(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('names UTF-16 text as such', () => {
    expect(decodeError('excel.csv', new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]))).toBe(
      'excel.csv is saved as UTF-16 (little-endian) text, not UTF-8. Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again.',
    );
    expect(decodeError('be.csv', new Uint8Array([0xfe, 0xff, 0x00, 0x69]))).toContain('be.csv is saved as UTF-16 (big-endian) text');
    expect(decodeError('nobom.csv', new Uint8Array([0x69, 0, 0x64, 0, 0x2c, 0, 0x70, 0]))).toContain(
      'nobom.csv looks like UTF-16 (little-endian) text without a byte order mark',
    );
  });

  it('says where invalid UTF-8 is, by byte offset and line', () => {
    expect(decodeError('latin1.csv', new Uint8Array([0x61, 0xc3, 0x28]))).toBe(
      'latin1.csv is not valid UTF-8 text: invalid byte sequence at byte offset 1 (line 1): 0xC3 0x28. It may be saved in another encoding, such as Windows-1252 or GBK. Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again.',
    );
    expect(decodeError('w.csv', new Uint8Array([...new TextEncoder().encode('id,name\n1,Caf'), 0xe9, 0x0a]))).toContain(
      'at byte offset 13 (line 2): 0xE9 0x0A',
    );
  });

  it('recognises images and spreadsheets by their first bytes', () => {
    expect(decodeError('logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'logo.png is a PNG image, neither the app’s JSON chart format nor a CSV/TSV/JSON table.',
    );
    const xlsx = decodeError('staff.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(xlsx).toContain('staff.xlsx is a ZIP archive (an Excel .xlsx workbook is one)');
    expect(xlsx).toContain('save the sheet as “CSV UTF-8”');
  });
});
