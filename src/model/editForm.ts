/**
 * The unit form's fields as plain text, read from a unit and written back as
 * one edit: name, id, kind, position, native name, and the unit's leaders,
 * functions and facts, each with an optional source (title, address, date)
 * that joins the chart's sources list. What the form does not show (a
 * leader's term, a citation's section) is kept.
 */
import { changeUnitId, editIndex, type EditResult, type SourceDraft, updateUnit, withSource } from './edit.ts';
import { type Citation, type Fact, formatPath, type Leader, type OrgChart, type TextItem, type Unit, unitSchema } from './schema.ts';
import type { OrgIndex } from './tree.ts';

export interface SourceFields {
  readonly title: string;
  readonly url: string;
  readonly date: string;
}

export interface LeaderFields {
  readonly title: string;
  readonly name: string;
  readonly source: SourceFields;
  readonly base?: Leader;
}
export interface FunctionFields {
  readonly text: string;
  readonly source: SourceFields;
  readonly base?: TextItem;
}
export interface FactFields {
  readonly label: string;
  readonly value: string;
  readonly source: SourceFields;
  readonly base?: Fact;
}

export interface UnitFields {
  readonly name: string;
  readonly id: string;
  readonly kind: string;
  readonly position: string;
  readonly nativeName: string;
  readonly nativeLang: string;
  readonly leaders: readonly LeaderFields[];
  readonly functions: readonly FunctionFields[];
  readonly facts: readonly FactFields[];
}

export const NO_SOURCE: SourceFields = { title: '', url: '', date: '' };

function sourceFields(chart: OrgChart, cite: Citation | undefined): SourceFields {
  const source = cite ? chart.sources.find((candidate) => candidate.id === cite.source) : undefined;
  return source ? { title: source.title, url: source.url ?? '', date: source.date ?? '' } : NO_SOURCE;
}

/** The form's fields for a unit of `chart`. */
export function fieldsOf(chart: OrgChart, unit: Unit): UnitFields {
  return {
    name: unit.name,
    id: unit.id,
    kind: unit.kind ?? '',
    position: unit.facts?.find((fact) => fact.key === 'position')?.value ?? '',
    nativeName: unit.nativeName?.text ?? '',
    nativeLang: unit.nativeName?.lang ?? '',
    leaders: (unit.leaders ?? []).map((leader) => ({ title: leader.title, name: leader.name, source: sourceFields(chart, leader.cite), base: leader })),
    functions: (unit.functions ?? []).map((item) => ({ text: item.text, source: sourceFields(chart, item.cite), base: item })),
    facts: (unit.facts ?? [])
      .filter((fact) => fact.key !== 'position')
      .map((fact) => ({ label: fact.label, value: fact.value, source: sourceFields(chart, fact.cite), base: fact })),
  };
}

class Refused extends Error {
  constructor(readonly result: Extract<EditResult, { ok: false }>) {
    super('refused');
  }
}

/** Writes the form's fields to the unit, as one edit. Rows left wholly empty are dropped. */
export function applyFields(index: OrgIndex, unitId: string, fields: UnitFields): EditResult {
  let chart = index.fullChart;
  /** The citation for a row: its source added to the chart's list (or found there), the old section kept if it is the same source. */
  const citeFor = (source: SourceFields, old: Citation | undefined): { cite?: Citation } => {
    if (source.title.trim() === '' && source.url.trim() === '' && source.date.trim() === '') return {};
    const draft: SourceDraft = { title: source.title, url: source.url, date: source.date };
    const added = withSource(chart, draft);
    if (!added.ok) throw new Refused(added);
    chart = added.chart;
    return { cite: old?.source === added.sourceId ? old : { source: added.sourceId } };
  };
  const without = <T extends { cite?: Citation | undefined }>(item: T): Omit<T, 'cite'> => {
    const copy = { ...item };
    delete copy.cite;
    return copy;
  };
  try {
    const leaders = fields.leaders
      .filter((row) => row.title.trim() !== '' || row.name.trim() !== '')
      .map((row) => ({ ...(row.base ? without(row.base) : {}), title: row.title.trim(), name: row.name.trim(), ...citeFor(row.source, row.base?.cite) }));
    const functions = fields.functions
      .filter((row) => row.text.trim() !== '')
      .map((row) => ({ ...(row.base ? without(row.base) : {}), text: row.text.trim(), ...citeFor(row.source, row.base?.cite) }));
    const position = fields.position.trim();
    const oldPosition = index.byId.get(unitId)?.facts?.find((fact) => fact.key === 'position');
    const facts: Fact[] = [
      ...(position === '' ? [] : [{ ...oldPosition, key: 'position', label: oldPosition?.label ?? 'Position', value: position }]),
      ...fields.facts
        .filter((row) => row.label.trim() !== '' || row.value.trim() !== '')
        .map((row) => ({ ...(row.base ? without(row.base) : {}), label: row.label.trim(), value: row.value.trim(), ...citeFor(row.source, row.base?.cite) })),
    ];
    const nativeName = fields.nativeName.trim();
    const oldNative = index.byId.get(unitId)?.nativeName;
    const lang = fields.nativeLang.trim();
    const patch = {
      name: fields.name,
      kind: fields.kind.trim() || undefined,
      nativeName: nativeName === '' ? undefined : { ...oldNative, text: nativeName, ...(lang ? { lang } : { lang: undefined }) },
      leaders: leaders.length > 0 ? leaders : undefined,
      functions: functions.length > 0 ? functions : undefined,
      facts: facts.length > 0 ? facts : undefined,
    };
    const sourced = chart === index.fullChart ? index : editIndex(chart);
    if (sourced === null) return { ok: false, refusal: { reason: 'invalid', detail: 'the chart is not one tree' } };
    const updated = updateUnit(sourced, unitId, stripUndefinedNested(patch));
    if (!updated.ok) return updated;
    const unit = updated.chart.units.find((candidate) => candidate.id === unitId);
    const checked = unitSchema.safeParse(unit);
    if (!checked.success) {
      const detail = checked.error.issues.map((issue) => `${formatPath(issue.path)} ${issue.message}`).join('; ');
      return { ok: false, refusal: { reason: 'invalid', detail } };
    }
    // Nothing changed: the same chart, so no step to undo.
    if (fields.id.trim() === unitId && chart === index.fullChart && JSON.stringify(unit) === JSON.stringify(index.byId.get(unitId))) {
      return { ok: true, chart: index.fullChart, unitId };
    }
    if (fields.id.trim() === unitId) return updated;
    const renamed = editIndex(updated.chart);
    return renamed === null ? updated : changeUnitId(renamed, unitId, fields.id);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** A native name's `lang: undefined` left out, as exactOptionalPropertyTypes and the file format want. */
function stripUndefinedNested<T extends { nativeName?: { lang?: string | undefined } | undefined }>(patch: T): T {
  if (patch.nativeName?.lang !== undefined || patch.nativeName === undefined) return patch;
  const nativeName = { ...patch.nativeName };
  delete nativeName.lang;
  return { ...patch, nativeName };
}
