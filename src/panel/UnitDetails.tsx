/** One unit's details: its path, names and sections, each statement marked with its source and section, plain words (never a guess) where the sources say nothing. */
import { lazy, type ReactNode, Suspense } from 'react';

import { kindName } from '../i18n/messages.ts';
import type { UnitHistory } from '../model/history.ts';
import { nativeNameNote, unitNames } from '../model/present.ts';
import type { Unit } from '../model/schema.ts';
import { type OrgIndex, pathToRoot } from '../model/tree.ts';
import { collapsedOf, type PaneId, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { FactsSection, shapeOf } from './FactsSection.tsx';
import { FunctionsSection, LeadersSection, NotesSection, RelatedSection, SourcesSection } from './sections.tsx';
import { useUnitView } from './unitView.tsx';

// A unit's record through time loads with the first chart that has one, not with the page.
const HistorySection = lazy(() => import('./HistorySection.tsx'));

/** Whether the unit has anything on record through time (see HistorySection). */
function hasHistory(history: UnitHistory | null): history is UnitHistory {
  return (
    history !== null &&
    (!history.current ||
      history.listedIn.length > 0 ||
      history.leftOutOf.length > 0 ||
      history.otherNames.length > 0 ||
      history.periods.length > 0 ||
      history.posts.length > 0 ||
      history.events.length > 0)
  );
}

export interface UnitDetailsProps {
  readonly index: OrgIndex;
  readonly unit: Unit;
  readonly pane: PaneId;
  readonly sideTitle: string | undefined;
  /** A section the view around the panel adds under the unit's name (the changes view's "What changed"). */
  readonly afterHeader?: ReactNode;
}

export function UnitDetails({ index, unit, pane, sideTitle, afterHeader }: UnitDetailsProps) {
  const shape = shapeOf(index.chart);
  const foldedInChart = useStore((s) => collapsedOf(s, pane).has(unit.id));
  const setCollapsed = useStore((s) => s.setCollapsed);
  const showUnit = useStore((s) => s.showUnit);
  const view = useUnitView(index, unit, pane, sideTitle);
  const { contentLang, idPrefix, hl, cite, landmarkName, sectionName } = view;
  const t = useMessages();
  const nameMode = useStore((s) => s.preferences.names);
  const nativeFirst = nameMode === 'native' && unit.nativeName !== undefined;
  // Asked for Chinese names: say where there is none, or where the one shown is a translation.
  const nameNote = nativeNameNote(unit, nameMode);
  const nameIn = (id: string) => unitNames(index, id, nameMode).primary;
  const parentId = index.parentOf.get(unit.id) ?? null;
  const path = pathToRoot(index, unit.id);
  const children = index.childrenOf.get(unit.id) ?? [];
  const isGroup = unit.kind === 'group';
  const listedInSource = unit.cite !== undefined && path.length > 1;
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
                    unitLink(id)
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
        {/* Before the summary: in the changes view, what changed is what the reader came for. */}
        {afterHeader}
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
      ) : (
        <FactsSection
          unit={unit}
          view={view}
          standardFacts={shape.standardFacts}
          parentBody={listingId ? unitLink(listingId) : null}
          listedUnder={listedInSource ? (parentId === null ? '' : nameIn(parentId).text) : undefined}
        />
      )}

      {isGroup || (!shape.leaders && !unit.leaders?.length) ? null : <LeadersSection leaders={unit.leaders ?? []} view={view} />}

      {isGroup || (!shape.functions && !unit.functions?.length) ? null : <FunctionsSection functions={unit.functions ?? []} view={view} />}

      {children.length > 0 ? (
        <section {...sectionName('children-title', t.unitsUnder)}>
          <h3 id={`${idPrefix}children-title`}>
            {t.unitsUnder} <span className="count">({children.length})</span>
          </h3>
          <ul className="child-links">
            {children.map((id) => {
              const below = index.descendantCount.get(id) ?? 0;
              return (
                <li key={id}>
                  {unitLink(id)}
                  <span className="muted">
                    {' '}
                    {kindName(t, index.byId.get(id)?.kind)}
                    {below > 0 ? ` · ${t.unitsCount(below)}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {unit.related && unit.related.length > 0 ? <RelatedSection related={unit.related} view={view} /> : null}

      {unit.notes && unit.notes.length > 0 ? <NotesSection notes={unit.notes} view={view} /> : null}

      {hasHistory(view.history) ? (
        <Suspense fallback={null}>
          <HistorySection history={view.history} view={view} pane={pane} />
        </Suspense>
      ) : null}

      <SourcesSection view={view} />
    </article>
  );
}
