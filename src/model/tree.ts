/**
 * The chart as a tree: who is whose parent, children in source order, paths,
 * depths and descendant counts. Everything here iterates; nothing recurses per
 * level, so a 10,000-deep chain indexes as easily as a flat list.
 */
import type { OrgChart, Unit } from './schema.ts';

export interface OrgIndex {
  /** The structure indexed and drawn: for a chart with dated records, today's (see model/history.ts). */
  readonly chart: OrgChart;
  /** The chart as its file has it, every dated record and past unit included: what to save, export or view on another date. The same object as `chart` when the file has no dated records. */
  readonly fullChart: OrgChart;
  readonly rootId: string;
  readonly byId: ReadonlyMap<string, Unit>;
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly childrenOf: ReadonlyMap<string, readonly string[]>;
  readonly depthOf: ReadonlyMap<string, number>;
  /** Number of units below each unit (children, grandchildren, …). */
  readonly descendantCount: ReadonlyMap<string, number>;
  /** Every id in depth-first pre-order: the order a reader meets them top-down. */
  readonly preorder: readonly string[];
  /** Each unit's place among its siblings, from 0. */
  readonly siblingIndex: ReadonlyMap<string, number>;
}

export interface StructureProblem {
  /** Where in the document, e.g. "units[4].parentId". */
  readonly path: string;
  readonly message: string;
}

export type IndexResult = { ok: true; index: OrgIndex } | { ok: false; problems: StructureProblem[] };

const EMPTY: readonly string[] = Object.freeze([]);

/**
 * A read-only map from each unit's id to a figure kept by the unit's row: every per-unit figure of an index shares
 * one id look-up, instead of each being a map of its own (building and collecting five maps of 10,000 entries was
 * most of the time indexing a large chart took). Iterates in row order. Data only, no functions: an index made in
 * the import worker is posted to the page (see revivedIndex).
 */
class ByRow<V> implements ReadonlyMap<string, V> {
  constructor(
    readonly rowOf: ReadonlyMap<string, number>,
    readonly byRow: ArrayLike<V>,
  ) {}
  get size(): number {
    return this.rowOf.size;
  }
  get(id: string): V | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : (this.byRow[row] as V);
  }
  has(id: string): boolean {
    return this.rowOf.has(id);
  }
  forEach(callback: (value: V, id: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [id, row] of this.rowOf) callback.call(thisArg, this.byRow[row] as V, id, this);
  }
  keys(): MapIterator<string> {
    return this.rowOf.keys();
  }
  *values(): MapIterator<V> {
    for (const row of this.rowOf.values()) yield this.byRow[row] as V;
  }
  *entries(): MapIterator<[string, V]> {
    for (const [id, row] of this.rowOf) yield [id, this.byRow[row] as V];
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * An index as it arrives from the import worker: posting it copied its per-unit figures' data (their one id map once,
 * shared) but not what reads them, which this puts back.
 */
export function revivedIndex(posted: OrgIndex): OrgIndex {
  const revive = <V>(view: ReadonlyMap<string, V>): ReadonlyMap<string, V> => {
    if (view instanceof ByRow) return view;
    const { rowOf, byRow } = view as unknown as { rowOf: ReadonlyMap<string, number>; byRow: ArrayLike<V> };
    return new ByRow(rowOf, byRow);
  };
  return {
    ...posted,
    byId: revive(posted.byId),
    parentOf: revive(posted.parentOf),
    depthOf: revive(posted.depthOf),
    descendantCount: revive(posted.descendantCount),
    siblingIndex: revive(posted.siblingIndex),
  };
}

