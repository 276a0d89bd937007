/** What every section of a unit's details shares: search marks, citation markers numbered for this unit, and section names. */
import { type HTMLAttributes, type ReactNode, useMemo } from 'react';

import type { UnitHistory } from '../model/history.ts';
import type { Citation, OrgChart, Source, Unit } from '../model/schema.ts';
import { loadedHistory } from '../model/timeData.ts';
import type { OrgIndex } from '../model/tree.ts';
import { layOutWholePage } from '../shared/dom.ts';
import { Marked } from '../shared/Marked.tsx';
import { type PaneId, type SearchHit, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

export interface UnitView {
  /** The language the chart's texts are written in, marked on them so a Chinese interface still reads English facts as English. */
  readonly contentLang: string | undefined;
  /** Put before the ids of headings, which the other pane's panel has too. */
  readonly idPrefix: string;
  /** The marks of the search result just chosen in this pane, when it is this unit's. */
  readonly marks: SearchHit['marks'] | undefined;
  /** `text` with what the chosen search result matched in it marked. */
  readonly hl: (key: string, text: string) => ReactNode;
  /** A label or value shown in other words than the source's (the interface's label, a formatted date): marked whole. */
  readonly markWhole: (key: string, node: ReactNode) => ReactNode;
  /** The marker of a statement's source and section, numbered as in the unit's list of sources. */
  readonly cite: (c: Citation | undefined) => ReactNode;
  /** A landmark's name: its heading's words, and beside another panel, which chart it is about ("Leaders, State Council"). */
  readonly landmarkName: (title: string) => string;
  /** The attributes that name a section: its heading, or beside another panel, the heading's words and the chart's title. */
  readonly sectionName: (titleId: string, title: string) => Pick<HTMLAttributes<HTMLElement>, 'aria-label' | 'aria-labelledby'>;
  /** The sources this unit cites, numbered in the order it first cites them. */
  readonly sources: readonly CitedSource[];
  /** The unit's record through time, from the whole file (see unitHistory). */
  readonly history: UnitHistory | null;
}

export interface CitedSource {
  readonly number: number;
  readonly source: Source | undefined;
  readonly id: string;
  readonly sections: string[];
}

export function useUnitView(index: OrgIndex, unit: Unit, pane: PaneId, sideTitle: string | undefined): UnitView {
  const marks = useStore((s) => hitMarks(s.searchHit, pane, index.chart.id, unit.id));
  const t = useMessages();
  // The unit's record through time comes from the whole file: the chart shown may be a view on a date.
  const history = useMemo(() => loadedHistory()?.unitHistory(index.fullChart, unit.id) ?? null, [index, unit.id]);
  const { numberOf, sources } = useCitations(index.chart, unit, history);
  const idPrefix = `${pane}-`;
  const landmarkName = (title: string) => (sideTitle === undefined ? title : `${title}${t.sideSuffix(sideTitle)}`);
  return {
    contentLang: index.chart.language ?? undefined,
    idPrefix,
    marks,
    hl: (key, text) => <Marked text={text} ranges={marks?.[key]} />,
    markWhole: (key, node) => (marks?.[key] ? <mark>{node}</mark> : node),
    cite: (c) => {
      if (!c) return null;
      const number = numberOf.get(c.source);
      const title = index.chart.sources.find((s) => s.id === c.source)?.title ?? c.source;
      // A link to the source's entry in the list below (its address, date and kind). Out of the Tab order: a unit cites a
      // dozen times, and as many tab stops would stand between a keyboard and the panel's controls; a screen reader
      // still follows it, and the list is a scroll away. The address bar keeps no #fragment.
      const target = `${idPrefix}source-${number}`;
      return (
        <a
          className="cite"
          href={`#${target}`}
          tabIndex={-1}
          title={`${title}${c.section ? t.sectionOf(c.section) : ''}`}
          onClick={(event) => {
            event.preventDefault();
            layOutWholePage();
            const entry = document.getElementById(target);
            entry?.scrollIntoView({ block: 'nearest' });
            entry?.focus({ preventScroll: true });
          }}
        >
          <span className="visually-hidden">{t.source} </span>[{number}
          {c.section ? ` · ${c.section}` : ''}]
        </a>
      );
    },
    landmarkName,
    sectionName: (titleId, title) => (sideTitle === undefined ? { 'aria-labelledby': `${idPrefix}${titleId}` } : { 'aria-label': landmarkName(title) }),
    sources,
    history,
  };
}

/** Numbers sources in the order this unit first cites them. */
function useCitations(chart: OrgChart, unit: Unit, history: UnitHistory | null) {
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
    if (history) {
      history.listedIn.forEach((l) => visit(l.cite));
      history.leftOutOf.forEach((l) => visit(l.cite));
      history.otherNames.forEach((n) => visit(n.cite));
      history.periods.forEach((p) => visit(p.cite));
      history.events.forEach((e) => visit(e.cite));
      history.posts.forEach((post) => {
        visit(post.cite);
        post.holders.forEach((h) => {
          visit(h.cite);
          visit(h.nativeName?.cite);
          h.otherDates?.forEach((d) => visit(d.cite));
        });
      });
    }
    const numberOf = new Map(order.map((id, i) => [id, i + 1]));
    const sources: CitedSource[] = order.map((id) => ({
      number: numberOf.get(id) ?? 0,
      source: chart.sources.find((s) => s.id === id),
      id,
      sections: [...(sections.get(id) ?? [])],
    }));
    return { numberOf, sources };
  }, [chart, unit, history]);
}

/** The marks of the search result just chosen in this pane, when it is this unit's. */
function hitMarks(hit: SearchHit | null, pane: PaneId, chartId: string, unitId: string): SearchHit['marks'] | undefined {
  return hit?.pane === pane && hit.chartId === chartId && hit.unitId === unitId ? hit.marks : undefined;
}
