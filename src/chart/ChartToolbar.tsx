/**
 * The chart's toolbar: zoom, fit, fold all, turn, export. One tab stop; arrow
 * keys move along it (WAI-ARIA toolbar). Its moves go straight to the pane's
 * zoom controller, or through the store's actions.
 */
import { type ReactNode, type RefObject, useCallback, useRef } from 'react';

import type { ChartLayout } from '../engine/layout.ts';
import { type ViewTransform, type ZoomController, zoomPercent } from '../engine/zoom.ts';
import type { Messages } from '../i18n/messages.ts';
import type { NameMode } from '../model/present.ts';
import type { OrgIndex } from '../model/tree.ts';
import { useDetailsMenu, useRovingToolbar } from '../shared/dom.ts';
import { keysLabel } from '../shared/shortcuts.ts';
import { collapsedOf, type PaneId, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { usePaneTransform } from './openingView.ts';

/** How far one press of + or − zooms. */
export const ZOOM_STEP = 1.4;

interface ChartToolbarProps {
  readonly pane: PaneId;
  readonly index: OrgIndex;
  readonly layout: ChartLayout;
  readonly minScale: number;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly zoomRef: RefObject<ZoomController | null>;
  readonly toolbarRef: RefObject<HTMLDivElement | null>;
  /** Controls App adds at the end (the timeline's menu): each a button or a <details> with a <summary>, so the arrow keys reach it. */
  readonly children?: ReactNode;
}

export function ChartToolbar({ pane, index, layout, minScale, svgRef, zoomRef, toolbarRef, children }: ChartToolbarProps) {
  const t = useMessages();
  const expandAll = useStore((s) => s.expandAll);
  const collapseAll = useStore((s) => s.collapseAll);
  const orientation = useStore((s) => s.orientation);
  const setOrientation = useStore((s) => s.setOrientation);
  const collapsed = useStore((s) => collapsedOf(s, pane));
  const nameMode = useStore((s) => s.preferences.names);
  const zoomedOutFully = usePaneTransform(
    pane,
    useCallback((transform: ViewTransform) => transform.k <= minScale * 1.001, [minScale]),
  );
  useRovingToolbar(toolbarRef, ':scope > button, :scope > details > summary');

  return (
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
      {children ? (
        <>
          <span className="toolbar-sep" aria-hidden="true" />
          {children}
        </>
      ) : null}
    </div>
  );
}

const scaleOf = (transform: ViewTransform) => transform.k;

function ZoomLevel({ pane, title }: { pane: PaneId; title: string }) {
  const k = usePaneTransform(pane, scaleOf);
  return (
    <output className="zoom-level" aria-live="off" title={title}>
      {zoomPercent(k)}
    </output>
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
      // The export code loads on first use: nobody needs it to read the chart.
      const [{ chartToSvg, exportFileName }, { downloadBlob, svgToPng }, { chartToCsv }] = await Promise.all([
        import('../engine/svgExport.ts'),
        import('./download.ts'),
        import('../model/table.ts'),
      ]);
      if (kind === 'json') {
        // Points at the schema this app serves, so the file validates in editors.
        const schemaUrl = new URL(`${import.meta.env.BASE_URL}schema/org-chart.schema.json`, window.location.href).toString();
        // The file's whole chart, its past included, not the view on a date.
        const document = { ...index.fullChart, $schema: schemaUrl };
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
