/** The two versions the changes view compares, each a chart and, for a chart with a past, a date; swap, and close. */
import { type FormEvent, useId, useState } from 'react';

import { lastDay } from '../model/dates.ts';
import { ChartSelect } from '../shared/ChartSelect.tsx';
import { closeChanges, openChanges } from '../store/changes.ts';
import { type ChartVersion, hasPast, readyIndex, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

function VersionPicker({ side, version, onChange }: { side: string; version: ChartVersion; onChange: (version: ChartVersion) => void }) {
  const dated = useStore((s) => {
    const index = readyIndex(s, version.chartId);
    return index !== null && hasPast(index);
  });
  const t = useMessages();
  const ids = useId();
  // A draft belongs to the version it was typed for: another version chosen shows its own date. The picker is not
  // remounted for a new version, so keyboard focus stays on the control that changed it.
  const [typed, setDraft] = useState<{ text: string; error: boolean; for: ChartVersion } | null>(null);
  const draft = typed !== null && typed.for.chartId === version.chartId && typed.for.asOf === version.asOf ? typed : null;
  const text = draft?.text ?? version.asOf ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const date = text.trim();
    if (date !== '' && lastDay(date) === null) {
      setDraft({ text, error: true, for: version });
      return;
    }
    setDraft(null);
    onChange({ chartId: version.chartId, asOf: date === '' ? null : date });
  };
  return (
    <div className="version-picker">
      <ChartSelect label={side} value={version.chartId} onChange={(chartId) => onChange({ chartId, asOf: null })} />
      {dated ? (
        <form onSubmit={submit}>
          <input
            type="text"
            inputMode="numeric"
            size={10}
            placeholder={t.today}
            aria-label={t.changesDate(side)}
            value={text}
            aria-invalid={draft?.error || undefined}
            aria-describedby={draft?.error ? `${ids}-error` : undefined}
            onChange={(event) => setDraft({ text: event.target.value, error: false, for: version })}
          />
          <button type="submit">{t.showDate}</button>
          {draft?.error ? (
            <p id={`${ids}-error`} className="field-error" role="alert">
              {t.badDate(draft.text)}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

export function ChangesToolbar() {
  const session = useStore((s) => s.changes);
  const t = useMessages();
  if (session === null) return null;
  const { before, after } = session;
  return (
    <div className="changes-toolbar" role="toolbar" aria-label={t.changesToolbar}>
      <VersionPicker side={t.changesFrom} version={before} onChange={(version) => openChanges(version, after)} />
      <button type="button" onClick={() => openChanges(after, before)} aria-label={t.swapVersions} title={t.swapVersions}>
        ⇄
      </button>
      <VersionPicker side={t.changesTo} version={after} onChange={(version) => openChanges(before, version)} />
      <button type="button" className="changes-close" onClick={closeChanges}>
        {t.closeChanges}
      </button>
    </div>
  );
}
