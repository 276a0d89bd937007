/**
 * What changed between two versions of a chart: which units were added,
 * removed, moved, renamed or changed, and how each unit of the earlier version
 * was matched to the later one (by id; for imports whose ids changed, by name
 * under the same parent, then by a name no other unit has).
 *
 * Pure and linear in the number of units: two versions of 10,000 units diff in
 * a few milliseconds. A move is counted where it happened: the units inside a
 * moved branch keep their parent, so they are not moved themselves.
 */
import { comparableText } from './normalise.ts';
import type { OrgChart, Unit } from './schema.ts';
import type { ChartTable } from './table.ts';
import type { OrgIndex } from './tree.ts';

export type ChangeKind = 'added' | 'removed' | 'moved' | 'renamed' | 'changed';
/** In the order the legend, the list and the CSV give them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'moved', 'renamed', 'changed'];

/** How a unit of the later version was paired with one of the earlier. */
export type MatchRule = 'id' | 'name-parent' | 'name';

/** One field of a unit whose text differs, e.g. `{ field: 'leaders', before: 'Director: Li', after: 'Director: Wang' }`. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** Everything that changed about one unit; a unit can be moved, renamed and changed at once. */
export interface UnitChange {
  /** The unit's id in the later version, or its id in the earlier one for a removed unit. */
  readonly id: string;
  readonly beforeId: string | null;
  readonly afterId: string | null;
  readonly kinds: readonly ChangeKind[];
  readonly nameBefore: string | null;
  readonly nameAfter: string | null;
  /** Parent ids, each in its own version. */
  readonly parentBefore: string | null;
  readonly parentAfter: string | null;
  readonly fields: readonly FieldChange[];
  /** How the pair was matched; null for added and removed units. */
  readonly matchedBy: MatchRule | null;
}

export interface ChartDiff {
  /** Later id → earlier id, for every unit in both. */
  readonly pairs: ReadonlyMap<string, string>;
  /** Earlier id → later id. */
  readonly pairedFrom: ReadonlyMap<string, string>;
  readonly matchedBy: ReadonlyMap<string, MatchRule>;
  /** Added, moved, renamed and changed units in the later version's reading order, then removed units in the earlier's. */
  readonly changes: readonly UnitChange[];
  readonly counts: Readonly<Record<ChangeKind, number>>;
}

/** A pairing a user said is wrong ("treat as different units"), as `pairKey` writes it. */
export function pairKey(beforeId: string, afterId: string): string {
  return `${beforeId}\u0000${afterId}`;
}

const joined = (texts: readonly string[]): string => texts.join('; ');

/**
 * The fields compared between two versions of a unit, each as one line of text: what the list, the panel and the
 * CSV show as "before" and "after". Citations are left out: a source moved from one page to another is not a change
 * of the organization.
 */
export function unitFieldTexts(unit: Unit): Map<string, string> {
  const fields = new Map<string, string>();
  const put = (field: string, text: string) => {
    if (text !== '') fields.set(field, text);
  };
  put('kind', unit.kind ?? '');
  put('nativeName', unit.nativeName?.text ?? '');
  put('summary', unit.summary?.text ?? '');
  put('leaders', joined((unit.leaders ?? []).map((leader) => `${leader.title}: ${leader.name}`)));
  put('functions', joined((unit.functions ?? []).map((item) => item.text)));
  const facts = new Map<string, string[]>();
  for (const fact of unit.facts ?? []) {
    const field = `fact:${fact.label}`;
    const values = facts.get(field) ?? [];
    values.push(fact.value);
    facts.set(field, values);
  }
  for (const [field, values] of facts) put(field, joined(values));
  return fields;
}

const sameList = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean => {
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  for (let i = 0; i < (a?.length ?? 0); i++) if (!same(a?.[i] as T, b?.[i] as T)) return false;
  return true;
};

