/**
 * The chart view: React renders the SVG from a pure layout; d3-zoom (through
 * zoom.ts) owns only the pan/zoom listeners on the <svg>. The zoom transform
 * lives in the store and only <Viewport> reads it, so a pan re-renders one <g>.
 */
import { type KeyboardEvent, type ReactNode, type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

import { type Bounds, type ChartLayout, layoutChart, linkPathData } from '../engine/layout.ts';
import { buildSpatialGrid } from '../engine/spatial.ts';
import { chartToSvg, exportFileName } from '../engine/svgExport.ts';
import {
  createZoomController,
  keepInPlace,
  needsMinimap,
  OPENING_MIN_SCALE,
  OPENING_SCALE,
  openingTransform,
  READABLE_SCALE,
  reshapeTransform,
  type ViewRect,
  type ZoomController,
  zoomOutLimit,
  zoomPercent,
} from '../engine/zoom.ts';
import type { Messages } from '../i18n/messages.ts';
import { cardKindText, headOf, type NameMode, nativeNameNote, shownNames } from '../model/present.ts';
import { chartToCsv } from '../model/table.ts';
import { type OrgIndex, pathToRoot, treePosition, visiblePreorder } from '../model/tree.ts';
import { listenOnWindow, useDetailsMenu, useRovingToolbar } from '../shared/dom.ts';
import { useFocusRequest } from '../shared/focus.ts';
import { commandOf, keysLabel } from '../shared/shortcuts.ts';
import { useDarkTheme } from '../shared/theme.ts';
import { useTreeKeyboard } from '../shared/treeKeyboard.ts';
import { collapsedOf, type PaneId, useStore, type ViewRequest, type ViewTransform } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { LodCanvas, Minimap } from './canvasLayers.tsx';
import { downloadBlob, svgToPng } from './download.ts';
import { NodeCard } from './NodeCard.tsx';

const ZOOM_STEP = 1.4;
/** The chart's own keys, besides the tree's (see shared/shortcuts.ts). */
const CHART_COMMANDS = ['select', 'zoomIn', 'zoomOut', 'fit'] as const;
/** The printed chart box (see the print styles), in CSS pixels. */
const PRINT_WIDTH = 680;
const PRINT_HEIGHT = 566;
/** More cards than this near the screen and text would be unreadable: draw boxes on a canvas instead. */
const LOD_CARD_LIMIT = 700;
/** Below this zoom a card is a few pixels wide and its text unreadable: boxes on the canvas say as much, far cheaper. */
const LOD_SCALE = 0.15;
/** The culling margin and its snapping step, as a fraction of the screen: 4 is a quarter. */
const CULLING_MARGIN_STEPS = 4;

/**
 * The area to draw cards for: the screen plus a quarter of a screen on every
 * side, snapped to steps of about a quarter screen, as a string so the store
 * selector only changes (and React only re-renders) when the snapped window
 * moves. A wider margin re-renders less often while panning but draws many
 * more cards nobody sees: a dense chart (wrapped rows) had 250 in the DOM.
 */
function cullingWindowKey(t: ViewTransform, width: number, height: number): string {
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

function boundsOfWindowKey(key: string): Bounds {
  const [step = 1, x0 = 0, y0 = 0, x1 = 0, y1 = 0] = key.split('|').map(Number);
  return { minX: x0 * step, minY: y0 * step, maxX: x1 * step, maxY: y1 * step };
}

export interface ChartDecorations {
  /** Units to light up, e.g. the counterparts of what is pointed at on the other side. */
  readonly highlighted?: ReadonlySet<string>;
  /** Short badges drawn on cards, e.g. "Only here". */
  readonly badges?: ReadonlyMap<string, string>;
  /** Called with the unit under the pointer or keyboard focus, and null when it leaves. */
  readonly onPoint?: (unitId: string | null) => void;
}

export interface OrgChartProps extends ChartDecorations {
  readonly pane?: PaneId;
  /** Names the chart region when several are on screen. */
  readonly label?: string;
}

export function OrgChart({ pane = 'main', label, ...decorations }: OrgChartProps) {
  const chartId = useStore((s) => s.panes[pane].chartId);
  const slot = useStore((s) => (s.panes[pane].chartId === null ? undefined : s.charts[s.panes[pane].chartId ?? '']));
  const manifestError = useStore((s) => s.manifestError);
  const t = useMessages();

  if (manifestError !== null && chartId === null) {
    return (
      <div className="chart-message" role="alert">
        <h2>{t.listLoadFailed}</h2>
        <pre>{manifestError}</pre>
      </div>
    );
  }
  if (chartId === null || slot === undefined || slot.status === 'loading') {
    return (
      <p className="chart-message" role="status">
        {t.loadingChart}
      </p>
    );
  }
  if (slot.status === 'error') {
    return (
      <div className="chart-message" role="alert">
        <h2>{t.chartLoadFailed}</h2>
        <p>{t.chartLoadFailedHint}</p>
        <pre>{slot.message}</pre>
      </div>
    );
  }
  return <ChartCanvas key={chartId} pane={pane} index={slot.index} label={label} decorations={decorations} />;
}

function Viewport({ pane, children }: { pane: PaneId; children: ReactNode }) {
  const transform = useStore((s) => s.panes[pane].transform);
  return (
    <g role="none" transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
      {children}
    </g>
  );
}

function ZoomLevel({ pane, title }: { pane: PaneId; title: string }) {
  const k = useStore((s) => s.panes[pane].transform.k);
  return (
    <output className="zoom-level" aria-live="off" title={title}>
      {zoomPercent(k)}
    </output>
  );
}

interface ChartCanvasProps {
  readonly pane: PaneId;
  readonly index: OrgIndex;
  readonly label: string | undefined;
  readonly decorations: ChartDecorations;
}

function ChartCanvas({ pane, index, label, decorations }: ChartCanvasProps) {
  const collapsed = useStore((s) => collapsedOf(s, pane));
  const selectedId = useStore((s) => s.panes[pane].selectedId);
  const focusedId = useStore((s) => s.panes[pane].focusedId);
  const viewRequest = useStore((s) => s.panes[pane].viewRequest);
  const setTransform = useStore((s) => s.setTransform);
  const selectUnit = useStore((s) => s.select);
  const focusUnit = useStore((s) => s.setFocused);
  const expandAll = useStore((s) => s.expandAll);
  const collapseAll = useStore((s) => s.collapseAll);
  const select = useCallback((id: string) => selectUnit(id, pane), [selectUnit, pane]);
  const setFocused = useCallback((id: string) => focusUnit(id, pane), [focusUnit, pane]);
  const { highlighted, badges, onPoint } = decorations;
  const t = useMessages();
  const nameMode = useStore((s) => s.preferences.names);
  const dark = useDarkTheme();

  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomController | null>(null);
  const hasViewed = useRef(false);
  const [size, setSize] = useState({ width: 800, height: 600, top: 68 });
  /** The chart's on-screen size, measured once per resize rather than on every zoom event. */
  const sizeRef = useRef({ width: 0, height: 0, top: 68 });
  const toolbarRef = useRef<HTMLDivElement>(null);
  // One tab stop for the toolbar; arrow keys move along it (WAI-ARIA toolbar).
  useRovingToolbar(toolbarRef, ':scope > button, :scope > details > summary');
  /** Whole pixels from clientWidth/Height, the same on every read; the top inset clears the toolbar however it wraps. */
  const measure = useCallback(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const toolbarBottom = toolbarRef.current ? toolbarRef.current.offsetTop + toolbarRef.current.offsetHeight : 56;
    sizeRef.current = { width: svg.clientWidth || 800, height: svg.clientHeight || 600, top: toolbarBottom + 12 };
    setSize((current) =>
      current.width === sizeRef.current.width && current.height === sizeRef.current.height && current.top === sizeRef.current.top
        ? current
        : { ...sizeRef.current },
    );
  }, []);
  useLayoutEffect(measure, [measure]);

  const orientation = useStore((s) => s.orientation);
  const setOrientation = useStore((s) => s.setOrientation);
  const layout: ChartLayout = useMemo(() => layoutChart(index, collapsed, orientation), [index, collapsed, orientation]);
  const order = useMemo(() => visiblePreorder(index, collapsed), [index, collapsed]);
  const pathIds = useMemo(() => new Set(pathToRoot(index, selectedId ?? index.rootId)), [index, selectedId]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const controller = createZoomController(
      svg,
      (transform, fromSync) => setTransform(pane, transform, fromSync),
      () => sizeRef.current,
      () => minimapObstacle(svg),
    );
    // A remounted chart (e.g. back from compare) is drawn at the pane's stored transform; d3 must start from it
    // too, or the first drag would jump back to the identity (guide pitfall 6).
    controller.adopt(useStore.getState().panes[pane].transform);
    zoomRef.current = controller;
    return () => {
      controller.destroy();
      zoomRef.current = null;
    };
  }, [setTransform, pane]);

  // Printing: fit the whole chart into the printed box (180 × 150 mm at 96 dpi) and draw it before the
  // page is laid out, then put the view back. flushSync makes React draw within the event.
  const layoutForPrint = useRef(layout);
  useEffect(() => {
    layoutForPrint.current = layout;
  }, [layout]);
  useEffect(() => {
    let saved: { x: number; y: number; k: number } | null = null;
    const beforePrint = () => {
      const controller = zoomRef.current;
      if (!controller) return;
      const t = controller.current();
      saved = { x: t.x, y: t.y, k: t.k };
      flushSync(() => controller.fitInto(layoutForPrint.current.bounds, PRINT_WIDTH, PRINT_HEIGHT));
    };
    const afterPrint = () => {
      if (saved) zoomRef.current?.jumpTo(saved);
      saved = null;
    };
    return listenOnWindow({ beforeprint: beforePrint, afterprint: afterPrint });
  }, []);

  // Linked views (compare): follow the other side's moves, but never echo a copied move back.
  useEffect(() => {
    if (pane === 'main') return;
    const partner: PaneId = pane === 'left' ? 'right' : 'left';
    return useStore.subscribe((state, previous) => {
      const moved = state.panes[partner].transform !== previous.panes[partner].transform;
      if (!state.linkedViews || !moved || state.panes[partner].transformFromSync) return;
      zoomRef.current?.syncTo(state.panes[partner].transform);
    });
  }, [pane]);

  // The layout last drawn: after Expand or Collapse all, the selected unit stays where that layout had it on screen.
  const drawnLayout = useRef<ChartLayout | null>(null);
  /** Where a pending reshape or keep request puts the view, from the current one. */
  const nextView = useCallback(
    (request: ViewRequest, current: ViewTransform): ViewTransform | null => {
      if (request.kind !== 'reshape' && request.kind !== 'keep') return null;
      const anchorId = request.kind === 'keep' ? request.id : (selectedId ?? index.rootId);
      const anchor = { before: drawnLayout.current?.positionOf.get(anchorId), after: layout.positionOf.get(anchorId) };
      if (request.kind === 'reshape')
        return reshapeTransform(layout.bounds, anchor, current, sizeRef.current.width, sizeRef.current.height, sizeRef.current.top);
      return keepInPlace(anchor, current);
    },
    [layout, selectedId, index],
  );

  // Side by side (compare), the point is to see both shapes: a pane opens whole down to READABLE_SCALE.
  const wholeChartScale = pane === 'main' ? OPENING_MIN_SCALE : READABLE_SCALE;
  // Carry out view requests from the store once the layout they refer to is drawn.
  const completeViewRequest = useStore((s) => s.completeViewRequest);
  useEffect(() => {
    const controller = zoomRef.current;
    if (!controller || viewRequest === null) return;
    const firstView = !hasViewed.current;
    hasViewed.current = true;
    completeViewRequest(pane, viewRequest.nonce);
    if (viewRequest.kind === 'open') {
      // Decided from the chart and the screen alone and applied at once, so StrictMode's second run of this
      // effect (dev server) lands on the very same view instead of undoing it.
      const root = layout.positionOf.get(index.rootId);
      if (root)
        controller.jumpTo(
          openingTransform(layout.bounds, { x: root.x, top: root.y - root.height / 2 }, sizeRef.current, { min: wholeChartScale, opening: OPENING_SCALE }),
        );
      return;
    }
    if (viewRequest.kind === 'fit') {
      controller.fitToScreen(layout.bounds, 1, !firstView);
      return;
    }
    const next = nextView(viewRequest, useStore.getState().panes[pane].transform);
    if (next) {
      controller.jumpTo(next);
      return;
    }
    if (viewRequest.kind === 'reshape' || viewRequest.kind === 'keep') return;
    const position = layout.positionOf.get(viewRequest.id);
    if (!position) return;
    if (viewRequest.kind === 'center') controller.centerBox(boxOf(position), undefined, !firstView);
    else controller.reveal(boxOf(position));
  }, [viewRequest, layout, index, pane, completeViewRequest, nextView, wholeChartScale]);

  useEffect(() => {
    drawnLayout.current = layout;
  }, [layout]);

  // Zooming out stops a little past the whole chart, so a small chart cannot be shrunk to a dot and lost.
  const minScale = useMemo(() => zoomOutLimit(layout.bounds, size.width, size.height, size.top), [layout, size]);
  useEffect(() => {
    // A chart that shrank under a view zoomed out past its new floor (its top unit folded at 0.5 %) keeps that
    // zoom as the floor: d3 would otherwise clamp the next wheel or − up to the floor, so zooming out would zoom in.
    zoomRef.current?.setMinScale(Math.min(minScale, useStore.getState().panes[pane].transform.k));
  }, [minScale, pane]);
  const zoomedOutFully = useStore(useCallback((s) => s.panes[pane].transform.k <= minScale * 1.001, [pane, minScale]));

  // Keyboard focus follows the roving tabindex into view.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || focusedId === null || !svg.contains(document.activeElement)) return;
    const element = svg.querySelector<SVGGElement>(`[data-id="${CSS.escape(focusedId)}"]`);
    if (element && element !== document.activeElement) element.focus({ preventScroll: true });
    const position = layout.positionOf.get(focusedId);
    if (position) zoomRef.current?.reveal(boxOf(position));
  }, [focusedId, layout]);

  // Focus asked for from outside the tree (a search result chosen): onto the focused unit's card once it is drawn.
  // After the effect above, which would otherwise see focus in the tree and cut short the view request's centring.
  useFocusRequest(pane, () =>
    focusedId === null ? null : svgRef.current?.querySelector<SVGGElement>(`[role="treeitem"][data-id="${CSS.escape(focusedId)}"]`),
  );

  // When the chart's box shrinks (a phone's details sheet rising, a window narrowed), the selected unit stays in view.
  const shownSize = useRef(size);
  useEffect(() => {
    const previous = shownSize.current;
    shownSize.current = size;
    if (size.width >= previous.width && size.height >= previous.height) return;
    const position = layout.positionOf.get(selectedId ?? index.rootId);
    if (position) zoomRef.current?.reveal(boxOf(position));
  }, [size, layout, selectedId, index]);

  const treeItemOf = useCallback((element: Element) => element.closest('[role="treeitem"]')?.getAttribute('data-id') ?? null, []);
  const treeItemElement = useCallback((unitId: string) => svgRef.current?.querySelector<SVGGElement>(`[role="treeitem"][data-id="${CSS.escape(unitId)}"]`), []);
  const chartKeys = useCallback(
    (event: KeyboardEvent<Element>, current: string) => {
      switch (commandOf(CHART_COMMANDS, event)) {
        case 'select':
          select(current);
          return true;
        case 'zoomIn':
          zoomRef.current?.zoomBy(ZOOM_STEP);
          return true;
        case 'zoomOut':
          zoomRef.current?.zoomBy(1 / ZOOM_STEP);
          return true;
        case 'fit':
          zoomRef.current?.fitToScreen(layout.bounds);
          return true;
        default:
          return false;
      }
    },
    [select, layout],
  );
  const keyboard = useTreeKeyboard({
    pane,
    index,
    order,
    collapsed,
    nameMode,
    unitOf: treeItemOf,
    elementOf: treeItemElement,
    moveFocus: setFocused,
    otherKeys: chartKeys,
  });

  // Culling: only cards near the screen are drawn. The window is snapped to a
  // coarse grid so panning re-renders the card list once every half screen,
  // not every frame; when too many cards would be on screen to read, a canvas
  // draws plain boxes instead (level of detail).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    if (toolbarRef.current) observer.observe(toolbarRef.current);
    return () => observer.disconnect();
  }, [measure]);
  const grid = useMemo(() => buildSpatialGrid(layout.nodes), [layout]);
  // While a reshape or keep is pending (expand all, collapse all, a fold), cull for where the view is about to be,
  // so a chart that just grew is never drawn card by card at the old view.
  const windowKey = useStore(
    useCallback(
      (s) => {
        const current = s.panes[pane].transform;
        return cullingWindowKey((viewRequest ? nextView(viewRequest, current) : null) ?? current, size.width, size.height);
      },
      [pane, size, viewRequest, nextView],
    ),
  );
  const inWindow = useMemo(() => grid.query(boundsOfWindowKey(windowKey)), [grid, windowKey]);
  const cardsTooSmallToRead = useStore(useCallback((s) => s.panes[pane].transform.k < LOD_SCALE, [pane]));
  const levelOfDetail = cardsTooSmallToRead || inWindow.length > LOD_CARD_LIMIT;
  // A chart that fits on screen at a readable size needs no map of itself.
  const showMinimap = useMemo(() => needsMinimap(layout.bounds, size, wholeChartScale), [layout, size, wholeChartScale]);
  const shownIds = useMemo(() => {
    // The selected and focused units are always real cards: keyboard focus and screen readers need them.
    const always = [selectedId ?? index.rootId, focusedId].filter((id): id is string => id !== null && layout.positionOf.has(id));
    if (levelOfDetail) return [...new Set(always)];
    const ids = new Set(inWindow);
    for (const id of always) ids.add(id);
    return [...ids];
  }, [inWindow, levelOfDetail, selectedId, focusedId, index, layout]);

  const cards = useMemo(
    () =>
      shownIds.map((id) => {
        const position = layout.positionOf.get(id);
        const unit = index.byId.get(id);
        if (!unit || !position) return null;
        const parentId = index.parentOf.get(id) ?? null;
        const names = shownNames(unit, nameMode, index.chart.language ?? null);
        return (
          <NodeCard
            key={id}
            pane={pane}
            id={id}
            x={position.x}
            y={position.y}
            width={position.width}
            height={position.height}
            name={names.primary.text}
            nameLang={names.primary.lang}
            secondName={names.secondary?.text ?? null}
            secondLang={names.secondary?.lang ?? null}
            // Marked only where Chinese names replace the chart's own: with both shown, a card without a Chinese line says it plainly.
            nameNote={nameMode === 'native' ? nativeNameNote(unit, nameMode) : null}
            kind={unit.kind ?? 'unit'}
            kindLabel={cardKindText(unit, t.kinds)}
            head={parentId === null ? headOf(unit, nameMode) : null}
            childCount={index.childrenOf.get(id)?.length ?? 0}
            descendantCount={index.descendantCount.get(id) ?? 0}
            collapsed={collapsed.has(id)}
            {...treePosition(index, id)}
            onPath={pathIds.has(id)}
            highlighted={highlighted?.has(id) ?? false}
            badge={badges?.get(id) ?? null}
            toggleAt={orientation === 'left-right' ? 'right' : 'bottom'}
            messages={t}
          />
        );
      }),
    [shownIds, layout, index, collapsed, pathIds, pane, highlighted, badges, orientation, nameMode, t],
  );

  // Once per layout, not on every move of the culling window while panning.
  const linkOf = useMemo(() => new Map(layout.links.map((link) => [link.id, link])), [layout]);
  const links = useMemo(() => {
    if (levelOfDetail) return null;
    // Each card's own line, and the lines down to its children: a unit on screen shows that it has units under it
    // even when they are all off screen. (Folded children have no layout, hence no line.)
    const ids = new Set(shownIds);
    for (const id of shownIds) for (const child of index.childrenOf.get(id) ?? []) if (linkOf.has(child)) ids.add(child);
    const area = boundsOfWindowKey(windowKey);
    const rails = layout.rails
      .filter((rail) => rail.x >= area.minX && rail.x <= area.maxX && rail.bottom >= area.minY && rail.top <= area.maxY)
      .map((rail) => <path key={`rail ${rail.id}`} d={`M${rail.x},${rail.top}V${rail.bottom}`} className="link" />);
    return [
      ...rails,
      ...[...ids].map((id) => {
        const link = linkOf.get(id);
        return link ? <path key={id} d={linkPathData(link.points)} className={pathIds.has(id) ? 'link is-on-path' : 'link'} /> : null;
      }),
    ];
  }, [levelOfDetail, linkOf, shownIds, pathIds, index, layout, windowKey]);

  const pointAt = useCallback(
    (target: EventTarget | null) => {
      if (!onPoint) return;
      // A card, or its avatar and fold button drawn beside it.
      const node = (target as Element | null)?.closest?.('[role="treeitem"], [data-decor-for]');
      onPoint(node?.getAttribute('data-id') ?? node?.getAttribute('data-decor-for') ?? null);
    },
    [onPoint],
  );

  return (
    <div className="chart">
      <div className="chart-toolbar" role="toolbar" aria-label={t.chartView} ref={toolbarRef}>
        <button type="button" onClick={() => zoomRef.current?.zoomBy(ZOOM_STEP)} aria-label={t.zoomIn} title={`${t.zoomIn} (${keysLabel('zoomIn', t)})`}>
          +
        </button>
        <ZoomLevel pane={pane} title={t.zoomLevel} />
        <button
          type="button"
          // aria-disabled rather than disabled: the button keeps its place in the toolbar's arrow-key order and its focus.
          aria-disabled={zoomedOutFully || undefined}
          onClick={() => {
            if (!zoomedOutFully) zoomRef.current?.zoomBy(1 / ZOOM_STEP);
          }}
          aria-label={t.zoomOut}
          title={`${t.zoomOut} (${keysLabel('zoomOut', t)})`}
        >
          −
        </button>
        <button type="button" onClick={() => zoomRef.current?.fitToScreen(layout.bounds)} title={t.fitHint}>
          <ToolIcon path={ICONS.fit} />
          <span className="button-label">{t.fit}</span>
        </button>
        <span className="toolbar-sep" aria-hidden="true" />
        <button type="button" onClick={() => expandAll(pane)}>
          <ToolIcon path={ICONS.expandAll} />
          <span className="button-label">{t.expandAll}</span>
        </button>
        <button type="button" onClick={() => collapseAll(pane)}>
          <ToolIcon path={ICONS.collapseAll} />
          <span className="button-label">{t.collapseAll}</span>
        </button>
        <button
          type="button"
          aria-pressed={orientation === 'left-right'}
          onClick={() => setOrientation(orientation === 'left-right' ? 'top-down' : 'left-right')}
          title={t.leftToRightHint}
        >
          <ToolIcon path={ICONS.leftToRight} />
          <span className="button-label">{t.leftToRight}</span>
        </button>
        <span className="toolbar-sep" aria-hidden="true" />
        <ExportMenu index={index} layout={layout} collapsed={collapsed} svgRef={svgRef} zoomRef={zoomRef} messages={t} nameMode={nameMode} />
      </div>
      <LodCanvas pane={pane} index={index} layout={layout} grid={grid} active={levelOfDetail} width={size.width} height={size.height} dark={dark} />
      <svg
        ref={svgRef}
        className="chart-svg"
        role="tree"
        aria-label={label ?? t.chartLabel(index.chart.title)}
        aria-describedby={`chart-help-${pane}`}
        onKeyDown={keyboard.onKeyDown}
        onPointerDown={keyboard.onPointerDown}
        onPointerOver={onPoint ? (event) => pointAt(event.target) : undefined}
        onPointerLeave={onPoint ? () => onPoint(null) : undefined}
        onFocus={(event) => {
          keyboard.onFocus(event);
          pointAt(event.target);
        }}
      >
        <Viewport pane={pane}>
          <g className="links" aria-hidden="true">
            {links}
          </g>
          <g className="nodes" role="none">
            {cards}
          </g>
        </Viewport>
      </svg>
      {showMinimap ? (
        <Minimap pane={pane} index={index} layout={layout} zoomRef={zoomRef} width={size.width} height={size.height} label={t.minimap} dark={dark} />
      ) : null}
      <p id={`chart-help-${pane}`} className="chart-help">
        {t.chartHelp}
      </p>
    </div>
  );
}

