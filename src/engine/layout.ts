/**
 * Layout: a pure function from (tree, collapsed set) to plain positions.
 *
 * d3-hierarchy's tidy tree places the branches. A unit whose visible children
 * are leaves gets them stacked in compact columns below it instead of one
 * long row (twelve bureaus side by side would be 3,000 px wide). A unit whose
 * children would still make a row over WRAP_WIDTH has them wrap: each child's
 * subtree is its own tidy layout, and the boxes flow into rows. Stacks and
 * wrapped blocks are reserved in d3's contours by chains of invisible spacer
 * nodes as wide as they are, and `separation` measures real widths, so they
 * never overlap their neighbours. d3.tree and everything here iterate; nothing
 * recurses per level.
 */
import { hierarchy, type HierarchyPointNode, tree } from 'd3-hierarchy';

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

export interface ChartLink {
  /** The child's id: each visible unit but the root has exactly one incoming link. */
  readonly id: string;
  /**
   * The line from the parent to the child as a polyline, x and y in turn, each segment horizontal or vertical.
   * The canvas draws it as it is; the SVG gets a path string from linkPathData.
   */
  readonly points: readonly number[];
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export interface ChartLayout {
  readonly nodes: readonly NodePosition[];
  readonly links: readonly ChartLink[];
  readonly positionOf: ReadonlyMap<string, NodePosition>;
  readonly bounds: Bounds;
  /**
   * The lines down the side of wrapped blocks, each once, with the x and y range it covers. The links of later
   * rows run down them too, but those are drawn only near their cards: panning along a tall row would lose it.
   */
  readonly rails: readonly Rail[];
}

export interface Rail {
  /** The wrapped unit's id. */
  readonly id: string;
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
}

interface LayoutDatum {
  readonly id: string | null;
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

/** Room kept between a stack's last card and the line above the next level's cards. */
const LINE_CLEARANCE = 8;

/**
 * How many tree levels a stack of `rows` cards takes, its first row on the first: enough that the next level's
 * cards, and the horizontal line above them (half a level up), pass below its last card.
 */
function stackLevels(rows: number): number {
  const stackBottom = (rows - 1) * STACK_ROW_HEIGHT + NODE_HEIGHT / 2;
  return Math.max(1, Math.ceil((stackBottom + LINE_CLEARANCE + LEVEL_HEIGHT / 2) / LEVEL_HEIGHT));
}

export type Orientation = 'top-down' | 'left-right';

export function layoutChart(index: OrgIndex, collapsed: ReadonlySet<string>, orientation: Orientation = 'top-down'): ChartLayout {
  return orientation === 'left-right' ? layoutLeftToRight(index, collapsed) : layoutTopDown(index, collapsed);
}

/** Collects positions and the chart's bounds as nodes are placed. */
function collector() {
  const nodes: NodePosition[] = [];
  const links: ChartLink[] = [];
  const rails: Rail[] = [];
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
  const done = (): ChartLayout => ({ nodes, links, positionOf, bounds: { ...bounds }, rails });
  return { links, rails, positionOf, place, done };
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
    .separation((a, b) => a.data.halfWidth + b.data.halfWidth + (a.parent === b.parent ? GAP_Y : GAP_Y * 2))(
    hierarchy<LayoutDatum>(rootDatum, (d) => d.children),
  );
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
      out.links.push({ id, points: [parentRight, parent.y, midX, parent.y, midX, position.y, childLeft, position.y] });
    }
  });
  return out.done();
}

/**
 * A visible unit, top down. Its children are split once: `leaves` go into one
 * compact stack (none when there are too few to bother), `others` are laid out
 * as subtrees, in source order.
 */
interface Placed {
  readonly id: string;
  readonly leaves: readonly string[];
  readonly others: readonly Placed[];
  /** Bottom up: how wide its subtree would be with children side by side, and how many levels deep. */
  width: number;
  levels: number;
  /** Where its children wrap into rows, the block they form. */
  block: WrapBlock | null;
  /** Top down: where it went. */
  position: NodePosition | null;
}

