/**
 * The timeline under a chart with a past on record: a year slider with the
 * dated lists and events marked on it, a date field for the keyboard, Today,
 * and the list of dated records, each a way to that date. The chosen date
 * lives in the store (and the address); the chart, the panel and search follow.
 */
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';

import { lastDay, type TimelineMark, timelineOf } from '../model/history.ts';
import { formatDate } from '../model/present.ts';
import { hasPast, type PaneId, paneIndex, readyIndex, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

const yearOf = (date: string) => Number(date.slice(0, 4));

export function Timeline({ pane }: { pane: PaneId }) {
  const today = useStore((s) => readyIndex(s, s.panes[pane].chartId));
  if (today === null || !hasPast(today)) return null;
  return <TimelineBar pane={pane} marks={timelineOf(today.fullChart)} />;
}

function TimelineBar({ pane, marks }: { pane: PaneId; marks: readonly TimelineMark[] }) {
  const t = useMessages();
  const language = useStore((s) => s.preferences.language);
  const asOf = useStore((s) => s.panes[pane].asOf);
  const unitCount = useStore((s) => paneIndex(s, pane)?.preorder.length ?? 0);
  const setAsOf = useStore((s) => s.setAsOf);
  const ids = useId();
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

  return (
    <section className="timeline" aria-label={t.timeline}>
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
            <span className="timeline-end" style={{ left: 0 }}>
              {firstYear}
            </span>
            <span className="timeline-end" style={{ left: '100%' }}>
              {t.today}
            </span>
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
        <details className="timeline-records">
          <summary>{t.datedRecordsCount(marks.length)}</summary>
          <ol>
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
        </details>
      </div>
      <p id={`${ids}-hint`} className="timeline-note">
        {asOf === null ? t.dateFieldHint : t.pastViewNote(shownDate(asOf))}
      </p>
      {draft?.error ? (
        <p id={`${ids}-error`} className="timeline-error" role="alert">
          {t.badDate(draft.text)}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
