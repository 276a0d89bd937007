/**
 * Editing a chart: each operation takes the chart's index and returns a new
 * chart, or a refusal saying why, leaving the chart as it was. Charts are
 * immutable: an operation copies the units array and replaces only the units it
 * changes, so an undo history keeps every step for the price of what changed.
 */
import { type OrgChart, sourceSchema, type Unit } from './schema.ts';
import { indexChart, type OrgIndex } from './tree.ts';

/** Why an edit was refused, for the interface to word in its language. */
export type EditRefusal =
  | { readonly reason: 'unknownUnit'; readonly unitId: string }
  | { readonly reason: 'emptyName' }
  | { readonly reason: 'emptyId' }
  | { readonly reason: 'duplicateId'; readonly unitId: string }
  | { readonly reason: 'secondRoot' }
  | { readonly reason: 'underItself'; readonly unitId: string; readonly targetId: string }
  | { readonly reason: 'alreadyThere'; readonly unitId: string; readonly targetId: string }
  | { readonly reason: 'invalid'; readonly detail: string };

/** `unitId`: the unit the edit made or changed, for the view to select (after a delete, the parent). */
export type EditResult = { readonly ok: true; readonly chart: OrgChart; readonly unitId: string } | { readonly ok: false; readonly refusal: EditRefusal };

/** What a new unit starts with. Without an id, one is made from the name. */
export interface UnitDraft {
  readonly name: string;
  readonly id?: string;
  readonly kind?: string;
}

/** The fields the edit form changes; `id` and `parentId` have operations of their own (changeId, moveUnit). */
export type UnitPatch = Partial<Omit<Unit, 'id' | 'parentId'>>;

export type DeleteMode = 'lift' | 'branch';

const refuse = (refusal: EditRefusal): EditResult => ({ ok: false, refusal });

/** An index of the whole chart (every dated unit included): what edits work on. */
export function editIndex(chart: OrgChart): OrgIndex | null {
  const indexed = indexChart(chart);
  return indexed.ok ? indexed.index : null;
}