/** Checks that the units form one tree (unique ids, known parents, one root, no cycles) and indexes it. `fullChart`: the file's chart when `chart` is a view of it on a date. */
export function indexChart(chart: OrgChart, fullChart: OrgChart = chart): IndexResult {
  const units = chart.units;
  const count = units.length;
  const problems: StructureProblem[] = [];
  // Each id's row: its first, when an id is used twice (the others are reported).
  const rowOf = new Map<string, number>();
  for (let row = 0; row < count; row++) {
    const id = (units[row] as Unit).id;
    const first = rowOf.get(id);
    if (first === undefined) rowOf.set(id, row);
    else problems.push({ path: `units[${row}].id`, message: `duplicate id “${id}” (already used by units[${first}])` });
  }

  const roots: string[] = [];
  const parentIds: (string | null)[] = new Array<string | null>(count).fill(null);
  const parentRow = new Int32Array(count).fill(-1);
  const siblingAt = new Int32Array(count);
  const childrenOf = new Map<string, string[]>();
  for (let row = 0; row < count; row++) {
    const unit = units[row] as Unit;
    const id = unit.id;
    // The first unit of a duplicated id is the one indexed (and the others already reported).
    if (rowOf.get(id) !== row) continue;
    const parentId = unit.parentId ?? null;
    if (parentId === null || parentId === '') {
      roots.push(id);
      continue;
    }
    if (parentId === id) {
      problems.push({ path: `units[${row}].parentId`, message: `unit “${id}” is its own parent` });
      continue;
    }
    const parentAt = rowOf.get(parentId);
    if (parentAt === undefined) {
      problems.push({ path: `units[${row}].parentId`, message: `parent “${parentId}” of unit “${id}” does not exist` });
      continue;
    }
    parentIds[row] = parentId;
    parentRow[row] = parentAt;
    const siblings = childrenOf.get(parentId);
    if (siblings) {
      siblingAt[row] = siblings.length;
      siblings.push(id);
    } else childrenOf.set(parentId, [id]);
  }

  if (roots.length === 0 && problems.length === 0) {
    problems.push({ path: 'units', message: 'no root unit: every unit has a parent, so they form a cycle' });
  } else if (roots.length > 1) {
    const shown = roots
      .slice(0, 5)
      .map((id) => `“${id}”`)
      .join(', ');
    problems.push({
      path: 'units',
      message: `${roots.length} root units (${shown}${roots.length > 5 ? ', …' : ''}): exactly one unit may have no parentId`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const rootId = roots[0] as string;
  const preorder: string[] = [];
  const preorderRows = new Int32Array(count);
  const depth = new Int32Array(count);
  const stack: string[] = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const row = rowOf.get(id) as number;
    preorderRows[preorder.length] = row;
    preorder.push(id);
    const parentAt = parentRow[row] as number;
    if (parentAt >= 0) depth[row] = (depth[parentAt] as number) + 1;
    const children = childrenOf.get(id) ?? EMPTY;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as string);
  }

  if (preorder.length < count) {
    // Whatever the walk from the root did not reach hangs in a cycle.
    const reached = new Set(preorder);
    const unreached = units.map((unit) => unit.id).filter((id) => !reached.has(id));
    const [cycle = []] = findCycles(unreached, new ByRow(rowOf, parentIds));
    // Closed back on its first id: "a" → "b" → "a".
    const cycleIds = cycle.length > 0 ? [...cycle, cycle[0] as string] : cycle;
    problems.push({
      path: `units[${rowOf.get(cycleIds[0] ?? '') ?? 0}].parentId`,
      message: `cycle in parentId: ${cycleIds.map((id) => `“${id}”`).join(' → ')}`,
    });
    return { ok: false, problems };
  }

  // Children come after their parent in pre-order: walked backwards, each unit's count is complete before its parent's.
  const below = new Int32Array(count);
  for (let i = count - 1; i > 0; i--) {
    const row = preorderRows[i] as number;
    const parentAt = parentRow[row] as number;
    below[parentAt] = (below[parentAt] as number) + 1 + (below[row] as number);
  }

  return {
    ok: true,
    index: {
      chart,
      fullChart,
      rootId,
      // The chart's own units array, read by row: charts are never changed in place (an edit copies the array).
      byId: new ByRow<Unit>(rowOf, units),
      parentOf: new ByRow(rowOf, parentIds),
      childrenOf,
      depthOf: new ByRow(rowOf, depth),
      descendantCount: new ByRow(rowOf, below),
      preorder,
      siblingIndex: new ByRow(rowOf, siblingAt),
    },
  };
}

/**
 * Every cycle in the parent links, each as the ids along it (child first), found by walking up from each of `ids`.
 * Iterative: no recursion per level. The importer lists them all; indexChart names the first.
 */
export function findCycles(ids: readonly string[], parentOf: ReadonlyMap<string, string | null>): string[][] {
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

/** Ids from the root down to `id`, inclusive. Empty when the id is unknown. */
export function pathToRoot(index: OrgIndex, id: string): string[] {
  if (!index.byId.has(id)) return [];
  const path: string[] = [];
  let current: string | null | undefined = id;
  while (current != null) {
    path.push(current);
    current = index.parentOf.get(current);
  }
  return path.reverse();
}

export function childrenOf(index: OrgIndex, id: string): readonly string[] {
  return index.childrenOf.get(id) ?? EMPTY;
}

/** Ids that have children: the ones that can be collapsed. */
export function branchIds(index: OrgIndex): string[] {
  return index.preorder.filter((id) => (index.childrenOf.get(id)?.length ?? 0) > 0);
}

/** Which ids start collapsed so a large chart opens readable: everything deeper than `depth` that has children. */
export function collapsedBeyondDepth(index: OrgIndex, depth: number): Set<string> {
  const collapsed = new Set<string>();
  // Only units with children can fold: a walk over those, not over every unit (a quarter of them in a large chart).
  for (const [id, children] of index.childrenOf) {
    if (children.length > 0 && (index.depthOf.get(id) ?? 0) >= depth) collapsed.add(id);
  }
  return collapsed;
}

/** Ids a reader sees top-down when `collapsed` subtrees are folded away. */
export function visiblePreorder(index: OrgIndex, collapsed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const stack: string[] = [index.rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    out.push(id);
    if (collapsed.has(id)) continue;
    const children = index.childrenOf.get(id) ?? EMPTY;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as string);
  }
  return out;
}

/**
 * How a chart opens: fully expanded when small; otherwise folded at the
 * deepest level that keeps about `maxVisible` units on screen (at least the
 * root's children), with counts on the folded units.
 */
export function defaultCollapsed(index: OrgIndex, maxVisible = 150): Set<string> {
  if (index.preorder.length <= maxVisible) return new Set();
  const perDepth: number[] = [];
  for (const depth of index.depthOf.values()) perDepth[depth] = (perDepth[depth] ?? 0) + 1;
  let depth = 1;
  let visible = 1 + (perDepth[1] ?? 0);
  while (depth + 1 < perDepth.length && visible + (perDepth[depth + 1] ?? 0) <= maxVisible) {
    depth += 1;
    visible += perDepth[depth] ?? 0;
  }
  return collapsedBeyondDepth(index, depth);
}

/**
 * Type-ahead in a tree (WAI-ARIA): the next unit in `order` after `currentId`,
 * wrapping round, with a name starting with what was typed (any case). While
 * a word is being typed the current unit may still match; the same letter
 * typed again moves on to the next unit starting with it.
 */
export function typeAheadTarget(order: readonly string[], namesOf: (id: string) => readonly string[], currentId: string, typed: string): string | undefined {
  const query = typed.toLocaleLowerCase();
  if (query === '' || order.length === 0) return undefined;
  const first = query[0] ?? '';
  const repeated = query.length > 1 && [...query].every((ch) => ch === first);
  const prefix = repeated ? first : query;
  const start = Math.max(0, order.indexOf(currentId));
  const offset = query.length > 1 && !repeated ? 0 : 1;
  for (let i = 0; i < order.length; i++) {
    const id = order[(start + offset + i) % order.length];
    if (id !== undefined && namesOf(id).some((name) => name.toLocaleLowerCase().startsWith(prefix))) return id;
  }
  return undefined;
}

/** What a navigation key does in a tree (WAI-ARIA tree pattern): move focus to a unit, or fold or unfold one. */
export type TreeKeyAction = { readonly focus: string } | { readonly fold: string; readonly collapsed: boolean } | null;

/**
 * The tree pattern's keys over the units on screen (`order`, the visible
 * preorder): Down/Up to the next/previous, Home/End, Right to unfold or go to
 * the first child, Left to fold or go to the parent. Undefined for any other
 * key; null when the key does nothing here (e.g. Right on a leaf).
 */
export function treeKeyAction(
  key: string,
  index: OrgIndex,
  order: readonly string[],
  collapsed: ReadonlySet<string>,
  current: string,
): TreeKeyAction | undefined {
  const at = order.indexOf(current);
  const children = index.childrenOf.get(current) ?? [];
  const folded = collapsed.has(current);
  const focus = (id: string | null | undefined): TreeKeyAction => (id == null ? null : { focus: id });
  switch (key) {
    case 'ArrowDown':
      return focus(order[Math.min(order.length - 1, at + 1)]);
    case 'ArrowUp':
      return focus(order[Math.max(0, at - 1)]);
    case 'Home':
      return focus(order[0]);
    case 'End':
      return focus(order[order.length - 1]);
    case 'ArrowRight':
      if (children.length === 0) return null;
      return folded ? { fold: current, collapsed: false } : focus(children[0]);
    case 'ArrowLeft':
      if (children.length > 0 && !folded) return { fold: current, collapsed: true };
      return focus(index.parentOf.get(current));
    default:
      return undefined;
  }
}

/** A unit's place as the WAI-ARIA tree pattern says it: level from 1, and its position among its siblings. */
export function treePosition(index: OrgIndex, id: string): { level: number; posInSet: number; setSize: number } {
  const parentId = index.parentOf.get(id) ?? null;
  return {
    level: (index.depthOf.get(id) ?? 0) + 1,
    posInSet: (index.siblingIndex.get(id) ?? 0) + 1,
    setSize: parentId === null ? 1 : (index.childrenOf.get(parentId)?.length ?? 1),
  };
}
