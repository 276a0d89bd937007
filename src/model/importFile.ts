/**
 * From a file a person brings to a validated, indexed chart, or to one
 * specific message about what is wrong and where.
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
import { formatLoadError, loadChart } from './load.ts';
import type { Fact, NativeName, OrgChart, Unit } from './schema.ts';
import { indexChart } from './tree.ts';
import type { OrgIndex } from './tree.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportOutcome =
  | { ok: true; index: OrgIndex; notices: string[] } // notices: things the user should be told, e.g. the synthetic root
  | { ok: false; error: string }; // one human-readable message (may contain newlines for a short list)

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
const MAX_LISTED = 5;
const MAX_COLUMNS_LISTED = 20;

// ---------------------------------------------------------------------------
// Size and bytes

/** Refuses files over MAX_IMPORT_BYTES before anything is read. */
export function checkImportSize(fileName: string, sizeInBytes: number): string | null {
  if (sizeInBytes <= MAX_IMPORT_BYTES) return null;
  const megabytes = Math.ceil((sizeInBytes / (1024 * 1024)) * 10) / 10;
  return `${fileName} is ${formatNumber(megabytes)} MB; files larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB cannot be imported.`;
}

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again.';

/** Strict UTF-8 decode (TextDecoder fatal), strips a BOM; specific errors for UTF-16 BOMs and invalid bytes (say roughly where: byte offset). */
export function decodeImportBytes(fileName: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  const startsWith = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

  if (startsWith(0xff, 0xfe, 0x00, 0x00) || startsWith(0x00, 0x00, 0xfe, 0xff)) {
    return fail(`${fileName} is saved as UTF-32 text, not UTF-8. ${SAVE_AS_UTF8}`);
  }
  if (startsWith(0xff, 0xfe)) return fail(`${fileName} is saved as UTF-16 (little-endian) text, not UTF-8. ${SAVE_AS_UTF8}`);
  if (startsWith(0xfe, 0xff)) return fail(`${fileName} is saved as UTF-16 (big-endian) text, not UTF-8. ${SAVE_AS_UTF8}`);

  const kind = binaryKind(bytes);
  if (kind !== null) return fail(`${fileName} is ${kind}, ${NEITHER}.${kind.includes('Excel') ? ' In the spreadsheet program, save the sheet as “CSV UTF-8” and import that file.' : ''}`);

  const zeroBytes = zeroByteLayout(bytes);
  if (zeroBytes === 'utf16le' || zeroBytes === 'utf16be') {
    return fail(`${fileName} looks like UTF-16 (${zeroBytes === 'utf16le' ? 'little' : 'big'}-endian) text without a byte order mark, not UTF-8. ${SAVE_AS_UTF8}`);
  }
  if (zeroBytes === 'binary') return fail(`${fileName} contains binary data (zero bytes), ${NEITHER}.`);

  let text: string;
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 byte order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    if (offset < 0) return fail(`${fileName} is not valid UTF-8 text. ${SAVE_AS_UTF8}`);
    const shown = Array.from(bytes.subarray(offset, offset + 4), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
    return fail(
      `${fileName} is not valid UTF-8 text: invalid byte sequence at byte offset ${formatNumber(offset)} (line ${formatNumber(lineAtByte(bytes, offset))}): ${shown}. ` +
        `It may be saved in another encoding, such as Windows-1252 or GBK. ${SAVE_AS_UTF8}`,
    );
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function binaryKind(bytes: Uint8Array): string | null {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (an Excel .xlsx workbook is one)';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'an Excel 97–2003 workbook (or another Office file)';
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (at(0, 0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (at(0, 0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
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

const NEITHER = 'neither the app’s JSON chart format nor a CSV/TSV/JSON table';

/** Detects the format (app JSON / flat JSON array / CSV / TSV) from the name and content and imports it. `takenIds` are chart ids already loaded: the new chart's id must not collide (append -2, -3 …). */
export function importText(fileName: string, text: string, takenIds: ReadonlySet<string> = new Set()): ImportOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return failure(`${fileName} is empty.`);

  const extension = extensionOf(fileName);
  const first = body.trimStart().charAt(0);
  const isJson = extension === 'json' || (extension !== 'csv' && extension !== 'tsv' && (first === '{' || first === '['));
  if (isJson) return importJson(fileName, body, takenIds);

  if (looksBinary(body)) return failure(`${fileName} is ${NEITHER}: it contains binary data, not text.`);
  const parsed = parseDelimited(fileName, body, extension === 'tsv' ? '\t' : null);
  if (!parsed.ok) return parsed;
  return importTable(fileName, parsed.table, takenIds);
}

function failure(error: string): { ok: false; error: string } {
  return { ok: false, error };
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
    return failure(`${fileName} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (Array.isArray(value)) {
    const table = jsonTable(fileName, value);
    return table.ok ? importTable(fileName, table.table, takenIds) : table;
  }
  if (isRecord(value)) {
    if ('format' in value || 'units' in value) return importAppChart(fileName, value, takenIds);
    return failure(`${fileName} is ${NEITHER}: it is a JSON object without "format": "org-chart". A JSON table is a list of rows, like [{"id": "1", "parentId": null, "name": "…"}].`);
  }
  return failure(`${fileName} is ${NEITHER}: it is a single JSON ${value === null ? 'null' : typeof value === 'string' ? 'text' : typeof value}, not an object or a list.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function importAppChart(fileName: string, document: Record<string, unknown>, takenIds: ReadonlySet<string>): ImportOutcome {
  const notices: string[] = [];
  let input = document;
  const id = typeof document['id'] === 'string' ? document['id'].trim() : '';
  if (id !== '' && takenIds.has(id)) {
    const free = uniqueId(id, (candidate) => takenIds.has(candidate));
    input = { ...document, id: free };
    notices.push(`A chart with the id “${id}” is already loaded, so this one is loaded as “${free}”.`);
  }
  const loaded = loadChart(input, fileName);
  if (!loaded.ok) return failure(formatLoadError(loaded.error));
  return { ok: true, index: loaded.index, notices };
}

function jsonTable(fileName: string, rows: readonly unknown[]): { ok: true; table: Table } | { ok: false; error: string } {
  if (rows.length === 0) return failure(`${fileName} is empty: the JSON list has no rows.`);
  const columns: string[] = [];
  const seen = new Set<string>();
  const notObjects: string[] = [];
  rows.forEach((row, i) => {
    if (!isRecord(row)) {
      notObjects.push(`row ${formatNumber(i + 1)} is ${describeJson(row)}`);
      return;
    }
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  });
  if (notObjects.length > 0) {
    return failure(listMessage(fileName, 'a JSON table is a list of objects, like {"id": "2", "parentId": "1", "name": "…"}, but', notObjects));
  }
  const tableRows: TableRow[] = rows.map((row, i) => ({
    number: i + 1,
    line: null,
    cells: columns.map((column) => cellText((row as Record<string, unknown>)[column])),
  }));
  return { ok: true, table: { columns, rows: tableRows, delimiter: null } };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return typeof value;
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
  /** Line in the text where the row starts (CSV/TSV only). */
  readonly line: number | null;
  readonly cells: readonly string[];
}

interface Table {
  /** Column names as written. */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  /** The separator for CSV/TSV; null for a JSON table. */
  readonly delimiter: string | null;
}

const DELIMITERS = [',', '\t', ';', '|'] as const;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'vertical bar' };

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

function parseDelimited(fileName: string, text: string, preferred: string | null): { ok: true; table: Table } | { ok: false; error: string } {
  const delimiter = detectDelimiter(text, preferred);
  const records: { cells: string[]; line: number }[] = [];
  let unclosedQuoteAt = -1;
  let line = 1;
  let position = 0;
  Papa.parse<string[]>(text, {
    delimiter: delimiter ?? ',',
    skipEmptyLines: false,
    step: (result) => {
      if (unclosedQuoteAt < 0 && result.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuoteAt = records.length;
      records.push({ cells: result.data, line });
      const end = Math.min(result.meta.cursor, text.length);
      for (let i = position; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
      }
      position = Math.max(position, end);
    },
  });

  const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  let headerAt = 0;
  while (headerAt < records.length && isBlank((records[headerAt] as { cells: string[] }).cells)) headerAt++;
  const header = records[headerAt];
  if (header === undefined) return failure(`${fileName} is empty.`);

  if (unclosedQuoteAt >= 0) {
    const at = records[unclosedQuoteAt];
    const where = unclosedQuoteAt <= headerAt ? 'the header' : `row ${formatNumber(unclosedQuoteAt - headerAt)}`;
    return failure(
      `${fileName}: a value in ${where} (line ${formatNumber(at?.line ?? 1)}) opens a double quote (") that is never closed, so the rest of the file would be read as that one value.`,
    );
  }

  const columns = header.cells.map((c) => c.trim());
  const rows: TableRow[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const record = records[i] as { cells: string[]; line: number };
    if (isBlank(record.cells)) continue;
    rows.push({ number: i - headerAt, line: record.line, cells: record.cells });
  }

  if (!looksLikeTable(columns, rows) && (findColumn(columns, ID_COLUMNS) < 0 || findColumn(columns, PARENT_COLUMNS) < 0)) {
    const reason =
      columns.length < 2
        ? 'its first line has no columns separated by commas, semicolons or tabs'
        : 'its first line does not look like a row of column names, and its lines do not have a matching number of values';
    return failure(`${fileName} is ${NEITHER}: ${reason}.`);
  }
  if (rows.length === 0) return failure(`${fileName} has a header but no rows.`);
  return { ok: true, table: { columns, rows, delimiter: delimiter ?? ',' } };
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

const normalizeColumn = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

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

function detectColumns(columns: readonly string[]): Columns | { missing: string[] } {
  const id = findColumn(columns, ID_COLUMNS);
  const parent = findColumn(columns, PARENT_COLUMNS, new Set([id]));
  const missing: string[] = [];
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

function columnError(fileName: string, columns: readonly string[], missing: readonly string[]): string {
  const found = columns.filter((c) => c !== '');
  const shown = found.slice(0, MAX_COLUMNS_LISTED).map((c) => `“${c}”`);
  if (found.length > MAX_COLUMNS_LISTED) shown.push(`…and ${found.length - MAX_COLUMNS_LISTED} more`);
  const lines = [
    `${fileName} has no ${missing.map((m) => `${m} column`).join(' and no ')}, so its rows cannot be linked into a chart.`,
    `Columns found: ${shown.length > 0 ? shown.join(', ') : 'none'}.`,
  ];
  if (missing.includes('id')) lines.push(`The id column may be called: ${orList(ID_COLUMNS)}.`);
  if (missing.includes('parent')) lines.push(`The parent column may be called: ${orList(PARENT_COLUMNS)}.`);
  lines.push('(Capitals, spaces, “_” and “-” in column names do not matter.)');
  return lines.join('\n');
}

function importTable(fileName: string, table: Table, takenIds: ReadonlySet<string>): ImportOutcome {
  const { columns, rows } = table;
  const detected = detectColumns(columns);
  if ('missing' in detected) return failure(columnError(fileName, columns, detected.missing));

  const label = (row: TableRow) => (row.line === null ? `row ${formatNumber(row.number)}` : `row ${formatNumber(row.number)} (line ${formatNumber(row.line)})`);
  // Only a spreadsheet's text (CSV, TSV) carries its formula escapes; JSON rows are read as written.
  const fromSpreadsheet = table.delimiter !== null;
  const cell = (row: TableRow, column: number) => {
    const text = column < 0 ? '' : (row.cells[column] ?? '');
    return fromSpreadsheet ? unescapeFormula(text) : text;
  };

  // Rows that cannot be read: no id, or more values than columns.
  const noId: string[] = [];
  const overfull: string[] = [];
  for (const row of rows) {
    if (cell(row, detected.id).trim() === '') noId.push(label(row));
    if (row.cells.length > columns.length && row.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      overfull.push(`${label(row)} has ${formatNumber(row.cells.length)} values`);
    }
  }
  if (overfull.length > 0) {
    const separator = DELIMITER_NAMES[table.delimiter ?? ','] ?? 'separator';
    return failure(
      listMessage(
        fileName,
        `${countOf(overfull.length, 'row has', 'rows have')} more values than the header has columns (${columns.length}); a value that contains a ${separator} must be in double quotes:`,
        overfull,
      ),
    );
  }
  if (noId.length > 0) return failure(listMessage(fileName, `${countOf(noId.length, 'row has', 'rows have')} no id:`, noId));

  // Unique ids.
  const ids = rows.map((row) => cell(row, detected.id).trim());
  const rowsOf = new Map<string, TableRow[]>();
  rows.forEach((row, i) => {
    const id = ids[i] as string;
    const list = rowsOf.get(id);
    if (list) list.push(row);
    else rowsOf.set(id, [row]);
  });
  const duplicates: string[] = [];
  for (const [id, list] of rowsOf) {
    if (list.length > 1) {
      const shown = list.slice(0, 4).map(label);
      duplicates.push(`“${id}” in ${shown.join(', ')}${list.length > 4 ? ` and ${formatNumber(list.length - 4)} more rows` : ''}`);
    }
  }
  if (duplicates.length > 0) {
    return failure(listMessage(fileName, `${countOf(duplicates.length, 'id is', 'ids are')} used by more than one row; each row needs its own id:`, duplicates));
  }

  // Parents that exist.
  const parentOf = new Map<string, string | null>();
  const parentProblems: string[] = [];
  rows.forEach((row, i) => {
    const id = ids[i] as string;
    const raw = cell(row, detected.parent).trim();
    const parent = NO_PARENT.has(raw.toLowerCase()) ? null : raw;
    if (parent === id) parentProblems.push(`${label(row)}: “${id}” is its own parent`);
    else if (parent !== null && !rowsOf.has(parent)) parentProblems.push(`${label(row)}: “${id}” has parent “${parent}”, but no row has the id “${parent}”`);
    parentOf.set(id, parent);
  });
  if (parentProblems.length > 0) {
    return failure(listMessage(fileName, `${countOf(parentProblems.length, 'row names a parent that is', 'rows name a parent that is')} not another row of the table:`, parentProblems));
  }

  // No cycles: walk up from every row, iteratively, marking rows already known to reach the top.
  const cycles = findCycles(ids, parentOf);
  if (cycles.length > 0) {
    const rowLabel = (id: string) => {
      const row = rowsOf.get(id)?.[0];
      return row ? formatNumber(row.number) : '?';
    };
    const described = cycles.map((cycle) => {
      const shownIds = cycle.length > 8 ? [...cycle.slice(0, 7).map(quote), '…'] : cycle.map(quote);
      const shownRows = cycle.slice(0, 8).map(rowLabel).join(', ') + (cycle.length > 8 ? ', …' : '');
      return `${[...shownIds, quote(cycle[0] ?? '')].join(' → ')} (rows ${shownRows})`;
    });
    return failure(
      listMessage(
        fileName,
        `the parent links form ${countOf(cycles.length, 'cycle', 'cycles')} (each arrow points to the parent), so these rows never reach a top-level row:`,
        described,
      ),
    );
  }

  // Units.
  const notices: string[] = [];
  const hasPosition = detected.position >= 0;
  const consumed = new Set([detected.id, detected.parent, detected.name, detected.lastName, detected.position, detected.nativeName, detected.kind]);
  const factColumns = columns.map((c, i) => ({ index: i, label: c.trim() === '' ? `Column ${i + 1}` : c.trim() })).filter((c) => !consumed.has(c.index));
  let unnamed = 0;
  const roots: string[] = [];
  const units: Unit[] = rows.map((row, i) => {
    const id = ids[i] as string;
    const parentId = parentOf.get(id) ?? null;
    if (parentId === null) roots.push(id);
    let name = `${cell(row, detected.name).trim()} ${cell(row, detected.lastName).trim()}`.trim();
    if (name === '') {
      name = id;
      unnamed++;
    }
    const facts: Fact[] = [];
    const position = cell(row, detected.position).trim();
    if (position !== '') facts.push({ key: 'position', label: 'Position', value: position });
    for (const column of factColumns) {
      const value = cell(row, column.index).trim();
      if (value !== '') facts.push({ label: column.label, value });
    }
    const kind = cell(row, detected.kind).trim() || (hasPosition ? 'person' : '');
    const nativeText = cell(row, detected.nativeName).trim();
    const nativeName: NativeName | null = nativeText === '' ? null : detected.nativeLang ? { text: nativeText, lang: detected.nativeLang } : { text: nativeText };
    return {
      id,
      parentId,
      name,
      ...(nativeName ? { nativeName } : {}),
      ...(kind !== '' ? { kind } : {}),
      ...(facts.length > 0 ? { facts } : {}),
    };
  });

  const title = baseName(fileName) || 'Imported chart';
  if (roots.length > 1) {
    const rootId = uniqueId(SYNTHETIC_ROOT_ID, (candidate) => rowsOf.has(candidate));
    for (const unit of units) if (unit.parentId === null) unit.parentId = rootId;
    units.unshift({ id: rootId, parentId: null, name: title, kind: 'group' });
    notices.push(`The table has ${formatNumber(roots.length)} top-level rows; they are shown under “${title}”.`);
  }
  if (unnamed > 0) {
    notices.push(unnamed === 1 ? '1 row has no name, so it is shown by its id.' : `${formatNumber(unnamed)} rows have no name, so they are shown by their ids.`);
  }

  const chart: OrgChart = {
    format: 'org-chart',
    version: 1,
    id: uniqueId(slugOf(title), (candidate) => takenIds.has(candidate)),
    title,
    sources: [{ id: 'import', title: `Imported from ${fileName || 'a file'}`, kind: 'file' }],
    units,
  };
  // These units were built here from rows already checked above (trimmed, non-empty, unique ids,
  // known parents, no cycles), so they meet the schema by construction: validating them again
  // with zod would only add time. indexChart still checks the tree as it indexes it.
  const indexed = indexChart(chart);
  if (!indexed.ok) return failure(indexed.problems.map((p) => `${fileName}: ${p.path}: ${p.message}`).join('\n'));
  return { ok: true, index: indexed.index, notices };
}

/** Every cycle in the parent links, each as the ids along it (child first). Iterative: no recursion per level. */
function findCycles(ids: readonly string[], parentOf: ReadonlyMap<string, string | null>): string[][] {
  const ON_WALK = 1;
  const DONE = 2;
  const state = new Map<string, number>();
  const cycles: string[][] = [];
  for (const start of ids) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let current: string | null = start;
    while (current !== null && !state.has(current)) {
      state.set(current, ON_WALK);
      walk.push(current);
      current = parentOf.get(current) ?? null;
    }
    if (current !== null && state.get(current) === ON_WALK) cycles.push(walk.slice(walk.indexOf(current)));
    for (const id of walk) state.set(id, DONE);
  }
  return cycles;
}

// ---------------------------------------------------------------------------
// Small helpers

function listMessage(fileName: string, heading: string, items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).map((item) => `• ${item}`);
  if (items.length > MAX_LISTED) shown.push(`• …and ${formatNumber(items.length - MAX_LISTED)} more`);
  return [`${fileName}: ${heading}`, ...shown].join('\n');
}

function countOf(n: number, singular: string, plural: string): string {
  return n === 1 ? `1 ${singular}` : `${formatNumber(n)} ${plural}`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

function quote(text: string): string {
  return text === '…' ? text : `“${text}”`;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

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
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
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
