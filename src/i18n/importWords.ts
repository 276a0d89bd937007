/**
 * What an import says, in the interface's language: its problems (why a file
 * was refused, with every kind of row problem at once) and its notes (what was
 * done to a file that worked). The importer describes them as data; this
 * module words them. It loads with the importer, not with the page.
 *
 * Left in English in both languages: the JSON parser's own message, and the
 * schema's technical lines for the app's own format ("units[2].name: expected
 * text, got a number"), which name fields of an English-keyed format.
 */
import type { BinaryType, ImportNote, ImportProblem, JsonShape, Listed, RowProblems, RowRef } from '../model/importFile.ts';
import { ID_COLUMNS, PARENT_COLUMNS } from '../model/importFile.ts';
import { formatCount, type UiLanguage } from './messages.ts';

interface ImportWords {
  problem(file: string, problem: ImportProblem): string;
  note(note: ImportNote): string;
}

/** Bullets for the shown items, and one for how many more there are. */
function bullets<T>(list: Listed<T>, item: (value: T) => string, more: (count: number) => string): string[] {
  const lines = list.shown.map((value) => `• ${item(value)}`);
  if (list.total > list.shown.length) lines.push(`• ${more(list.total - list.shown.length)}`);
  return lines;
}

/** A cycle as its ids, child first, back to the first: “a” → “c” → “b” → “a”. */
function cycleArrows(cycle: RowProblems['cycles']['shown'][number]): string {
  const quoted = cycle.ids.map((id) => `“${id}”`);
  const shown = cycle.length > cycle.ids.length ? [...quoted.slice(0, -1), '…'] : quoted;
  return [...shown, `“${cycle.ids[0] ?? ''}”`].join(' → ');
}

