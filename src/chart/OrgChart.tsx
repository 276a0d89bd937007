/**
 * The chart view: React renders the SVG from a pure layout (src/engine); the
 * pane's zoom controller (usePaneZoom) owns only the pan/zoom listeners on the
 * <svg>. The zoom transform lives in the store and only <Viewport> reads it,
 * so a pan re-renders one <g>, and a card list only when culling says so.
 */
import { type KeyboardEvent, lazy, type ReactNode, Suspense, useCallback, useMemo, useRef, useState } from 'react';

import { createLayoutMemo, linkPathData } from '../engine/layout.ts';
import { openingViewOf } from '../engine/viewMoves.ts';
import { needsMinimap, OPENING_MIN_SCALE, READABLE_SCALE, type ViewTransform } from '../engine/zoom.ts';
import { cardKindText, headOf, nativeNameNote, shownNames } from '../model/present.ts';
import { type OrgIndex, pathToRoot, treePosition, visiblePreorder } from '../model/tree.ts';
import { commandOf } from '../shared/shortcuts.ts';
import { useDarkTheme } from '../shared/theme.ts';
import { useTreeKeyboard } from '../shared/treeKeyboard.ts';
import { collapsedOf, type PaneId, paneIndex, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { LodCanvas, Minimap } from './canvasLayers.tsx';
import { ChartToolbar, ZOOM_STEP } from './ChartToolbar.tsx';
import { NodeCard } from './NodeCard.tsx';
import { OpeningViewContext, usePaneTransform } from './openingView.ts';
import { useCulledUnits } from './useCulledUnits.ts';
import { usePaneZoom } from './usePaneZoom.ts';

/** The chart's own keys, besides the tree's (see shared/shortcuts.ts). */
const CardDragLayer = lazy(() => import('./CardDragLayer.tsx'));

const CHART_COMMANDS = ['select', 'zoomIn', 'zoomOut', 'fit'] as const;

export interface ChartDecorations {
  /** Units to light up, e.g. the counterparts of what is pointed at on the other side. */
  readonly highlighted?: ReadonlySet<string>;
  /** Short badges drawn on cards, e.g. "Only here". */
  readonly badges?: ReadonlyMap<string, string>;
  /** How cards are marked (see NodeCard's `tone`), e.g. the kind of change. */
  readonly tones?: ReadonlyMap<string, string>;
  /** Words said after a card's badge and shown on pointing (see NodeCard's `note`). */
  readonly notes?: ReadonlyMap<string, string>;
  /** Called with the unit under the pointer or keyboard focus, and null when it leaves. */
  readonly onPoint?: (unitId: string | null) => void;
}

export interface OrgChartProps extends ChartDecorations {
  readonly pane?: PaneId;
  /** Names the chart region when several are on screen. */
  readonly label?: string;
  /** More controls at the end of the chart's toolbar (the timeline's), passed in by App. */
  readonly toolbarExtra?: ReactNode;
}

export function OrgChart({ pane = 'main', label, toolbarExtra, ...decorations }: OrgChartProps) {
  const chartId = useStore((s) => s.panes[pane].chartId);
  const slot = useStore((s) => (s.panes[pane].chartId === null ? undefined : s.charts[s.panes[pane].chartId ?? '']));
  // The chart as of the pane's date, if one is chosen.
  const index = useStore((s) => paneIndex(s, pane));
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
  if (chartId === null || slot === undefined || slot.status === 'loading' || (slot.status === 'ready' && index === null)) {
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
  return (
    <ChartCanvas key={chartId} pane={pane} chartId={chartId} index={index ?? slot.index} label={label} decorations={decorations} toolbarExtra={toolbarExtra} />
  );
}

const wholeTransform = (transform: ViewTransform) => transform;

function Viewport({ pane, children }: { pane: PaneId; children: ReactNode }) {
  const transform = usePaneTransform(pane, wholeTransform);
  return (
    <g role="none" transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
      {children}
    </g>
  );
}

interface ChartCanvasProps {
  readonly pane: PaneId;
  readonly chartId: string;
  readonly index: OrgIndex;
  readonly label: string | undefined;
  readonly decorations: ChartDecorations;
  readonly toolbarExtra: ReactNode;
}

function ChartCanvas({ pane, chartId, index, label, decorations, toolbarExtra }: ChartCanvasProps) {
  const collapsed = useStore((s) => collapsedOf(s, pane));
  const selectedId = useStore((s) => s.panes[pane].selectedId);
  const orientation = useStore((s) => s.orientation);
  const nameMode = useStore((s) => s.preferences.names);
  const selectUnit = useStore((s) => s.select);
  const focusUnit = useStore((s) => s.setFocused);
  const { highlighted, badges, tones, notes, onPoint } = decorations;
  const t = useMessages();
  const dark = useDarkTheme();
  const svgRef = useRef<SVGSVGElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const [layoutOf] = useState(createLayoutMemo);
  const layout = useMemo(() => layoutOf(index, collapsed, orientation), [layoutOf, index, collapsed, orientation]);
  const order = useMemo(() => visiblePreorder(index, collapsed), [index, collapsed]);
  const pathIds = useMemo(() => new Set(pathToRoot(index, selectedId ?? index.rootId)), [index, selectedId]);
  // Side by side (compare), the point is to see both shapes: a pane opens whole down to READABLE_SCALE.
  const wholeChartScale = pane === 'main' ? OPENING_MIN_SCALE : READABLE_SCALE;
  const { zoomRef, size, minScale } = usePaneZoom({ pane, chartId, index, layout, layoutOf, wholeChartScale, svgRef, toolbarRef });
  // While the pane waits to open this chart (see registerPaneView), the view it will open at.
  const opensNow = useStore((s) => s.queuedViews[pane]?.chartId === chartId && s.queuedViews[pane]?.move?.kind === 'open');
  const opening = useMemo(
    () => (opensNow ? openingViewOf(layout, index.rootId, size, wholeChartScale) : null),
    [opensNow, layout, index, size, wholeChartScale],
  );
  const culled = useCulledUnits(pane, index, layout, size, opening);
  // While the chart is edited: cards dragged onto a new parent.
  // A chart that fits on screen at a readable size needs no map of itself.
  const showMinimap = useMemo(() => needsMinimap(layout.bounds, size, wholeChartScale), [layout, size, wholeChartScale]);

  const treeItemOf = useCallback((element: Element) => element.closest('[role="treeitem"]')?.getAttribute('data-id') ?? null, []);
  const treeItemElement = useCallback((unitId: string) => svgRef.current?.querySelector<SVGGElement>(`[role="treeitem"][data-id="${CSS.escape(unitId)}"]`), []);
  const keyboard = useTreeKeyboard({
    pane,
    index,
    order,
    collapsed,
    nameMode,
    unitOf: treeItemOf,
    elementOf: treeItemElement,
    moveFocus: useCallback((id: string) => focusUnit(id, pane), [focusUnit, pane]),
    otherKeys: useCallback(
      (event: KeyboardEvent<Element>, current: string) => {
        switch (commandOf(CHART_COMMANDS, event)) {
          case 'select':
            selectUnit(current, pane);
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
      [selectUnit, pane, zoomRef, layout],
    ),
  });

  const cards = useMemo(
    () =>
      culled.cardIds.map((id) => {
        const position = layout.positionOf.get(id);
        const unit = index.byId.get(id);
        if (!unit || !position) return null;
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
            head={(index.parentOf.get(id) ?? null) === null ? headOf(unit, nameMode) : null}
            childCount={index.childrenOf.get(id)?.length ?? 0}
            descendantCount={index.descendantCount.get(id) ?? 0}
            collapsed={collapsed.has(id)}
            {...treePosition(index, id)}
            onPath={pathIds.has(id)}
            highlighted={highlighted?.has(id) ?? false}
            badge={badges?.get(id) ?? null}
            tone={tones?.get(id) ?? null}
            note={notes?.get(id) ?? null}
            toggleAt={orientation === 'left-right' ? 'right' : 'bottom'}
            messages={t}
          />
        );
      }),
    [culled.cardIds, layout, index, collapsed, pathIds, pane, highlighted, badges, tones, notes, orientation, nameMode, t],
  );

  // Once per layout, not on every move of the culling window while panning.
  const linkOf = useMemo(() => new Map(layout.links.map((link) => [link.id, link])), [layout]);
  const links = useMemo(
    () => [
      ...culled.rails.map((rail) => <path key={`rail ${rail.id}`} d={`M${rail.x},${rail.top}V${rail.bottom}`} className="link" />),
      ...culled.linkIds.map((id) => {
        const link = linkOf.get(id);
        return link ? <path key={id} d={linkPathData(link.points)} className={pathIds.has(id) ? 'link is-on-path' : 'link'} /> : null;
      }),
    ],
    [culled.rails, culled.linkIds, linkOf, pathIds],
  );

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
    <OpeningViewContext value={opening}>
      <div className="chart">
        <ChartToolbar pane={pane} index={index} layout={layout} minScale={minScale} svgRef={svgRef} zoomRef={zoomRef} toolbarRef={toolbarRef}>
          {toolbarExtra}
        </ChartToolbar>
        <LodCanvas
          pane={pane}
          index={index}
          layout={layout}
          grid={culled.grid}
          active={culled.levelOfDetail}
          width={size.width}
          height={size.height}
          dark={dark}
          tones={tones}
        />
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
            {/* Only the main pane's chart can be edited; the editing code loads when it is first drawn, not with the page. */}
            {pane === 'main' ? (
              <Suspense fallback={null}>
                <CardDragLayer pane={pane} chartId={chartId} index={index} layout={layout} svgRef={svgRef} zoomRef={zoomRef} />
              </Suspense>
            ) : null}
          </Viewport>
        </svg>
        {showMinimap ? (
          <Minimap pane={pane} index={index} layout={layout} zoomRef={zoomRef} width={size.width} height={size.height} label={t.minimap} dark={dark} />
        ) : null}
        <p id={`chart-help-${pane}`} className="chart-help">
          {t.chartHelp}
        </p>
      </div>
    </OpeningViewContext>
  );
}
