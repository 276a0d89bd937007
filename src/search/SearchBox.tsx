/**
 * Find any unit in any loaded chart: an ARIA 1.2 combobox with a listbox of
 * results. `/` or Ctrl/Cmd+K focuses it from anywhere; choosing a result opens
 * its chart, unfolds its ancestors, selects it and centres it.
 */
import { type KeyboardEvent, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';

import { loadOnce } from '../model/loadOnce.ts';
import type * as SearchModule from '../model/search.ts';
import type { SearchResult } from '../model/search.ts';
import type { OrgIndex } from '../model/tree.ts';
import { listenOnWindow, whenIdle } from '../shared/dom.ts';
import { Marked } from '../shared/Marked.tsx';
import { isCommand } from '../shared/shortcuts.ts';
import { allTimeIndex, type CatalogEntry, type ChartSlot, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

const RESULT_LIMIT = 12;

/**
 * What search looks through: every unit each loaded chart of the catalog records, past ones too (choosing one moves
 * the chart to its date). Charts the catalog does not list (the changes view's merged chart) are views of charts it does.
 */
function readyIndexes(charts: Readonly<Record<string, ChartSlot>>, catalog: readonly CatalogEntry[]): OrgIndex[] {
  return catalog.flatMap(({ id }) => {
    const slot = charts[id];
    return slot?.status === 'ready' ? [allTimeIndex(slot.index)] : [];
  });
}

/** A unit the file records but today's structure does not have. */
function isPast(charts: Readonly<Record<string, ChartSlot>>, chartId: string, unitId: string): boolean {
  const slot = charts[chartId];
  return slot?.status === 'ready' && !slot.index.byId.has(unitId);
}

type SearchEngine = typeof SearchModule;
/** The search code and its pinyin dictionary load on first use, keeping them out of the initial download. */
const loadEngine = loadOnce<SearchEngine>(() => import('../model/search.ts')).load;

const COMPARE_SIDES = ['left', 'right'] as const;
const NO_RESULTS: { readonly results: readonly SearchResult[]; readonly total: number } = { results: [], total: 0 };

export function SearchBox() {
  const charts = useStore((s) => s.charts);
  const catalog = useStore((s) => s.catalog);
  const t = useMessages();
  /** The language a result's chart is written in, so a Chinese interface reads English names as English. */
  const languageOf = (chartId: string) => {
    const slot = charts[chartId];
    return slot?.status === 'ready' ? slot.index.chart.language : undefined;
  };
  const openChart = useStore((s) => s.openChart);
  const focusTree = useStore((s) => s.focusTree);
  const showSearchHit = useStore((s) => s.showSearchHit);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [engine, setEngine] = useState<SearchEngine | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const statusId = useId();

  const wantEngine = () => {
    if (engine === null) void loadEngine().then(setEngine);
  };
  // Rebuilt only when the set of loaded charts changes; typing reuses it.
  // Built on the first query after the loaded charts change, not when they change: importing a big
  // chart must not wait for its search index before it is drawn.
  const indexOf = useMemo(() => {
    let built: SearchModule.SearchIndex | null = null;
    return (searchEngine: SearchEngine) =>
      (built ??= searchEngine.buildSearchIndex(readyIndexes(charts, catalog), { isPast: (chartId, unitId) => isPast(charts, chartId, unitId) }));
  }, [charts, catalog]);
  const deferredQuery = useDeferredValue(query);
  // Only while the list is open: a chart edited with a query left in the closed box must not rebuild the index per edit.
  const { results, total } = useMemo(
    () => (engine === null || !open || deferredQuery.trim() === '' ? NO_RESULTS : engine.searchUnitsCounted(indexOf(engine), deferredQuery, RESULT_LIMIT)),
    [engine, open, indexOf, deferredQuery],
  );
  const searching = query.trim() !== '' && (engine === null || deferredQuery !== query);
  // A list cut short says so, or a reader would take the first twelve "Lars Peterson"s for all of them.
  const more = !searching && total > results.length;
  const showPopup = open && query.trim() !== '';
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));

  // The option the arrow keys reach stays in sight as the list scrolls (focus stays in the field, so nothing else would scroll it).
  // Only after an arrow key: scrolling measures the page, which a keystroke in the field must not pay for.
  const scrollToActive = useRef(false);
  useEffect(() => {
    if (!scrollToActive.current) return;
    scrollToActive.current = false;
    if (showPopup && results.length > 0) document.getElementById(`${listId}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [showPopup, results, activeIndex, listId]);

  // Loaded when the page is idle, so the first keystroke in the field finds it ready.
  useEffect(() => whenIdle(() => void loadEngine().then(setEngine), 3000), []);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isCommand('search', event)) return;
      event.preventDefault();
      void loadEngine().then(setEngine);
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    };
    return listenOnWindow({ keydown: onKeyDown });
  }, []);

  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    // While comparing, a unit of a chart on either side is shown on that side: choosing it must not end the comparison.
    const state = useStore.getState();
    const side = state.view === 'compare' ? COMPARE_SIDES.find((pane) => state.panes[pane].chartId === result.chartId) : undefined;
    const pane = side ?? 'main';
    openChart(result.chartId, result.unitId, pane);
    // The details panel marks what matched and scrolls to it: a function may be the tenth of ten.
    showSearchHit({ pane, chartId: result.chartId, unitId: result.unitId, marks: result.marks });
    // On to the unit itself, as a "go to" does: the arrow keys move on from there, and "/" comes back here.
    focusTree(pane);
    setOpen(false);
    setQuery(result.name);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        // A closed list opens on the option that was active, rather than skipping past it.
        if (showPopup) setActive(results.length === 0 ? 0 : (activeIndex + 1) % results.length);
        scrollToActive.current = true;
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (showPopup) setActive(results.length === 0 ? 0 : (activeIndex - 1 + results.length) % results.length);
        scrollToActive.current = true;
        break;
      case 'Enter':
        if (showPopup && results.length > 0) {
          event.preventDefault();
          choose(results[activeIndex]);
        }
        break;
      case 'Escape':
        if (showPopup) {
          event.preventDefault();
          setOpen(false);
        } else if (query !== '') {
          event.preventDefault();
          setQuery('');
        }
        break;
      default:
        break;
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;

  return (
    <div className="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t.search}
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        className="search-input"
        type="text"
        role="combobox"
        aria-label={t.search}
        aria-autocomplete="list"
        aria-expanded={showPopup && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={showPopup && results.length > 0 ? optionId(activeIndex) : undefined}
        aria-describedby={statusId}
        placeholder={t.searchPlaceholder}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          wantEngine();
          scrollToActive.current = false;
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          wantEngine();
          setOpen(true);
        }}
        onPointerEnter={wantEngine}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="search-popup" hidden={!showPopup}>
        <ul id={listId} role="listbox" aria-label={t.searchResults} className="search-results" hidden={!showPopup || results.length === 0}>
          {showPopup
            ? results.map((result, i) => {
                const nameMatched = result.field === 'name' || result.matchedText === result.name;
                return (
                  <li
                    key={`${result.chartId}/${result.unitId}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === activeIndex}
                    className={i === activeIndex ? 'is-active' : undefined}
                    // mousedown, not click: choosing must happen before the input's blur closes the list.
                    onMouseDown={(event) => {
                      event.preventDefault();
                      choose(result);
                    }}
                    onMouseMove={() => setActive(i)}
                  >
                    <span className="result-name" lang={languageOf(result.chartId)}>
                      {nameMatched ? <Marked text={result.name} ranges={result.highlights} /> : result.name}
                    </span>
                    {result.nativeName && result.field !== 'nativeName' && !['pinyin', 'initials'].includes(result.field) ? (
                      <span className="result-native" lang="zh">
                        {' '}
                        {result.nativeName}
                      </span>
                    ) : null}
                    {!nameMatched ? (
                      <span className="result-match">
                        <span className="result-field">{t.fieldLabel(t.fields[result.field] ?? result.field)}</span>
                        <Marked text={result.matchedText} ranges={result.highlights} />
                      </span>
                    ) : null}
                    <span className="result-path" lang={languageOf(result.chartId)}>
                      {result.path.join(' › ')}
                    </span>
                  </li>
                );
              })
            : null}
        </ul>
        <div id={statusId} className="search-status" role="status" hidden={!showPopup || (results.length > 0 && !more)}>
          {showPopup && more ? t.moreMatches(results.length, total) : null}
          {showPopup && results.length === 0 && searching ? t.searching : null}
          {showPopup && results.length === 0 && !searching ? (
            <>
              <strong>{t.noMatch(query.trim())}</strong> {t.noMatchHint}
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
