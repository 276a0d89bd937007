/**
 * The details of the selected unit: what the sources say about it, each
 * statement marked with the source and section it comes from, and plain words
 * wherever the sources say nothing. It never fills a gap by guessing.
 */
import { useMemo } from 'react';
import { formatDate, kindLabel, leadersByTitle, unitsWord, yearsSince } from '../model/present.ts';
import type { Citation, Fact, OrgChart, Unit } from '../model/schema.ts';
import { pathToRoot, type OrgIndex } from '../model/tree.ts';
import { paneIndex, useStore, type PaneId } from '../store/store.ts';

/** The facts every unit is asked about, shown even when the source is silent. */
const STANDARD_FACTS: readonly { keys: readonly string[]; label: string }[] = [
  { keys: ['formed'], label: 'Formed' },
  { keys: ['parentBody'], label: 'Parent body' },
  { keys: ['location'], label: 'Headquarters / location' },
  { keys: ['jurisdiction'], label: 'Jurisdiction' },
];

const NOT_STATED = 'Not stated in the source';

export interface DetailsPanelProps {
  readonly pane?: PaneId;
  /** The landmark's name; "Details" unless several panels are on screen. */
  readonly label?: string;
  readonly className?: string;
}

export function DetailsPanel({ pane = 'main', label = 'Details', className = 'panel' }: DetailsPanelProps) {
  const index = useStore((s) => paneIndex(s, pane));
  const selectedId = useStore((s) => s.panes[pane].selectedId);
  const unitId = selectedId ?? index?.rootId ?? null;
  const unit = unitId !== null ? index?.byId.get(unitId) : undefined;

  return (
    <aside className={className} aria-label={label}>
      {index && unit ? (
        <UnitDetails key={`${index.chart.id}:${unit.id}`} index={index} unit={unit} pane={pane} />
      ) : (
        <p className="panel-empty">Select a unit in the chart to see its details.</p>
      )}
    </aside>
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
    const standardKeys = new Set(STANDARD_FACTS.flatMap((std) => std.keys));
    shape = {
      standardFacts: chart.units.some((u) => u.facts?.some((f) => f.key !== undefined && standardKeys.has(f.key))),
      leaders: chart.units.some((u) => (u.leaders?.length ?? 0) > 0),
      functions: chart.units.some((u) => (u.functions?.length ?? 0) > 0),
    };
    chartShapes.set(chart, shape);
  }
  return shape;
}

