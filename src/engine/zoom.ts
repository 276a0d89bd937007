/**
 * The one place d3-zoom is touched. It owns its listeners and `__zoom` on one
 * element; React owns every node it draws. All view moves (buttons, fit,
 * centring a unit) go through `zoom.transform`, so d3's state and ours agree
 * and the next drag never jumps back.
 */
import 'd3-transition';

import { select, type Selection } from 'd3-selection';
import { type D3ZoomEvent, zoom, type ZoomBehavior, zoomIdentity, type ZoomTransform } from 'd3-zoom';

import type { Bounds } from './layout.ts';

/** A pan and zoom: screen = chart × k + (x, y). */
export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface ZoomController {
  zoomBy(factor: number): void;
  fitToScreen(bounds: Bounds, maxScale?: number, animate?: boolean): void;
  centerOn(x: number, y: number, scale?: number, animate?: boolean): void;
  /** Centres a unit's box in the clear part of the screen (see centreTransform). */
  centerBox(box: Bounds, scale?: number, animate?: boolean): void;
  /** Pans the least distance that brings the box into the clear part of the screen; does nothing when it is there already. */
  reveal(box: Bounds): void;
  panBy(dx: number, dy: number): void;
  /** Takes `transform` as d3's own state without a zoom event: the view is already drawn there. */
  adopt(transform: { x: number; y: number; k: number }): void;
  /** Jumps to a transform at once, as a move of this view (e.g. back to where it was after printing). */
  jumpTo(transform: { x: number; y: number; k: number }): void;
  /** The smallest zoom the user can reach (see zoomOutLimit). */
  setMinScale(k: number): void;
  /** Fits `bounds` into a box of the given size at once (e.g. the printed page), whatever the screen size. */
  fitInto(bounds: Bounds, width: number, height: number): void;
  /** Jumps to a transform copied from a linked view; reported to `onTransform` as a sync, not a user move. */
  syncTo(transform: { x: number; y: number; k: number }): void;
  current(): ZoomTransform;
  destroy(): void;
}

/** Low enough that even a very wide chart fits on screen (drawn as boxes at that scale). */
export const MIN_SCALE = 0.0005;
export const MAX_SCALE = 3;
const FIT_PADDING = 32;
/** Room above the chart for the toolbar floating over it, unless the caller measures it. */
const FIT_TOP = 68;

/** "85%", and for a chart zoomed far out "2.5%" or "0.4%", never a misleading "0%". */
export function zoomPercent(k: number): string {
  const percent = k * 100;
  return `${percent >= 10 ? Math.round(percent) : Number(percent.toPrecision(percent >= 1 ? 2 : 1))}%`;
}

/** Below this zoom a card's text is too small to read. */
export const READABLE_SCALE = 0.3;

type Anchor = { readonly before: { x: number; y: number } | undefined; readonly after: { x: number; y: number } | undefined };

/** The view that draws the anchor unit where it was before the layout changed, at the same zoom; unchanged if it was not drawn before. */
export function keepInPlace(anchor: Anchor, current: { x: number; y: number; k: number }): { x: number; y: number; k: number } {
  const { before, after } = anchor;
  if (!before || !after) return current;
  return { x: current.x + (before.x - after.x) * current.k, y: current.y + (before.y - after.y) * current.k, k: current.k };
}

/**
 * Where the view goes when the chart's shape changes under it (Expand all,
 * Collapse all), at once (a big chart must not draw every frame of a move):
 * the whole chart when it is readable that way; otherwise the zoom stays and
 * the anchor unit (the selected one) stays where it was on screen, so a
 * reader keeps their place instead of facing a chart shrunk to a line.
 */
export function reshapeTransform(
  bounds: Bounds,
  anchor: Anchor,
  current: { x: number; y: number; k: number },
  width: number,
  height: number,
  topInset = FIT_TOP,
): { x: number; y: number; k: number } {
  const fitted = fitTransform(bounds, width, height, 1, topInset);
  // Zoomed out past the whole chart already (say, after Collapse all): fitting is the more readable view.
  if (fitted.k >= READABLE_SCALE || current.k <= fitted.k || !anchor.before || !anchor.after) return fitted;
  return keepInPlace(anchor, current);
}

