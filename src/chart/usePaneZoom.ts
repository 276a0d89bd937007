/**
 * A pane's zoom: the d3-zoom controller on the chart's <svg>, registered with
 * the store so its actions move the view at once (see moveView and
 * src/engine/viewMoves.ts), and the moves the pane makes on its own: printing,
 * the zoom-out floor, keeping the focused or selected unit in view.
 */
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

import type { ChartLayout } from '../engine/layout.ts';
import { applyViewMove, unitBox } from '../engine/viewMoves.ts';
import { createZoomController, type ViewRect, type ZoomController, zoomOutLimit } from '../engine/zoom.ts';
import type { OrgIndex } from '../model/tree.ts';
import { listenOnWindow } from '../shared/dom.ts';
import { usePendingFocus } from '../shared/focus.ts';
import { collapsedOf, type PaneId, paneIndex, useStore } from '../store/store.ts';

/** The printed chart box (see the print styles), in CSS pixels. */
const PRINT_WIDTH = 680;
const PRINT_HEIGHT = 566;

export interface ChartSize {
  readonly width: number;
  readonly height: number;
  /** Below this the toolbar floating over the chart no longer covers it. */
  readonly top: number;
}

interface PaneZoomOptions {
  readonly pane: PaneId;
  readonly chartId: string;
  readonly index: OrgIndex;
  /** The layout drawn now. */
  readonly layout: ChartLayout;
  /** The layout for any folds and orientation, shared with the render so a move and its drawing lay out once. */
  readonly layoutOf: (index: OrgIndex, collapsed: ReadonlySet<string>, orientation: 'top-down' | 'left-right') => ChartLayout;
  /** The least zoom at which the chart opens whole. */
  readonly wholeChartScale: number;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly toolbarRef: RefObject<HTMLDivElement | null>;
}

export interface PaneZoom {
  readonly zoomRef: RefObject<ZoomController | null>;
  readonly size: ChartSize;
  /** How far out the user may zoom (see zoomOutLimit). */
  readonly minScale: number;
}

/**
 * Each pane's size when last measured. A chart opened in a pane starts from it, so its first render lays out and culls
 * its cards for the screen they will be on (measured again before paint, and re-rendered only if it changed).
 */
const lastSizeOf = new Map<PaneId, ChartSize>();

