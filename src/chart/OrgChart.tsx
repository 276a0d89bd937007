/**
 * The chart view: React renders the SVG from a pure layout; d3-zoom (through
 * zoom.ts) owns only the pan/zoom listeners on the <svg>. The zoom transform
 * lives in the store and only <Viewport> reads it, so a pan re-renders one <g>.
 */
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { headLine, kindLabel } from '../model/present.ts';
import { pathToRoot, visiblePreorder, type OrgIndex } from '../model/tree.ts';
import { EMPTY_COLLAPSED, useStore } from '../store/store.ts';
import { layoutChart, type ChartLayout } from './layout.ts';
import { NodeCard } from './NodeCard.tsx';
import { createZoomController, type ZoomController } from './zoom.ts';

const ZOOM_STEP = 1.4;

export function OrgChart() {
  const chartId = useStore((s) => s.activeChartId);
  const slot = useStore((s) => (s.activeChartId === null ? undefined : s.charts[s.activeChartId]));
  const manifestError = useStore((s) => s.manifestError);

  if (manifestError !== null) {
    return (
      <div className="chart-message" role="alert">
        <h2>The list of charts could not be loaded</h2>
        <pre>{manifestError}</pre>
      </div>
    );
  }
  if (chartId === null || slot === undefined || slot.status === 'loading') {
    return (
      <p className="chart-message" role="status">
        Loading chart…
      </p>
    );
  }
  if (slot.status === 'error') {
    return (
      <div className="chart-message" role="alert">
        <h2>This chart could not be loaded</h2>
        <p>The file has problems. Other charts still work: pick one above.</p>
        <pre>{slot.message}</pre>
      </div>
    );
  }
  return <ChartCanvas key={chartId} chartId={chartId} index={slot.index} />;
}

function Viewport({ children }: { children: ReactNode }) {
  const transform = useStore((s) => s.transform);
  return <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>{children}</g>;
}

function ZoomLevel() {
  const k = useStore((s) => s.transform.k);
  return (
    <output className="zoom-level" aria-live="off" title="Zoom level">
      {Math.round(k * 100)}%
    </output>
  );
}

