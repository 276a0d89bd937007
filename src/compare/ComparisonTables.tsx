/** The comparison as tables: what the sources say about each pair of counterparts, row by row, with what differs marked. */
import type { ReactNode } from 'react';

import type { Agreement, CellWords, CompareCell, CompareRow, Comparison } from '../model/compare.ts';
import { formatDate, isIsoDate, ownEntry, shownNames, unitNames } from '../model/present.ts';
import type { OrgIndex } from '../model/tree.ts';
import { useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

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

const ROW_CLASS: Record<Agreement, string | undefined> = { same: 'is-same', alike: 'is-alike', differs: 'differs', unstated: undefined };
const AGREEMENT_ORDER: Record<Agreement, number> = { same: 0, alike: 0, differs: 1, unstated: 2 };
/** The rows the sources bear on both sides and agree on or are alike in first, then what divides the offices, then
 * what neither states; what is on one side only closes the table. Stable within each. */
function sharedFirst(rows: readonly CompareRow[]): CompareRow[] {
  const rank = (row: CompareRow) => (row.id === 'onlyLeft' || row.id === 'onlyRight' ? 3 : AGREEMENT_ORDER[row.agreement]);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

export function ComparisonTables({ comparison, left, right, leftLabel, rightLabel }: TablesProps) {
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
          {sharedFirst(comparison.rows).map((row) => (
            <tr key={row.id} className={ROW_CLASS[row.agreement]} data-row={row.id}>
              <th scope="row">
                {t.compareRow(row.id, row.label)}
                {row.agreement === 'differs' ? <span className="differs-mark"> · {t.differs}</span> : null}
                {row.agreement === 'same' ? <span className="same-mark"> · {t.same}</span> : null}
                {row.agreement === 'alike' && row.alike ? <span className="same-mark"> · {t.alike(row.alike)}</span> : null}
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
              <span className="muted">{t.inParentheses(`${t.matchReason(pair.reason)}${pair.via ? t.viaOtherName(pair.via.side, pair.via.name) : ''}`)}</span>
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