/** How far out the view may zoom: half the fitted scale (room to see the whole chart small), but never below MIN_SCALE nor forced above 25 %. */
export function zoomOutLimit(bounds: Bounds, width: number, height: number, topInset = FIT_TOP): number {
  return Math.max(MIN_SCALE, Math.min(fitTransform(bounds, width, height, 1, topInset).k / 2, 0.25));
}

/** The transform that fits `bounds` in a width × height view, near the top for short charts; never above `maxScale`. */
export function fitTransform(bounds: Bounds, width: number, height: number, maxScale = 1, topInset = FIT_TOP): { x: number; y: number; k: number } {
  const boxWidth = Math.max(1, bounds.maxX - bounds.minX);
  const boxHeight = Math.max(1, bounds.maxY - bounds.minY);
  const fitted = Math.max(MIN_SCALE, Math.min((width - FIT_PADDING * 2) / boxWidth, (height - topInset - FIT_PADDING) / boxHeight));
  const k = Math.min(maxScale, fitted);
  const centerX = (bounds.minX + bounds.maxX) / 2;
  // Short charts sit near the top rather than floating mid-screen.
  const top = Math.max(topInset, (height - boxHeight * k) / 2);
  return { x: width / 2 - centerX * k, y: top - bounds.minY * k, k };
}

/** The least zoom a chart opens at whole: below it names are under about 9 px, so the chart opens at its top instead. */
export const OPENING_MIN_SCALE = 0.65;
/** The zoom a chart too big to read whole opens at: names at 12 px, the top unit and its first row in view. */
export const OPENING_SCALE = 0.85;

export interface OpeningView {
  readonly width: number;
  readonly height: number;
  /** Screen room above the chart taken by the floating toolbar. */
  readonly top: number;
}

/**
 * Where a chart opens, decided from the chart and the screen alone, so it is
 * the same however often it is applied (React's StrictMode applies it twice):
 * the whole chart when it is readable that way (never above 100 %); otherwise
 * its top unit at the top centre, readable at OPENING_SCALE, with the rest a
 * scroll or the minimap away ("Fit to screen" still shows it all).
 */
export function openingTransform(
  bounds: Bounds,
  topUnit: { readonly x: number; readonly top: number },
  view: OpeningView,
  scales: { readonly min: number; readonly opening: number } = { min: OPENING_MIN_SCALE, opening: OPENING_SCALE },
): { x: number; y: number; k: number } {
  const fitted = fitTransform(bounds, view.width, view.height, 1, view.top);
  if (fitted.k >= scales.min) return fitted;
  const k = scales.opening;
  return { x: view.width / 2 - topUnit.x * k, y: view.top - topUnit.top * k, k };
}

/** Whether the chart needs a map of itself: it cannot be read whole on this screen. */
export function needsMinimap(bounds: Bounds, view: OpeningView, minScale = OPENING_MIN_SCALE): boolean {
  return fitTransform(bounds, view.width, view.height, Infinity, view.top).k < minScale;
}

/** A box on screen, in pixels from the chart's top-left corner. */
export interface ViewRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The chart's box on screen and what floats over it: the toolbar across its top, and boxes such as the minimap. */
export interface ClearView {
  readonly width: number;
  readonly height: number;
  /** Below this the toolbar no longer covers the chart. */
  readonly top: number;
  readonly obstacles?: readonly ViewRect[];
}

type Transform = { x: number; y: number; k: number };
/** Space kept between a unit brought into view and the edges or whatever floats over the chart. */
const CLEAR_GAP = 12;

function screenBox(box: Bounds, t: Transform): ViewRect {
  return { x: box.minX * t.k + t.x, y: box.minY * t.k + t.y, width: (box.maxX - box.minX) * t.k, height: (box.maxY - box.minY) * t.k };
}