function unreachable(value: never): never {
  throw new Error(`unknown import message: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------
// English

const number = formatCount;
const countOf = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${number(n)} ${many}`);
const orList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`);
const NEITHER = 'neither the app’s JSON chart format nor a CSV/TSV/JSON table';
const SAVE_AS_UTF8 = 'Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again.';
const BINARY_TYPES: Record<BinaryType, string> = {
  zip: 'a ZIP archive (an Excel .xlsx workbook is one)',
  xls: 'an Excel 97–2003 workbook (or another Office file)',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  pdf: 'a PDF document',
};
const ROW_SHAPES: Record<JsonShape, string> = { null: 'null', list: 'a list', text: 'text', number: 'a number', boolean: 'true or false' };
const SEPARATORS: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'vertical bar' };
const ENCODINGS = { 'utf-32': 'UTF-32', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)' } as const;

const rowEn = (row: RowRef) => (row.line === null ? `row ${number(row.number)}` : `row ${number(row.number)} (line ${number(row.line)})`);
const moreEn = (count: number) => `…and ${number(count)} more`;

function rowProblemsEn(file: string, p: RowProblems): string[] {
  const sections: string[][] = [];
  const section = <T>(list: Listed<T>, heading: string, item: (value: T) => string) => {
    if (list.total > 0) sections.push([`${file}: ${heading}`, ...bullets(list, item, moreEn)]);
  };
  section(p.noId, `${countOf(p.noId.total, 'row has', 'rows have')} no id:`, rowEn);
  section(
    p.duplicateIds,
    `${countOf(p.duplicateIds.total, 'id is', 'ids are')} used by more than one row; each row needs its own id:`,
    (d) =>
      `“${d.id}” in ${d.rows.shown.map(rowEn).join(', ')}${d.rows.total > d.rows.shown.length ? ` and ${number(d.rows.total - d.rows.shown.length)} more rows` : ''}`,
  );
  section(p.badParents, `${countOf(p.badParents.total, 'row names a parent that is', 'rows name a parent that is')} not another row of the table:`, (b) =>
    b.parent === b.id
      ? `${rowEn(b.row)}: “${b.id}” is its own parent`
      : `${rowEn(b.row)}: “${b.id}” has parent “${b.parent}”, but no row has the id “${b.parent}”`,
  );
  section(
    p.cycles,
    `the parent links form ${countOf(p.cycles.total, 'cycle', 'cycles')} (each arrow points to the parent), so these rows never reach a top-level row:`,
    (c) => `${cycleArrows(c)} (rows ${c.rows.map(number).join(', ')}${c.length > c.rows.length ? ', …' : ''})`,
  );
  return sections.map((lines) => lines.join('\n'));
}

const en: ImportWords = {
  problem(file, p) {
    switch (p.kind) {
      case 'tooLarge':
        return `${file} is ${number(p.megabytes)} MB; files larger than ${number(p.limitMegabytes)} MB cannot be imported.`;
      case 'wrongEncoding':
        return p.withoutBom
          ? `${file} looks like ${ENCODINGS[p.encoding]} text without a byte order mark, not UTF-8. ${SAVE_AS_UTF8}`
          : `${file} is saved as ${ENCODINGS[p.encoding]} text, not UTF-8. ${SAVE_AS_UTF8}`;
      case 'invalidUtf8':
        return p.at === null
          ? `${file} is not valid UTF-8 text. ${SAVE_AS_UTF8}`
          : `${file} is not valid UTF-8 text: invalid byte sequence at byte offset ${number(p.at.offset)} (line ${number(p.at.line)}): ${p.at.bytes}. ` +
              `It may be saved in another encoding, such as Windows-1252 or GBK. ${SAVE_AS_UTF8}`;
      case 'binaryFile':
        return `${file} is ${BINARY_TYPES[p.type]}, ${NEITHER}.${p.type === 'zip' || p.type === 'xls' ? ' In the spreadsheet program, save the sheet as “CSV UTF-8” and import that file.' : ''}`;
      case 'binaryData':
        return p.zeroBytes ? `${file} contains binary data (zero bytes), ${NEITHER}.` : `${file} is ${NEITHER}: it contains binary data, not text.`;
      case 'empty':
        return p.emptyJsonList ? `${file} is empty: the JSON list has no rows.` : `${file} is empty.`;
      case 'invalidJson':
        return `${file} is not valid JSON: ${p.detail}`;
      case 'jsonObjectNotChart':
        return `${file} is ${NEITHER}: it is a JSON object without "format": "org-chart". A JSON table is a list of rows, like [{"id": "1", "parentId": null, "name": "…"}].`;
      case 'jsonValue':
        return `${file} is ${NEITHER}: it is a single JSON ${p.shape}, not an object or a list.`;
      case 'jsonRowsNotObjects':
        return [
          `${file}: a JSON table is a list of objects, like {"id": "2", "parentId": "1", "name": "…"}, but`,
          ...bullets(p.rows, (r) => `row ${number(r.number)} is ${ROW_SHAPES[r.shape]}`, moreEn),
        ].join('\n');
      case 'unclosedQuote':
        return `${file}: a value in ${p.row === null ? 'the header' : `row ${number(p.row)}`} (line ${number(p.line)}) opens a double quote (") that is never closed, so the rest of the file would be read as that one value.`;
      case 'notATable':
        return `${file} is ${NEITHER}: ${
          p.reason === 'noColumns'
            ? 'its first line has no columns separated by commas, semicolons or tabs'
            : 'its first line does not look like a row of column names, and its lines do not have a matching number of values'
        }.`;
      case 'noRows':
        return `${file} has a header but no rows.`;
      case 'missingColumns': {
        const found = p.found.shown.map((c) => `“${c}”`);
        if (p.found.total > found.length) found.push(moreEn(p.found.total - found.length));
        const lines = [
          `${file} has no ${p.missing.map((m) => `${m} column`).join(' and no ')}, so its rows cannot be linked into a chart.`,
          `Columns found: ${found.length > 0 ? found.join(', ') : 'none'}.`,
        ];
        if (p.missing.includes('id')) lines.push(`The id column may be called: ${orList(ID_COLUMNS)}.`);
        if (p.missing.includes('parent')) lines.push(`The parent column may be called: ${orList(PARENT_COLUMNS)}.`);
        lines.push('(Capitals, spaces, “_” and “-” in column names do not matter.)');
        return lines.join('\n');
      }
      case 'overfullRows':
        return [
          `${file}: ${countOf(p.rows.total, 'row has', 'rows have')} more values than the header has columns (${number(p.columnCount)}); a value that contains a ${SEPARATORS[p.delimiter] ?? 'separator'} must be in double quotes:`,
          ...bullets(p.rows, (o) => `${rowEn(o.row)} has ${number(o.values)} values`, moreEn),
        ].join('\n');
      case 'rows':
        return rowProblemsEn(file, p.problems).join('\n');
      case 'chartFormat': {
        const lines = p.problems.shown.map((problem) => `${file}: ${problem.path}: ${problem.message}`);
        const more = p.problems.total - p.problems.shown.length;
        if (more > 0) lines.push(`…and ${number(more)} more problem${more === 1 ? '' : 's'}`);
        return lines.join('\n');
      }
      case 'unreadable':
        return `${file}: the file could not be read (${p.detail}).`;
      default:
        return unreachable(p);
    }
  },
  note(n) {
    switch (n.kind) {
      case 'chartIdTaken':
        return `A chart with the id “${n.id}” is already loaded, so this one is loaded as “${n.loadedAs}”.`;
      case 'topLevelRows':
        return `The table has ${number(n.count)} top-level rows; they are shown under “${n.title}”.`;
      case 'unnamedRows':
        return n.count === 1 ? '1 row has no name, so it is shown by its id.' : `${number(n.count)} rows have no name, so they are shown by their ids.`;
      default:
        return unreachable(n);
    }
  },
};