/** What d3's tidy tree lays out: a unit, or a spacer reserving the room of a stack of leaves or of a wrapped block. */
interface TidyDatum {
  readonly unit: Placed | null;
  /** Set on the first spacer of a reserved room: whose stack or block it stands for. */
  readonly roomOf: Placed | null;
  readonly halfWidth: number;
  readonly children: TidyDatum[];
}

/**
 * A unit's children laid out in several rows instead of one: each child's
 * subtree is a rigid box (its own tidy layout), and the boxes flow left to
 * right, row after row, in source order. A rail in the left gutter carries the
 * connector down to each row.
 */
interface WrapBlock {
  readonly width: number;
  /** Tree levels the block occupies below its unit. */
  readonly levels: number;
  readonly items: readonly WrapItem[];
}

type WrapItem =
  | { readonly kind: 'subtree'; readonly frame: Frame; readonly rootX: number; readonly levelOffset: number }
  | { readonly kind: 'leaves'; readonly left: number; readonly levelOffset: number };

/** One tidy-tree run: a unit and its visible descendants, down to (not into) the blocks of wrapped units. */
interface Frame {
  readonly laidOut: HierarchyPointNode<TidyDatum>;
  readonly minX: number;
  readonly maxX: number;
  readonly levels: number;
}

interface Box {
  readonly width: number;
  readonly levels: number;
}

/** A unit's children wrap into rows when one row of them would be wider than this (about thirteen cards). */
const WRAP_WIDTH = 4000;
/** Wrapped blocks aim for this width-to-height ratio, a landscape screen's. */
const WRAP_ASPECT = 2;
/** Left of a wrapped block's rows: room for the rail. */
const WRAP_GUTTER = 2 * STACK_RAIL_OFFSET;
/** Between two boxes in a row of a wrapped block. */
const WRAP_ITEM_GAP = GAP_X * 2;

/** A stack of leaves as a box: its cards and, on its left, its rail. */
function leavesBox(count: number): Box & { readonly cardsWidth: number } {
  const columns = stackColumns(count);
  return { cardsWidth: stackWidth(columns), width: stackWidth(columns) + STACK_RAIL_OFFSET, levels: stackLevels(Math.ceil(count / columns)) };
}

/** Flows boxes into rows no wider than `rowWidth`, in order: each box's row and left edge. */
function flow(boxes: readonly Box[], rowWidth: number): { row: number; left: number }[] {
  const placed: { row: number; left: number }[] = [];
  let row = 0;
  let cursor = 0;
  for (const box of boxes) {
    if (cursor > 0 && cursor + box.width > rowWidth) {
      row += 1;
      cursor = 0;
    }
    placed.push({ row, left: cursor });
    cursor += box.width + WRAP_ITEM_GAP;
  }
  return placed;
}

/** Rows about WRAP_ASPECT times as wide as the block is tall, never narrower than the widest box. */
function rowWidthFor(boxes: readonly Box[]): number {
  let area = 0;
  let widest = 0;
  for (const box of boxes) {
    area += (box.width + WRAP_ITEM_GAP) * box.levels * LEVEL_HEIGHT;
    widest = Math.max(widest, box.width);
  }
  return Math.max(Math.sqrt(area * WRAP_ASPECT), widest);
}

/** The boxes of a unit's children in the order they are drawn: its stack of leaves first, then its subtrees. */
function childBoxes(unit: Placed, subtrees: readonly Box[]): Box[] {
  return unit.leaves.length > 0 ? [leavesBox(unit.leaves.length), ...subtrees] : [...subtrees];
}