function UnitDetails({ index, unit, pane }: { index: OrgIndex; unit: Unit; pane: PaneId }) {
  const shape = shapeOf(index.chart);
  const select = useStore((s) => s.select);
  const requestView = useStore((s) => s.requestView);
  const idPrefix = `${pane}-`;
  const { numberOf, sources } = useCitations(index.chart, unit);
  const path = pathToRoot(index, unit.id);
  const children = index.childrenOf.get(unit.id) ?? [];
  const isGroup = unit.kind === 'group';
  const facts = unit.facts ?? [];
  const listedInSource = unit.cite !== undefined && path.length > 1;
  const otherFacts = facts.filter((f) => !STANDARD_FACTS.some((std) => f.key !== undefined && std.keys.includes(f.key)));
  const hasFacts = shape.standardFacts || otherFacts.length > 0 || listedInSource;
  const goTo = (id: string) => {
    select(id, pane);
    requestView({ kind: 'center', id }, pane);
  };

  const cite = (c: Citation | undefined) => {
    if (!c) return null;
    const number = numberOf.get(c.source);
    const title = index.chart.sources.find((s) => s.id === c.source)?.title ?? c.source;
    return (
      <span className="cite" title={`${title}${c.section ? `, section “${c.section}”` : ''}`}>
        <span className="visually-hidden">Source </span>[{number}
        {c.section ? ` · ${c.section}` : ''}]
      </span>
    );
  };

  const renderFactValue = (fact: Fact) => {
    if (fact.key === 'formed') {
      const years = yearsSince(fact.value, new Date());
      return (
        <>
          <time dateTime={fact.value}>{formatDate(fact.value)}</time>
          {years !== null ? ` (${years} years ago)` : ''}
        </>
      );
    }
    return fact.value;
  };

  return (
    <article className="details" aria-labelledby={`${idPrefix}details-title`}>
      {path.length > 1 ? (
      <nav aria-label="Path" className="breadcrumbs">
        <ol>
          {path.map((id) => {
            const name = index.byId.get(id)?.name ?? id;
            return (
              <li key={id}>
                {id === unit.id ? (
                  <span aria-current="location">{name}</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => goTo(id)}>
                    {name}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      ) : null}

      <header className="details-header">
        <p className={`kind-badge kind-${unit.kind ?? 'unit'}`}>{kindLabel(unit.kind)}</p>
        <h2 id={`${idPrefix}details-title`} tabIndex={-1}>
          {unit.name}
        </h2>
        {unit.nativeName ? (
          <p className="native-name">
            <span lang={unit.nativeName.lang ?? undefined}>{unit.nativeName.text}</span> {cite(unit.nativeName.cite)}
          </p>
        ) : null}
        {unit.summary ? (
          <p className="summary">
            {unit.summary.text} {cite(unit.summary.cite)}
          </p>
        ) : null}
      </header>

      {isGroup ? (
        <section aria-labelledby={`${idPrefix}facts-title`}>
          <h3 id={`${idPrefix}facts-title`}>Facts</h3>
          <p>
            A heading in the source that groups {unitsWord(children.length)} of{' '}
            {index.byId.get(index.parentOf.get(unit.id) ?? '')?.name ?? 'the organization'}. {cite(unit.cite)}
          </p>
        </section>
      ) : !hasFacts ? null : (
        <section aria-labelledby={`${idPrefix}facts-title`}>
          <h3 id={`${idPrefix}facts-title`}>Facts</h3>
          <dl className="facts">
            {(shape.standardFacts ? STANDARD_FACTS : []).map((std) => {
              const fact = facts.find((f) => f.key !== undefined && std.keys.includes(f.key));
              return (
                <div key={std.label} className={fact ? undefined : 'is-missing'}>
                  <dt>{fact?.label ?? std.label}</dt>
                  <dd>
                    {fact ? (
                      <>
                        {renderFactValue(fact)} {cite(fact.cite)}
                      </>
                    ) : (
                      NOT_STATED
                    )}
                  </dd>
                </div>
              );
            })}
            {otherFacts.map((fact, i) => (
              <div key={`${fact.label}-${i}`}>
                <dt>{fact.label}</dt>
                <dd>
                  {renderFactValue(fact)} {cite(fact.cite)}
                </dd>
              </div>
            ))}
            {listedInSource ? (
              <div>
                <dt>Listed in the source</dt>
                <dd>
                  under “{index.byId.get(index.parentOf.get(unit.id) ?? '')?.name}” {cite(unit.cite)}
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      )}

      {isGroup || (!shape.leaders && !unit.leaders?.length) ? null : (
        <section aria-labelledby={`${idPrefix}leaders-title`}>
          <h3 id={`${idPrefix}leaders-title`}>Leaders</h3>
          {unit.leaders && unit.leaders.length > 0 ? (
            <>
              <dl className="leaders">
                {leadersByTitle(unit.leaders).map((group) => (
                  <div key={group.title}>
                    <dt>{group.title}</dt>
                    {group.leaders.map((leader) => (
                      <dd key={leader.name}>
                        {leader.name}
                        {leader.nativeName ? (
                          <>
                            {' '}
                            <span lang={leader.nativeName.lang ?? undefined} className="native-inline">
                              {leader.nativeName.text}
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
              <p className="hint">As given in the source; posts may have changed since.</p>
            </>
          ) : (
            <p className="is-missing">The source names no leaders for this unit.</p>
          )}
        </section>
      )}

      {isGroup || (!shape.functions && !unit.functions?.length) ? null : (
        <section aria-labelledby={`${idPrefix}functions-title`}>
          <h3 id={`${idPrefix}functions-title`}>Functions</h3>
          {unit.functions && unit.functions.length > 0 ? (
            <ol className="functions">
              {unit.functions.map((fn, i) => (
                <li key={i}>
                  {fn.text} {cite(fn.cite)}
                </li>
              ))}
            </ol>
          ) : (
            <p className="is-missing">The source lists no functions for this unit.</p>
          )}
        </section>
      )}

      {children.length > 0 ? (
        <section aria-labelledby={`${idPrefix}children-title`}>
          <h3 id={`${idPrefix}children-title`}>
            Units under it <span className="count">({children.length})</span>
          </h3>
          <ul className="child-links">
            {children.map((id) => {
              const child = index.byId.get(id);
              const below = index.descendantCount.get(id) ?? 0;
              return (
                <li key={id}>
                  <button type="button" className="link-button" onClick={() => goTo(id)}>
                    {child?.name ?? id}
                  </button>
                  <span className="muted">
                    {' '}
                    {kindLabel(child?.kind)}
                    {below > 0 ? ` · ${unitsWord(below)}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {unit.related && unit.related.length > 0 ? (
        <section aria-labelledby={`${idPrefix}related-title`}>
          <h3 id={`${idPrefix}related-title`}>See also</h3>
          <ul>
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
        <section aria-labelledby={`${idPrefix}notes-title`}>
          <h3 id={`${idPrefix}notes-title`}>Notes</h3>
          <ul className="notes">
            {unit.notes.map((note, i) => (
              <li key={i}>
                {note.text} {cite(note.cite)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby={`${idPrefix}sources-title`}>
        <h3 id={`${idPrefix}sources-title`}>Sources</h3>
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
                {entry.source?.kind ? <span className="muted"> ({entry.source.kind})</span> : null}
                {entry.sections.length > 0 ? <span className="muted"> · sections: {entry.sections.join(', ')}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="is-missing">This chart cites no source for this unit.</p>
        )}
      </section>
    </article>
  );
}