/** Whether the compared fields are the same, checked without building their texts: most units of two versions are. */
function sameFields(before: Unit, after: Unit): boolean {
  return (
    (before.kind ?? '') === (after.kind ?? '') &&
    (before.nativeName?.text ?? '') === (after.nativeName?.text ?? '') &&
    (before.summary?.text ?? '') === (after.summary?.text ?? '') &&
    sameList(before.leaders, after.leaders, (x, y) => x.title === y.title && x.name === y.name) &&
    sameList(before.functions, after.functions, (x, y) => x.text === y.text) &&
    sameList(before.facts, after.facts, (x, y) => x.label === y.label && x.value === y.value)
  );
}

function fieldChanges(before: Unit, after: Unit): FieldChange[] {
  if (sameFields(before, after)) return [];
  const was = unitFieldTexts(before);
  const now = unitFieldTexts(after);
  const changes: FieldChange[] = [];
  for (const [field, text] of now) {
    const old = was.get(field) ?? '';
    if (old !== text) changes.push({ field, before: old, after: text });
  }
  for (const [field, old] of was) if (!now.has(field)) changes.push({ field, before: old, after: '' });
  return changes;
}

/** Pairs units of `after` with units of `before` by the rules in order; a pairing in `apart` is never made. */
function matchUnits(before: OrgIndex, after: OrgIndex, apart: ReadonlySet<string>) {
  const pairs = new Map<string, string>();
  const pairedFrom = new Map<string, string>();
  const matchedBy = new Map<string, MatchRule>();
  const pair = (afterId: string, beforeId: string, rule: MatchRule) => {
    pairs.set(afterId, beforeId);
    pairedFrom.set(beforeId, afterId);
    matchedBy.set(afterId, rule);
  };
  for (const id of after.preorder) if (before.byId.has(id) && !apart.has(pairKey(id, id))) pair(id, id, 'id');
  if (pairs.size === after.preorder.length || pairs.size === before.preorder.length) return { pairs, pairedFrom, matchedBy };

  const nameOf = (index: OrgIndex, id: string) => comparableText(index.byId.get(id)?.name ?? '');
  // Names only one unit of a version has, over all its units: a name two units share ("Finance") pairs neither by name alone.
  const soleHolders = (index: OrgIndex) => {
    const holder = new Map<string, string | null>();
    for (const id of index.preorder) {
      const name = nameOf(index, id);
      holder.set(name, holder.has(name) ? null : id);
    }
    return holder;
  };
  const soleBefore = soleHolders(before);
  const soleAfter = soleHolders(after);
  // Each pass looks only at the units still unpaired, so a long chain of passes stays cheap.
  let unpairedBefore = before.preorder.filter((id) => !pairedFrom.has(id));
  let unpairedAfter = after.preorder.filter((id) => !pairs.has(id));
  // Repeated while it finds pairs: a branch whose ids all changed is paired top-down, its top by a name no other
  // unit has, then each level by name under the parent just paired.
  for (let found = true; found && unpairedBefore.length > 0 && unpairedAfter.length > 0;) {
    found = false;
    // By name under the same (paired) parent, in reading order so parents are paired before their children.
    const byParentAndName = new Map<string, string[]>();
    for (const id of unpairedBefore) {
      const key = `${before.parentOf.get(id) ?? ''}\u0000${nameOf(before, id)}`;
      const list = byParentAndName.get(key);
      if (list) list.push(id);
      else byParentAndName.set(key, [id]);
    }
    for (const id of unpairedAfter) {
      const parent = after.parentOf.get(id) ?? null;
      const parentBefore = parent === null ? '' : pairs.get(parent);
      if (parentBefore === undefined) continue;
      const candidates = byParentAndName.get(`${parentBefore}\u0000${nameOf(after, id)}`);
      const index = candidates?.findIndex((beforeId) => !pairedFrom.has(beforeId) && !apart.has(pairKey(beforeId, id))) ?? -1;
      if (candidates === undefined || index < 0) continue;
      const [beforeId] = candidates.splice(index, 1);
      pair(id, beforeId as string, 'name-parent');
      found = true;
    }
    // By a name no other unit has, in either version.
    for (const id of unpairedAfter) {
      if (pairs.has(id)) continue;
      const name = nameOf(after, id);
      const beforeId = soleBefore.get(name);
      if (soleAfter.get(name) !== id || beforeId == null || pairedFrom.has(beforeId) || apart.has(pairKey(beforeId, id))) continue;
      pair(id, beforeId, 'name');
      found = true;
    }
    unpairedBefore = unpairedBefore.filter((id) => !pairedFrom.has(id));
    unpairedAfter = unpairedAfter.filter((id) => !pairs.has(id));
  }
  return { pairs, pairedFrom, matchedBy };
}

