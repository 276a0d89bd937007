/** A unit's facts: the standard ones every unit is asked about (even where the source is silent), its own, and where the source lists it. */
import type { ReactNode } from 'react';

import { factKeyOf, findFact, type WellKnownFactKey } from '../model/facts.ts';
import { formatDate, formatTimestamp, humanLabel, ownEntry, shortUrl, yearsSince } from '../model/present.ts';
import type { Fact, OrgChart, Unit } from '../model/schema.ts';
import { useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import type { UnitView } from './unitView.tsx';

/** The facts every unit is asked about, shown even when the source is silent; a fact is one of them by key or by label (model/facts.ts). */
const STANDARD_FACTS = ['formed', 'parentBody', 'location', 'jurisdiction'] as const satisfies readonly WellKnownFactKey[];
const STANDARD_KEYS: ReadonlySet<string | undefined> = new Set(STANDARD_FACTS);
// One look-up of the fact's key, not one per standard key: asked of every fact of a chart (shapeOf) when a unit is first shown.
const isStandardFact = (fact: Fact) => STANDARD_KEYS.has(factKeyOf(fact));

/** What kinds of statement this chart makes at all: a people chart has no "formed" or "functions" to miss. */
const chartShapes = new WeakMap<OrgChart, { standardFacts: boolean; leaders: boolean; functions: boolean }>();
export function shapeOf(chart: OrgChart) {
  let shape = chartShapes.get(chart);
  if (!shape) {
    shape = {
      standardFacts: chart.units.some((u) => u.facts?.some(isStandardFact)),
      leaders: chart.units.some((u) => (u.leaders?.length ?? 0) > 0),
      functions: chart.units.some((u) => (u.functions?.length ?? 0) > 0),
    };
    chartShapes.set(chart, shape);
  }
  return shape;
}

interface FactsSectionProps {
  readonly unit: Unit;
  readonly view: UnitView;
  /** Whether the chart states any standard fact at all (shapeOf): if not, none is listed as not stated. */
  readonly standardFacts: boolean;
  /** A link to the unit that lists this one, shown as its parent body where the source names none. */
  readonly parentBody: ReactNode;
  /** The name of the unit the source lists this one under, when the listing is cited. */
  readonly listedUnder: string | undefined;
}

/** The facts of a unit that is not a group; nothing when it has none to show. */
export function FactsSection({ unit, view, standardFacts, parentBody, listedUnder }: FactsSectionProps) {
  const t = useMessages();
  const language = useStore((s) => s.preferences.language);
  const { contentLang, idPrefix, marks, hl, markWhole, cite, sectionName } = view;
  const facts = unit.facts ?? [];
  const otherFacts = facts.filter((f) => !isStandardFact(f));
  if (!standardFacts && otherFacts.length === 0 && listedUnder === undefined) return null;

  const renderFactValue = (fact: Fact) => {
    const key = `fact:${facts.indexOf(fact)}:value`;
    if (fact.key === 'formed') {
      const years = yearsSince(fact.value, new Date());
      return markWhole(
        key,
        <>
          <time dateTime={fact.value}>{formatDate(fact.value, language)}</time>
          {/* A date still to come (a planned office) has no age, as in the comparison tables. */}
          {years !== null && years >= 0 ? t.yearsAgo(years) : ''}
        </>,
      );
    }
    // An exported moment in the reader's language ("16 July 2003 at 19:00 UTC"), an address by its host: the full text on hover.
    const date = formatTimestamp(fact.value, language);
    if (date !== null) return markWhole(key, <time dateTime={fact.value.trim()}>{date}</time>);
    const link = webLink(fact.value);
    return link ? (
      <a href={link} target="_blank" rel="noopener noreferrer" title={link}>
        {markWhole(key, shortUrl(link))}
      </a>
    ) : (
      hl(key, fact.value)
    );
  };

  return (
    <section {...sectionName('facts-title', t.facts)}>
      <h3 id={`${idPrefix}facts-title`}>{t.facts}</h3>
      <dl className="facts">
        {(standardFacts ? STANDARD_FACTS : []).map((key) => {
          const fact = findFact(unit, key);
          const listing = !fact && key === 'parentBody' ? parentBody : undefined;
          return (
            <div key={key} className={fact || listing ? undefined : 'is-missing'}>
              <dt>{fact ? markWhole(`fact:${facts.indexOf(fact)}:label`, t[key]) : t[key]}</dt>
              <dd lang={fact ? contentLang : undefined}>
                {fact ? (
                  <>
                    {renderFactValue(fact)} {cite(fact.cite)}
                  </>
                ) : listing ? (
                  <>
                    {listing} {cite(unit.cite)}
                  </>
                ) : (
                  t.notStated
                )}
              </dd>
            </div>
          );
        })}
        {otherFacts.map((fact, i) => (
          <div key={`${fact.label}-${i}`}>
            <FactLabel fact={fact} lang={contentLang} marked={marks?.[`fact:${facts.indexOf(fact)}:label`] !== undefined} />
            <dd lang={contentLang}>
              {renderFactValue(fact)} {cite(fact.cite)}
            </dd>
          </div>
        ))}
        {listedUnder !== undefined ? (
          <div>
            <dt>{t.listedInSource}</dt>
            <dd>
              {t.listedUnder(listedUnder)} {cite(unit.cite)}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/** A fact that is one web address (an imported profile link) as a link; only http(s), so no imported value can run script. */
function webLink(value: string): string | null {
  const text = value.trim();
  if (!/^https?:\/\/\S+$/i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A fact's label: the interface's word for a well-known key when it has one, else the source's own label in the
 * source's language, a column name written as words ("Hire date") with the name itself on hover.
 */
function FactLabel({ fact, lang, marked }: { fact: Fact; lang: string | undefined; marked: boolean }) {
  const t = useMessages();
  const key = factKeyOf(fact);
  const known = key === undefined ? undefined : ownEntry(t.knownFactLabels, key);
  const words = humanLabel(fact.label);
  const text = known ?? words;
  return (
    <dt lang={known === undefined ? lang : undefined} title={known === undefined && words !== fact.label ? fact.label : undefined}>
      {marked ? <mark>{text}</mark> : text}
    </dt>
  );
}
