/**
 * Canvas layers under the SVG: the level-of-detail view (plain boxes when so
 * many cards are on screen that text could not be read anyway) and the
 * minimap. They are drawn by src/engine/canvasScene.ts from a store
 * subscription, never through React renders, so panning costs one canvas
 * paint a frame.
 */
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';

import {
  clearCanvas,
  createLodScene,
  drawItems,
  drawMinimapFrame,
  fitCanvas,
  MINIMAP_HEIGHT,
  MINIMAP_WIDTH,
  minimapGeometry,
  minimapPixels,
} from '../engine/canvasScene.ts';
import type { ChartLayout } from '../engine/layout.ts';
import { paletteFor } from '../engine/palette.ts';
import type { SpatialGrid } from '../engine/spatial.ts';
import type { ViewTransform, ZoomController } from '../engine/zoom.ts';
import type { OrgIndex } from '../model/tree.ts';
import { type PaneId, useStore } from '../store/store.ts';

const pixelRatio = () => window.devicePixelRatio || 1;

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
  /** Marked units (see drawItems). */
  tones?: ReadonlyMap<string, string> | undefined;
}) {
  const { pane, index, layout, grid, active, width, height, dark, tones } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const palette = paletteFor(dark);
  const items = useMemo(() => (active ? drawItems(index, layout, palette, tones) : null), [active, index, layout, palette, tones]);

  useEffect(() => {
    const canvas = canvasRef.current;
    // With nothing to draw the canvas is left alone: sizing it and setting up its context costs a full-screen bitmap
    // (~20 ms on a first import), and nothing is on it anyway (the cleanup below clears a drawing it leaves).
    if (!canvas || !active || !items) return;
    const context = fitCanvas(canvas, width, height, pixelRatio());
    if (!context) return;
    const scene = createLodScene({ context, items, layout, grid, palette, ratio: pixelRatio(), width, height });
    const stopRedrawing = redrawOnEveryMove(pane, scene.draw);
    return () => {
      stopRedrawing();
      scene.dispose();
      // Whatever comes next (cards, another layout) must not show through this drawing.
      clearCanvas(context);
    };
  }, [active, items, grid, layout, pane, width, height, palette]);

  return <canvas ref={canvasRef} className="lod-canvas" style={{ width, height }} aria-hidden="true" />;
}

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
  const geometry = useMemo(() => minimapGeometry(layout.bounds), [layout]);
  // One pixel ratio for the markup and the drawing: were the markup to size the bitmap for another, it would clear it.
  const [ratio] = useState(pixelRatio);

  // The chart itself is drawn once per layout into a bitmap; each frame only copies it and outlines the view.
  const picture = useMemo(() => {
    if (typeof document === 'undefined' || typeof ImageData === 'undefined') return null;
    const canvas = document.createElement('canvas');
    const context = fitCanvas(canvas, MINIMAP_WIDTH, MINIMAP_HEIGHT, ratio);
    if (!context) return null;
    const { scale, offsetX, offsetY } = geometry;
    context.putImageData(minimapPixels(index, layout, palette, canvas.width, canvas.height, scale * ratio, offsetX * ratio, offsetY * ratio), 0, 0);
    return canvas;
  }, [index, layout, geometry, palette, ratio]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const context = fitCanvas(canvas, MINIMAP_WIDTH, MINIMAP_HEIGHT, ratio);
    if (!context) return;
    return redrawOnEveryMove(pane, (t) => drawMinimapFrame(context, picture, t, geometry, { width, height }, palette, ratio));
  }, [picture, pane, geometry, width, height, palette, ratio]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const chartX = (event.clientX - box.left - geometry.offsetX) / geometry.scale;
    const chartY = (event.clientY - box.top - geometry.offsetY) / geometry.scale;
    const k = zoomRef.current?.current().k ?? 1;
    zoomRef.current?.centerOn(chartX, chartY, k, false);
  };

  return (
    <canvas
      ref={canvasRef}
      className="minimap"
      // Its bitmap sized as it is drawn in, so the page is not laid out again when the drawing starts (fitCanvas).
      width={Math.max(1, Math.round(MINIMAP_WIDTH * ratio))}
      height={Math.max(1, Math.round(MINIMAP_HEIGHT * ratio))}
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
