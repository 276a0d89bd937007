/**
 * A chart as one flat table, for spreadsheets: a row per unit in reading
 * order, with the columns the importer reads back (id, parentId, name,
 * nativeName, kind) and then one column per fact label. Leaders, functions
 * and citations do not fit a flat table; the JSON export keeps everything.
 */
import type { OrgIndex } from './tree.ts';

export interface ChartTable {
  readonly fields: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const BASE_FIELDS = ['id', 'parentId', 'name', 'nativeName', 'kind'] as const;

export function chartToTable(index: OrgIndex): ChartTable {
  const factFields: string[] = [];
  const factColumn = new Map<string, number>();
  for (const id of index.preorder) {
    for (const fact of index.byId.get(id)?.facts ?? []) {
      // A fact label that is also a base column's name would be read back as that column.
      if (factColumn.has(fact.label) || (BASE_FIELDS as readonly string[]).some((field) => field.toLowerCase() === fact.label.toLowerCase())) continue;
      factColumn.set(fact.label, BASE_FIELDS.length + factFields.length);
      factFields.push(fact.label);
    }
  }
  const rows = index.preorder.map((id) => {
    const unit = index.byId.get(id);
    const row = Array.from({ length: BASE_FIELDS.length + factFields.length }, () => '');
    if (!unit) return row;
    row[0] = unit.id;
    row[1] = index.parentOf.get(id) ?? '';
    row[2] = unit.name;
    row[3] = unit.nativeName?.text ?? '';
    row[4] = unit.kind ?? '';
    for (const fact of unit.facts ?? []) {
      const column = factColumn.get(fact.label);
      if (column !== undefined && row[column] === '') row[column] = fact.value;
    }
    return row;
  });
  return { fields: [...BASE_FIELDS, ...factFields], rows };
}

/**
 * The table as a CSV file's text. The writer loads on first use (it is the importer's). Cells starting with
 * = + - @ are escaped with a quote so a spreadsheet shows them as text instead of running them as formulas (the
 * importer reads them back as written); the byte order mark tells Excel the file is UTF-8.
 */
export async function chartToCsv(index: OrgIndex): Promise<string> {
  const { unparse } = await import('papaparse');
  const table = chartToTable(index);
  const csv = unparse({ fields: [...table.fields], data: table.rows.map((row) => [...row]) }, { escapeFormulae: true, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}