/** The differences from `before` to `after`. `apart`: pairings to leave unmade (see pairKey). */
export function diffCharts(before: OrgIndex, after: OrgIndex, apart: ReadonlySet<string> = new Set()): ChartDiff {
  const { pairs, pairedFrom, matchedBy } = matchUnits(before, after, apart);
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, moved: 0, renamed: 0, changed: 0 };
  const changes: UnitChange[] = [];
  for (const id of after.preorder) {
    const unit = after.byId.get(id) as Unit;
    const parentAfter = after.parentOf.get(id) ?? null;
    const beforeId = pairs.get(id);
    if (beforeId === undefined) {
      counts.added += 1;
      changes.push({
        id,
        beforeId: null,
        afterId: id,
        kinds: ['added'],
        nameBefore: null,
        nameAfter: unit.name,
        parentBefore: null,
        parentAfter,
        fields: fieldChanges({ id, name: unit.name }, unit),
        matchedBy: null,
      });
      continue;
    }
    const old = before.byId.get(beforeId) as Unit;
    const parentBefore = before.parentOf.get(beforeId) ?? null;
    const kinds: ChangeKind[] = [];
    // Moved: its parent now is not the counterpart of its parent then (or one of them is the top).
    if ((parentAfter === null ? null : (pairs.get(parentAfter) ?? '\u0000new')) !== parentBefore) kinds.push('moved');
    if (old.name.trim() !== unit.name.trim()) kinds.push('renamed');
    const fields = fieldChanges(old, unit);
    if (fields.length > 0) kinds.push('changed');
    for (const kind of kinds) counts[kind] += 1;
    if (kinds.length === 0) continue;
    changes.push({
      id,
      beforeId,
      afterId: id,
      kinds,
      nameBefore: old.name,
      nameAfter: unit.name,
      parentBefore,
      parentAfter,
      fields,
      matchedBy: matchedBy.get(id) ?? null,
    });
  }
  for (const beforeId of before.preorder) {
    if (pairedFrom.has(beforeId)) continue;
    const old = before.byId.get(beforeId) as Unit;
    counts.removed += 1;
    changes.push({
      id: beforeId,
      beforeId,
      afterId: null,
      kinds: ['removed'],
      nameBefore: old.name,
      nameAfter: null,
      parentBefore: before.parentOf.get(beforeId) ?? null,
      parentAfter: null,
      fields: fieldChanges(old, { id: beforeId, name: old.name }),
      matchedBy: null,
    });
  }
  return { pairs, pairedFrom, matchedBy, changes, counts };
}

/** A unit as the diff sees it: its place, its name and its compared fields. */
export interface UnitSignature {
  readonly parentId: string | null;
  readonly name: string;
  readonly fields: ReadonlyMap<string, string>;
}

/** Every unit of a version as the diff sees it, by id. */
export function chartSignature(index: OrgIndex): Map<string, UnitSignature> {
  const signature = new Map<string, UnitSignature>();
  for (const id of index.preorder) {
    const unit = index.byId.get(id) as Unit;
    signature.set(id, { parentId: index.parentOf.get(id) ?? null, name: unit.name.trim(), fields: unitFieldTexts(unit) });
  }
  return signature;
}

