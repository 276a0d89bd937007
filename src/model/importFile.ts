/**
 * From a file a person brings to a validated, indexed chart, or to a specific
 * account of what is wrong and where (every kind of row problem at once).
 *
 * Accepted: the app's own JSON format, and flat tables (CSV, TSV, or a JSON
 * list of row objects) linked by an id column and a parent column, the shape
 * spreadsheets, HR systems and d3-org-chart's samples use. Table problems are
 * reported in row terms (row 1 = first data row, plus the text line for CSV);
 * every check iterates, so a 10,000-deep chain imports like a flat list.
 *
 * Imported text is data only: names and facts are kept as plain strings and
 * nothing (image URLs included) is interpreted, fetched or rendered as markup.
 */
import * as Papa from 'papaparse';

import { loadChart } from './load.ts';
import { comparableText, withoutAccents } from './normalise.ts';
import type { Fact, OrgChart, Unit } from './schema.ts';
import type { OrgIndex, StructureProblem } from './tree.ts';
import { findCycles, indexChart } from './tree.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

// ---------------------------------------------------------------------------
// What an import says. The model only describes problems and notes as data;
// the interface words them in the user's language (i18n/importWords.ts), so
// an import that fails in the Chinese interface is explained in Chinese.

/** A row of a table: 1 = the first data row, and the text line it starts on (CSV/TSV only). */
export interface RowRef {
  readonly number: number;
  readonly line: number | null;
}

/** The first few of a list, and how long the whole list is. */
export interface Listed<T> {
  readonly total: number;
  readonly shown: readonly T[];
}

export type BinaryType = 'zip' | 'xls' | 'png' | 'jpeg' | 'gif' | 'pdf';
/** What a JSON value is, where an object was expected. */
export type JsonShape = 'null' | 'list' | 'text' | 'number' | 'boolean';

/** Everything wrong with a table's ids and parents, found in one pass, so one import tells the user all there is to fix. */
export interface RowProblems {
  readonly noId: Listed<RowRef>;
  readonly duplicateIds: Listed<{ readonly id: string; readonly rows: Listed<RowRef> }>;
  /** A parent no row has, or the row itself (parent === id). */
  readonly badParents: Listed<{ readonly row: RowRef; readonly id: string; readonly parent: string }>;
  /** Each cycle child first; `ids` and `rows` are its first members, `length` its size. */
  readonly cycles: Listed<{ readonly length: number; readonly ids: readonly string[]; readonly rows: readonly number[] }>;
}

export type ImportProblem =
  | { readonly kind: 'tooLarge'; readonly megabytes: number; readonly limitMegabytes: number }
  | { readonly kind: 'wrongEncoding'; readonly encoding: 'utf-32' | 'utf-16le' | 'utf-16be'; readonly withoutBom: boolean }
  /** `at`: where the first bad bytes are, and what they are; null if they cannot be pinned down. */
  | { readonly kind: 'invalidUtf8'; readonly at: { readonly offset: number; readonly line: number; readonly bytes: string } | null }
  | { readonly kind: 'binaryFile'; readonly type: BinaryType }
  /** Zero bytes in the raw file, or control characters in text already decoded. */
  | { readonly kind: 'binaryData'; readonly zeroBytes: boolean }
  | { readonly kind: 'empty'; readonly emptyJsonList: boolean }
  | { readonly kind: 'invalidJson'; readonly detail: string }
  | { readonly kind: 'jsonObjectNotChart' }
  | { readonly kind: 'jsonValue'; readonly shape: JsonShape }
  | { readonly kind: 'jsonRowsNotObjects'; readonly rows: Listed<{ readonly number: number; readonly shape: JsonShape }> }
  /** `row` null: the quote is in the header. */
  | { readonly kind: 'unclosedQuote'; readonly row: number | null; readonly line: number }
  | { readonly kind: 'notATable'; readonly reason: 'noColumns' | 'noHeader' }
  | { readonly kind: 'noRows' }
  | { readonly kind: 'missingColumns'; readonly missing: readonly ('id' | 'parent')[]; readonly found: Listed<string> }
  /**
   * Rows with more values than the header has columns (`delimiter`: the CSV/TSV separator). Told alone:
   * their cells are shifted, so their ids and parents would report problems that are not there.
   */
  | {
      readonly kind: 'overfullRows';
      readonly columnCount: number;
      readonly delimiter: string;
      readonly rows: Listed<{ readonly row: RowRef; readonly values: number }>;
    }
  | { readonly kind: 'rows'; readonly problems: RowProblems }
  /** The app's own format, checked by its schema: where in the document, and what was expected. */
  | { readonly kind: 'chartFormat'; readonly problems: Listed<StructureProblem> }
  /** The browser could not read the file, or the import stopped. */
  | { readonly kind: 'unreadable'; readonly detail: string };

