/** The listed sections of a unit's details: its leaders, functions, related bodies, notes and sources. */
import { formatDate, leadersByTitle, ownEntry } from '../model/present.ts';
import type { Leader, RelatedBody, TextItem } from '../model/schema.ts';
import { Marked } from '../shared/Marked.tsx';
import { useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import type { UnitView } from './unitView.tsx';

/** The unit's leaders grouped by title, or plain words that the source names none. */
export function LeadersSection({ leaders, view }: { leaders: readonly Leader[]; view: UnitView }) {
  const t = useMessages();
  const { contentLang, idPrefix, marks, hl, cite, sectionName } = view;
  return (
    <section {...sectionName('leaders-title', t.leaders)}>
      <h3 id={`${idPrefix}leaders-title`}>{t.leaders}</h3>
      {leaders.length > 0 ? (
        <>
          <dl className="leaders" lang={contentLang}>
            {leadersByTitle(leaders).map((group) => (
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
  );
}

/** The unit's functions in the source's order, or plain words that the source states none. */
export function FunctionsSection({ functions, view }: { functions: readonly TextItem[]; view: UnitView }) {
  const t = useMessages();
  const { contentLang, idPrefix, hl, cite, sectionName } = view;
  return (
    <section {...sectionName('functions-title', t.functions)}>
      <h3 id={`${idPrefix}functions-title`}>{t.functions}</h3>
      {functions.length > 0 ? (
        <ol className="functions" lang={contentLang}>
          {functions.map((fn, i) => (
            <li key={i}>
              {hl(`function:${i}`, fn.text)} {cite(fn.cite)}
            </li>
          ))}
        </ol>
      ) : (
        <p className="is-missing">{t.noFunctions}</p>
      )}
    </section>
  );
}

/** Bodies the source mentions as related that are not part of the chart. */
export function RelatedSection({ related, view }: { related: readonly RelatedBody[]; view: UnitView }) {
  const t = useMessages();
  const { contentLang, idPrefix, cite, sectionName } = view;
  return (
    <section {...sectionName('related-title', t.seeAlso)}>
      <h3 id={`${idPrefix}related-title`}>{t.seeAlso}</h3>
      <ul lang={contentLang}>
        {related.map((body) => (
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
  );
}

/** Editorial notes on the unit, shown as notes, never as facts. */
export function NotesSection({ notes, view }: { notes: readonly TextItem[]; view: UnitView }) {
  const t = useMessages();
  const { contentLang, idPrefix, hl, cite, sectionName } = view;
  return (
    <section {...sectionName('notes-title', t.notes)}>
      <h3 id={`${idPrefix}notes-title`}>{t.notes}</h3>
      <ul className="notes" lang={contentLang}>
        {notes.map((note, i) => (
          <li key={i}>
            {hl(`note:${i}`, note.text)} {cite(note.cite)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The sources the unit's statements cite, numbered as their markers are, or plain words that there are none. */
export function SourcesSection({ view }: { view: UnitView }) {
  const t = useMessages();
  const { idPrefix, sectionName, sources } = view;
  const language = useStore((s) => s.preferences.language);
  return (
    <section {...sectionName('sources-title', t.sources)}>
      <h3 id={`${idPrefix}sources-title`}>{t.sources}</h3>
      {sources.length > 0 ? (
        <ol className="sources">
          {sources.map((entry) => (
            <li key={entry.id} value={entry.number} id={`${idPrefix}source-${entry.number}`} tabIndex={-1}>
              {entry.source?.publisher ? <span className="muted">{entry.source.publisher}: </span> : null}
              {entry.source?.url ? (
                <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
                  {entry.source.title}
                </a>
              ) : (
                <span>{entry.source?.title ?? entry.id}</span>
              )}
              {entry.source?.date ? <span className="muted"> ({formatDate(entry.source.date, language)})</span> : null}
              {entry.source?.kind ? <span className="muted">{t.sourceKind(ownEntry(t.sourceKinds, entry.source.kind) ?? entry.source.kind)}</span> : null}
              {entry.sections.length > 0 ? <span className="muted"> · {t.sectionsList(entry.sections)}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="is-missing">{t.noSources}</p>
      )}
    </section>
  );
}