// ---------------------------------------------------------------------------
// Chinese

const shu = formatCount;
const NEITHER_ZH = '既不是本应用的 JSON 图表格式，也不是 CSV/TSV/JSON 表格';
const SAVE_AS_UTF8_ZH = '请将它另存为 UTF-8 编码（在 Excel 中选择“CSV UTF-8”）后重新导入。';
const BINARY_TYPES_ZH: Record<BinaryType, string> = {
  zip: 'ZIP 压缩包（Excel 的 .xlsx 工作簿就是一种 ZIP 压缩包）',
  xls: 'Excel 97–2003 工作簿（或其他 Office 文件）',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  pdf: 'PDF 文档',
};
const SHAPES_ZH: Record<JsonShape, string> = { null: '空值（null）', list: '列表', text: '字符串', number: '数字', boolean: '布尔值' };
const SEPARATORS_ZH: Record<string, string> = { ',': '逗号', '\t': '制表符', ';': '分号', '|': '竖线' };
/** A space after Latin letters before the Chinese that follows, none after a full-width bracket. */
const ENCODINGS_ZH = { 'utf-32': 'UTF-32 ', 'utf-16le': 'UTF-16（小端序）', 'utf-16be': 'UTF-16（大端序）' } as const;

const rowZh = (row: RowRef) => (row.line === null ? `第 ${shu(row.number)} 行` : `第 ${shu(row.number)} 行（文件第 ${shu(row.line)} 行）`);
const moreZh = (count: number) => `……另有 ${shu(count)} 项`;

function rowProblemsZh(file: string, p: RowProblems): string[] {
  const sections: string[][] = [];
  const section = <T>(list: Listed<T>, heading: string, item: (value: T) => string) => {
    if (list.total > 0) sections.push([`“${file}”：${heading}`, ...bullets(list, item, moreZh)]);
  };
  section(p.noId, `${shu(p.noId.total)} 行没有编号（id）：`, rowZh);
  section(
    p.duplicateIds,
    `${shu(p.duplicateIds.total)} 个编号被多行使用；每一行都需要自己的编号：`,
    (d) =>
      `“${d.id}”见于${d.rows.shown.map(rowZh).join('、')}${d.rows.total > d.rows.shown.length ? `，另有 ${shu(d.rows.total - d.rows.shown.length)} 行` : ''}`,
  );
  section(p.badParents, `${shu(p.badParents.total)} 行的上级不是表中的另一行：`, (b) =>
    b.parent === b.id ? `${rowZh(b.row)}：“${b.id}”的上级是它自己` : `${rowZh(b.row)}：“${b.id}”的上级是“${b.parent}”，但没有编号为“${b.parent}”的行`,
  );
  section(
    p.cycles,
    `上级关系形成了 ${shu(p.cycles.total)} 个循环（箭头指向上级），这些行永远连不到顶层：`,
    (c) => `${cycleArrows(c)}（第 ${c.rows.map(shu).join('、')}${c.length > c.rows.length ? '、…' : ''} 行）`,
  );
  return sections.map((lines) => lines.join('\n'));
}