/** What the user should know about an import that worked. */
export type ImportNote =
  | { readonly kind: 'chartIdTaken'; readonly id: string; readonly loadedAs: string }
  | { readonly kind: 'topLevelRows'; readonly count: number; readonly title: string }
  | { readonly kind: 'unnamedRows'; readonly count: number };

export type ImportOutcome = { ok: true; index: OrgIndex; notes: ImportNote[] } | { ok: false; problem: ImportProblem };

/** Accepted column spellings, compared after lower-casing and dropping spaces, "_" and "-". Listed as shown to people. */
export const ID_COLUMNS = ['id', 'nodeId', 'key', 'employeeId'] as const;
export const PARENT_COLUMNS = ['parentId', 'parent_id', 'parent', 'managerId', 'manager_id', 'reportsTo', 'pid', 'parentNodeId'] as const;
export const NAME_COLUMNS = ['name', 'fullName', 'displayName', 'label', 'firstName', 'givenName'] as const;
export const LAST_NAME_COLUMNS = ['lastName', 'surname', 'familyName'] as const;
export const POSITION_COLUMNS = ['positionName', 'position', 'jobTitle', 'title', 'role'] as const;
export const NATIVE_NAME_COLUMNS = ['nativeName', 'native_name', 'chineseName', 'nameZh'] as const;
export const KIND_COLUMNS = ['kind', 'type', 'unitType'] as const;

/** Name columns that a last-name column completes ("Steven" + "King"); a full name is already complete. */
const COMBINES_WITH_LAST_NAME = new Set(['name', 'firstname', 'givenname']);
const CHINESE_NAME_COLUMNS = new Set(['chinesename', 'namezh']);
/** Parent cells that mean "no parent": the row is at the top. */
const NO_PARENT = new Set(['', 'null', 'undefined']);
const SYNTHETIC_ROOT_ID = '__root__';
/** Examples kept per kind of problem; the message says how many more there are. */
const MAX_LISTED = 5;
const MAX_COLUMNS_LISTED = 20;
const MAX_ROWS_PER_ID = 4;
const MAX_CYCLE_SHOWN = 8;
const MAX_FORMAT_PROBLEMS = 8;

// ---------------------------------------------------------------------------
// Size and bytes

/** Refuses files over MAX_IMPORT_BYTES before anything is read. */
export function checkImportSize(sizeInBytes: number): ImportProblem | null {
  if (sizeInBytes <= MAX_IMPORT_BYTES) return null;
  const megabytes = Math.ceil((sizeInBytes / (1024 * 1024)) * 10) / 10;
  return { kind: 'tooLarge', megabytes, limitMegabytes: MAX_IMPORT_BYTES / (1024 * 1024) };
}