function overlaps(a: ViewRect, b: ViewRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The clear area: the screen less its edge padding and the toolbar's band. */
function clearArea(view: ClearView): { left: number; top: number; right: number; bottom: number } {
  return { left: FIT_PADDING, top: Math.max(FIT_PADDING, view.top), right: view.width - FIT_PADDING, bottom: view.height - FIT_PADDING };
}

/** Moves the view the least that takes the box off each obstacle it lies under (up or left), while it stays in the clear area. */
function clearOfObstacles(box: Bounds, t: Transform, view: ClearView): Transform {
  const area = clearArea(view);
  let moved = t;
  for (const obstacle of view.obstacles ?? []) {
    const onScreen = screenBox(box, moved);
    if (obstacle.width <= 0 || obstacle.height <= 0 || !overlaps(onScreen, obstacle)) continue;
    const up = onScreen.y + onScreen.height - (obstacle.y - CLEAR_GAP);
    const left = onScreen.x + onScreen.width - (obstacle.x - CLEAR_GAP);
    const canGoUp = onScreen.y - up >= area.top;
    const canGoLeft = onScreen.x - left >= area.left;
    if (canGoUp && (!canGoLeft || up <= left)) moved = { ...moved, y: moved.y - up };
    else if (canGoLeft) moved = { ...moved, x: moved.x - left };
  }
  return moved;
}

/**
 * The least pan that brings `box` (chart coordinates) fully into the clear part of the screen: below the toolbar,
 * off the minimap; unchanged when it is there already. A box too big for the area shows its top-left part.
 */
export function revealTransform(box: Bounds, current: Transform, view: ClearView): Transform {
  const area = clearArea(view);
  const onScreen = screenBox(box, current);
  let dx = 0;
  let dy = 0;
  if (onScreen.x < area.left) dx = area.left - onScreen.x;
  else if (onScreen.x + onScreen.width > area.right) dx = Math.max(area.left - onScreen.x, area.right - onScreen.x - onScreen.width);
  if (onScreen.y < area.top) dy = area.top - onScreen.y;
  else if (onScreen.y + onScreen.height > area.bottom) dy = Math.max(area.top - onScreen.y, area.bottom - onScreen.y - onScreen.height);
  return clearOfObstacles(box, { x: current.x + dx, y: current.y + dy, k: current.k }, view);
}

/** `box` centred in the clear part of the screen (below the toolbar) at zoom `k`, and off the minimap. */
export function centreTransform(box: Bounds, k: number, view: ClearView): Transform {
  const area = clearArea(view);
  const x = (area.left + area.right) / 2 - ((box.minX + box.maxX) / 2) * k;
  // A box taller than the area shows its top.
  const y = Math.max((area.top + area.bottom) / 2 - ((box.minY + box.maxY) / 2) * k, area.top - box.minY * k);
  return clearOfObstacles(box, { x, y, k }, view);
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * d3-zoom registers its touch listeners without `passive`, so the browser must wait for each before it may scroll.
 * Its touchstart, touchend and touchcancel handlers never call preventDefault (only stopImmediatePropagation; a double
 * tap would call the dblclick handler, which we remove), so they are marked passive. touchmove and wheel do call it to
 * stop the page scrolling under a pan or zoom, so they stay as d3 made them.
 */
function makeQuietTouchListenersPassive(selection: Selection<SVGSVGElement, unknown, null, undefined>): void {
  for (const type of ['touchstart.zoom', 'touchend.zoom', 'touchcancel.zoom']) {
    // Absent where d3 saw no touch support; re-registering under the same name replaces d3's listener.
    const handler = selection.on(type);
    if (handler) selection.on(type, handler, { passive: true });
  }
}

export function createZoomController(
  element: SVGSVGElement,
  onTransform: (transform: { x: number; y: number; k: number }, fromSync: boolean) => void,
  /** The element's size, kept by the caller (e.g. from a ResizeObserver): reading clientWidth on every event would force a layout. */
  viewSize: () => { width: number; height: number; top?: number } = () => ({ width: element.clientWidth, height: element.clientHeight }),
  /** What floats over the chart besides the toolbar (the minimap); measured only when a unit is brought into view. */
  obstacles: () => readonly ViewRect[] = () => [],
): ZoomController {
  let syncing = false;
  const size = (): [number, number] => {
    const { width, height } = viewSize();
    return [width || 800, height || 600];
  };
  const topInset = () => viewSize().top ?? FIT_TOP;
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([MIN_SCALE, MAX_SCALE])
    // jsdom cannot measure SVG lengths; the element's box is what we mean anyway.
    .extent(() => [[0, 0], size()])
    .clickDistance(4)
    .filter((event: Event) => {
      // Controls drawn inside the chart (collapse toggles) must stay clickable and not start a drag.
      const target = event.target as Element | null;
      if (target?.closest?.('[data-no-zoom]')) return false;
      const mouse = event as MouseEvent;
      // d3-drag needs the event's window to stop text selection; synthetic events without one cannot start a drag.
      if (event.type === 'mousedown' && !mouse.view) return false;
      return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button;
    })
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      const { x, y, k } = event.transform;
      onTransform({ x, y, k }, syncing);
    });

  const selection: Selection<SVGSVGElement, unknown, null, undefined> = select(element);
  selection.call(behavior).on('dblclick.zoom', null);
  makeQuietTouchListenersPassive(selection);

  const moveTo = (transform: ZoomTransform, animate = true) => {
    const duration = !animate || prefersReducedMotion() ? 0 : 350;
    if (duration === 0) selection.interrupt().call(behavior.transform, transform);
    else selection.interrupt().transition().duration(duration).call(behavior.transform, transform);
  };

  return {
    zoomBy(factor) {
      const duration = prefersReducedMotion() ? 0 : 200;
      if (duration === 0) selection.call(behavior.scaleBy, factor);
      else selection.transition().duration(duration).call(behavior.scaleBy, factor);
    },
    setMinScale(k) {
      behavior.scaleExtent([k, MAX_SCALE]);
    },
    fitToScreen(bounds, maxScale = 1, animate = true) {
      const [width, height] = size();
      const t = fitTransform(bounds, width, height, maxScale, topInset());
      moveTo(zoomIdentity.translate(t.x, t.y).scale(t.k), animate);
    },
    centerOn(x, y, scale, animate = true) {
      const [width, height] = size();
      const k = scale ?? Math.max(0.8, this.current().k);
      moveTo(zoomIdentity.translate(width / 2 - x * k, height / 2 - y * k).scale(k), animate);
    },
    centerBox(box, scale, animate = true) {
      const [width, height] = size();
      const k = scale ?? Math.max(0.8, this.current().k);
      const t = centreTransform(box, k, { width, height, top: topInset(), obstacles: obstacles() });
      moveTo(zoomIdentity.translate(t.x, t.y).scale(t.k), animate);
    },
    reveal(box) {
      const [width, height] = size();
      const current = this.current();
      const t = revealTransform(box, current, { width, height, top: topInset(), obstacles: obstacles() });
      if (t.x !== current.x || t.y !== current.y) moveTo(zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    panBy(dx, dy) {
      const t = this.current();
      selection.interrupt().call(behavior.transform, zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k));
    },
    adopt(transform) {
      selection.property('__zoom', zoomIdentity.translate(transform.x, transform.y).scale(transform.k));
    },
    jumpTo(transform) {
      selection.interrupt().call(behavior.transform, zoomIdentity.translate(transform.x, transform.y).scale(transform.k));
    },
    fitInto(bounds, width, height) {
      const t = fitTransform(bounds, width, height, 1, FIT_PADDING);
      selection.interrupt().call(behavior.transform, zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    syncTo(transform) {
      const t = this.current();
      if (t.x === transform.x && t.y === transform.y && t.k === transform.k) return;
      syncing = true;
      try {
        selection.interrupt().call(behavior.transform, zoomIdentity.translate(transform.x, transform.y).scale(transform.k));
      } finally {
        syncing = false;
      }
    },
    current() {
      return (element as SVGSVGElement & { __zoom?: ZoomTransform }).__zoom ?? zoomIdentity;
    },
    destroy() {
      selection.interrupt().on('.zoom', null);
    },
  };
}