const zh: ImportWords = {
  problem(file, p) {
    const f = `“${file}”`;
    switch (p.kind) {
      case 'tooLarge':
        return `${f}大小为 ${shu(p.megabytes)} MB；超过 ${shu(p.limitMegabytes)} MB 的文件无法导入。`;
      case 'wrongEncoding':
        return p.withoutBom
          ? `${f}看起来是没有字节顺序标记（BOM）的 ${ENCODINGS_ZH[p.encoding]}文本，而不是 UTF-8。${SAVE_AS_UTF8_ZH}`
          : `${f}是以 ${ENCODINGS_ZH[p.encoding]}编码保存的文本，而不是 UTF-8。${SAVE_AS_UTF8_ZH}`;
      case 'invalidUtf8':
        return p.at === null
          ? `${f}不是有效的 UTF-8 文本。${SAVE_AS_UTF8_ZH}`
          : `${f}不是有效的 UTF-8 文本：第 ${shu(p.at.line)} 行、字节偏移 ${shu(p.at.offset)} 处的字节序列无效：${p.at.bytes}。` +
              `它可能是用其他编码（如 GBK 或 Windows-1252）保存的。${SAVE_AS_UTF8_ZH}`;
      case 'binaryFile':
        return `${f}是 ${BINARY_TYPES_ZH[p.type]}，${NEITHER_ZH}。${p.type === 'zip' || p.type === 'xls' ? '请在电子表格程序中把工作表另存为“CSV UTF-8”，再导入那个文件。' : ''}`;
      case 'binaryData':
        return p.zeroBytes ? `${f}含有二进制数据（零字节），${NEITHER_ZH}。` : `${f}${NEITHER_ZH}：它含有二进制数据，而不是文本。`;
      case 'empty':
        return p.emptyJsonList ? `${f}是空的：JSON 列表中没有任何行。` : `${f}是空的。`;
      case 'invalidJson':
        return `${f}不是有效的 JSON：${p.detail}`;
      case 'jsonObjectNotChart':
        return `${f}${NEITHER_ZH}：它是一个 JSON 对象，但没有 "format": "org-chart"。JSON 表格是由行组成的列表，例如 [{"id": "1", "parentId": null, "name": "…"}]。`;
      case 'jsonValue':
        return `${f}${NEITHER_ZH}：它只是单个 JSON ${SHAPES_ZH[p.shape]}，而不是对象或列表。`;
      case 'jsonRowsNotObjects':
        return [
          `${f}：JSON 表格是由对象组成的列表，例如 {"id": "2", "parentId": "1", "name": "…"}，但是：`,
          ...bullets(p.rows, (r) => `第 ${shu(r.number)} 行是${SHAPES_ZH[r.shape]}`, moreZh),
        ].join('\n');
      case 'unclosedQuote':
        return `${f}：${p.row === null ? '表头' : `第 ${shu(p.row)} 行`}（文件第 ${shu(p.line)} 行）中有一个值以双引号（"）开头却没有闭合，文件的其余部分都会被当作这一个值读取。`;
      case 'notATable':
        return `${f}${NEITHER_ZH}：${p.reason === 'noColumns' ? '它的第一行没有用逗号、分号或制表符分隔的列' : '它的第一行不像一行列名，各行的值的个数也对不上'}。`;
      case 'noRows':
        return `${f}只有表头，没有数据行。`;
      case 'missingColumns': {
        const found = p.found.shown.map((c) => `“${c}”`);
        if (p.found.total > found.length) found.push(`另有 ${shu(p.found.total - found.length)} 列`);
        const missing = p.missing.map((m) => (m === 'id' ? '编号（id）列' : '上级（parent）列')).join('，也没有');
        const lines = [`${f}没有${missing}，因此无法把各行连成图表。`, `找到的列：${found.length > 0 ? found.join('、') : '无'}。`];
        if (p.missing.includes('id')) lines.push(`编号列可以叫：${ID_COLUMNS.join('、')}。`);
        if (p.missing.includes('parent')) lines.push(`上级列可以叫：${PARENT_COLUMNS.join('、')}。`);
        lines.push('（列名中的大小写、空格、“_”和“-”都不影响识别。）');
        return lines.join('\n');
      }
      case 'overfullRows':
        return [
          `${f}：${shu(p.rows.total)} 行的值比表头的列数（${shu(p.columnCount)}）多；含有${SEPARATORS_ZH[p.delimiter] ?? '分隔符'}的值必须放在双引号中：`,
          ...bullets(p.rows, (o) => `${rowZh(o.row)}有 ${shu(o.values)} 个值`, moreZh),
        ].join('\n');
      case 'rows':
        return rowProblemsZh(file, p.problems).join('\n');
      case 'chartFormat': {
        const lines = [`${f}不符合本应用的 JSON 图表格式：`, ...p.problems.shown.map((problem) => `• ${problem.path}: ${problem.message}`)];
        const more = p.problems.total - p.problems.shown.length;
        if (more > 0) lines.push(`• ……另有 ${shu(more)} 个问题`);
        return lines.join('\n');
      }
      case 'unreadable':
        return `${f}：无法读取该文件（${p.detail}）。`;
      default:
        return unreachable(p);
    }
  },
  note(n) {
    switch (n.kind) {
      case 'chartIdTaken':
        return `已经载入了编号为“${n.id}”的图表，所以这个图表以“${n.loadedAs}”为编号载入。`;
      case 'topLevelRows':
        return `表中有 ${shu(n.count)} 个顶层行，它们显示在“${n.title}”之下。`;
      case 'unnamedRows':
        return `${shu(n.count)} 行没有名称，因此以编号显示。`;
      default:
        return unreachable(n);
    }
  },
};

const WORDS: Record<UiLanguage, ImportWords> = { en, zh };

/** Why an import was refused, in the given interface language. */
export function importProblemText(language: UiLanguage, file: string, problem: ImportProblem): string {
  return WORDS[language].problem(file, problem);
}

/** What was done to a file that imported, in the given interface language. */
export function importNoteText(language: UiLanguage, note: ImportNote): string {
  return WORDS[language].note(note);
}
