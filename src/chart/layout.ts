/**
 * Layout: a pure function from (tree, collapsed set) to plain positions.
 *
 * d3-hierarchy's tidy tree places the branches. A unit whose visible children
 * are all leaves gets them stacked in compact columns below it instead of one
 * long row (twelve bureaus side by side would be 3,000 px wide). The stack is
 * reserved in d3's contours by a chain of invisible spacer nodes as wide as the
 * stack, and `separation` measures real widths, so stacks never overlap their
 * neighbours. d3.tree and everything here iterate; nothing recurses per level.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { OrgIndex } from '../model/tree.ts';

export const NODE_WIDTH = 264;
export const NODE_HEIGHT = 76;
/** The root card is larger: it carries the organization's full name and its head. */
export const ROOT_WIDTH = 360;
export const ROOT_HEIGHT = 100;
const GAP_X = 28;
const LEVEL_HEIGHT = NODE_HEIGHT + 64;
const STACK_ROW_HEIGHT = NODE_HEIGHT + 18;
/** Leaf children are stacked in columns when there are at least this many (two side by side already cost a card's width). */
const STACK_MIN = 2;
/** How far left of a stacked column its connector runs. */
const STACK_RAIL_OFFSET = 14;

export interface NodePosition {
  readonly id: string;
  /** Centre of the card. */
  readonly x: number;
  readonly y: number;
  readonly depth: number;
  readonly width: number;
  readonly height: number;
}

export interface LinkPath {
  /** The child's id: each visible unit but the root has exactly one incoming link. */
  readonly id: string;
  readonly d: string;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export interface ChartLayout {
  readonly nodes: readonly NodePosition[];
  readonly links: readonly LinkPath[];
  readonly positionOf: ReadonlyMap<string, NodePosition>;
  readonly bounds: Bounds;
}

interface LayoutDatum {
  readonly id: string | null;
  /** For the spacer that stands for a stack of leaves: whose leaves. */
  readonly blockOf?: string;
  /** Half the width this datum occupies in its row. */
  readonly halfWidth: number;
  readonly children: LayoutDatum[];
}

export function stackColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count / 3)));
}

function stackWidth(columns: number): number {
  return columns * NODE_WIDTH + (columns - 1) * GAP_X;
}

/** How many tree levels below the parent a stack of `rows` cards reaches into. */
function stackLevels(rows: number): number {
  const stackBottom = LEVEL_HEIGHT + (rows - 1) * STACK_ROW_HEIGHT + NODE_HEIGHT / 2;
  let levels = 0;
  while ((levels + 1) * LEVEL_HEIGHT - NODE_HEIGHT / 2 < stackBottom) levels += 1;
  return levels;
}

export type Orientation = 'top-down' | 'left-right';

export function layoutChart(index: OrgIndex, collapsed: ReadonlySet<string>, orientation: Orientation = 'top-down'): ChartLayout {
  return orientation === 'left-right' ? layoutLeftToRight(index, collapsed) : layoutTopDown(index, collapsed);
}

/** Collects positions and the chart's bounds as nodes are placed. */
function collector() {
  const nodes: NodePosition[] = [];
  const links: LinkPath[] = [];
  const positionOf = new Map<string, NodePosition>();
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const place = (position: NodePosition) => {
    nodes.push(position);
    positionOf.set(position.id, position);
    bounds.minX = Math.min(bounds.minX, position.x - position.width / 2);
    bounds.maxX = Math.max(bounds.maxX, position.x + position.width / 2);
    bounds.minY = Math.min(bounds.minY, position.y - position.height / 2);
    bounds.maxY = Math.max(bounds.maxY, position.y + position.height / 2);
  };
  const done = (): ChartLayout => ({ nodes, links, positionOf, bounds: { ...bounds } });
  return { links, positionOf, place, done };
}

const LEVEL_WIDTH = NODE_WIDTH + 72;
const GAP_Y = 16;

/**
 * Left to right: depth runs across, siblings down. Long lists of siblings
 * already read as a column, so nothing is stacked.
 */
function layoutLeftToRight(index: OrgIndex, collapsed: ReadonlySet<string>): ChartLayout {
  const rootDatum: LayoutDatum = { id: index.rootId, halfWidth: ROOT_HEIGHT / 2, children: [] };
  const pending: LayoutDatum[] = [rootDatum];
  while (pending.length > 0) {
    const datum = pending.pop() as LayoutDatum;
    if (datum.id === null || collapsed.has(datum.id)) continue;
    for (const kid of index.childrenOf.get(datum.id) ?? []) {
      const child: LayoutDatum = { id: kid, halfWidth: NODE_HEIGHT / 2, children: [] };
      datum.children.push(child);
      pending.push(child);
    }
  }
  const laidOut = tree<LayoutDatum>()
    .nodeSize([1, LEVEL_WIDTH])
    .separation((a, b) => a.data.halfWidth + b.data.halfWidth + (a.parent === b.parent ? GAP_Y : GAP_Y * 2))(hierarchy<LayoutDatum>(rootDatum, (d) => d.children));
  const out = collector();
  // The root card is wider than the others: shift every level after it so the first gap matches the rest.
  const rootExtra = (ROOT_WIDTH - NODE_WIDTH) / 2;
  laidOut.each((node: HierarchyPointNode<LayoutDatum>) => {
    const id = node.data.id;
    if (id === null) return;
    const isRoot = node.parent === null;
    const position: NodePosition = {
      id,
      x: isRoot ? 0 : node.y + rootExtra,
      y: node.x,
      depth: node.depth,
      width: isRoot ? ROOT_WIDTH : NODE_WIDTH,
      height: isRoot ? ROOT_HEIGHT : NODE_HEIGHT,
    };
    out.place(position);
    const parentId = node.parent?.data.id;
    const parent = parentId != null ? out.positionOf.get(parentId) : undefined;
    if (parent) {
      const parentRight = parent.x + parent.width / 2;
      const childLeft = position.x - position.width / 2;
      const midX = (parentRight + childLeft) / 2;
      out.links.push({ id, d: `M${parentRight},${parent.y}H${midX}V${position.y}H${childLeft}` });
    }
  });
  return out.done();
}