function ChartCanvas({ chartId, index }: { chartId: string; index: OrgIndex }) {
  const collapsed = useStore((s) => s.collapsedByChart[chartId] ?? EMPTY_COLLAPSED);
  const selectedId = useStore((s) => s.selectedId);
  const focusedId = useStore((s) => s.focusedId);
  const viewRequest = useStore((s) => s.viewRequest);
  const setTransform = useStore((s) => s.setTransform);
  const select = useStore((s) => s.select);
  const setFocused = useStore((s) => s.setFocused);
  const setCollapsed = useStore((s) => s.setCollapsed);
  const expandAll = useStore((s) => s.expandAll);
  const collapseAll = useStore((s) => s.collapseAll);

  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomController | null>(null);
  const handledRequest = useRef<number | null>(null);

  const layout: ChartLayout = useMemo(() => layoutChart(index, collapsed), [index, collapsed]);
  const order = useMemo(() => visiblePreorder(index, collapsed), [index, collapsed]);
  const pathIds = useMemo(() => new Set(pathToRoot(index, selectedId ?? index.rootId)), [index, selectedId]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const controller = createZoomController(svg, setTransform);
    zoomRef.current = controller;
    return () => {
      controller.destroy();
      zoomRef.current = null;
    };
  }, [setTransform]);

  // Carry out view requests from the store once the layout they refer to is drawn.
  useEffect(() => {
    const controller = zoomRef.current;
    if (!controller || viewRequest === null || handledRequest.current === viewRequest.nonce) return;
    const firstView = handledRequest.current === null;
    handledRequest.current = viewRequest.nonce;
    if (viewRequest.kind === 'fit') {
      controller.fit(layout.bounds, 1, !firstView);
      return;
    }
    const position = layout.positionOf.get(viewRequest.id);
    if (!position) return;
    if (viewRequest.kind === 'center') controller.centerOn(position.x, position.y, undefined, !firstView);
    else controller.reveal(boxOf(position));
  }, [viewRequest, layout]);

  // Keyboard focus follows the roving tabindex into view.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || focusedId === null || !svg.contains(document.activeElement)) return;
    const element = svg.querySelector<SVGGElement>(`[data-id="${CSS.escape(focusedId)}"]`);
    if (element && element !== document.activeElement) element.focus({ preventScroll: true });
    const position = layout.positionOf.get(focusedId);
    if (position) zoomRef.current?.reveal(boxOf(position));
  }, [focusedId, layout]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGSVGElement>) => {
      const current = focusedId !== null && layout.positionOf.has(focusedId) ? focusedId : index.rootId;
      const at = order.indexOf(current);
      const children = index.childrenOf.get(current) ?? [];
      const isCollapsed = collapsed.has(current);
      let next: string | undefined;
      switch (event.key) {
        case 'ArrowDown':
          next = order[Math.min(order.length - 1, at + 1)];
          break;
        case 'ArrowUp':
          next = order[Math.max(0, at - 1)];
          break;
        case 'Home':
          next = order[0];
          break;
        case 'End':
          next = order[order.length - 1];
          break;
        case 'ArrowRight':
          if (children.length === 0) break;
          if (isCollapsed) setCollapsed(current, false);
          else next = children[0];
          break;
        case 'ArrowLeft':
          if (children.length > 0 && !isCollapsed) setCollapsed(current, true);
          else next = index.parentOf.get(current) ?? undefined;
          break;
        case 'Enter':
        case ' ':
          select(current);
          break;
        case '+':
        case '=':
          zoomRef.current?.zoomBy(ZOOM_STEP);
          break;
        case '-':
          zoomRef.current?.zoomBy(1 / ZOOM_STEP);
          break;
        case '0':
          zoomRef.current?.fit(layout.bounds);
          break;
        default:
          return;
      }
      event.preventDefault();
      if (next !== undefined) setFocused(next);
    },
    [focusedId, layout, order, index, collapsed, select, setFocused, setCollapsed],
  );

  const cards = useMemo(
    () =>
      layout.nodes.map((position) => {
        const unit = index.byId.get(position.id);
        if (!unit) return null;
        const parentId = index.parentOf.get(position.id) ?? null;
        const siblings = parentId === null ? [position.id] : (index.childrenOf.get(parentId) ?? []);
        return (
          <NodeCard
            key={position.id}
            id={position.id}
            x={position.x}
            y={position.y}
            width={position.width}
            height={position.height}
            name={unit.name}
            nativeName={unit.nativeName?.text ?? null}
            nativeLang={unit.nativeName?.lang ?? null}
            kind={unit.kind ?? 'unit'}
            kindLabel={kindLabel(unit.kind)}
            headLine={parentId === null ? headLine(unit) : null}
            childCount={index.childrenOf.get(position.id)?.length ?? 0}
            descendantCount={index.descendantCount.get(position.id) ?? 0}
            collapsed={collapsed.has(position.id)}
            level={position.depth + 1}
            setSize={siblings.length}
            posInSet={siblings.indexOf(position.id) + 1}
            onPath={pathIds.has(position.id)}
          />
        );
      }),
    [layout, index, collapsed, pathIds],
  );

  const links = useMemo(
    () => layout.links.map((link) => <path key={link.id} d={link.d} className={pathIds.has(link.id) ? 'link is-on-path' : 'link'} />),
    [layout, pathIds],
  );

  return (
    <div className="chart">
      <div className="chart-toolbar" role="toolbar" aria-label="Chart view">
        <button type="button" onClick={() => zoomRef.current?.zoomBy(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in (+)">
          +
        </button>
        <ZoomLevel />
        <button type="button" onClick={() => zoomRef.current?.zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out" title="Zoom out (−)">
          −
        </button>
        <button type="button" onClick={() => zoomRef.current?.fit(layout.bounds)} title="Fit the whole chart on screen (0)">
          Fit to screen
        </button>
        <span className="toolbar-sep" aria-hidden="true" />
        <button type="button" onClick={expandAll}>
          Expand all
        </button>
        <button type="button" onClick={collapseAll}>
          Collapse all
        </button>
      </div>
      <svg
        ref={svgRef}
        className="chart-svg"
        role="tree"
        aria-label={`Org chart: ${index.chart.title}`}
        aria-describedby="chart-help"
        onKeyDown={onKeyDown}
      >
        <Viewport>
          <g className="links" aria-hidden="true">
            {links}
          </g>
          <g className="nodes">{cards}</g>
        </Viewport>
      </svg>
      <p id="chart-help" className="chart-help">
        Drag to pan, scroll or pinch to zoom. In the chart: arrow keys move, Enter selects, Right and Left expand and collapse, + and −
        zoom, 0 fits.
      </p>
    </div>
  );
}

function boxOf(position: { x: number; y: number; width: number; height: number }) {
  return {
    minX: position.x - position.width / 2,
    maxX: position.x + position.width / 2,
    minY: position.y - position.height / 2,
    maxY: position.y + position.height / 2 + 12,
  };
}