function layoutTopDown(index: OrgIndex, collapsed: ReadonlySet<string>): ChartLayout {
  const visibleChildren = (id: string): readonly string[] => (collapsed.has(id) ? [] : (index.childrenOf.get(id) ?? []));
  const newUnit = (id: string): Placed => ({ id, leaves: [], others: [], width: 0, levels: 0, block: null, position: null });

  // Visible units in preorder (explicit stack); read backwards, every unit comes after its descendants.
  const rootUnit = newUnit(index.rootId);
  const preorder: Placed[] = [];
  const walk = [rootUnit];
  for (let unit = walk.pop(); unit !== undefined; unit = walk.pop()) {
    preorder.push(unit);
    const kids = visibleChildren(unit.id);
    const isLeaf = kids.map((kid) => visibleChildren(kid).length === 0);
    const stacked = isLeaf.filter(Boolean).length >= STACK_MIN;
    const leaves = unit.leaves as string[];
    const others = unit.others as Placed[];
    kids.forEach((kid, i) => {
      if (stacked && isLeaf[i]) leaves.push(kid);
      else others.push(newUnit(kid));
    });
    for (let i = others.length - 1; i >= 0; i--) walk.push(others[i] as Placed);
  }

  /** A reserved room in a tidy layout: a spacer as wide as it, with a chain of spacers below as deep as it is tall. */
  const reserve = (parent: TidyDatum, roomOf: Placed, halfWidth: number, levels: number) => {
    let spacer: TidyDatum = { unit: null, roomOf, halfWidth, children: [] };
    parent.children.push(spacer);
    for (let level = 1; level < levels; level++) {
      const below: TidyDatum = { unit: null, roomOf: null, halfWidth, children: [] };
      spacer.children.push(below);
      spacer = below;
    }
  };

  const cardWidth = (unit: Placed) => (unit === rootUnit ? ROOT_WIDTH : NODE_WIDTH);
  /**
   * A wrapped unit and its block are one box as wide as the block, the unit's card at its top left, over the rail:
   * centred, the card would sit above the middle of rows whose own heads are far to the sides.
   */
  const halfWidthOf = (unit: Placed) => Math.max(cardWidth(unit), unit.block?.width ?? 0) / 2;
  /** Lays out a unit and its descendants with d3's tidy tree; a wrapped unit below keeps its block's room. */
  const layoutFrame = (top: Placed): Frame => {
    const topDatum: TidyDatum = { unit: top, roomOf: null, halfWidth: halfWidthOf(top), children: [] };
    const pending: TidyDatum[] = [topDatum];
    for (let datum = pending.pop(); datum !== undefined; datum = pending.pop()) {
      const unit = datum.unit;
      if (unit === null) continue;
      if (unit.block) {
        reserve(datum, unit, datum.halfWidth, unit.block.levels);
        continue;
      }
      // The stack of leaves is one room sitting among the unit's subtrees, first.
      if (unit.leaves.length > 0) {
        const box = leavesBox(unit.leaves.length);
        reserve(datum, unit, box.cardsWidth / 2 + STACK_RAIL_OFFSET, box.levels);
      }
      for (const child of unit.others) {
        const childDatum: TidyDatum = { unit: child, roomOf: null, halfWidth: halfWidthOf(child), children: [] };
        datum.children.push(childDatum);
        pending.push(childDatum);
      }
    }
    const laidOut = tree<TidyDatum>()
      .nodeSize([1, LEVEL_HEIGHT])
      .separation((a, b) => a.data.halfWidth + b.data.halfWidth + (a.parent === b.parent ? GAP_X : GAP_X * 2))(
      hierarchy<TidyDatum>(topDatum, (d) => d.children),
    );
    let minX = Infinity;
    let maxX = -Infinity;
    let maxDepth = 0;
    laidOut.each((node) => {
      minX = Math.min(minX, node.x - node.data.halfWidth);
      maxX = Math.max(maxX, node.x + node.data.halfWidth);
      maxDepth = Math.max(maxDepth, node.depth);
    });
    return { laidOut, minX, maxX, levels: maxDepth + 1 };
  };

  /** The block a unit's children wrap into, or null when their real boxes fit in one row after all. */
  const wrapBlock = (unit: Placed): WrapBlock | null => {
    const frames = unit.others.map(layoutFrame);
    const boxes = childBoxes(
      unit,
      frames.map((frame) => ({ width: frame.maxX - frame.minX, levels: frame.levels })),
    );
    const placed = flow(boxes, rowWidthFor(boxes));
    if ((placed.at(-1)?.row ?? 0) === 0) return null;
    // A row is as deep as its deepest box; each row starts below the one before.
    const rowLevels: number[] = [];
    placed.forEach(({ row }, i) => (rowLevels[row] = Math.max(rowLevels[row] ?? 0, (boxes[i] as Box).levels)));
    const rowOffsets: number[] = [];
    let levels = 0;
    for (const rowLevel of rowLevels) {
      rowOffsets.push(levels);
      levels += rowLevel;
    }
    const stackFirst = unit.leaves.length > 0;
    let width = 0;
    const items = placed.map(({ row, left }, i): WrapItem => {
      width = Math.max(width, WRAP_GUTTER + left + (boxes[i] as Box).width);
      const levelOffset = rowOffsets[row] as number;
      if (stackFirst && i === 0) return { kind: 'leaves', left: WRAP_GUTTER + left + STACK_RAIL_OFFSET, levelOffset };
      const frame = frames[stackFirst ? i - 1 : i] as Frame;
      return { kind: 'subtree', frame, rootX: WRAP_GUTTER + left - frame.minX, levelOffset };
    });
    return { width, levels, items };
  };

  // Bottom up: how wide each unit's subtree would be with its children side by side (an upper bound: the tidy
  // tree tucks subtrees closer), and, where that row would be too wide, the block the children wrap into.
  for (let i = preorder.length - 1; i >= 0; i--) {
    const unit = preorder[i] as Placed;
    const own = cardWidth(unit);
    const boxes = childBoxes(unit, unit.others);
    let row = GAP_X * (boxes.length - 1);
    let deepest = 0;
    for (const box of boxes) {
      row += box.width;
      deepest = Math.max(deepest, box.levels);
    }
    // The estimates say whether to try; the real boxes, narrower, may still fit one row.
    unit.block = row > WRAP_WIDTH && (flow(boxes, rowWidthFor(boxes)).at(-1)?.row ?? 0) > 0 ? wrapBlock(unit) : null;
    if (unit.block) {
      unit.width = Math.max(own, unit.block.width);
      unit.levels = 1 + unit.block.levels;
    } else {
      unit.width = Math.max(own, row);
      unit.levels = 1 + deepest;
    }
  }

  // Top down: place the top frame, then each wrapped block's boxes in the room the frame above kept for it.
  const out = collector();
  /** Places a stack of leaves in columns below `owner`; `approach` is the connector from the owner to the stack's top. */
  const placeLeaves = (owner: NodePosition, leaves: readonly string[], left: number, top: number, approach: readonly number[]) => {
    const rows = Math.ceil(leaves.length / stackColumns(leaves.length));
    leaves.forEach((leaf, i) => {
      // Column-major, so each column reads top to bottom in source order.
      const cardLeft = left + Math.floor(i / rows) * (NODE_WIDTH + GAP_X);
      const y = top + (i % rows) * STACK_ROW_HEIGHT;
      out.place({ id: leaf, x: cardLeft + NODE_WIDTH / 2, y, depth: owner.depth + 1, width: NODE_WIDTH, height: NODE_HEIGHT });
      out.links.push({ id: leaf, points: across(approach, cardLeft - STACK_RAIL_OFFSET, y, cardLeft) });
    });
  };
  /** The horizontal line between a unit and its children, whose cards' centres are at `top`. */
  const busY = (owner: NodePosition, top: number) => (owner.y + owner.height / 2 + top - NODE_HEIGHT / 2) / 2;
  /** The connector from a unit down to that line. */
  const drop = (owner: NodePosition, top: number): readonly number[] => [owner.x, owner.y + owner.height / 2, owner.x, busY(owner, top)];

  interface PendingFrame {
    readonly frame: Frame;
    readonly dx: number;
    readonly dy: number;
    /** The tree depth of the frame's top unit. */
    readonly depth: number;
    /** The connector into the frame's top unit, which the frame itself does not know. */
    readonly approach: readonly number[] | null;
  }
  const pendingFrames: PendingFrame[] = [{ frame: layoutFrame(rootUnit), dx: 0, dy: 0, depth: 0, approach: null }];
  for (let pending = pendingFrames.pop(); pending !== undefined; pending = pendingFrames.pop()) {
    const { frame, dx, dy, depth, approach } = pending;
    frame.laidOut.each((node: HierarchyPointNode<TidyDatum>) => {
      let x = node.x + dx;
      const y = node.y + dy;
      const { unit, roomOf } = node.data;
      if (unit === null) {
        const owner = roomOf?.position;
        if (!roomOf || !owner) return;
        const block = roomOf.block;
        if (!block) {
          placeLeaves(owner, roomOf.leaves, x - leavesBox(roomOf.leaves.length).cardsWidth / 2, y, drop(owner, y));
          return;
        }
        const left = x - block.width / 2;
        const railX = left + WRAP_GUTTER / 2;
        const down = drop(owner, y);
        const lastRowTop = y + (block.items.at(-1)?.levelOffset ?? 0) * LEVEL_HEIGHT;
        out.rails.push({ id: roomOf.id, x: railX, top: busY(owner, y), bottom: lastRowTop - LEVEL_HEIGHT / 2 });
        for (const item of block.items) {
          const top = y + item.levelOffset * LEVEL_HEIGHT;
          // Rows after the first (which start lower) are reached down the rail, then along the line above the row.
          const itemApproach = item.levelOffset === 0 ? down : across(down, railX, top - LEVEL_HEIGHT / 2);
          if (item.kind === 'leaves') placeLeaves(owner, roomOf.leaves, left + item.left, top, itemApproach);
          else pendingFrames.push({ frame: item.frame, dx: left + item.rootX, dy: top, depth: owner.depth + 1, approach: itemApproach });
        }
        return;
      }
      const isRoot = unit === rootUnit;
      if (unit.block) x += cardWidth(unit) / 2 - node.data.halfWidth;
      // Within a frame a unit's children are its datum's children: spacers only ever hang below.
      const position: NodePosition = { id: unit.id, x, y, depth: depth + node.depth, width: cardWidth(unit), height: isRoot ? ROOT_HEIGHT : NODE_HEIGHT };
      unit.position = position;
      out.place(position);
      const parent = node.parent?.data.unit?.position;
      if (parent) out.links.push({ id: unit.id, points: elbow(parent, position) });
      else if (approach !== null) out.links.push({ id: unit.id, points: across(approach, x, y - NODE_HEIGHT / 2) });
    });
  }
  return out.done();
}