function layoutTopDown(index: OrgIndex, collapsed: ReadonlySet<string>): ChartLayout {
  const visibleChildren = (id: string): readonly string[] => (collapsed.has(id) ? [] : (index.childrenOf.get(id) ?? []));
  const isLeaf = (id: string) => visibleChildren(id).length === 0;
  /** The leaf children of `id` that go into one compact stack, or none when there are too few to bother. */
  const stackedLeaves = (id: string): readonly string[] => {
    const leaves = visibleChildren(id).filter(isLeaf);
    return leaves.length >= STACK_MIN ? leaves : [];
  };

  // Build the layout data top-down with an explicit stack (no recursion). A
  // unit's leaf children become one block, a spacer datum as wide as the stack
  // sitting among its branch children, with a chain of spacers below it as
  // deep as the stack is tall.
  const rootDatum: LayoutDatum = { id: index.rootId, halfWidth: ROOT_WIDTH / 2, children: [] };
  const pending: LayoutDatum[] = [rootDatum];
  while (pending.length > 0) {
    const datum = pending.pop() as LayoutDatum;
    if (datum.id === null) continue;
    const leaves = stackedLeaves(datum.id);
    if (leaves.length > 0) {
      const columns = stackColumns(leaves.length);
      const rows = Math.ceil(leaves.length / columns);
      const halfWidth = stackWidth(columns) / 2 + STACK_RAIL_OFFSET;
      const block: LayoutDatum = { id: null, blockOf: datum.id, halfWidth, children: [] };
      datum.children.push(block);
      let parent = block;
      for (let level = 1; level < stackLevels(rows); level++) {
        const spacer: LayoutDatum = { id: null, halfWidth, children: [] };
        parent.children.push(spacer);
        parent = spacer;
      }
    }
    const stacked = new Set(leaves);
    for (const kid of visibleChildren(datum.id)) {
      if (stacked.has(kid)) continue;
      const child: LayoutDatum = { id: kid, halfWidth: NODE_WIDTH / 2, children: [] };
      datum.children.push(child);
      pending.push(child);
    }
  }

  const root = hierarchy<LayoutDatum>(rootDatum, (d) => d.children);
  const laidOut = tree<LayoutDatum>()
    .nodeSize([1, LEVEL_HEIGHT])
    .separation((a, b) => a.data.halfWidth + b.data.halfWidth + (a.parent === b.parent ? GAP_X : GAP_X * 2))(root);

  const out = collector();
  laidOut.each((node: HierarchyPointNode<LayoutDatum>) => {
    const id = node.data.id;
    const parentPosition = node.parent?.data.id != null ? out.positionOf.get(node.parent.data.id) : undefined;
    if (id === null) {
      const owner = node.data.blockOf;
      const ownerPosition = owner !== undefined ? out.positionOf.get(owner) : undefined;
      if (owner === undefined || !ownerPosition) return;
      const leaves = stackedLeaves(owner);
      const columns = stackColumns(leaves.length);
      const rows = Math.ceil(leaves.length / columns);
      const left = node.x - stackWidth(columns) / 2;
      const busY = (ownerPosition.y + ownerPosition.height / 2 + node.y - NODE_HEIGHT / 2) / 2;
      leaves.forEach((leaf, i) => {
        // Column-major, so each column reads top to bottom in source order.
        const column = Math.floor(i / rows);
        const row = i % rows;
        const cardLeft = left + column * (NODE_WIDTH + GAP_X);
        const leafPosition: NodePosition = {
          id: leaf,
          x: cardLeft + NODE_WIDTH / 2,
          y: node.y + row * STACK_ROW_HEIGHT,
          depth: node.depth,
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
        };
        out.place(leafPosition);
        const railX = cardLeft - STACK_RAIL_OFFSET;
        out.links.push({
          id: leaf,
          d: `M${ownerPosition.x},${ownerPosition.y + ownerPosition.height / 2}V${busY}H${railX}V${leafPosition.y}H${cardLeft}`,
        });
      });
      return;
    }
    const isRoot = node.parent === null;
    const position: NodePosition = {
      id,
      x: node.x,
      y: node.y,
      depth: node.depth,
      width: isRoot ? ROOT_WIDTH : NODE_WIDTH,
      height: isRoot ? ROOT_HEIGHT : NODE_HEIGHT,
    };
    out.place(position);
    if (parentPosition) out.links.push({ id, d: elbow(parentPosition, position) });
  });
  return out.done();
}

function elbow(parent: NodePosition, child: NodePosition): string {
  const parentBottom = parent.y + parent.height / 2;
  const childTop = child.y - child.height / 2;
  const midY = (parentBottom + childTop) / 2;
  return `M${parent.x},${parentBottom}V${midY}H${child.x}V${childTop}`;
}
