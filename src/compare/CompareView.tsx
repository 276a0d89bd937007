/**
 * Two charts side by side with their counterparts matched, and a table of what
 * the sources say about each, row by row. The charts and details panels are
 * passed in by App (feature folders do not import each other).
 */
import { type ReactNode, useCallback, useMemo } from 'react';

import { compareCharts, counterpartsOf } from '../model/compare.ts';
import { ChartSelect } from '../shared/ChartSelect.tsx';
import { type AppState, chartTitle, paneIndex, shownShortTitle, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { ComparisonTables } from './ComparisonTables.tsx';

export interface PaneDecorations {
  readonly highlighted: ReadonlySet<string>;
  readonly badges: ReadonlyMap<string, string>;
  readonly onPoint: (unitId: string | null) => void;
}

export interface CompareViewProps {
  readonly renderChart: (pane: 'left' | 'right', decorations: PaneDecorations, label: string) => ReactNode;
  /** `sideTitle` names the side's chart, so the side's landmarks are told apart from the other's. */
  readonly renderDetails: (pane: 'left' | 'right', label: string, sideTitle: string) => ReactNode;
  /** The timeline both sides share: the offices compared as they stood on one date. */
  readonly timeline?: ReactNode;
}

const EMPTY: ReadonlySet<string> = new Set();

function shortName(state: Pick<AppState, 'catalog' | 'charts' | 'preferences'>, chartId: string | null): string {
  if (chartId === null) return '';
  const entry = state.catalog.find((candidate) => candidate.id === chartId);
  return entry ? shownShortTitle(entry, state.preferences).text : chartTitle(state, chartId);
}

export function CompareView({ renderChart, renderDetails, timeline }: CompareViewProps) {
  const left = useStore((s) => paneIndex(s, 'left'));
  const right = useStore((s) => paneIndex(s, 'right'));
  const leftLabel = useStore((s) => shortName(s, s.panes.left.chartId));
  const rightLabel = useStore((s) => shortName(s, s.panes.right.chartId));
  const hovered = useStore((s) => s.hovered);
  const leftSelected = useStore((s) => s.panes.left.selectedId);
  const rightSelected = useStore((s) => s.panes.right.selectedId);
  const setHovered = useStore((s) => s.setHovered);
  const t = useMessages();

  const comparison = useMemo(() => (left && right ? compareCharts(left, right, new Date()) : null), [left, right]);

  // What lights up on each side: the counterparts of what is pointed at (or else selected) on the other.
  const highlightFor = useCallback(
    (side: 'left' | 'right'): ReadonlySet<string> => {
      if (!comparison) return EMPTY;
      const other: 'left' | 'right' = side === 'left' ? 'right' : 'left';
      const otherIndex = other === 'left' ? left : right;
      const pointed = hovered?.pane === other ? hovered.unitId : null;
      const selected = (other === 'left' ? leftSelected : rightSelected) ?? otherIndex?.rootId ?? null;
      const source = pointed ?? selected;
      return source === null ? EMPTY : new Set(counterpartsOf(comparison, other, source));
    },
    [comparison, hovered, leftSelected, rightSelected, left, right],
  );
  const leftHighlighted = useMemo(() => highlightFor('left'), [highlightFor]);
  const rightHighlighted = useMemo(() => highlightFor('right'), [highlightFor]);
  const leftBadges = useMemo(() => new Map((comparison?.uniqueLeft ?? []).map((id) => [id, t.unique])), [comparison, t]);
  const rightBadges = useMemo(() => new Map((comparison?.uniqueRight ?? []).map((id) => [id, t.unique])), [comparison, t]);
  const pointLeft = useCallback((unitId: string | null) => setHovered(unitId === null ? null : { pane: 'left', unitId }), [setHovered]);
  const pointRight = useCallback((unitId: string | null) => setHovered(unitId === null ? null : { pane: 'right', unitId }), [setHovered]);

  return (
    <div className="compare">
      <CompareToolbar />
      {timeline}
      <div className="compare-sides">
        <section className="compare-side" aria-label={t.sideLabel('left', leftLabel)}>
          <div className="compare-chart">
            {renderChart('left', { highlighted: leftHighlighted, badges: leftBadges, onPoint: pointLeft }, t.sideChart('left', leftLabel))}
          </div>
          {renderDetails('left', t.sideDetails(leftLabel), leftLabel)}
        </section>
        <section className="compare-side" aria-label={t.sideLabel('right', rightLabel)}>
          <div className="compare-chart">
            {renderChart('right', { highlighted: rightHighlighted, badges: rightBadges, onPoint: pointRight }, t.sideChart('right', rightLabel))}
          </div>
          {renderDetails('right', t.sideDetails(rightLabel), rightLabel)}
        </section>
      </div>
      {comparison && left && right ? (
        <ComparisonTables comparison={comparison} left={left} right={right} leftLabel={leftLabel} rightLabel={rightLabel} />
      ) : (
        <p role="status" className="compare-waiting">
          {t.loadingBoth}
        </p>
      )}
    </div>
  );
}

function CompareToolbar() {
  const leftChart = useStore((s) => s.panes.left.chartId);
  const rightChart = useStore((s) => s.panes.right.chartId);
  const linked = useStore((s) => s.linkedViews);
  const openCompare = useStore((s) => s.openCompare);
  const swapCompare = useStore((s) => s.swapCompare);
  const setLinkedViews = useStore((s) => s.setLinkedViews);
  const closeCompare = useStore((s) => s.closeCompare);
  const t = useMessages();

  const picker = (side: 'left' | 'right', value: string | null) => (
    <ChartSelect
      label={side === 'left' ? t.left : t.right}
      value={value}
      onChange={(chosen) => {
        if (side === 'left') openCompare(chosen, rightChart ?? chosen);
        else openCompare(leftChart ?? chosen, chosen);
      }}
    />
  );

  return (
    <div className="compare-toolbar" role="toolbar" aria-label={t.compareToolbar}>
      {picker('left', leftChart)}
      <button type="button" onClick={swapCompare} aria-label={t.swapSides} title={t.swapSides}>
        ⇄ {t.swap}
      </button>
      {picker('right', rightChart)}
      <label className="compare-link">
        <input type="checkbox" checked={linked} onChange={(event) => setLinkedViews(event.target.checked)} />
        {t.linkViews}
      </label>
      <button type="button" onClick={closeCompare}>
        {t.closeCompare}
      </button>
    </div>
  );
}
