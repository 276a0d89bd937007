/** A unit's record through time: the dated lists that name it or leave it out, its other names, its posts' holders and the events that touch it, each cited. */
import type { ReactNode } from 'react';

import { firstDay } from '../model/dates.ts';
import type { UnitHistory } from '../model/history.ts';
import { formatDate } from '../model/present.ts';
import { type PaneId, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import type { UnitView } from './unitView.tsx';

export default function HistorySection({ history, view, pane }: { history: UnitHistory; view: UnitView; pane: PaneId }) {
  const t = useMessages();
  const language = useStore((s) => s.preferences.language);
  const asOf = useStore((s) => s.panes[pane].asOf);
  const setAsOf = useStore((s) => s.setAsOf);
  const { contentLang, idPrefix, cite, sectionName } = view;
  const date = (value: string | null | undefined) => (value ? formatDate(value, language) : null);
  /** A date the reader can go to: the chart redraws as of it. */
  const dateButton = (value: string): ReactNode =>
    value === asOf ? (
      <strong>{date(value)}</strong>
    ) : (
      <button type="button" className="link-button" onClick={() => setAsOf(value, pane)} title={t.showOnDate(date(value) ?? value)}>
        {date(value)}
      </button>
    );
  return (
    <section {...sectionName('history-title', t.throughTime)}>
      <h3 id={`${idPrefix}history-title`}>{t.throughTime}</h3>
      {history.current ? null : <p className="hint">{t.notToday}</p>}
      <dl className="history" lang={contentLang}>
        {history.appears ? (
          <div>
            <dt>{t.firstOnRecord}</dt>
            <dd>{dateButton(history.appears)}</dd>
          </div>
        ) : null}
        {history.disappears ? (
          <div>
            <dt>{t.goneBy}</dt>
            <dd>{date(history.disappears)}</dd>
          </div>
        ) : null}
        {history.listedIn.length > 0 ? (
          <div>
            <dt>{t.listedIn}</dt>
            {history.listedIn.map((listing) => (
              <dd key={listing.snapshot}>
                {dateButton(listing.date)} · {listing.label}
                {listing.name ? ` ${t.listedAs(listing.name)}` : ''} {cite(listing.cite)}
              </dd>
            ))}
          </div>
        ) : null}
        {history.leftOutOf.length > 0 ? (
          <div>
            <dt>{t.leftOutOf}</dt>
            {history.leftOutOf.map((listing) => (
              <dd key={listing.snapshot}>
                {dateButton(listing.date)} · {listing.label} {cite(listing.cite)}
              </dd>
            ))}
          </div>
        ) : null}
        {history.otherNames.length > 0 ? (
          <div>
            <dt>{t.otherNames}</dt>
            {history.otherNames.map((name, i) => (
              <dd key={i}>
                <span lang={name.lang}>{name.text}</span>
                {name.from !== undefined || name.until !== undefined ? ` (${t.formerName(date(name.from), date(name.until))})` : ''} {cite(name.cite)}
                {name.note ? <span className="history-note">{name.note}</span> : null}
              </dd>
            ))}
          </div>
        ) : null}
        {history.periods.length > 0 ? (
          <div>
            <dt>{t.periodsOnRecord}</dt>
            {history.periods.map((period, i) => (
              <dd key={i}>
                {t.term(date(period.from), date(period.until))} {cite(period.cite)}
                {period.note ? <span className="history-note">{period.note}</span> : null}
              </dd>
            ))}
          </div>
        ) : null}
      </dl>
      {history.posts.map((post, p) => (
        <div key={post.title} className="history-post">
          <h4 id={`${idPrefix}post-${p}`}>{t.postHolders(post.title)}</h4>
          <ol className="history-holders" lang={contentLang} aria-labelledby={`${idPrefix}post-${p}`}>
            {[...post.holders]
              .sort((a, b) => (firstDay(a.from ?? '') ?? '').localeCompare(firstDay(b.from ?? '') ?? ''))
              .map((holder, i) => (
                <li key={`${holder.name}-${i}`}>
                  <span className="history-term">
                    {holder.from ? dateButton(holder.from) : '…'}–{date(holder.until) ?? t.today}
                  </span>{' '}
                  {holder.name}
                  {holder.nativeName ? (
                    <>
                      {' '}
                      <span lang={holder.nativeName.lang} className="native-inline">
                        {holder.nativeName.text}
                      </span>
                    </>
                  ) : null}{' '}
                  {cite(holder.cite)}
                  {holder.otherDates?.map((other, j) => (
                    <span key={j} className="history-disagreement">
                      {' '}
                      ({t.otherSourcesGive} {t.term(date(other.from), date(other.until))} {cite(other.cite)})
                    </span>
                  ))}
                  {holder.note ? <span className="history-note">{holder.note}</span> : null}
                </li>
              ))}
          </ol>
        </div>
      ))}
      {history.events.length > 0 ? (
        <>
          <h4>{t.eventsOnRecord}</h4>
          <ol className="history-events" lang={contentLang}>
            {history.events.map((event) => (
              <li key={event.id}>
                {dateButton(event.date)} · {event.text} {cite(event.cite)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