/** Strict UTF-8 decode (TextDecoder fatal), strips a BOM; specific problems for UTF-16/32, known binary files, and invalid bytes (roughly where: byte offset). */
export function decodeImportBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  const fail = (problem: ImportProblem) => ({ ok: false as const, problem });
  const startsWith = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

  if (startsWith(0xff, 0xfe, 0x00, 0x00) || startsWith(0x00, 0x00, 0xfe, 0xff)) return fail({ kind: 'wrongEncoding', encoding: 'utf-32', withoutBom: false });
  if (startsWith(0xff, 0xfe)) return fail({ kind: 'wrongEncoding', encoding: 'utf-16le', withoutBom: false });
  if (startsWith(0xfe, 0xff)) return fail({ kind: 'wrongEncoding', encoding: 'utf-16be', withoutBom: false });

  const type = binaryType(bytes);
  if (type !== null) return fail({ kind: 'binaryFile', type });

  const zeroBytes = zeroByteLayout(bytes);
  if (zeroBytes === 'utf16le' || zeroBytes === 'utf16be') {
    return fail({ kind: 'wrongEncoding', encoding: zeroBytes === 'utf16le' ? 'utf-16le' : 'utf-16be', withoutBom: true });
  }
  if (zeroBytes === 'binary') return fail({ kind: 'binaryData', zeroBytes: true });

  let text: string;
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 byte order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    if (offset < 0) return fail({ kind: 'invalidUtf8', at: null });
    const shown = Array.from(bytes.subarray(offset, offset + 4), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
    return fail({ kind: 'invalidUtf8', at: { offset, line: lineAtByte(bytes, offset), bytes: shown } });
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function binaryType(bytes: Uint8Array): BinaryType | null {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (at(0, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  return null;
}

/** Zero bytes never appear in UTF-8 text; where they sit tells UTF-16 from other binary data. */
function zeroByteLayout(bytes: Uint8Array): 'none' | 'utf16le' | 'utf16be' | 'binary' {
  const end = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return 'none';
  const pairs = end / 2;
  if (odd >= pairs * 0.4 && even === 0) return 'utf16le';
  if (even >= pairs * 0.4 && odd === 0) return 'utf16be';
  return 'binary';
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// ---------------------------------------------------------------------------
// Text

/** Detects the format (app JSON / flat JSON array / CSV / TSV) from the name and content and imports it. `takenIds` are chart ids already loaded: the new chart's id must not collide (append -2, -3 …). */
export function importText(fileName: string, text: string, takenIds: ReadonlySet<string> = new Set()): ImportOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return failure({ kind: 'empty', emptyJsonList: false });

  const extension = extensionOf(fileName);
  const first = body.trimStart().charAt(0);
  const isJson = extension === 'json' || (extension !== 'csv' && extension !== 'tsv' && (first === '{' || first === '['));
  if (isJson) return importJson(fileName, body, takenIds);

  if (looksBinary(body)) return failure({ kind: 'binaryData', zeroBytes: false });
  const parsed = parseDelimited(body, extension === 'tsv' ? '\t' : null);
  if (!parsed.ok) return parsed;
  return importTable(fileName, parsed.table, takenIds);
}

function failure(problem: ImportProblem): { ok: false; problem: ImportProblem } {
  return { ok: false, problem };
}

function listed<T>(items: readonly T[], max = MAX_LISTED): Listed<T> {
  return { total: items.length, shown: items.slice(0, max) };
}

function looksBinary(text: string): boolean {
  const end = Math.min(text.length, 8192);
  let odd = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) odd++;
  }
  // A stray control character can slip into a real export; binary data decoded as text is full of them.
  return odd > Math.max(8, end * 0.02);
}

// ---------------------------------------------------------------------------
// JSON: the app's format, or a list of row objects

function importJson(fileName: string, text: string, takenIds: ReadonlySet<string>): ImportOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    return failure({ kind: 'invalidJson', detail: err instanceof Error ? err.message : String(err) });
  }
  if (Array.isArray(value)) {
    const table = jsonTable(value);
    return table.ok ? importTable(fileName, table.table, takenIds) : table;
  }
  if (isRecord(value)) {
    if ('format' in value || 'units' in value) return importAppChart(fileName, value, takenIds);
    return failure({ kind: 'jsonObjectNotChart' });
  }
  return failure({ kind: 'jsonValue', shape: jsonShape(value) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function importAppChart(fileName: string, document: Record<string, unknown>, takenIds: ReadonlySet<string>): ImportOutcome {
  const notes: ImportNote[] = [];
  let input = document;
  const id = typeof document['id'] === 'string' ? document['id'].trim() : '';
  if (id !== '' && takenIds.has(id)) {
    const free = uniqueId(id, (candidate) => takenIds.has(candidate));
    input = { ...document, id: free };
    notes.push({ kind: 'chartIdTaken', id, loadedAs: free });
  }
  const loaded = loadChart(input, fileName);
  if (!loaded.ok) return failure({ kind: 'chartFormat', problems: listed(loaded.error.problems, MAX_FORMAT_PROBLEMS) });
  return { ok: true, index: loaded.index, notes };
}

function jsonTable(rows: readonly unknown[]): { ok: true; table: Table } | { ok: false; problem: ImportProblem } {
  if (rows.length === 0) return failure({ kind: 'empty', emptyJsonList: true });
  const columns: string[] = [];
  const seen = new Set<string>();
  const notObjects: { number: number; shape: JsonShape }[] = [];
  rows.forEach((row, i) => {
    if (!isRecord(row)) {
      notObjects.push({ number: i + 1, shape: jsonShape(row) });
      return;
    }
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  });
  if (notObjects.length > 0) return failure({ kind: 'jsonRowsNotObjects', rows: listed(notObjects) });
  const tableRows: TableRow[] = rows.map((row, i) => ({
    number: i + 1,
    record: i,
    cells: columns.map((column) => cellText((row as Record<string, unknown>)[column])),
  }));
  return { ok: true, table: { columns, rows: tableRows, delimiter: null, lineOf: () => null } };
}

/** A parsed JSON value that is not an object: null, a list, or a scalar. */
function jsonShape(value: unknown): JsonShape {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'null';
}

/** A spreadsheet-safe cell ("'=SUM(…)", as this app's CSV export and OWASP write them) back to its text. */
function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------
// CSV / TSV

interface TableRow {
  /** 1 = the first data row. */
  readonly number: number;
  /** The record's place in the parsed text, header and blank lines included (CSV/TSV); for a JSON table, the row's index. */
  readonly record: number;
  readonly cells: readonly string[];
}

interface Table {
  /** Column names as written. */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  /** The separator for CSV/TSV; null for a JSON table. */
  readonly delimiter: string | null;
  /** The text line a record starts on (CSV/TSV only): asked only when a row is reported, so it may be slow. */
  readonly lineOf: (record: number) => number | null;
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The separator is the candidate that occurs most often, outside quotes, in
 * the header line: headers are short and rarely quoted, whereas guessing from
 * data rows is misled by names full of commas and semicolons.
 */
function detectDelimiter(text: string, preferred: string | null): string | null {
  const counts = new Map<string, number>();
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== '') started = true;
  }
  // A .tsv name settles it, unless the header has no tab at all (a CSV saved under the wrong name).
  if (preferred !== null && (counts.get(preferred) ?? 0) > 0) return preferred;
  let best: string | null = null;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = counts.get(d) ?? 0;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function parseDelimited(text: string, preferred: string | null): { ok: true; table: Table } | { ok: false; problem: ImportProblem } {
  const delimiter = detectDelimiter(text, preferred);
  // The whole text at once, not row by row: Papa Parse's step callback costs an object per row, and the lines rows
  // start on are needed only to report a row, so they are counted then (lineOfRecord).
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiter ?? ',', skipEmptyLines: false });
  const records = parsed.data;
  const lineOf = lineOfRecord(text, delimiter ?? ',');
  const unclosedQuoteAt = parsed.errors.find((e) => e.code === 'MissingQuotes')?.row ?? -1;

  const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  let headerAt = 0;
  while (headerAt < records.length && isBlank(records[headerAt] as string[])) headerAt++;
  const header = records[headerAt];
  if (header === undefined) return failure({ kind: 'empty', emptyJsonList: false });

  if (unclosedQuoteAt >= 0) {
    return failure({ kind: 'unclosedQuote', row: unclosedQuoteAt <= headerAt ? null : unclosedQuoteAt - headerAt, line: lineOf(unclosedQuoteAt) });
  }

  const columns = header.map((c) => c.trim());
  const rows: TableRow[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const cells = records[i] as string[];
    if (isBlank(cells)) continue;
    rows.push({ number: i - headerAt, record: i, cells });
  }

  if (!looksLikeTable(columns, rows) && (findColumn(columns, ID_COLUMNS) < 0 || findColumn(columns, PARENT_COLUMNS) < 0)) {
    return failure({ kind: 'notATable', reason: columns.length < 2 ? 'noColumns' : 'noHeader' });
  }
  if (rows.length === 0) return failure({ kind: 'noRows' });
  return { ok: true, table: { columns, rows, delimiter: delimiter ?? ',', lineOf } };
}

