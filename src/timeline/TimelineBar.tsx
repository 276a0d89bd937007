/**
 * The timeline of a chart with a past on record (loaded with it, see Timeline.tsx): a year slider with the
 * dated lists and events marked on it, a date field for the keyboard, Today,
 * and the list of dated records, each a way to that date. The chosen date
 * lives in the store (and the address); the chart, the panel and search follow.
 */
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';

import { lastDay } from '../model/dates.ts';
import type { TimelineMark } from '../model/history.ts';
import { formatDate } from '../model/present.ts';
import { useDetailsMenu } from '../shared/dom.ts';
import { openChanges } from '../store/changes.ts';
import { type PaneId, paneIndex, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

const yearOf = (date: string) => Number(date.slice(0, 4));

export default function TimelineBar({ pane, marks, variant }: { pane: PaneId; marks: readonly TimelineMark[]; variant: 'menu' | 'strip' }) {
  const t = useMessages();
  const language = useStore((s) => s.preferences.language);
  const asOf = useStore((s) => s.panes[pane].asOf);
  const unitCount = useStore((s) => paneIndex(s, pane)?.preorder.length ?? 0);
  const setAsOf = useStore((s) => s.setAsOf);
  const chartId = useStore((s) => s.panes[pane].chartId);
  const ids = useId();
  const menuRef = useRef<HTMLDetailsElement>(null);
  const menu = useDetailsMenu(menuRef);
  const thisYear = new Date().getFullYear();
  const firstYear = Math.min(thisYear - 1, ...marks.map((mark) => yearOf(mark.date)));
  const markYears = useMemo(() => [...new Set(marks.map((mark) => yearOf(mark.date)))], [marks]);
  const shownDate = (date: string) => formatDate(date, language);

  // The date field is the keyboard's way to any day; it shows the chosen date until the reader types another.
  const [draft, setDraft] = useState<{ text: string; error: boolean } | null>(null);
  const fieldText = draft?.text ?? asOf ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = fieldText.trim();
    if (text === '') {
      setAsOf(null, pane);
      setDraft(null);
      return;
    }
    if (lastDay(text) === null) {
      setDraft({ text: fieldText, error: true });
      return;
    }
    setAsOf(text, pane);
    setDraft(null);
  };

  // Said when the date changes, not when the page opens on one.
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(asOf);
  useEffect(() => {
    if (announced.current === asOf) return;
    announced.current = asOf;
    setAnnouncement(asOf === null ? t.shownToday(unitCount) : t.shownAsOf(formatDate(asOf, language), unitCount));
  }, [asOf, unitCount, t, language]);

  const sliderYear = asOf === null ? thisYear : Math.min(thisYear, Math.max(firstYear, yearOf(asOf)));
  const at = (year: number) => `${((year - firstYear) / Math.max(1, thisYear - firstYear)) * 100}%`;

  const records = (
    <ol className="timeline-record-list">
      {marks.map((mark) => (
        <li key={`${mark.type}:${mark.id}`}>
          <button type="button" aria-current={asOf === mark.date || undefined} onClick={() => setAsOf(mark.date, pane)}>
            <span className="timeline-record-date">{shownDate(mark.date)}</span>{' '}
            <span className="timeline-record-kind">{t.markKinds[mark.kind] ?? mark.kind}</span>{' '}
            <span className="timeline-record-label" lang="en">
              {mark.label}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );

  const controls = (
    <>
      <div className="timeline-row">
        <span className="timeline-label" aria-hidden="true">
          {t.asOf}
        </span>
        <div className="timeline-track">
          <input
            type="range"
            min={firstYear}
            max={thisYear}
            step={1}
            value={sliderYear}
            aria-label={`${t.asOf}: ${t.yearSlider}`}
            aria-valuetext={asOf === null ? t.today : shownDate(asOf)}
            list={`${ids}-ticks`}
            onChange={(event) => {
              const year = Number(event.target.value);
              setDraft(null);
              setAsOf(year >= thisYear ? null : String(year), pane);
            }}
          />
          <datalist id={`${ids}-ticks`}>
            {markYears.map((year) => (
              <option key={year} value={year} />
            ))}
          </datalist>
          <div className="timeline-ticks" aria-hidden="true">
            {marks.map((mark) => (
              <span
                key={`${mark.type}:${mark.id}`}
                className={`timeline-tick is-${mark.type}`}
                style={{ left: at(yearOf(mark.date)) }}
                title={`${mark.date} · ${mark.label}`}
              />
            ))}
          </div>
          <div className="timeline-ends" aria-hidden="true">
            <span>{firstYear}</span>
            <span>{t.today}</span>
          </div>
        </div>
        <form className="timeline-date" onSubmit={submit}>
          <label>
            <span className="visually-hidden">{`${t.asOf}: ${t.dateField}`}</span>
            <input
              type="text"
              inputMode="numeric"
              size={10}
              placeholder={t.today}
              value={fieldText}
              aria-invalid={draft?.error || undefined}
              aria-describedby={draft?.error ? `${ids}-error` : `${ids}-hint`}
              onChange={(event) => setDraft({ text: event.target.value, error: false })}
            />
          </label>
          <button type="submit">{t.showDate}</button>
        </form>
        <button type="button" className="timeline-today" aria-pressed={asOf === null} title={t.todayHint} onClick={() => setAsOf(null, pane)}>
          {t.today}
        </button>
        {asOf !== null && chartId !== null ? (
          <button
            type="button"
            className="timeline-changes"
            onClick={() => {
              menu.close();
              openChanges({ chartId, asOf }, { chartId, asOf: null });
            }}
          >
            {t.changesSince(shownDate(asOf))}
          </button>
        ) : null}
        {variant === 'strip' ? (
          <details className="timeline-records">
            <summary>{t.datedRecordsCount(marks.length)}</summary>
            {records}
          </details>
        ) : null}
      </div>
      {/* In the strip, today's hint is only the date field's description: hidden, so it is not read again as text. */}
      <p id={`${ids}-hint`} className="timeline-note" hidden={asOf === null && variant === 'strip'}>
        {asOf === null ? t.dateFieldHint : t.pastViewNote(shownDate(asOf))}
      </p>
      {draft?.error ? (
        <p id={`${ids}-error`} className="timeline-error" role="alert">
          {t.badDate(draft.text)}
        </p>
      ) : null}
      {variant === 'menu' ? (
        <section className="timeline-records-inline" aria-labelledby={`${ids}-records`}>
          <h2 id={`${ids}-records`}>{t.datedRecordsCount(marks.length)}</h2>
          {records}
        </section>
      ) : null}
    </>
  );

  // Outside the menu, so a date chosen elsewhere (the panel, search, the address) is announced with the menu closed.
  const status = (
    <p className="visually-hidden" role="status">
      {announcement}
    </p>
  );

  if (variant === 'strip') {
    return (
      <section className="timeline" aria-label={t.timeline}>
        {controls}
        {status}
      </section>
    );
  }
  return (
    <>
      <details className="timeline-menu" ref={menuRef} onKeyDown={menu.onKeyDown}>
        <summary title={asOf === null ? t.todayHint : t.pastViewNote(shownDate(asOf))}>
          <svg className="tool-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path
              d="M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM8 5v3.2l2.2 1.4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="timeline-menu-label">{t.asOf}</span>{' '}
          <strong className={asOf === null ? undefined : 'is-past'}>{asOf === null ? t.today : shownDate(asOf)}</strong>
        </summary>
        <div className="timeline timeline-popover" role="group" aria-label={t.timeline}>
          {controls}
        </div>
      </details>
      {status}
    </>
  );
}