/**
 * The later version rebuilt from the earlier one and the reported changes alone: each unit renamed, moved and
 * changed as reported, removed units dropped, added ones put in. Equal to `chartSignature(after)` when the report is
 * complete (the property the tests check).
 */
export function applyDiff(before: OrgIndex, diff: ChartDiff): Map<string, UnitSignature> {
  const result = new Map<string, UnitSignature>();
  const reported = new Map<string, UnitChange>();
  for (const change of diff.changes) if (change.beforeId !== null) reported.set(change.beforeId, change);
  const applyFields = (fields: Map<string, string>, changes: readonly FieldChange[]) => {
    for (const change of changes) {
      if (change.after === '') fields.delete(change.field);
      else fields.set(change.field, change.after);
    }
    return fields;
  };
  for (const beforeId of before.preorder) {
    const afterId = diff.pairedFrom.get(beforeId);
    if (afterId === undefined) continue;
    const unit = before.byId.get(beforeId) as Unit;
    const change = reported.get(beforeId);
    const parentBefore = before.parentOf.get(beforeId) ?? null;
    const moved = change?.kinds.includes('moved') ?? false;
    // An unmoved unit stays under the counterpart of its parent.
    const parentId = moved ? (change?.parentAfter ?? null) : parentBefore === null ? null : (diff.pairedFrom.get(parentBefore) ?? null);
    const name = change?.kinds.includes('renamed') ? (change.nameAfter ?? unit.name) : unit.name;
    result.set(afterId, { parentId, name: name.trim(), fields: applyFields(unitFieldTexts(unit), change?.fields ?? []) });
  }
  for (const change of diff.changes) {
    if (!change.kinds.includes('added') || change.afterId === null) continue;
    result.set(change.afterId, { parentId: change.parentAfter, name: (change.nameAfter ?? '').trim(), fields: applyFields(new Map(), change.fields) });
  }
  return result;
}

/** What the merged chart says about each of its units, for the chart's marks and the panel. */
export interface MergedChanges {
  /** The merged chart: the later version with the earlier one's removed units kept in place. */
  readonly chart: OrgChart;
  /** Merged id → its change (units without a change are absent). */
  readonly changeOf: ReadonlyMap<string, UnitChange>;
  /** Removed units: merged id → id in the earlier version (they differ where a later unit took the id). */
  readonly removedIds: ReadonlyMap<string, string>;
  /** Earlier id → merged id, for every unit of the earlier version: where its old parent stands in the merged chart. */
  readonly mergedIdOfBefore: ReadonlyMap<string, string>;
}

/** A change's unit in the merged chart: its later id, or for a removed unit the id it was given there (see mergeVersions). */
export function mergedIdOf(merged: Pick<MergedChanges, 'mergedIdOfBefore'>, change: UnitChange): string {
  return change.afterId ?? merged.mergedIdOfBefore.get(change.id) ?? change.id;
}

/**
 * The later chart with the earlier one's removed units put back where they stood: under their old parent's
 * counterpart, after the sibling they followed. A removed unit whose id a later unit now has gets a free id.
 */
