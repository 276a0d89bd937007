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

/**
 * `readAsColumn` says which column names the importer would read as something other than a fact ("Title" as a
 * position, "Surname" as part of the name): facts with such labels get a column named "Title (fact)" instead.
 */
export function chartToTable(index: OrgIndex, readAsColumn: (name: string) => boolean = () => false): ChartTable {
  const factFields: string[] = [];
  const factColumn = new Map<string, number>();
  const fieldFor = (fact: { key?: string | undefined; label: string }) =>
    // The importer's own Position fact goes back into a position column, which it reads as that fact again.
    fact.key !== 'position' && (readAsColumn(fact.label) || (BASE_FIELDS as readonly string[]).includes(fact.label)) ? `${fact.label} (fact)` : fact.label;
  for (const id of index.preorder) {
    for (const fact of index.byId.get(id)?.facts ?? []) {
      const field = fieldFor(fact);
      if (factColumn.has(field)) continue;
      factColumn.set(field, BASE_FIELDS.length + factFields.length);
      factFields.push(field);
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
      const column = factColumn.get(fieldFor(fact));
      if (column === undefined) continue;
      // Two facts of one unit under the same label share its cell.
      row[column] = row[column] === '' ? fact.value : `${row[column]}; ${fact.value}`;
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
  const { isImporterColumn } = await import('./importFile.ts');
  return tableToCsv(chartToTable(index, isImporterColumn));
}

/** Any table as CSV text, with the same escaping and byte order mark as a chart's (see chartToCsv). */
export async function tableToCsv(table: ChartTable): Promise<string> {
  const [{ unparse }, { FORMULA_START }] = await Promise.all([import('papaparse'), import('./importFile.ts')]);
  // FORMULA_START, not papaparse's own pattern, which misses a formula followed by a line break.
  const csv = unparse({ fields: [...table.fields], data: table.rows.map((row) => [...row]) }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}
