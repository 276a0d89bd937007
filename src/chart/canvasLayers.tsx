/**
 * Canvas layers under the SVG: the level-of-detail view (plain boxes when so
 * many cards are on screen that text could not be read anyway) and the
 * minimap. Both redraw from a store subscription, never through React renders,
 * so panning costs one canvas paint a frame.
 */
import { type PointerEvent, useEffect, useMemo, useRef } from 'react';

import type { ChartLayout } from '../engine/layout.ts';
import { kindColour, type Palette, paletteFor } from '../engine/palette.ts';
import type { SpatialGrid } from '../engine/spatial.ts';
import type { ViewTransform, ZoomController } from '../engine/zoom.ts';
import type { OrgIndex } from '../model/tree.ts';
import { type PaneId, useStore } from '../store/store.ts';

/** The cached picture of the whole chart stays under 16 MB of pixels, and under the sizes every browser allows. */
const PICTURE_MAX_SIDE = 4096;
const PICTURE_MAX_PIXELS = 4_000_000;

interface DrawItem {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  /** The link into the unit as drawn in the SVG, as a polyline (x, y in turn); empty for the top unit. */
  readonly link: readonly number[];
}

function drawItems(index: OrgIndex, layout: ChartLayout, palette: Palette): Map<string, DrawItem> {
  const links = new Map(layout.links.map((link) => [link.id, link.points]));
  const items = new Map<string, DrawItem>();
  for (const node of layout.nodes) {
    const link = links.get(node.id);
    items.set(node.id, {
      x: node.x - node.width / 2,
      y: node.y - node.height / 2,
      w: node.width,
      h: node.height,
      fill: kindColour(palette, index.byId.get(node.id)?.kind),
      link: link ?? [],
    });
  }
  return items;
}

/** Draws now and again at the next frame after every pan or zoom of the pane; returns the unsubscribe. */
function redrawOnEveryMove(pane: PaneId, draw: (transform: ViewTransform) => void): () => void {
  let frame = 0;
  draw(useStore.getState().panes[pane].transform);
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.panes[pane].transform === previous.panes[pane].transform) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => draw(useStore.getState().panes[pane].transform));
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
  };
}

/** Blanks the whole canvas: clearRect works in the current transform, which a draw may have left scaled. */
function clearCanvas(context: CanvasRenderingContext2D): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
}

function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const pixelWidth = Math.max(1, Math.round(width * ratio));
  const pixelHeight = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
  }
  return canvas.getContext('2d');
}