export function mergeVersions(before: OrgIndex, after: OrgIndex, diff: ChartDiff, title: string): MergedChanges {
  const mergedIdOfBefore = new Map<string, string>(diff.pairedFrom);
  const removedIds = new Map<string, string>();
  const taken = new Set(after.byId.keys());
  for (const beforeId of before.preorder) {
    if (diff.pairedFrom.has(beforeId)) continue;
    let id = beforeId;
    for (let n = 2; taken.has(id); n += 1) id = `${beforeId} (before${n > 2 ? ` ${n - 1}` : ''})`;
    taken.add(id);
    mergedIdOfBefore.set(beforeId, id);
    removedIds.set(id, beforeId);
  }
  // Children in merged order: the later version's, with each removed unit after the sibling it followed.
  const childrenOf = new Map<string, string[]>();
  for (const [id, children] of after.childrenOf) childrenOf.set(id, [...children]);
  const parentOf = new Map<string, string | null>(after.parentOf);
  for (const [mergedId, beforeId] of removedIds) {
    const oldParent = before.parentOf.get(beforeId) ?? null;
    // A removed top unit hangs under the new top: a chart has one top.
    const parent = oldParent === null ? after.rootId : (mergedIdOfBefore.get(oldParent) as string);
    parentOf.set(mergedId, parent);
    const siblings = childrenOf.get(parent) ?? [];
    childrenOf.set(parent, siblings);
    const oldSiblings = before.childrenOf.get(oldParent ?? '') ?? [];
    let at = 0;
    for (let i = oldSiblings.indexOf(beforeId) - 1; i >= 0; i--) {
      const place = siblings.indexOf(mergedIdOfBefore.get(oldSiblings[i] as string) ?? '');
      if (place >= 0) {
        at = place + 1;
        break;
      }
    }
    siblings.splice(at, 0, mergedId);
  }
  const units: Unit[] = [];
  const stack = [after.rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const beforeId = removedIds.get(id);
    const unit = beforeId === undefined ? (after.byId.get(id) as Unit) : (before.byId.get(beforeId) as Unit);
    const parentId = parentOf.get(id) ?? null;
    units.push(unit.id === id && (unit.parentId ?? null) === parentId ? unit : { ...unit, id, parentId });
    const children = childrenOf.get(id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as string);
  }
  const changeOf = new Map<string, UnitChange>();
  for (const change of diff.changes) changeOf.set(mergedIdOf({ mergedIdOfBefore }, change), change);
  // Sources of both versions, so a removed unit's citations still resolve; no dated records: the merged chart is one moment's.
  const sources = [...(after.chart.sources ?? [])];
  const sourceIds = new Set(sources.map((source) => source.id));
  for (const source of before.chart.sources ?? []) if (!sourceIds.has(source.id)) sources.push(source);
  const chart: OrgChart = { ...after.chart, id: `${after.chart.id}~changes`, title, shortTitle: title, units, sources };
  delete chart.snapshots;
  delete chart.events;
  return { chart, changeOf, removedIds, mergedIdOfBefore };
}

/**
 * The list of changes as a table: a row per kind of change of each unit, and per field for changed facts, with
 * the columns kind, id, name before, name after, parent before, parent after (by name), field, before, after.
 */
export function changesTable(diff: ChartDiff, before: OrgIndex, after: OrgIndex): ChartTable {
  const nameIn = (index: OrgIndex, id: string | null) => (id === null ? '' : (index.byId.get(id)?.name ?? id));
  const rows: string[][] = [];
  for (const kind of CHANGE_KINDS) {
    for (const change of diff.changes) {
      if (!change.kinds.includes(kind)) continue;
      const base = [
        kind,
        change.afterId ?? change.beforeId ?? change.id,
        change.nameBefore ?? '',
        change.nameAfter ?? '',
        nameIn(before, change.parentBefore),
        nameIn(after, change.parentAfter),
      ];
      if (kind === 'changed') for (const field of change.fields) rows.push([...base, field.field, field.before, field.after]);
      else if (kind === 'renamed') rows.push([...base, 'name', change.nameBefore ?? '', change.nameAfter ?? '']);
      else if (kind === 'moved') rows.push([...base, 'parent', nameIn(before, change.parentBefore), nameIn(after, change.parentAfter)]);
      else rows.push([...base, '', '', '']);
    }
  }
  return { fields: ['change', 'id', 'name before', 'name after', 'parent before', 'parent after', 'field', 'before', 'after'], rows };
}
