/**
 * The details of the selected unit: what the sources say about it, each
 * statement marked with the source and section it comes from, and plain words
 * wherever the sources say nothing. It never fills a gap by guessing.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';

import { kindName, type Messages } from '../i18n/messages.ts';
import { factIs, factKeyOf, findFact, type WellKnownFactKey } from '../model/facts.ts';
import {
  formatDate,
  formatTimestamp,
  humanLabel,
  leadersByTitle,
  nativeNameNote,
  ownEntry,
  shortUrl,
  shownNames,
  unitNames,
  yearsSince,
} from '../model/present.ts';
import type { Citation, Fact, OrgChart, Unit } from '../model/schema.ts';
import { type OrgIndex, pathToRoot, treePosition } from '../model/tree.ts';
import { Marked } from '../shared/Marked.tsx';
import { collapsedOf, type PaneId, paneIndex, type SearchHit, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

/** The facts every unit is asked about, shown even when the source is silent; a fact is one of them by key or by label (model/facts.ts). */
const STANDARD_FACTS = ['formed', 'parentBody', 'location', 'jurisdiction'] as const satisfies readonly WellKnownFactKey[];
const isStandardFact = (fact: Fact) => STANDARD_FACTS.some((key) => factIs(fact, key));

export interface DetailsPanelProps {
  readonly pane?: PaneId;
  /** The landmark's name; "Details" (in the interface language) unless several panels are on screen. */
  readonly label?: string;
  /** The chart this panel shows when two are on screen: added to the names of its path and sections, which the other panel has too. */
  readonly sideTitle?: string;
  readonly className?: string;
  /** On phones, a bottom sheet the user can lower: the main view's panel, not the compare view's. */
  readonly sheet?: boolean;
}

export function DetailsPanel({ pane = 'main', label, sideTitle, className = 'panel', sheet = pane === 'main' }: DetailsPanelProps) {
  const index = useStore((s) => paneIndex(s, pane));
  const selectedId = useStore((s) => s.panes[pane].selectedId);
  const t = useMessages();
  const unitId = selectedId ?? index?.rootId ?? null;
  const unit = unitId !== null ? index?.byId.get(unitId) : undefined;
  const hitNonce = useStore((s) => (s.searchHit?.pane === pane ? s.searchHit.nonce : null));
  // On phones the panel is a bottom sheet the user can lower out of the chart's way; a new selection raises it again,
  // and so does a search result, even on the root, so what matched is in sight.
  // It starts lowered while only the chart's root is selected, so a phone opens on the chart.
  const [sheetLowered, setSheetLowered] = useState(selectedId === null);
  const [raisedFor, setRaisedFor] = useState({ selectedId, hitNonce });
  if (raisedFor.selectedId !== selectedId || raisedFor.hitNonce !== hitNonce) {
    setRaisedFor({ selectedId, hitNonce });
    if (selectedId !== null || (hitNonce !== null && hitNonce !== raisedFor.hitNonce)) setSheetLowered(false);
  }
  // A search result's first mark scrolled into the panel's view: the function that matched may be the tenth of ten.
  // Only the panel scrolls (the side panel, the phone's sheet); where the page scrolls instead, the chart stays in sight.
  const panelRef = useRef<HTMLElement>(null);
  const shown = index && unit ? `${index.chart.id}:${unit.id}` : '';
  // Another unit is read from its top, not from where the last one was left.
  useEffect(() => {
    if (panelRef.current) panelRef.current.scrollTop = 0;
  }, [shown]);
  useEffect(() => {
    const panel = panelRef.current;
    const mark = hitNonce === null ? null : panel?.querySelector('mark');
    if (!panel || !mark) return;
    const box = mark.getBoundingClientRect();
    const top = box.top - panel.getBoundingClientRect().top;
    // In view already (below the phone sheet's sticky handle): left where it is, the unit's name still in sight.
    if (top < (panel.querySelector<HTMLElement>('.sheet-handle')?.offsetHeight ?? 0) || top + box.height > panel.clientHeight) {
      panel.scrollTop += top - panel.clientHeight / 3;
    }
  }, [hitNonce, shown]);

  return (
    // The panel is one tab stop of its own, first after the chart, so a keyboard reader starts at its top and can
    // scroll it with the arrow keys, rather than landing on its first control far down.
    <aside ref={panelRef} tabIndex={0} className={`${className}${sheet && sheetLowered ? ' is-lowered' : ''}`} aria-label={label ?? t.details}>
      {sheet ? (
        <button type="button" className="sheet-handle" aria-expanded={!sheetLowered} onClick={() => setSheetLowered(!sheetLowered)}>
          {sheetLowered ? t.showSheet : t.hideSheet}
        </button>
      ) : null}
      <SelectionAnnouncer pane={pane} index={index} unitId={unitId} messages={t} />
      {index && unit ? (
        <UnitDetails key={`${index.chart.id}:${unit.id}`} index={index} unit={unit} pane={pane} sideTitle={sideTitle} />
      ) : (
        <p className="panel-empty">{t.selectToSee}</p>
      )}
    </aside>
  );
}