/** The line each record starts on, counted (once, on first use) by parsing again row by row: a quoted value may hold line breaks. */
function lineOfRecord(text: string, delimiter: string): (record: number) => number {
  let lines: number[] | null = null;
  return (record) => {
    if (lines === null) {
      const starts: number[] = [];
      let line = 1;
      let position = 0;
      Papa.parse<string[]>(text, {
        delimiter,
        skipEmptyLines: false,
        step: (result) => {
          starts.push(line);
          const end = Math.min(result.meta.cursor, text.length);
          for (let i = position; i < end; i++) {
            const c = text.charCodeAt(i);
            if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
          }
          position = Math.max(position, end);
        },
      });
      lines = starts;
    }
    return lines[record] ?? 1;
  };
}

function looksLikeTable(columns: readonly string[], rows: readonly TableRow[]): boolean {
  if (columns.length < 2) return false;
  if (columns.some((c) => c.length > 64 || c.split(/\s+/).length > 6)) return false;
  const sample = rows.slice(0, 50);
  if (sample.length === 0) return true;
  const matching = sample.filter((r) => r.cells.length === columns.length).length;
  return matching * 2 >= sample.length;
}

// ---------------------------------------------------------------------------
// A table to a chart

/** Column names match whatever their case, spaces, underscores and hyphens: "Parent_ID" is "parent id". */
const normalizeColumn = (name: string) => comparableText(name).replace(/[ _-]+/g, '');

