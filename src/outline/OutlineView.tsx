/**
 * The outline view: the same tree as the chart, as nested lists of buttons,
 * for anyone who would rather not (or cannot) use the drawing. It shares the
 * chart's folds and selection, so switching between the two loses nothing.
 * Arrow keys move between names as in the chart; Tab works as on any page.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { kindName } from '../i18n/messages.ts';
import { shownNames } from '../model/present.ts';
import { type OrgIndex, visiblePreorder } from '../model/tree.ts';
import { usePendingFocus } from '../shared/focus.ts';
import { useTreeKeyboard } from '../shared/treeKeyboard.ts';
import { collapsedOf, type PaneId, paneIndex, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

/** Rows drawn at a time in a long outline. */
const OUTLINE_PAGE = 1000;

export interface OutlineViewProps {
  readonly pane?: PaneId;
  readonly label?: string;
  /** Short badges, as on the chart's cards (e.g. "Unique" in the compare view). */
  readonly badges?: ReadonlyMap<string, string>;
  /** Units to mark, e.g. the counterparts of what is selected on the other side. */
  readonly highlighted?: ReadonlySet<string>;
}

export function OutlineView({ pane = 'main', label, badges, highlighted }: OutlineViewProps) {
  const index = useStore((s) => paneIndex(s, pane));
  const t = useMessages();
  if (index === null) {
    return (
      <p className="chart-message" role="status">
        {t.loadingChart}
      </p>
    );
  }
  return <Outline key={index.chart.id} pane={pane} index={index} label={label ?? t.outlineOf(index.chart.title)} badges={badges} highlighted={highlighted} />;
}

interface OutlineProps {
  readonly pane: PaneId;
  readonly index: OrgIndex;
  readonly label: string;
  readonly badges: ReadonlyMap<string, string> | undefined;
  readonly highlighted: ReadonlySet<string> | undefined;
}