export function usePaneZoom({ pane, chartId, index, layout, layoutOf, wholeChartScale, svgRef, toolbarRef }: PaneZoomOptions): PaneZoom {
  const zoomRef = useRef<ZoomController | null>(null);
  const [size, setSize] = useState<ChartSize>(() => lastSizeOf.get(pane) ?? { width: 800, height: 600, top: 68 });
  /** The chart's on-screen size, measured once per resize rather than on every zoom event. */
  const sizeRef = useRef<ChartSize>(lastSizeOf.get(pane) ?? { width: 0, height: 0, top: 68 });
  /** Whole pixels from clientWidth/Height, the same on every read; the top inset clears the toolbar however it wraps. */
  const measure = useCallback(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const toolbar = toolbarRef.current;
    const toolbarBottom = toolbar ? toolbar.offsetTop + toolbar.offsetHeight : 56;
    const next = { width: svg.clientWidth || 800, height: svg.clientHeight || 600, top: toolbarBottom + 12 };
    sizeRef.current = next;
    lastSizeOf.set(pane, next);
    setSize((current) => (current.width === next.width && current.height === next.height && current.top === next.top ? current : next));
  }, [svgRef, toolbarRef, pane]);
  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    if (toolbarRef.current) observer.observe(toolbarRef.current);
    return () => observer.disconnect();
  }, [measure, svgRef, toolbarRef]);

  // The layout on screen: a fold keeps its unit where this layout had it.
  const drawnLayout = useRef<ChartLayout | null>(null);
  useEffect(() => {
    drawnLayout.current = layout;
  }, [layout]);
  // What a move reads when it is made, so the controller lives as long as the pane (a chart replaced in place keeps it).
  const chart = useRef({ index, layoutOf, wholeChartScale });
  useLayoutEffect(() => {
    chart.current = { index, layoutOf, wholeChartScale };
  }, [index, layoutOf, wholeChartScale]);

  // Keyboard focus follows the roving tabindex into view.
  const focusedId = useStore((s) => s.panes[pane].focusedId);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || focusedId === null || !svg.contains(document.activeElement)) return;
    const element = svg.querySelector<SVGGElement>(`[data-id="${CSS.escape(focusedId)}"]`);
    if (element && element !== document.activeElement) element.focus({ preventScroll: true });
    const position = layout.positionOf.get(focusedId);
    if (position) zoomRef.current?.reveal(unitBox(position));
  }, [focusedId, layout, svgRef]);

  // Focus asked for from outside the tree (a search result chosen): onto the focused unit's card once it is drawn.
  // After the effect above, which would otherwise see focus in the tree and cut short the centring under way.
  const focusCard = usePendingFocus(() => {
    const focusedId = useStore.getState().panes[pane].focusedId;
    return focusedId === null ? null : svgRef.current?.querySelector<SVGGElement>(`[role="treeitem"][data-id="${CSS.escape(focusedId)}"]`);
  });

  // Before paint, so a chart opens drawn at its opening view, never first at the identity.
  const registerPaneView = useStore((s) => s.registerPaneView);
  const setTransform = useStore((s) => s.setTransform);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const controller = createZoomController(
      svg,
      (transform, fromSync) => setTransform(pane, transform, fromSync),
      () => sizeRef.current,
      () => minimapObstacle(svg),
    );
    // A remounted chart (e.g. back from compare, or StrictMode's second run) is drawn at the pane's stored transform;
    // d3 must start from it too, or the first drag would jump back to the identity (guide pitfall 6).
    controller.adopt(useStore.getState().panes[pane].transform);
    zoomRef.current = controller;
    let moved = false;
    const unregister = registerPaneView(pane, {
      chartId,
      move(move) {
        const state = useStore.getState();
        const { layoutOf, wholeChartScale } = chart.current;
        // The index the store shows now: a date just chosen has not been drawn yet.
        const index = paneIndex(state, pane) ?? chart.current.index;
        applyViewMove(controller, move, {
          layout: layoutOf(index, collapsedOf(state, pane), state.orientation),
          drawn: drawnLayout.current,
          anchorId: state.panes[pane].selectedId ?? index.rootId,
          rootId: index.rootId,
          screen: sizeRef.current,
          wholeChartScale,
          animate: moved,
        });
        moved = true;
      },
      focus: focusCard,
      sync: (transform) => controller.syncTo(transform),
    });
    return () => {
      unregister();
      controller.destroy();
      zoomRef.current = null;
    };
  }, [pane, chartId, registerPaneView, setTransform, focusCard, svgRef]);

  // Printing: fit the whole chart into the printed box (180 × 150 mm at 96 dpi) and draw it before the
  // page is laid out, then put the view back. flushSync makes React draw within the event.
  useEffect(() => {
    let saved: { x: number; y: number; k: number } | null = null;
    const beforePrint = () => {
      const controller = zoomRef.current;
      if (!controller) return;
      const t = controller.current();
      saved = { x: t.x, y: t.y, k: t.k };
      const bounds = drawnLayout.current?.bounds;
      if (bounds) flushSync(() => controller.fitInto(bounds, PRINT_WIDTH, PRINT_HEIGHT));
    };
    const afterPrint = () => {
      if (saved) zoomRef.current?.jumpTo(saved);
      saved = null;
    };
    return listenOnWindow({ beforeprint: beforePrint, afterprint: afterPrint });
  }, []);

  // Zooming out stops a little past the whole chart, so a small chart cannot be shrunk to a dot and lost.
  const minScale = useMemo(() => zoomOutLimit(layout.bounds, size.width, size.height, size.top), [layout, size]);
  useEffect(() => {
    // A chart that shrank under a view zoomed out past its new floor (its top unit folded at 0.5 %) keeps that
    // zoom as the floor: d3 would otherwise clamp the next wheel or − up to the floor, so zooming out would zoom in.
    zoomRef.current?.setMinScale(Math.min(minScale, useStore.getState().panes[pane].transform.k));
  }, [minScale, pane]);

  // When the chart's box shrinks (a phone's details sheet rising, a window narrowed), the selected unit stays in view.
  const selectedId = useStore((s) => s.panes[pane].selectedId);
  const shownSize = useRef(size);
  useEffect(() => {
    const previous = shownSize.current;
    shownSize.current = size;
    if (size.width >= previous.width && size.height >= previous.height) return;
    const position = layout.positionOf.get(selectedId ?? index.rootId);
    if (position) zoomRef.current?.reveal(unitBox(position));
  }, [size, layout, selectedId, index]);

  return { zoomRef, size, minScale };
}

/** The minimap's box over this chart, in the chart's screen pixels; none when it is hidden (phones) or not drawn. */
function minimapObstacle(svg: SVGSVGElement): ViewRect[] {
  const minimap = svg.parentElement?.querySelector('.minimap');
  if (!minimap) return [];
  const box = minimap.getBoundingClientRect();
  const chart = svg.getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? [{ x: box.left - chart.left, y: box.top - chart.top, width: box.width, height: box.height }] : [];
}