const IMPORTER_COLUMNS = new Set(
  [...ID_COLUMNS, ...PARENT_COLUMNS, ...NAME_COLUMNS, ...LAST_NAME_COLUMNS, ...POSITION_COLUMNS, ...NATIVE_NAME_COLUMNS, ...KIND_COLUMNS].map(normalizeColumn),
);

/** True when a table column of this name would be read as an id, parent, name, position, native name or kind rather than as a fact. */
export function isImporterColumn(name: string): boolean {
  return IMPORTER_COLUMNS.has(normalizeColumn(name));
}

/** Cells that start like a formula (= + - @, or a tab or carriage return before one): a spreadsheet would run them. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Index of the first column matching the earliest spelling in `spellings`, or -1. */
function findColumn(columns: readonly string[], spellings: readonly string[], except: ReadonlySet<number> = new Set()): number {
  const normalized = columns.map(normalizeColumn);
  for (const spelling of spellings) {
    const wanted = normalizeColumn(spelling);
    const at = normalized.findIndex((c, i) => c === wanted && !except.has(i));
    if (at >= 0) return at;
  }
  return -1;
}

interface Columns {
  readonly id: number;
  readonly parent: number;
  readonly name: number;
  readonly lastName: number;
  readonly position: number;
  readonly nativeName: number;
  readonly nativeLang: string | null;
  readonly kind: number;
}

function detectColumns(columns: readonly string[]): Columns | { missing: ('id' | 'parent')[] } {
  const id = findColumn(columns, ID_COLUMNS);
  const parent = findColumn(columns, PARENT_COLUMNS, new Set([id]));
  const missing: ('id' | 'parent')[] = [];
  if (id < 0) missing.push('id');
  if (parent < 0) missing.push('parent');
  if (missing.length > 0) return { missing };

  const used = new Set([id, parent]);
  let name = findColumn(columns, NAME_COLUMNS, used);
  if (name < 0) name = findColumn(columns, ['title'], used);
  if (name >= 0) used.add(name);
  const nameKey = name >= 0 ? normalizeColumn(columns[name] ?? '') : '';
  const lastName = COMBINES_WITH_LAST_NAME.has(nameKey) ? findColumn(columns, LAST_NAME_COLUMNS, used) : -1;
  if (lastName >= 0) used.add(lastName);
  const position = findColumn(columns, POSITION_COLUMNS, used);
  if (position >= 0) used.add(position);
  const nativeName = findColumn(columns, NATIVE_NAME_COLUMNS, used);
  if (nativeName >= 0) used.add(nativeName);
  const kind = findColumn(columns, KIND_COLUMNS, used);
  const nativeLang = nativeName >= 0 && CHINESE_NAME_COLUMNS.has(normalizeColumn(columns[nativeName] ?? '')) ? 'zh' : null;
  return { id, parent, name, lastName, position, nativeName, nativeLang, kind };
}