interface ExportMenuProps {
  readonly index: OrgIndex;
  readonly layout: ChartLayout;
  readonly collapsed: ReadonlySet<string>;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly zoomRef: RefObject<ZoomController | null>;
  readonly messages: Messages;
  readonly nameMode: NameMode;
}

type ExportKind = 'svg' | 'svg-view' | 'png' | 'png-view' | 'json' | 'csv';
const EXPORT_CHOICES: readonly (readonly [ExportKind, 'exportSvg' | 'exportSvgView' | 'exportPng' | 'exportPngView' | 'exportJson' | 'exportCsv'])[] = [
  ['svg', 'exportSvg'],
  ['svg-view', 'exportSvgView'],
  ['png', 'exportPng'],
  ['png-view', 'exportPngView'],
  ['json', 'exportJson'],
  ['csv', 'exportCsv'],
];

function ExportMenu({ index, layout, collapsed, svgRef, zoomRef, messages, nameMode }: ExportMenuProps) {
  const showNotice = useStore((s) => s.showNotice);
  const detailsRef = useRef<HTMLDetailsElement>(null);

  /** The part of the chart now on screen, in chart coordinates. */
  const viewBounds = () => {
    const svg = svgRef.current;
    const t = zoomRef.current?.current();
    if (!svg || !t) return layout.bounds;
    return { minX: t.invertX(0), minY: t.invertY(0), maxX: t.invertX(svg.clientWidth), maxY: t.invertY(svg.clientHeight) };
  };

  const menu = useDetailsMenu(detailsRef);

  const run = async (kind: ExportKind) => {
    menu.close();
    try {
      if (kind === 'json') {
        // Points at the schema this app serves, so the file validates in editors.
        const schemaUrl = new URL(`${import.meta.env.BASE_URL}schema/org-chart.schema.json`, window.location.href).toString();
        const document = { ...index.chart, $schema: schemaUrl };
        downloadBlob(new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' }), exportFileName(index, 'json'));
        return;
      }
      if (kind === 'csv') {
        downloadBlob(new Blob([await chartToCsv(index)], { type: 'text/csv;charset=utf-8' }), exportFileName(index, 'csv'));
        return;
      }
      const clip = kind.endsWith('-view') ? viewBounds() : undefined;
      // What is exported reads as the screen does: the names the user chose, and kinds in the interface's language.
      const svg = chartToSvg(index, layout, collapsed, { ...(clip ? { clip } : {}), names: nameMode, kindLabels: messages.kinds });
      const suffix = clip ? '-view' : '';
      if (kind.startsWith('svg')) downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), exportFileName(index, 'svg', suffix));
      else downloadBlob(await svgToPng(svg), exportFileName(index, 'png', suffix));
    } catch (err) {
      showNotice({ tone: 'error', text: (m) => m.exportFailed(err instanceof Error ? err.message : String(err)) });
    }
  };

  return (
    <details className="export-menu" ref={detailsRef} onKeyDown={menu.onKeyDown}>
      <summary>
        <ToolIcon path={ICONS.exportMenu} />
        <span className="button-label">{messages.exportMenu}</span>
      </summary>
      <div className="export-options" role="group" aria-label={messages.exportMenu}>
        {EXPORT_CHOICES.map(([kind, label]) => (
          <button key={kind} type="button" onClick={() => void run(kind)}>
            {messages[label]}
          </button>
        ))}
      </div>
    </details>
  );
}