function Outline({ pane, index, label, badges, highlighted }: OutlineProps) {
  const t = useMessages();
  const collapsed = useStore((s) => collapsedOf(s, pane));
  const selectedId = useStore((s) => s.panes[pane].selectedId) ?? index.rootId;
  const nameMode = useStore((s) => s.preferences.names);
  const showUnit = useStore((s) => s.showUnit);
  const setCollapsed = useStore((s) => s.setCollapsed);
  const containerRef = useRef<HTMLElement>(null);
  const order = useMemo(() => visiblePreorder(index, collapsed), [index, collapsed]);
  // A fully expanded chart of many thousands of units is listed a page at a time: drawing 10,000 rows at once
  // would freeze the page for over a second. The rows drawn always reach the selected unit.
  const [rowLimit, setRowLimit] = useState(OUTLINE_PAGE);
  // A unit selected past the rows drawn (e.g. from search) raises the limit itself, so the rows stay when the selection moves back.
  const selectedAt = order.indexOf(selectedId);
  if (selectedAt >= rowLimit) setRowLimit(selectedAt + 1);
  const shownRows = Math.min(order.length, rowLimit);
  /** A unit reached by keyboard beyond the rows drawn: focused once its page is drawn. */
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    containerRef.current?.querySelector<HTMLButtonElement>(`[data-outline-id="${CSS.escape(id)}"]`)?.focus();
  }, [shownRows]);
  const chartLanguage = index.chart.language ?? null;

  // Back in the chart, the unit chosen here is on screen.
  const choose = useCallback((id: string) => showUnit(id, pane), [showUnit, pane]);

  // Focus asked for from outside the outline (a search result chosen): onto the selected unit's row.
  const focusSelected = usePendingFocus(() => containerRef.current?.querySelector<HTMLButtonElement>(`[data-outline-id="${CSS.escape(selectedId)}"]`), {
    scrollToCentre: true,
  });
  const registerPaneView = useStore((s) => s.registerPaneView);
  const chartId = useStore((s) => s.panes[pane].chartId);
  useEffect(() => (chartId === null ? undefined : registerPaneView(pane, { chartId, focus: focusSelected })), [registerPaneView, pane, chartId, focusSelected]);

  // The selected unit is in view when the outline opens.
  useEffect(() => {
    containerRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
    // Only on opening: later selections are made here, where the user already is.
  }, []);

  const focusName = (id: string) => {
    const at = order.indexOf(id);
    if (at >= shownRows) {
      pendingFocus.current = id;
      setRowLimit(at + OUTLINE_PAGE);
      return;
    }
    containerRef.current?.querySelector<HTMLButtonElement>(`[data-outline-id="${CSS.escape(id)}"]`)?.focus();
  };

  const rowOf = useCallback((element: Element) => element.closest('[data-outline-id]')?.getAttribute('data-outline-id') ?? null, []);
  const rowElement = useCallback((id: string) => containerRef.current?.querySelector<HTMLButtonElement>(`[data-outline-id="${CSS.escape(id)}"]`), []);
  const keyboard = useTreeKeyboard({ pane, index, order, collapsed, nameMode, unitOf: rowOf, elementOf: rowElement, moveFocus: focusName });

  // Nested lists built bottom-up from the visible preorder with an explicit stack: no recursion, however deep the chart.
  const tree = useMemo(() => {
    const item = (id: string, nested: ReactNode[]): ReactNode => {
      const unit = index.byId.get(id);
      if (!unit) return null;
      const children = index.childrenOf.get(id) ?? [];
      const folded = collapsed.has(id);
      const { primary, secondary } = shownNames(unit, nameMode, chartLanguage);
      const below = index.descendantCount.get(id) ?? 0;
      return (
        <li key={id}>
          <div className="outline-row">
            {children.length > 0 ? (
              <button
                type="button"
                className="outline-toggle"
                aria-expanded={!folded}
                aria-label={folded ? t.expandUnit(primary.text) : t.collapseUnit(primary.text)}
                onClick={() => setCollapsed(id, !folded, pane)}
              >
                <span aria-hidden="true">{folded ? '▸' : '▾'}</span>
              </button>
            ) : (
              <span className="outline-toggle-space" aria-hidden="true" />
            )}
            <button
              type="button"
              className="outline-name"
              data-outline-id={id}
              aria-current={id === selectedId ? 'true' : undefined}
              onClick={() => choose(id)}
            >
              <span lang={primary.lang ?? undefined}>{primary.text}</span>
              {secondary ? (
                <span className="outline-second" lang={secondary.lang ?? undefined}>
                  {' '}
                  {secondary.text}
                </span>
              ) : null}
            </button>
            <span className="outline-meta">
              {kindName(t, unit.kind)}
              {below > 0 ? ` · ${t.unitsCount(below)}` : ''}
              {badges?.has(id) ? <span className="outline-badge"> · {badges.get(id)}</span> : null}
              {highlighted?.has(id) ? <span className="outline-badge"> · {t.counterpart}</span> : null}
            </span>
          </div>
          {nested.length > 0 ? <ul>{nested}</ul> : null}
        </li>
      );
    };
    const stack: { id: string; depth: number; nested: ReactNode[] }[] = [];
    const top: ReactNode[] = [];
    const close = () => {
      const done = stack.pop();
      if (!done) return;
      (stack[stack.length - 1]?.nested ?? top).push(item(done.id, done.nested));
    };
    for (const id of order.slice(0, shownRows)) {
      const depth = index.depthOf.get(id) ?? 0;
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) close();
      stack.push({ id, depth, nested: [] });
    }
    while (stack.length > 0) close();
    return top;
  }, [order, shownRows, index, collapsed, nameMode, chartLanguage, selectedId, t, choose, setCollapsed, pane, badges, highlighted]);

  return (
    <nav
      className="outline"
      aria-label={label}
      ref={containerRef}
      onKeyDown={(event) => {
        // Keys in the outline's lists only: the "Show more" button is no unit.
        if (rowOf(event.target as Element) !== null) keyboard.onKeyDown(event);
      }}
      onFocus={keyboard.onFocus}
      onPointerDown={keyboard.onPointerDown}
    >
      <p className="outline-intro">{t.outlineIntro}</p>
      <ul className="outline-tree">{tree}</ul>
      {shownRows < order.length ? (
        <button
          type="button"
          className="outline-more"
          onClick={() => {
            // Focus moves to the first unit just shown, rather than staying on a button that moves away (or vanishes).
            const first = order[shownRows];
            if (first !== undefined) pendingFocus.current = first;
            setRowLimit(shownRows + OUTLINE_PAGE);
          }}
        >
          {t.showMoreUnits(Math.min(OUTLINE_PAGE, order.length - shownRows), order.length - shownRows)}
        </button>
      ) : null}
    </nav>
  );
}
