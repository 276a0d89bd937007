/**
 * The canvas renderers, as plain functions (excalidraw's renderer/staticScene.ts
 * is the model): the level-of-detail scene, every unit in view as a coloured
 * box with its link, and the minimap's picture and view box. The components in
 * src/chart/canvasLayers.tsx only size the canvases and call these on each move.
 */
import { ownEntry } from '../model/present.ts';
import type { OrgIndex } from '../model/tree.ts';
import type { Bounds, ChartLayout } from './layout.ts';
import { kindColour, type Palette } from './palette.ts';
import type { SpatialGrid } from './spatial.ts';
import type { ViewTransform } from './zoom.ts';

/** The cached picture of the whole chart stays under 16 MB of pixels, and under the sizes every browser allows. */
const PICTURE_MAX_SIDE = 4096;
const PICTURE_MAX_PIXELS = 4_000_000;

export interface DrawItem {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  /** The link into the unit as drawn in the SVG, as a polyline (x, y in turn); empty for the top unit. */
  readonly link: readonly number[];
}

/** `tones`: units marked (see NodeCard's tone) take their mark's colour and the rest go grey, so the marks stand out when zoomed out. */
export function drawItems(index: OrgIndex, layout: ChartLayout, palette: Palette, tones?: ReadonlyMap<string, string>): Map<string, DrawItem> {
  const marked = tones !== undefined && tones.size > 0;
  const links = new Map(layout.links.map((link) => [link.id, link.points]));
  const items = new Map<string, DrawItem>();
  for (const node of layout.nodes) {
    const link = links.get(node.id);
    items.set(node.id, {
      x: node.x - node.width / 2,
      y: node.y - node.height / 2,
      w: node.width,
      h: node.height,
      fill: marked ? (ownEntry(palette.tones, tones.get(node.id) ?? '') ?? palette.unmarked) : kindColour(palette, index.byId.get(node.id)?.kind),
      link: link ?? [],
    });
  }
  return items;
}

/** Blanks the whole canvas: clearRect works in the current transform, which a draw may have left scaled. */
export function clearCanvas(context: CanvasRenderingContext2D): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
}

/** Sizes the canvas's pixels to its CSS size at the screen's pixel ratio (clearing it only when that changes). */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number, ratio: number): CanvasRenderingContext2D | null {
  const pixelWidth = Math.max(1, Math.round(width * ratio));
  const pixelHeight = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
  }
  return canvas.getContext('2d');
}

export interface LodSceneOptions {
  readonly context: CanvasRenderingContext2D;
  readonly items: ReadonlyMap<string, DrawItem>;
  readonly layout: ChartLayout;
  readonly grid: SpatialGrid;
  readonly palette: Palette;
  /** Device pixels per CSS pixel. */
  readonly ratio: number;
  readonly width: number;
  readonly height: number;
}

/** The level-of-detail scene: `draw` paints it for a transform; `dispose` gives back the cached picture's memory. */
export function createLodScene({ context, items, layout, grid, palette, ratio, width, height }: LodSceneOptions): {
  draw(t: ViewTransform): void;
  dispose(): void;
} {
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
  return { draw, dispose: dropPicture };
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
export function minimapPixels(
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

export const MINIMAP_WIDTH = 180;
export const MINIMAP_HEIGHT = 120;
const MINIMAP_PAD = 6;

/** Where the whole chart sits in the minimap: its scale and offset, the chart centred with a margin. */
export interface MinimapGeometry {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export function minimapGeometry(bounds: Bounds): MinimapGeometry {
  const scale = Math.min(
    (MINIMAP_WIDTH - MINIMAP_PAD * 2) / Math.max(1, bounds.maxX - bounds.minX),
    (MINIMAP_HEIGHT - MINIMAP_PAD * 2) / Math.max(1, bounds.maxY - bounds.minY),
  );
  return {
    scale,
    offsetX: (MINIMAP_WIDTH - (bounds.maxX - bounds.minX) * scale) / 2 - bounds.minX * scale,
    offsetY: (MINIMAP_HEIGHT - (bounds.maxY - bounds.minY) * scale) / 2 - bounds.minY * scale,
  };
}

/** One frame of the minimap: the chart's picture, and the view's box over it (big enough to see and grab, however small). */
export function drawMinimapFrame(
  context: CanvasRenderingContext2D,
  picture: CanvasImageSource | null,
  t: ViewTransform,
  geometry: MinimapGeometry,
  view: { readonly width: number; readonly height: number },
  palette: Palette,
  ratio: number,
): void {
  const { scale, offsetX, offsetY } = geometry;
  clearCanvas(context);
  if (picture) context.drawImage(picture, 0, 0);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const boxWidth = Math.max(8, (view.width / t.k) * scale);
  const boxHeight = Math.max(6, (view.height / t.k) * scale);
  const x = (-t.x / t.k + view.width / t.k / 2) * scale + offsetX - boxWidth / 2;
  const y = (-t.y / t.k + view.height / t.k / 2) * scale + offsetY - boxHeight / 2;
  context.strokeStyle = palette.view;
  context.lineWidth = 2;
  context.fillStyle = palette.viewFill;
  context.fillRect(x, y, boxWidth, boxHeight);
  context.strokeRect(x, y, boxWidth, boxHeight);
}