function importTable(fileName: string, table: Table, takenIds: ReadonlySet<string>): ImportOutcome {
  const { columns, rows } = table;
  const detected = detectColumns(columns);
  if ('missing' in detected) {
    const found = columns.filter((c) => c !== '');
    return failure({ kind: 'missingColumns', missing: detected.missing, found: listed(found, MAX_COLUMNS_LISTED) });
  }

  const at = (row: TableRow): RowRef => ({ number: row.number, line: table.lineOf(row.record) });
  // Only a spreadsheet's text (CSV, TSV) carries its formula escapes; JSON rows are read as written.
  const fromSpreadsheet = table.delimiter !== null;
  const cell = (row: TableRow, column: number) => {
    const text = column < 0 ? '' : (row.cells[column] ?? '');
    return fromSpreadsheet ? unescapeFormula(text) : text;
  };
  const parentCell = (row: TableRow) => {
    const raw = cell(row, detected.parent).trim();
    return raw === '' || NO_PARENT.has(raw.toLowerCase()) ? null : raw;
  };

  // Rows with more values than columns come first, and alone: their cells are shifted, so
  // their ids and parents (and every row that names them) would report problems that are not there.
  // (Only CSV/TSV rows can have them: a JSON table's cells are made one per column.)
  const overfull: { row: RowRef; values: number }[] = [];
  for (const row of rows) {
    if (row.cells.length > columns.length && row.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      overfull.push({ row: at(row), values: row.cells.length });
    }
  }
  if (overfull.length > 0) return failure({ kind: 'overfullRows', columnCount: columns.length, delimiter: table.delimiter ?? ',', rows: listed(overfull) });

  // Units, straight from the rows. Whether they form one tree (ids unique, parents known, no loops) is
  // checked once, by indexChart as it indexes them; a table it turns away is gone through again below,
  // to report every row problem in the table's own terms.
  const notes: ImportNote[] = [];
  const hasPosition = detected.position >= 0;
  const consumed = new Set([detected.id, detected.parent, detected.name, detected.lastName, detected.position, detected.nativeName, detected.kind]);
  const factColumns = columns.map((c, i) => ({ index: i, label: c.trim() === '' ? `Column ${i + 1}` : c.trim() })).filter((c) => !consumed.has(c.index));
  let unnamed = 0;
  let missingId = false;
  const roots: string[] = [];
  const units: Unit[] = new Array<Unit>(rows.length);
  for (let i = 0; i < rows.length && !missingId; i++) {
    const row = rows[i] as TableRow;
    const id = cell(row, detected.id).trim();
    if (id === '') missingId = true;
    const parentId = parentCell(row);
    if (parentId === null) roots.push(id);
    let name = detected.lastName < 0 ? cell(row, detected.name).trim() : `${cell(row, detected.name).trim()} ${cell(row, detected.lastName).trim()}`.trim();
    if (name === '') {
      name = id;
      unnamed++;
    }
    // Fields are set only when present, as the JSON format leaves them out.
    const unit: { -readonly [K in keyof Unit]: Unit[K] } = { id, parentId, name };
    const nativeText = cell(row, detected.nativeName).trim();
    if (nativeText !== '') unit.nativeName = detected.nativeLang ? { text: nativeText, lang: detected.nativeLang } : { text: nativeText };
    const kind = cell(row, detected.kind).trim() || (hasPosition ? 'person' : '');
    if (kind !== '') unit.kind = kind;
    const facts: Fact[] = [];
    const position = cell(row, detected.position).trim();
    if (position !== '') facts.push({ key: 'position', label: 'Position', value: position });
    for (const column of factColumns) {
      const value = cell(row, column.index).trim();
      if (value !== '') facts.push({ label: column.label, value });
    }
    if (facts.length > 0) unit.facts = facts;
    units[i] = unit;
  }
  // Never null here: a row with no id is a problem.
  if (missingId) return rowProblems(table, detected.id, at, cell, parentCell) as { ok: false; problem: ImportProblem };

  const title = baseName(fileName) || 'Imported chart';
  if (roots.length > 1) {
    // Nor a parent some row names: a parent that is no row's id must stay unknown, to be reported.
    const taken = new Set(units.flatMap((unit) => (unit.parentId === null ? [unit.id] : [unit.id, unit.parentId])));
    const rootId = uniqueId(SYNTHETIC_ROOT_ID, (candidate) => taken.has(candidate));
    for (const unit of units) if (unit.parentId === null) unit.parentId = rootId;
    units.unshift({ id: rootId, parentId: null, name: title, kind: 'group' });
    notes.push({ kind: 'topLevelRows', count: roots.length, title });
  }
  if (unnamed > 0) notes.push({ kind: 'unnamedRows', count: unnamed });

  const chart: OrgChart = {
    format: 'org-chart',
    version: 1,
    id: uniqueId(slugOf(title), (candidate) => takenIds.has(candidate)),
    title,
    // The file's name, and what it is as a kind the interface words in its own language: "team.csv (imported file)".
    sources: [{ id: 'import', title: lastPathPart(fileName) || 'a file', kind: 'imported file' }],
    units,
  };
  // These units were built here from the rows' trimmed text, so they meet the schema by construction: validating
  // them with zod would only add time. indexChart checks the tree as it indexes it.
  const indexed = indexChart(chart);
  if (!indexed.ok) {
    return rowProblems(table, detected.id, at, cell, parentCell) ?? failure({ kind: 'chartFormat', problems: listed(indexed.problems, MAX_FORMAT_PROBLEMS) });
  }
  return { ok: true, index: indexed.index, notes };
}