/**
 * Says which unit was selected, through a polite live region: a screen reader
 * hears "Selected: Liaison Bureau, department, level 3, 5 of 12" without
 * leaving the chart. Silent on the first render, which is not a change.
 */
function SelectionAnnouncer({ pane, index, unitId, messages }: { pane: PaneId; index: OrgIndex | null; unitId: string | null; messages: Messages }) {
  const nameMode = useStore((s) => s.preferences.names);
  const key = index && unitId ? `${index.chart.id}:${unitId}` : '';
  const [announced, setAnnounced] = useState({ key, text: '' });
  if (announced.key !== key) {
    const unit = unitId === null ? undefined : index?.byId.get(unitId);
    let text = '';
    if (index && unit && unitId !== null && announced.key !== '') {
      const { level, posInSet, setSize } = treePosition(index, unitId);
      const { primary } = shownNames(unit, nameMode, index.chart.language ?? null);
      text = messages.selected(primary.text, kindName(messages, unit.kind), level, posInSet, setSize);
    }
    setAnnounced({ key, text });
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-pane={pane}>
      {announced.text}
    </p>
  );
}

/** Numbers sources in the order this unit first cites them. */
function useCitations(chart: OrgChart, unit: Unit) {
  return useMemo(() => {
    const order: string[] = [];
    const sections = new Map<string, Set<string>>();
    const visit = (cite: Citation | undefined) => {
      if (!cite) return;
      if (!sections.has(cite.source)) {
        order.push(cite.source);
        sections.set(cite.source, new Set());
      }
      if (cite.section) sections.get(cite.source)?.add(cite.section);
    };
    visit(unit.cite);
    visit(unit.nativeName?.cite);
    visit(unit.summary?.cite);
    unit.facts?.forEach((f) => visit(f.cite));
    unit.leaders?.forEach((l) => {
      visit(l.cite);
      visit(l.nativeName?.cite);
    });
    unit.functions?.forEach((f) => visit(f.cite));
    unit.notes?.forEach((n) => visit(n.cite));
    unit.related?.forEach((r) => {
      visit(r.cite);
      visit(r.nativeName?.cite);
    });
    const numberOf = new Map(order.map((id, i) => [id, i + 1]));
    const sources = order.map((id) => ({
      number: numberOf.get(id) ?? 0,
      source: chart.sources.find((s) => s.id === id),
      id,
      sections: [...(sections.get(id) ?? [])],
    }));
    return { numberOf, sources };
  }, [chart, unit]);
}

