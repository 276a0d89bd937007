/**
 * Two charts side by side with their counterparts matched, and a table of what
 * the sources say about each, row by row. The charts and details panels are
 * passed in by App (feature folders do not import each other).
 */
import { type ReactNode, useCallback, useMemo } from 'react';

import { type CellWords, type CompareCell, compareCharts, type Comparison, counterpartsOf } from '../model/compare.ts';
import { formatDate, isIsoDate, ownEntry, shownNames, unitNames } from '../model/present.ts';
import type { OrgIndex } from '../model/tree.ts';
import { type AppState, chartTitle, paneIndex, shownShortTitle, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

export interface PaneDecorations {
  readonly highlighted: ReadonlySet<string>;
  readonly badges: ReadonlyMap<string, string>;
  readonly onPoint: (unitId: string | null) => void;
}

export interface CompareViewProps {
  readonly renderChart: (pane: 'left' | 'right', decorations: PaneDecorations, label: string) => ReactNode;
  /** `sideTitle` names the side's chart, so the side's landmarks are told apart from the other's. */
  readonly renderDetails: (pane: 'left' | 'right', label: string, sideTitle: string) => ReactNode;
}

const EMPTY: ReadonlySet<string> = new Set();

function shortName(state: Pick<AppState, 'catalog' | 'charts' | 'preferences'>, chartId: string | null): string {
  if (chartId === null) return '';
  const entry = state.catalog.find((candidate) => candidate.id === chartId);
  return entry ? shownShortTitle(entry, state.preferences).text : chartTitle(state, chartId);
}

export function CompareView({ renderChart, renderDetails }: CompareViewProps) {
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
  const catalog = useStore((s) => s.catalog);
  const leftChart = useStore((s) => s.panes.left.chartId);
  const rightChart = useStore((s) => s.panes.right.chartId);
  const linked = useStore((s) => s.linkedViews);
  const openCompare = useStore((s) => s.openCompare);
  const swapCompare = useStore((s) => s.swapCompare);
  const setLinkedViews = useStore((s) => s.setLinkedViews);
  const closeCompare = useStore((s) => s.closeCompare);
  const preferences = useStore((s) => s.preferences);
  const t = useMessages();

  const picker = (side: 'left' | 'right', value: string | null) => (
    <label className="compare-picker">
      <span>{side === 'left' ? t.left : t.right}</span>
      <select
        value={value ?? ''}
        onChange={(event) => {
          const chosen = event.target.value;
          if (side === 'left') openCompare(chosen, rightChart ?? chosen);
          else openCompare(leftChart ?? chosen, chosen);
        }}
      >
        {catalog.map((entry) => {
          // A Chinese interface or Chinese names: the offices by their Chinese names, as in the header.
          const shown = shownShortTitle(entry, preferences);
          return (
            <option key={entry.id} value={entry.id}>
              {shown.native ? shown.text : entry.title}
            </option>
          );
        })}
      </select>
    </label>
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

function ItemList({ items, lang }: { items: readonly ReactNode[]; lang?: string | undefined }) {
  return items.length > 0 ? (
    <ul className="cell-items" lang={lang}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  ) : null;
}

/** A cell's own words in the interface language, around the sources' texts marked with their language. */
function CellWordsView({ words, index }: { words: CellWords; index: OrgIndex }) {
  const t = useMessages();
  const language = useStore((s) => s.preferences.language);
  const nameMode = useStore((s) => s.preferences.names);
  const lang = index.chart.language ?? 'en';
  switch (words.kind) {
    case 'formed':
      // A date the source gives as words ("autumn 1949") is shown as written.
      return isIsoDate(words.date) ? (
        <span>
          <time dateTime={words.date}>{formatDate(words.date, language)}</time>
          {words.years === null ? null : t.yearsOld(words.years)}
        </span>
      ) : (
        <span lang={lang}>{words.date}</span>
      );
    case 'typeJurisdiction': {
      const parts: [string, string][] = [];
      if (words.type !== null) parts.push([t.typeIs, words.type]);
      if (words.jurisdiction !== null) parts.push([t.jurisdiction, words.jurisdiction]);
      return (
        <span>
          {parts.map(([label, value], i) => (
            <span key={label}>
              {i > 0 ? t.clauseSeparator : null}
              {t.fieldLabel(label)}
              <span lang={lang}>{value}</span>
            </span>
          ))}
        </span>
      );
    }
    case 'functions':
      return (
        <>
          <span>{t.functionsCount(words.texts.length)}</span>
          <ItemList items={words.texts} lang={lang} />
        </>
      );
    case 'units':
      return (
        <>
          <span>{words.ids.length}</span>
          <ItemList
            items={words.ids.map((id) => (
              <UnitName names={unitNames(index, id, nameMode)} />
            ))}
          />
        </>
      );
    case 'head':
      return (
        <span>
          <span lang={lang}>{words.leader.title}: </span>
          <UnitName names={shownNames(words.leader, nameMode, lang)} />
        </span>
      );
    case 'deputies':
      return (
        <>
          <span>{t.deputiesCount(words.leaders.length)}</span>
          <ItemList
            items={words.leaders.map((leader) => (
              <UnitName names={shownNames(leader, nameMode, lang)} />
            ))}
          />
        </>
      );
    case 'oneSided': {
      const labelOf = (fact: (typeof words.facts)[number]) => (fact.key === null ? undefined : ownEntry(t.knownFactLabels, fact.key));
      // Each label in its own language: the interface's word for a well-known fact, else the source's label.
      const summary = [
        ...words.facts.map((fact) => {
          const known = labelOf(fact);
          return known === undefined ? { text: fact.label, lang } : { text: known, lang: undefined };
        }),
        ...(words.seeAlso.length > 0 ? [{ text: t.seeAlsoCount(words.seeAlso.length), lang: undefined }] : []),
      ];
      return (
        <>
          <span>
            {summary.map((part, i) => (
              <span key={i} lang={part.lang}>
                {i > 0 ? t.clauseSeparator : null}
                {part.text}
              </span>
            ))}
          </span>
          <ItemList
            items={[
              ...words.facts.map((fact) => {
                const known = labelOf(fact);
                return known === undefined ? (
                  <span lang={lang}>
                    {fact.label}: {fact.value}
                  </span>
                ) : (
                  <>
                    {t.fieldLabel(known)}
                    <span lang={lang}>{fact.value}</span>
                  </>
                );
              }),
              ...words.seeAlso.map((name) => (
                <>
                  {t.fieldLabel(t.seeAlso)}
                  <span lang={lang}>{name}</span>
                </>
              )),
            ]}
          />
        </>
      );
    }
  }
}

function Cell({ cell, index }: { cell: CompareCell; index: OrgIndex }) {
  const t = useMessages();
  if (!cell.stated) return <span className="not-stated">{t.notStatedShort}</span>;
  if (cell.words) return <CellWordsView words={cell.words} index={index} />;
  // The sources' own text (every cell with a list has words), in the chart's language whatever the interface language.
  return <span lang={index.chart.language ?? 'en'}>{cell.text}</span>;
}

interface TablesProps {
  readonly comparison: Comparison;
  readonly left: OrgIndex;
  readonly right: OrgIndex;
  readonly leftLabel: string;
  readonly rightLabel: string;
}

function ComparisonTables({ comparison, left, right, leftLabel, rightLabel }: TablesProps) {
  const goTo = useStore((s) => s.showUnit);
  const setHovered = useStore((s) => s.setHovered);
  const t = useMessages();
  const nameMode = useStore((s) => s.preferences.names);
  const nameOf = (index: OrgIndex, id: string) => unitNames(index, id, nameMode);
  const unitButton = (pane: 'left' | 'right', index: OrgIndex, id: string) => (
    <button
      type="button"
      className="link-button"
      onClick={() => goTo(id, pane)}
      onMouseEnter={() => setHovered({ pane, unitId: id })}
      onMouseLeave={() => setHovered(null)}
      onFocus={() => setHovered({ pane, unitId: id })}
      onBlur={() => setHovered(null)}
    >
      <UnitName names={nameOf(index, id)} />
    </button>
  );

  return (
    <section className="compare-tables" aria-labelledby="comparison-title">
      <h2 id="comparison-title">{t.sideBySide}</h2>
      <table className="compare-table">
        <caption className="visually-hidden">{t.comparisonOf(leftLabel, rightLabel)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.aspect}</th>
            <th scope="col">{leftLabel}</th>
            <th scope="col">{rightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.id} className={row.differs ? 'differs' : undefined} data-row={row.id}>
              <th scope="row">
                {t.compareRow(row.id, row.label)}
                {row.differs ? <span className="differs-mark"> · {t.differs}</span> : null}
              </th>
              <td>
                <Cell cell={row.left} index={left} />
              </td>
              <td>
                <Cell cell={row.right} index={right} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t.unitsByKind}</h3>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{leftLabel}</th>
            <th scope="col">{rightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.kindGroups.map((group) => (
            <tr key={group.key} className={group.leftIds.length !== group.rightIds.length ? 'differs' : undefined}>
              <th scope="row">
                {t.compareRow(group.key, group.label)}: {t.versus(group.leftIds.length, group.rightIds.length)}
              </th>
              <td>
                <ul className="cell-items">
                  {group.leftIds.map((id) => (
                    <li key={id}>{unitButton('left', left, id)}</li>
                  ))}
                </ul>
              </td>
              <td>
                <ul className="cell-items">
                  {group.rightIds.map((id) => (
                    <li key={id}>{unitButton('right', right, id)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t.counterparts}</h3>
      {comparison.counterparts.length > 0 ? (
        <ul className="counterparts">
          {comparison.counterparts.map((pair) => (
            <li key={`${pair.leftId}|${pair.rightId}`}>
              {unitButton('left', left, pair.leftId)} ↔ {unitButton('right', right, pair.rightId)}{' '}
              <span className="muted">{t.inParentheses(t.matchReason(pair.reason))}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.noCounterparts}</p>
      )}
      <div className="compare-unique">
        {(['left', 'right'] as const).map((side) => {
          const ids = side === 'left' ? comparison.uniqueLeft : comparison.uniqueRight;
          const index = side === 'left' ? left : right;
          return (
            <div key={side}>
              <h3>{t.onlyIn(side === 'left' ? leftLabel : rightLabel)}</h3>
              {ids.length > 0 ? (
                <ul className="cell-items">
                  {ids.map((id) => (
                    <li key={id}>{unitButton(side, index, id)}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t.everyUnitMatched}</p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** A unit's or a leader's name as the user chose to see names: the chart's, the native one, or both. */
function UnitName({ names }: { names: ReturnType<typeof shownNames> }) {
  return (
    <>
      <span lang={names.primary.lang ?? undefined}>{names.primary.text}</span>
      {names.secondary ? (
        <span className="second-name" lang={names.secondary.lang ?? undefined}>
          {' '}
          {names.secondary.text}
        </span>
      ) : null}
    </>
  );
}