/**
 * Every row problem of a table, in its own terms (rows and lines), or null if it has none: rows with no id, ids used
 * twice, parents that are no row's id, and loops. All kinds are collected before any is reported: a user fixing a
 * spreadsheet should not have to import it once per kind of mistake.
 */
function rowProblems(
  table: Table,
  idColumn: number,
  at: (row: TableRow) => RowRef,
  cell: (row: TableRow, column: number) => string,
  parentCell: (row: TableRow) => string | null,
): { ok: false; problem: ImportProblem } | null {
  const { rows } = table;
  const noId: RowRef[] = [];
  const ids = rows.map((row) => cell(row, idColumn).trim());
  const rowsOf = new Map<string, TableRow[]>();
  rows.forEach((row, i) => {
    const id = ids[i] as string;
    if (id === '') noId.push(at(row));
    else if (rowsOf.has(id)) rowsOf.get(id)?.push(row);
    else rowsOf.set(id, [row]);
  });

  const duplicateIds: { id: string; rows: Listed<RowRef> }[] = [];
  for (const [id, list] of rowsOf) if (list.length > 1) duplicateIds.push({ id, rows: listed(list.map(at), MAX_ROWS_PER_ID) });

  // Parents that exist.
  const parentOf = new Map<string, string | null>();
  const badParents: { row: RowRef; id: string; parent: string }[] = [];
  rows.forEach((row, i) => {
    const id = ids[i] as string;
    if (id === '') return;
    const parent = parentCell(row);
    if (parent !== null && (parent === id || !rowsOf.has(parent))) badParents.push({ row: at(row), id, parent });
    if (!parentOf.has(id)) parentOf.set(id, parent);
  });

  // No cycles: walk up from every row, iteratively, marking rows already known to reach the top.
  // Through a duplicated id, which row's parent counts is anyone's guess: such loops wait until the ids are fixed.
  const duplicated = (id: string) => (rowsOf.get(id)?.length ?? 0) > 1;
  const cycles = findCycles(
    ids.filter((id) => id !== ''),
    parentOf,
  )
    // A row that is its own parent is already told as such; a loop of one would say it twice.
    .filter((cycle) => cycle.length > 1 && !cycle.some(duplicated))
    .map((cycle) => {
      const shown = cycle.slice(0, MAX_CYCLE_SHOWN);
      return { length: cycle.length, ids: shown, rows: shown.map((id) => rowsOf.get(id)?.[0]?.number ?? 0) };
    });

  if (noId.length + duplicateIds.length + badParents.length + cycles.length === 0) return null;
  return failure({
    kind: 'rows',
    problems: { noId: listed(noId), duplicateIds: listed(duplicateIds), badParents: listed(badParents), cycles: listed(cycles) },
  });
}

// ---------------------------------------------------------------------------
// Small helpers

function lastPathPart(fileName: string): string {
  const parts = fileName.split(/[/\\]/);
  return parts[parts.length - 1] ?? '';
}

function extensionOf(fileName: string): string {
  const name = lastPathPart(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The file name without folders or extension: "oracle-hr.csv" → "oracle-hr". */
export function baseName(fileName: string): string {
  const name = lastPathPart(fileName).trim();
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim();
}

/** "Oracle HR (2024).csv" → "oracle-hr-2024"; letters of any script are kept. */
export function slugOf(title: string): string {
  const slug = withoutAccents(title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'imported-chart' : slug;
}

/** `base`, or `base-2`, `base-3` … whichever is free first. */
function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