/**
 * `start` carried on across, then down, in turn: across(start, x1, y1, x2) goes to x1 at start's last y, then to
 * y1, then to x2. Links only ever run along the axes.
 */
function across(start: readonly number[], ...alternating: number[]): number[] {
  const points = start.slice();
  let x = start[start.length - 2] ?? 0;
  let y = start[start.length - 1] ?? 0;
  for (let i = 0; i < alternating.length; i++) {
    if (i % 2 === 0) x = alternating[i] as number;
    else y = alternating[i] as number;
    points.push(x, y);
  }
  return points;
}

/**
 * layoutChart with a one-entry memory: a view move that needs the next layout (a fold kept in place) and the render
 * that draws it then lay the chart out once between them.
 */
export function createLayoutMemo(): (index: OrgIndex, collapsed: ReadonlySet<string>, orientation: Orientation) => ChartLayout {
  let last: { index: OrgIndex; collapsed: ReadonlySet<string>; orientation: Orientation; layout: ChartLayout } | null = null;
  return (index, collapsed, orientation) => {
    if (last?.index !== index || last.collapsed !== collapsed || last.orientation !== orientation)
      last = { index, collapsed, orientation, layout: layoutChart(index, collapsed, orientation) };
    return last.layout;
  };
}

/** A link's polyline as an SVG path: a move, then horizontal and vertical lines (a slanted step, which layout never makes, as a line). */
export function linkPathData(points: readonly number[]): string {
  let d = `M${points[0]},${points[1]}`;
  for (let i = 2; i + 1 < points.length; i += 2) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    const sameX = x === points[i - 2];
    const sameY = y === points[i - 1];
    // A step of no length (a child straight across from its parent) draws nothing either way.
    if (sameX && sameY) continue;
    d += sameY ? `H${x}` : sameX ? `V${y}` : `L${x},${y}`;
  }
  return d;
}

function elbow(parent: NodePosition, child: NodePosition): number[] {
  const parentBottom = parent.y + parent.height / 2;
  const childTop = child.y - child.height / 2;
  const midY = (parentBottom + childTop) / 2;
  return [parent.x, parentBottom, parent.x, midY, child.x, midY, child.x, childTop];
}