/** Every node in view as a coloured box with its link, drawn when the SVG holds only a few cards. */
export function LodCanvas(props: {
  pane: PaneId;
  index: OrgIndex;
  layout: ChartLayout;
  grid: SpatialGrid;
  active: boolean;
  width: number;
  height: number;
  dark: boolean;
}) {
  const { pane, index, layout, grid, active, width, height, dark } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const palette = paletteFor(dark);
  const items = useMemo(() => (active ? drawItems(index, layout, palette) : null), [active, index, layout, palette]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const context = fitCanvas(canvas, width, height);
    if (!context) return;
    if (!active || !items) {
      clearCanvas(context);
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    /**
     * Links as the SVG draws them (a wrapped row's link runs down a rail, not straight across), and the rails
     * themselves, which a drawing of only the units in view would otherwise lose; then the boxes, one fill change
     * per run of a kind.
     */
    const drawUnits = (target: CanvasRenderingContext2D, ids: readonly string[], lineWidth: number) => {
      target.beginPath();
      for (const rail of layout.rails) {
        target.moveTo(rail.x, rail.top);
        target.lineTo(rail.x, rail.bottom);
      }
      for (const id of ids) {
        const link = items.get(id)?.link ?? [];
        for (let i = 0; i + 1 < link.length; i += 2) {
          if (i === 0) target.moveTo(link[0] as number, link[1] as number);
          else target.lineTo(link[i] as number, link[i + 1] as number);
        }
      }
      target.strokeStyle = palette.link;
      target.lineWidth = lineWidth;
      target.stroke();
      let fill = '';
      for (const id of ids) {
        const item = items.get(id);
        if (!item) continue;
        if (item.fill !== fill) {
          fill = item.fill;
          target.fillStyle = fill;
        }
        target.fillRect(item.x, item.y, item.w, item.h);
      }
    };
    // While the whole chart is small on screen, it is drawn once into a picture at a power-of-two scale and each
    // frame of a pan or zoom only copies that picture: a fitted 10,000-unit chart costs one drawImage, not 20,000 shapes.
    const { bounds } = layout;
    const allIds = layout.nodes.map((node) => node.id);
    let picture: { scale: number; canvas: HTMLCanvasElement } | null = null;
    /** Set when the browser would not give a picture (out of canvas memory): draw directly from then on. */
    let noPicture = false;
    // A canvas's memory is given back when its size is zero (Safari keeps it otherwise).
    const dropPicture = () => {
      if (picture) picture.canvas.width = picture.canvas.height = 0;
      picture = null;
    };
    const pictureAt = (scale: number) => {
      if (picture?.scale === scale) return picture.canvas;
      if (noPicture) return null;
      dropPicture();
      const pictureCanvas = document.createElement('canvas');
      pictureCanvas.width = Math.max(1, Math.ceil((bounds.maxX - bounds.minX) * scale));
      pictureCanvas.height = Math.max(1, Math.ceil((bounds.maxY - bounds.minY) * scale));
      const pictureContext = pictureCanvas.getContext('2d');
      if (!pictureContext) {
        noPicture = true;
        return null;
      }
      pictureContext.setTransform(scale, 0, 0, scale, -bounds.minX * scale, -bounds.minY * scale);
      drawUnits(pictureContext, allIds, (1.5 * ratio) / scale);
      picture = { scale, canvas: pictureCanvas };
      return pictureCanvas;
    };
    const draw = (t: ViewTransform) => {
      clearCanvas(context);
      const scale = 2 ** Math.ceil(Math.log2(t.k * ratio));
      const pictureWidth = (bounds.maxX - bounds.minX) * scale;
      const pictureHeight = (bounds.maxY - bounds.minY) * scale;
      const image =
        pictureWidth <= PICTURE_MAX_SIDE && pictureHeight <= PICTURE_MAX_SIDE && pictureWidth * pictureHeight <= PICTURE_MAX_PIXELS ? pictureAt(scale) : null;
      if (image) {
        const shrink = (t.k * ratio) / scale;
        context.drawImage(image, ratio * (t.x + bounds.minX * t.k), ratio * (t.y + bounds.minY * t.k), image.width * shrink, image.height * shrink);
        return;
      }
      context.setTransform(ratio * t.k, 0, 0, ratio * t.k, ratio * t.x, ratio * t.y);
      drawUnits(context, grid.query({ minX: -t.x / t.k, minY: -t.y / t.k, maxX: (width - t.x) / t.k, maxY: (height - t.y) / t.k }), 1.5 / t.k);
    };
    const stopRedrawing = redrawOnEveryMove(pane, draw);
    return () => {
      stopRedrawing();
      dropPicture();
      // Whatever comes next (cards, another layout) must not show through this drawing.
      clearCanvas(context);
    };
  }, [active, items, grid, layout, pane, width, height, palette]);

  return <canvas ref={canvasRef} className="lod-canvas" style={{ width, height }} aria-hidden="true" />;
}

/** "#rrggbb" as red, green and blue. */
function rgbOf(hex: string): readonly [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * The chart in miniature, every unit at least a pixel, written straight into pixels: one pass over the units
 * instead of ten thousand canvas calls and colour changes, and nothing left for the canvas to rasterize later.
 */
function minimapPixels(
  index: OrgIndex,
  layout: ChartLayout,
  palette: Palette,
  width: number,
  height: number,
  scale: number,
  offsetX: number,
  offsetY: number,
): ImageData {
  const image = new ImageData(Math.max(1, width), Math.max(1, height));
  const data = image.data;
  const colours = new Map<string, readonly [number, number, number]>();
  for (const node of layout.nodes) {
    const fill = kindColour(palette, index.byId.get(node.id)?.kind);
    let rgb = colours.get(fill);
    if (!rgb) colours.set(fill, (rgb = rgbOf(fill)));
    const left = Math.max(0, Math.floor((node.x - node.width / 2) * scale + offsetX));
    const top = Math.max(0, Math.floor((node.y - node.height / 2) * scale + offsetY));
    const right = Math.min(image.width, Math.max(left + 1, Math.ceil((node.x + node.width / 2) * scale + offsetX)));
    const bottom = Math.min(image.height, Math.max(top + 1, Math.ceil((node.y + node.height / 2) * scale + offsetY)));
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        const at = (y * image.width + x) * 4;
        data[at] = rgb[0];
        data[at + 1] = rgb[1];
        data[at + 2] = rgb[2];
        data[at + 3] = 255;
      }
    }
  }
  return image;
}