/** "Liaison Bureau" → "liaison-bureau", made unique in the chart with "-2", "-3", … */
export function freeUnitId(index: { readonly byId: ReadonlyMap<string, unknown> }, name: string): string {
  const base = slugOf(name);
  if (!index.byId.has(base)) return base;
  let n = 2;
  while (index.byId.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function slugOf(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'unit'
  );
}

function newUnit(index: OrgIndex, draft: UnitDraft, parentId: string): Unit | EditRefusal {
  const name = draft.name.trim();
  if (name === '') return { reason: 'emptyName' };
  const id = draft.id === undefined ? freeUnitId(index, name) : draft.id.trim();
  if (id === '') return { reason: 'emptyId' };
  if (index.byId.has(id)) return { reason: 'duplicateId', unitId: id };
  return { id, parentId, name, ...(draft.kind ? { kind: draft.kind } : {}) };
}

function rowOf(chart: OrgChart, unitId: string): number {
  return chart.units.findIndex((unit) => unit.id === unitId);
}

function withUnits(chart: OrgChart, units: Unit[]): OrgChart {
  return { ...chart, units };
}

/** A new last child of `parentId`. */
export function addChild(index: OrgIndex, parentId: string, draft: UnitDraft): EditResult {
  if (!index.byId.has(parentId)) return refuse({ reason: 'unknownUnit', unitId: parentId });
  const unit = newUnit(index, draft, parentId);
  if ('reason' in unit) return refuse(unit);
  return { ok: true, chart: withUnits(index.fullChart, [...index.fullChart.units, unit]), unitId: unit.id };
}

/** A new unit right after `siblingId`, under the same parent. The top unit has no siblings: a chart has one top. */
export function addSibling(index: OrgIndex, siblingId: string, draft: UnitDraft): EditResult {
  if (!index.byId.has(siblingId)) return refuse({ reason: 'unknownUnit', unitId: siblingId });
  const parentId = index.parentOf.get(siblingId) ?? null;
  if (parentId === null) return refuse({ reason: 'secondRoot' });
  const unit = newUnit(index, draft, parentId);
  if ('reason' in unit) return refuse(unit);
  const units = [...index.fullChart.units];
  // Children keep the order of their rows: the row after the sibling's comes before the next sibling's.
  units.splice(rowOf(index.fullChart, siblingId) + 1, 0, unit);
  return { ok: true, chart: withUnits(index.fullChart, units), unitId: unit.id };
}

function replaceUnit(index: OrgIndex, unitId: string, next: (unit: Unit) => Unit | EditRefusal): EditResult {
  const row = rowOf(index.fullChart, unitId);
  const unit = index.fullChart.units[row];
  if (unit === undefined) return refuse({ reason: 'unknownUnit', unitId });
  const changed = next(unit);
  if ('reason' in changed) return refuse(changed);
  const units = [...index.fullChart.units];
  units[row] = changed;
  return { ok: true, chart: withUnits(index.fullChart, units), unitId };
}

export function renameUnit(index: OrgIndex, unitId: string, name: string): EditResult {
  const trimmed = name.trim();
  if (trimmed === '') return refuse({ reason: 'emptyName' });
  return replaceUnit(index, unitId, (unit) => ({ ...unit, name: trimmed }));
}

/** Changes the form's fields; a field set to undefined is removed. The name must stay non-empty. */
export function updateUnit(index: OrgIndex, unitId: string, patch: UnitPatch): EditResult {
  if (patch.name !== undefined && patch.name.trim() === '') return refuse({ reason: 'emptyName' });
  return replaceUnit(index, unitId, (unit) => {
    // A field set to undefined is left out, not kept as a key with no value (exactOptionalPropertyTypes, and the file).
    const entries = Object.entries({ ...unit, ...patch }).filter(([, value]) => value !== undefined);
    const next = Object.fromEntries(entries) as Unit;
    return { ...next, name: next.name.trim() };
  });
}

/** Ids named outside the units (snapshots' covers, events' units) follow a unit's new id, or drop a deleted one. */
function withReferences(chart: OrgChart, rename: (id: string) => string | null): OrgChart {
  if (!chart.snapshots && !chart.events) return chart;
  const mapIds = (ids: readonly string[] | undefined) => ids?.flatMap((id) => rename(id) ?? []);
  return {
    ...chart,
    ...(chart.snapshots ? { snapshots: chart.snapshots.map((s) => (s.covers ? { ...s, covers: mapIds(s.covers) ?? [] } : s)) } : {}),
    ...(chart.events ? { events: chart.events.map((e) => (e.units ? { ...e, units: mapIds(e.units) ?? [] } : e)) } : {}),
  };
}

/** Gives a unit a new id (the one in links): its children and the chart's records follow. */
export function changeUnitId(index: OrgIndex, unitId: string, newId: string): EditResult {
  const id = newId.trim();
  if (!index.byId.has(unitId)) return refuse({ reason: 'unknownUnit', unitId });
  if (id === '') return refuse({ reason: 'emptyId' });
  if (id === unitId) return { ok: true, chart: index.fullChart, unitId };
  if (index.byId.has(id)) return refuse({ reason: 'duplicateId', unitId: id });
  const units = index.fullChart.units.map((unit) => (unit.id === unitId ? { ...unit, id } : unit.parentId === unitId ? { ...unit, parentId: id } : unit));
  return { ok: true, chart: withReferences(withUnits(index.fullChart, units), (ref) => (ref === unitId ? id : ref)), unitId: id };
}

/** Every unit under `unitId` (not itself), iteratively. */
export function descendantIds(index: OrgIndex, unitId: string): Set<string> {
  const found = new Set<string>();
  const stack = [...(index.childrenOf.get(unitId) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    found.add(id);
    for (const child of index.childrenOf.get(id) ?? []) stack.push(child);
  }
  return found;
}

/**
 * Deletes a unit. 'lift': its children move up to its parent; 'branch': they go with it. The top unit can go only
 * by 'lift' with a single child, which becomes the top: a chart keeps exactly one.
 */
export function deleteUnit(index: OrgIndex, unitId: string, mode: DeleteMode): EditResult {
  if (!index.byId.has(unitId)) return refuse({ reason: 'unknownUnit', unitId });
  const parentId = index.parentOf.get(unitId) ?? null;
  const children = index.childrenOf.get(unitId) ?? [];
  if (parentId === null && (mode === 'branch' || children.length !== 1)) return refuse({ reason: 'secondRoot' });
  const removed = mode === 'branch' ? descendantIds(index, unitId) : new Set<string>();
  removed.add(unitId);
  const lifted = new Set(mode === 'lift' ? children : []);
  const units: Unit[] = [];
  for (const unit of index.fullChart.units) {
    // Lifted children take the deleted unit's place among its siblings, in their own order.
    if (unit.id === unitId) {
      for (const child of index.fullChart.units) {
        if (!lifted.has(child.id)) continue;
        units.push(parentId === null ? withoutParent(child) : { ...child, parentId });
      }
    } else if (!removed.has(unit.id) && !lifted.has(unit.id)) units.push(unit);
  }
  const chart = withReferences(withUnits(index.fullChart, units), (ref) => (removed.has(ref) ? null : ref));
  return { ok: true, chart, unitId: parentId ?? (children[0] as string) };
}

function withoutParent(unit: Unit): Unit {
  const top = { ...unit };
  delete top.parentId;
  return top;
}

/** Moves a unit with its branch under a new parent, as its last child. Refused under itself or its own descendant. */
export function moveUnit(index: OrgIndex, unitId: string, newParentId: string): EditResult {
  if (!index.byId.has(unitId)) return refuse({ reason: 'unknownUnit', unitId });
  if (!index.byId.has(newParentId)) return refuse({ reason: 'unknownUnit', unitId: newParentId });
  if (newParentId === unitId || descendantIds(index, unitId).has(newParentId)) return refuse({ reason: 'underItself', unitId, targetId: newParentId });
  if (index.parentOf.get(unitId) === newParentId) return refuse({ reason: 'alreadyThere', unitId, targetId: newParentId });
  const row = rowOf(index.fullChart, unitId);
  const unit = index.fullChart.units[row] as Unit;
  const units = [...index.fullChart.units];
  units.splice(row, 1);
  // Last in the array: last among the new parent's children.
  units.push({ ...unit, parentId: newParentId });
  return { ok: true, chart: withUnits(index.fullChart, units), unitId };
}

/** Why the chart is not one valid tree of named units, or null when it is: what every edit keeps true. */
export function chartProblem(chart: OrgChart): EditRefusal | null {
  const indexed = indexChart(chart);
  if (!indexed.ok) return { reason: 'invalid', detail: indexed.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
  if (chart.units.some((unit) => unit.name.trim() === '')) return { reason: 'emptyName' };
  return null;
}

/** An empty chart to build from: one top unit. */
export function newChart(id: string, title: string, topName: string): OrgChart {
  return { format: 'org-chart', version: 1, id, title, shortTitle: title, sources: [], units: [{ id: slugOf(topName), name: topName }] };
}

/** A source as the edit form takes it: a title, and optionally its web address and date. */
export interface SourceDraft {
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
}

/**
 * The chart with `draft` in its sources list (the one already there when title, address and date are the same) and
 * the source's id to cite, or a refusal: an address must be a web address, a date YYYY, YYYY-MM or YYYY-MM-DD.
 */
export function withSource(chart: OrgChart, draft: SourceDraft): { ok: true; chart: OrgChart; sourceId: string } | { ok: false; refusal: EditRefusal } {
  const title = draft.title.trim();
  const url = draft.url?.trim() || undefined;
  const date = draft.date?.trim() || undefined;
  if (title === '') return { ok: false, refusal: { reason: 'invalid', detail: 'a source needs a title' } };
  const parsed = sourceSchema.safeParse({ id: 'new', title, ...(url ? { url } : {}), ...(date ? { date } : {}) });
  if (!parsed.success) return { ok: false, refusal: { reason: 'invalid', detail: parsed.error.issues.map((issue) => issue.message).join('; ') } };
  const same = chart.sources.find((source) => source.title === title && source.url === url && source.date === date);
  if (same) return { ok: true, chart, sourceId: same.id };
  const taken = new Map(chart.sources.map((source) => [source.id, source]));
  const sourceId = freeUnitId({ byId: taken }, `source-${title}`);
  return { ok: true, chart: { ...chart, sources: [...chart.sources, { ...parsed.data, id: sourceId }] }, sourceId };
}