/** Line icons for the toolbar (16 × 16, drawn with the text colour); on phones they stand in for the words, which stay for screen readers. */
const ICONS = {
  fit: 'M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4',
  expandAll: 'M2.5 2.5h11v11h-11zM8 5v6M5 8h6',
  collapseAll: 'M2.5 2.5h11v11h-11zM5 8h6',
  leftToRight: 'M2 8h4M6 3.5v9M6 3.5h4M6 8h4M6 12.5h4M12 2.5v2M12 7v2M12 11.5v2',
  exportMenu: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13.5h10',
} as const;

function ToolIcon({ path }: { path: string }) {
  return (
    <svg className="tool-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The minimap's box over this chart, in the chart's screen pixels; none when it is hidden (phones) or not drawn. */
function minimapObstacle(svg: SVGSVGElement): ViewRect[] {
  const minimap = svg.parentElement?.querySelector('.minimap');
  if (!minimap) return [];
  const box = minimap.getBoundingClientRect();
  const chart = svg.getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? [{ x: box.left - chart.left, y: box.top - chart.top, width: box.width, height: box.height }] : [];
}

function boxOf(position: { x: number; y: number; width: number; height: number }) {
  return {
    minX: position.x - position.width / 2,
    maxX: position.x + position.width / 2,
    minY: position.y - position.height / 2,
    maxY: position.y + position.height / 2 + 12,
  };
}