const MINIMAP_WIDTH = 180;
const MINIMAP_HEIGHT = 120;
const MINIMAP_PAD = 6;

/** The whole chart in miniature with the visible part outlined; click or drag in it to move the view. */
export function Minimap(props: {
  pane: PaneId;
  index: OrgIndex;
  layout: ChartLayout;
  zoomRef: { readonly current: ZoomController | null };
  width: number;
  height: number;
  label: string;
  dark: boolean;
}) {
  const { pane, index, layout, zoomRef, width, height, label, dark } = props;
  const palette = paletteFor(dark);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { bounds } = layout;
  const scale = Math.min(
    (MINIMAP_WIDTH - MINIMAP_PAD * 2) / Math.max(1, bounds.maxX - bounds.minX),
    (MINIMAP_HEIGHT - MINIMAP_PAD * 2) / Math.max(1, bounds.maxY - bounds.minY),
  );
  const offsetX = (MINIMAP_WIDTH - (bounds.maxX - bounds.minX) * scale) / 2 - bounds.minX * scale;
  const offsetY = (MINIMAP_HEIGHT - (bounds.maxY - bounds.minY) * scale) / 2 - bounds.minY * scale;

  // The chart itself is drawn once per layout into a bitmap; each frame only copies it and outlines the view.
  const picture = useMemo(() => {
    if (typeof document === 'undefined' || typeof ImageData === 'undefined') return null;
    const canvas = document.createElement('canvas');
    const context = fitCanvas(canvas, MINIMAP_WIDTH, MINIMAP_HEIGHT);
    if (!context) return null;
    const ratio = window.devicePixelRatio || 1;
    context.putImageData(minimapPixels(index, layout, palette, canvas.width, canvas.height, scale * ratio, offsetX * ratio, offsetY * ratio), 0, 0);
    return canvas;
  }, [index, layout, scale, offsetX, offsetY, palette]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const context = fitCanvas(canvas, MINIMAP_WIDTH, MINIMAP_HEIGHT);
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    const draw = (t: ViewTransform) => {
      clearCanvas(context);
      if (picture) context.drawImage(picture, 0, 0);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      // However small the view is against the chart, its box stays big enough to see and grab.
      const boxWidth = Math.max(8, (width / t.k) * scale);
      const boxHeight = Math.max(6, (height / t.k) * scale);
      const x = (-t.x / t.k + width / t.k / 2) * scale + offsetX - boxWidth / 2;
      const y = (-t.y / t.k + height / t.k / 2) * scale + offsetY - boxHeight / 2;
      context.strokeStyle = palette.view;
      context.lineWidth = 2;
      context.fillStyle = palette.viewFill;
      context.fillRect(x, y, boxWidth, boxHeight);
      context.strokeRect(x, y, boxWidth, boxHeight);
    };
    return redrawOnEveryMove(pane, draw);
  }, [picture, pane, scale, offsetX, offsetY, width, height, palette]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const chartX = (event.clientX - box.left - offsetX) / scale;
    const chartY = (event.clientY - box.top - offsetY) / scale;
    const k = zoomRef.current?.current().k ?? 1;
    zoomRef.current?.centerOn(chartX, chartY, k, false);
  };

  return (
    <canvas
      ref={canvasRef}
      className="minimap"
      style={{ width: MINIMAP_WIDTH, height: MINIMAP_HEIGHT }}
      role="img"
      aria-label={label}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        moveTo(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons === 1) moveTo(event);
      }}
    />
  );
}
