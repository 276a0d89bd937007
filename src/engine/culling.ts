/**
 * Culling: only cards near the screen are drawn. The window is snapped to a
 * coarse grid so panning re-renders the card list once every quarter screen,
 * not every frame; when too many cards would be on screen to read, a canvas
 * draws plain boxes instead (level of detail).
 */
import type { Bounds, ChartLayout, Rail } from './layout.ts';
import type { SpatialGrid } from './spatial.ts';
import type { ViewTransform } from './zoom.ts';

/** More cards than this near the screen and text would be unreadable: draw boxes on a canvas instead. */
export const LOD_CARD_LIMIT = 700;
/** Below this zoom a card is a few pixels wide and its text unreadable: boxes on the canvas say as much, far cheaper. */
export const LOD_SCALE = 0.15;
/** The culling margin and its snapping step, as a fraction of the screen: 4 is a quarter. */
const CULLING_MARGIN_STEPS = 4;

/**
 * The area to draw cards for: the screen plus a quarter of a screen on every
 * side, snapped to steps of about a quarter screen, as a string so a store
 * selector only changes (and React only re-renders) when the snapped window
 * moves. A wider margin re-renders less often while panning but draws many
 * more cards nobody sees: a dense chart (wrapped rows) had 250 in the DOM.
 */
export function cullingWindowKey(t: ViewTransform, width: number, height: number): string {
  const minX = -t.x / t.k;
  const minY = -t.y / t.k;
  const spanX = width / t.k;
  const spanY = height / t.k;
  const step = 2 ** Math.ceil(Math.log2(Math.max(spanX, spanY, 1) / CULLING_MARGIN_STEPS));
  const x0 = Math.floor((minX - spanX / CULLING_MARGIN_STEPS) / step);
  const y0 = Math.floor((minY - spanY / CULLING_MARGIN_STEPS) / step);
  const x1 = Math.ceil((minX + spanX * (1 + 1 / CULLING_MARGIN_STEPS)) / step);
  const y1 = Math.ceil((minY + spanY * (1 + 1 / CULLING_MARGIN_STEPS)) / step);
  return `${step}|${x0}|${y0}|${x1}|${y1}`;
}

export function boundsOfWindowKey(key: string): Bounds {
  const [step = 1, x0 = 0, y0 = 0, x1 = 0, y1 = 0] = key.split('|').map(Number);
  return { minX: x0 * step, minY: y0 * step, maxX: x1 * step, maxY: y1 * step };
}

export interface CulledUnits {
  /** Units drawn as cards. */
  readonly cardIds: readonly string[];
  /** Units whose link (from their parent) is drawn: each card's own, and those down to its children, so a unit on
   * screen shows it has units under it even when they are all off screen. Empty when the canvas draws boxes. */
  readonly linkIds: readonly string[];
  readonly rails: readonly Rail[];
  /** Too many cards, or too small, to read: the canvas draws boxes and only `always` are cards. */
  readonly levelOfDetail: boolean;
}

/**
 * What to draw for a window of the chart. `always` are drawn as cards whatever the window (the selected and focused
 * units: keyboard focus and screen readers need them); `tooSmallToRead` is a zoom below LOD_SCALE.
 */
export function cullUnits(
  layout: ChartLayout,
  grid: SpatialGrid,
  childrenOf: ReadonlyMap<string, readonly string[]>,
  windowKey: string,
  tooSmallToRead: boolean,
  always: readonly string[],
): CulledUnits {
  const area = boundsOfWindowKey(windowKey);
  const inWindow = grid.query(area);
  const kept = always.filter((id) => layout.positionOf.has(id));
  const levelOfDetail = tooSmallToRead || inWindow.length > LOD_CARD_LIMIT;
  if (levelOfDetail) return { cardIds: [...new Set(kept)], linkIds: [], rails: [], levelOfDetail };
  const cards = new Set(inWindow);
  for (const id of kept) cards.add(id);
  const cardIds = [...cards];
  // Folded children have no layout, hence no line.
  const links = new Set(cardIds);
  for (const id of cardIds) for (const child of childrenOf.get(id) ?? []) if (layout.positionOf.has(child)) links.add(child);
  const rails = layout.rails.filter((rail) => rail.x >= area.minX && rail.x <= area.maxX && rail.bottom >= area.minY && rail.top <= area.maxY);
  return { cardIds, linkIds: [...links], rails, levelOfDetail };
}
