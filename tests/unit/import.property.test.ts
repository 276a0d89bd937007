import * as fc from 'fast-check';
import * as Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { importProblemText } from '../../src/i18n/importWords.ts';
import { type ImportOutcome, type ImportProblem, importText } from '../../src/model/importFile.ts';

interface Row {
  id: string | number;
  parentId: string | number | null;
  name: string;
  note: string;
}

// A small alphabet so that duplicates, self-parents, cycles and missing parents all turn up.
const ID_POOL = ['1', '2', '3', '4', '5', 'a', 'b', ' c ', '__root__', 'null-ish', ''];
const idArb = fc.constantFrom(...ID_POOL);
const awkward = fc.constantFrom('"', ',', ';', '\n', '\r\n', '\t', '<', '<img src=x onerror=alert(1)>', ' ', '\ufeff', 'null', '国', '😀', "'", '""');
const textArb = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), awkward), { maxLength: 4 }).map((parts) => parts.join(''));
const parentArb = fc.oneof(idArb, fc.constantFrom('', 'missing', 'null', 'NULL', 'undefined'));

/** Anything goes: duplicate ids, empty ids, missing parents, cycles. */
const anyRowsArb = fc.array(fc.record({ id: idArb, parentId: parentArb, name: textArb, note: textArb }), { maxLength: 12 });

/** One or more trees: unique non-empty ids, each parent an earlier row or none. These must import. */
const treeRowsArb = fc
  .uniqueArray(fc.constantFrom(...ID_POOL.filter((id) => id.trim() !== '')), { minLength: 1, maxLength: 10 })
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.tuple(fc.nat(), textArb, textArb), { minLength: ids.length, maxLength: ids.length })))
  .map(([ids, extras]) =>
    ids.map((id, i): Row => {
      const [pick, name, note] = extras[i] ?? [0, '', ''];
      // Control characters would make the text look like binary data; keep them out of tables that must import.
      const clean = (s: string) => [...s].filter((ch) => ch >= ' ' || ch === '\t' || ch === '\n' || ch === '\r').join('');
      return { id, parentId: i === 0 || pick % (i + 1) === 0 ? null : (ids[pick % i] ?? null), name: clean(name), note: clean(note) };
    }),
  );

/** A refused import is explained, in both interface languages. */
function expectWorded(problem: ImportProblem): void {
  for (const language of ['en', 'zh'] as const) expect(importProblemText(language, 'x.csv', problem).trim()).not.toBe('');
}

const cells = (r: Row) => [String(r.id), r.parentId === null ? '' : String(r.parentId), r.name, r.note];

function checkOutcome(outcome: ImportOutcome, rows: readonly Row[], expectedRows: number, mustImport: boolean, fromSpreadsheet = false): void {
  if (!outcome.ok) {
    expect(mustImport, JSON.stringify(outcome.problem)).toBe(false);
    expectWorded(outcome.problem);
    return;
  }
  const units = outcome.index.byId.size;
  const synthetic = units === expectedRows + 1;
  expect(units === expectedRows || synthetic).toBe(true);
  if (synthetic) expect(outcome.index.byId.get(outcome.index.rootId)?.kind).toBe('group');
  // Names come through as plain text: trimmed, or the id when empty. In a CSV or TSV, a quote before = + - @ (or a
  // tab or carriage return) is a
  // spreadsheet's formula escape (as the CSV export writes it) and is dropped.
  for (const row of rows) {
    const id = String(row.id).trim();
    const unit = outcome.index.byId.get(id);
    if (unit === undefined) continue; // a blank CSV row, skipped
    const name = (fromSpreadsheet ? row.name.replace(/^'(?=[=+\-@\t\r])/, '') : row.name).trim();
    expect(unit.name).toBe(name === '' ? id : name);
  }
}

describe('importing random flat tables', () => {
  it('never throws on CSV, TSV or semicolon tables: it returns a chart with one unit per row (plus a synthetic root) or a non-empty error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyRowsArb.map((rows) => ({ rows, mustImport: false })),
          treeRowsArb.map((rows) => ({ rows, mustImport: true })),
        ),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        ({ rows, mustImport }, delimiter, newline) => {
          const csv = Papa.unparse({ fields: ['id', 'parentId', 'name', 'note'], data: rows.map(cells) }, { delimiter, newline });
          const fileName = delimiter === '\t' ? 'random.tsv' : 'random.csv';
          const nonBlank = rows.filter((r) => cells(r).some((c) => c.trim() !== '')).length;
          checkOutcome(importText(fileName, csv), rows, nonBlank, mustImport, true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on JSON lists of rows, numeric ids included: it returns one unit per row (plus a synthetic root) or a non-empty error', () => {
    const jsonRowsArb = fc.array(
      fc.record({ id: fc.oneof(idArb, fc.constantFrom(1, 2, 3)), parentId: fc.oneof(parentArb, fc.constantFrom(1, 2, null)), name: textArb, note: textArb }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          jsonRowsArb.map((rows) => ({ rows, mustImport: false })),
          treeRowsArb.map((rows) => ({ rows, mustImport: true })),
        ),
        ({ rows, mustImport }) => {
          checkOutcome(importText('random.json', JSON.stringify(rows)), rows, rows.length, mustImport);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text, whatever the file name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('x.csv', 'x.tsv', 'x.json', 'x.txt', 'x'), (text, fileName) => {
        const outcome = importText(fileName, text);
        if (!outcome.ok) expectWorded(outcome.problem);
      }),
      { numRuns: 200 },
    );
  });
});