/** What kinds of statement this chart makes at all: a people chart has no "formed" or "functions" to miss. */
const chartShapes = new WeakMap<OrgChart, { standardFacts: boolean; leaders: boolean; functions: boolean }>();
function shapeOf(chart: OrgChart) {
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

function UnitDetails({ index, unit, pane, sideTitle }: { index: OrgIndex; unit: Unit; pane: PaneId; sideTitle: string | undefined }) {
  const shape = shapeOf(index.chart);
  const foldedInChart = useStore((s) => collapsedOf(s, pane).has(unit.id));
  const setCollapsed = useStore((s) => s.setCollapsed);
  const showUnit = useStore((s) => s.showUnit);
  const marks = useStore((s) => hitMarks(s.searchHit, pane, index.chart.id, unit.id));
  /** `text` with what the chosen search result matched in it marked. */
  const hl = (key: string, text: string) => <Marked text={text} ranges={marks?.[key]} />;
  /** A label or value shown in other words than the source's (the interface's label, a formatted date): marked whole. */
  const markWhole = (key: string, node: ReactNode) => (marks?.[key] ? <mark>{node}</mark> : node);
  const t = useMessages();
  const nameMode = useStore((s) => s.preferences.names);
  const language = useStore((s) => s.preferences.language);
  /** The language the chart's texts are written in, marked on them so a Chinese interface still reads English facts as English. */
  const contentLang = index.chart.language ?? undefined;
  const nativeFirst = nameMode === 'native' && unit.nativeName !== undefined;
  // Asked for Chinese names: say where there is none, or where the one shown is a translation.
  const nameNote = nativeNameNote(unit, nameMode);
  const nameIn = (id: string) => unitNames(index, id, nameMode).primary;
  const parentId = index.parentOf.get(unit.id) ?? null;
  const idPrefix = `${pane}-`;
  /** A landmark's name: its heading's words, and beside another panel, which chart it is about ("Leaders, State Council"). */
  const landmarkName = (title: string) => (sideTitle === undefined ? title : `${title}${t.sideSuffix(sideTitle)}`);
  const sectionName = (titleId: string, title: string) =>
    sideTitle === undefined ? { 'aria-labelledby': `${idPrefix}${titleId}` } : { 'aria-label': landmarkName(title) };
  const { numberOf, sources } = useCitations(index.chart, unit);
  const path = pathToRoot(index, unit.id);
  const children = index.childrenOf.get(unit.id) ?? [];
  const isGroup = unit.kind === 'group';
  const facts = unit.facts ?? [];
  const leaders = unit.leaders ?? [];
  const listedInSource = unit.cite !== undefined && path.length > 1;
  const otherFacts = facts.filter((f) => !isStandardFact(f));
  const hasFacts = shape.standardFacts || otherFacts.length > 0 || listedInSource;
  const goTo = (id: string) => showUnit(id, pane);
  const unitLink = (id: string) => {
    const name = nameIn(id);
    return (
      <button type="button" className="link-button" onClick={() => goTo(id)} lang={name.lang ?? undefined}>
        {name.text}
      </button>
    );
  };
  // A unit listed in the source under a unit of the chart has that unit as its parent body: the nearest one above it
  // that is a body, not a heading such as "Departments".
  const listingId = path
    .slice(0, -1)
    .reverse()
    .find((id) => index.byId.get(id)?.kind !== 'group');

  const cite = (c: Citation | undefined) => {
    if (!c) return null;
    const number = numberOf.get(c.source);
    const title = index.chart.sources.find((s) => s.id === c.source)?.title ?? c.source;
    return (
      <span className="cite" title={`${title}${c.section ? t.sectionOf(c.section) : ''}`}>
        <span className="visually-hidden">{t.source} </span>[{number}
        {c.section ? ` · ${c.section}` : ''}]
      </span>
    );
  };

  const renderFactValue = (fact: Fact) => {
    const key = `fact:${facts.indexOf(fact)}:value`;
    if (fact.key === 'formed') {
      const years = yearsSince(fact.value, new Date());
      return markWhole(
        key,
        <>
          <time dateTime={fact.value}>{formatDate(fact.value, language)}</time>
          {years !== null ? t.yearsAgo(years) : ''}
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
    <article className="details" aria-labelledby={`${idPrefix}details-title`}>
      {path.length > 1 ? (
        <nav aria-label={landmarkName(t.path)} className="breadcrumbs">
          <ol>
            {path.map((id) => {
              const name = nameIn(id);
              return (
                <li key={id}>
                  {id === unit.id ? (
                    <span aria-current="location" lang={name.lang ?? undefined}>
                      {name.text}
                    </span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => goTo(id)} lang={name.lang ?? undefined}>
                      {name.text}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      ) : null}

      <header className="details-header">
        <p className={`kind-badge kind-${unit.kind ?? 'unit'}`}>{kindName(t, unit.kind)}</p>
        <h2 id={`${idPrefix}details-title`} tabIndex={-1} lang={(nativeFirst ? unit.nativeName?.lang : contentLang) ?? undefined}>
          {nativeFirst ? hl('native', unit.nativeName?.text ?? '') : hl('name', unit.name)}
        </h2>
        {unit.nativeName ? (
          <p className="native-name">
            {nativeFirst ? (
              <>
                {/* The citation is for the Chinese name in the heading above: say so. */}
                <span lang={contentLang}>{hl('name', unit.name)}</span>
                {unit.nativeName.cite ? <span className="muted"> · {t.nativeNameSource}</span> : null}
              </>
            ) : (
              <span lang={unit.nativeName.lang ?? undefined}>{hl('native', unit.nativeName.text)}</span>
            )}{' '}
            {cite(unit.nativeName.cite)}
            {nameNote === 'translation' ? <span className="muted"> ({t.nativeNameTranslated})</span> : null}
          </p>
        ) : nameNote === 'missing' ? (
          <p className="native-name muted">{t.noNativeName}</p>
        ) : null}
        {/* Folds the unit in the chart, as the toggle under its card does, for touch screen readers and voice control,
            which cannot reach that one: here under the name, where it is seen and where the tab order reaches it. */}
        {children.length > 0 ? (
          <label className="fold-in-chart">
            <input type="checkbox" checked={foldedInChart} onChange={() => setCollapsed(unit.id, !foldedInChart, pane)} />
            {t.foldInChart}
          </label>
        ) : null}
        {unit.summary ? (
          <p className="summary" lang={contentLang}>
            {unit.summary.text} {cite(unit.summary.cite)}
          </p>
        ) : null}
      </header>

      {isGroup ? (
        <section {...sectionName('facts-title', t.facts)}>
          <h3 id={`${idPrefix}facts-title`}>{t.facts}</h3>
          <p>
            {t.groupHeading(children.length, parentId === null ? null : nameIn(parentId).text)} {cite(unit.cite)}
          </p>
        </section>
      ) : !hasFacts ? null : (
        <section {...sectionName('facts-title', t.facts)}>
          <h3 id={`${idPrefix}facts-title`}>{t.facts}</h3>
          <dl className="facts">
            {(shape.standardFacts ? STANDARD_FACTS : []).map((key) => {
              const fact = findFact(unit, key);
              const listing = !fact && key === 'parentBody' ? listingId : undefined;
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
                        {unitLink(listing)} {cite(unit.cite)}
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
            {listedInSource ? (
              <div>
                <dt>{t.listedInSource}</dt>
                <dd>
                  {t.listedUnder(parentId === null ? '' : nameIn(parentId).text)} {cite(unit.cite)}
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      )}

      {isGroup || (!shape.leaders && !unit.leaders?.length) ? null : (
        <section {...sectionName('leaders-title', t.leaders)}>
          <h3 id={`${idPrefix}leaders-title`}>{t.leaders}</h3>
          {unit.leaders && unit.leaders.length > 0 ? (
            <>
              <dl className="leaders" lang={contentLang}>
                {leadersByTitle(unit.leaders).map((group) => (
                  <div key={group.title}>
                    <dt>
                      <Marked text={group.title} ranges={group.leaders.map((l) => marks?.[`leader:${leaders.indexOf(l)}:title`]).find(Boolean)} />
                    </dt>
                    {group.leaders.map((leader) => (
                      <dd key={leader.name}>
                        {hl(`leader:${leaders.indexOf(leader)}:name`, leader.name)}
                        {leader.nativeName ? (
                          <>
                            {' '}
                            <span lang={leader.nativeName.lang ?? undefined} className="native-inline">
                              {hl(`leader:${leaders.indexOf(leader)}:native`, leader.nativeName.text)}
                            </span>{' '}
                            {cite(leader.nativeName.cite)}
                          </>
                        ) : null}{' '}
                        {cite(leader.cite)}
                      </dd>
                    ))}
                  </div>
                ))}
              </dl>
              <p className="hint">{t.leadersHint}</p>
            </>
          ) : (
            <p className="is-missing">{t.noLeaders}</p>
          )}
        </section>
      )}

      {isGroup || (!shape.functions && !unit.functions?.length) ? null : (
        <section {...sectionName('functions-title', t.functions)}>
          <h3 id={`${idPrefix}functions-title`}>{t.functions}</h3>
          {unit.functions && unit.functions.length > 0 ? (
            <ol className="functions" lang={contentLang}>
              {unit.functions.map((fn, i) => (
                <li key={i}>
                  {hl(`function:${i}`, fn.text)} {cite(fn.cite)}
                </li>
              ))}
            </ol>
          ) : (
            <p className="is-missing">{t.noFunctions}</p>
          )}
        </section>
      )}

      {children.length > 0 ? (
        <section {...sectionName('children-title', t.unitsUnder)}>
          <h3 id={`${idPrefix}children-title`}>
            {t.unitsUnder} <span className="count">({children.length})</span>
          </h3>
          <ul className="child-links">
            {children.map((id) => {
              const child = index.byId.get(id);
              const below = index.descendantCount.get(id) ?? 0;
              const name = nameIn(id);
              return (
                <li key={id}>
                  <button type="button" className="link-button" onClick={() => goTo(id)} lang={name.lang ?? undefined}>
                    {name.text}
                  </button>
                  <span className="muted">
                    {' '}
                    {kindName(t, child?.kind)}
                    {below > 0 ? ` · ${t.unitsCount(below)}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {unit.related && unit.related.length > 0 ? (
        <section {...sectionName('related-title', t.seeAlso)}>
          <h3 id={`${idPrefix}related-title`}>{t.seeAlso}</h3>
          <ul lang={contentLang}>
            {unit.related.map((body) => (
              <li key={body.name}>
                {body.name}
                {body.nativeName ? (
                  <>
                    {' '}
                    <span lang={body.nativeName.lang ?? undefined} className="native-inline">
                      {body.nativeName.text}
                    </span>{' '}
                    {cite(body.nativeName.cite)}
                  </>
                ) : null}{' '}
                {cite(body.cite)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {unit.notes && unit.notes.length > 0 ? (
        <section {...sectionName('notes-title', t.notes)}>
          <h3 id={`${idPrefix}notes-title`}>{t.notes}</h3>
          <ul className="notes" lang={contentLang}>
            {unit.notes.map((note, i) => (
              <li key={i}>
                {hl(`note:${i}`, note.text)} {cite(note.cite)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section {...sectionName('sources-title', t.sources)}>
        <h3 id={`${idPrefix}sources-title`}>{t.sources}</h3>
        {sources.length > 0 ? (
          <ol className="sources">
            {sources.map((entry) => (
              <li key={entry.id} value={entry.number}>
                {entry.source?.url ? (
                  <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
                    {entry.source.title}
                  </a>
                ) : (
                  <span>{entry.source?.title ?? entry.id}</span>
                )}
                {entry.source?.kind ? <span className="muted">{t.sourceKind(ownEntry(t.sourceKinds, entry.source.kind) ?? entry.source.kind)}</span> : null}
                {entry.sections.length > 0 ? <span className="muted"> · {t.sectionsList(entry.sections)}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="is-missing">{t.noSources}</p>
        )}
      </section>
    </article>
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

/** The marks of the search result just chosen in this pane, when it is this unit's. */
function hitMarks(hit: SearchHit | null, pane: PaneId, chartId: string, unitId: string): SearchHit['marks'] | undefined {
  return hit?.pane === pane && hit.chartId === chartId && hit.unitId === unitId ? hit.marks : undefined;
}
