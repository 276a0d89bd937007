/** The selected unit's form in the details panel while its chart is edited: every field, applied as one step to undo. */
import { type FormEvent, useId, useState } from 'react';

import { applyFields, fieldsOf, NO_SOURCE, type SourceFields, type UnitFields } from '../model/editForm.ts';
import { KIND_LABELS } from '../model/present.ts';
import type { OrgChart, Unit } from '../model/schema.ts';
import { applyEdit, fullIndexOf, useEditStore } from '../store/editing.ts';
import { useStore } from '../store/store.ts';
import { useEditWords } from './actions.ts';

/** The form for the main pane's selected unit, or nothing when no chart is being edited there. */
export function UnitEditForm() {
  const chart = useEditStore((s) => s.chart);
  const mainChartId = useStore((s) => s.panes.main.chartId);
  const editedId = useEditStore((s) => s.chartId);
  const selectedId = useStore((s) => s.panes.main.selectedId);
  if (chart === null || editedId !== mainChartId) return null;
  const index = fullIndexOf(chart);
  const unit = index?.byId.get(selectedId ?? index.rootId);
  if (!unit) return null;
  // A new form for another unit; FieldsForm itself follows a change to its unit (an undo among them).
  return <FieldsForm key={unit.id} chart={chart} unit={unit} />;
}

type RowList = 'leaders' | 'functions' | 'facts';

function FieldsForm({ chart, unit }: { chart: OrgChart; unit: Unit }) {
  const w = useEditWords();
  const [fields, setFields] = useState<UnitFields>(() => fieldsOf(chart, unit));
  // The unit changed by something else (an undo, a rename from the chart): the form shows it as it now is.
  const [shownUnit, setShownUnit] = useState(unit);
  if (shownUnit !== unit) {
    setShownUnit(unit);
    setFields(fieldsOf(chart, unit));
  }
  const headingId = useId();
  const kindsId = useId();
  const set = (patch: Partial<UnitFields>) => setFields((current) => ({ ...current, ...patch }));
  const setRow = <K extends RowList>(list: K, at: number, patch: Partial<UnitFields[K][number]>) =>
    setFields((current) => ({ ...current, [list]: current[list].map((row, i) => (i === at ? { ...row, ...patch } : row)) }));
  const removeRow = (list: RowList, at: number) => setFields((current) => ({ ...current, [list]: current[list].filter((_, i) => i !== at) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    applyEdit(
      (index) => applyFields(index, unit.id, fields),
      (words) => words.updated(fields.name.trim()),
    );
  };

  const sourceFields = (list: RowList, at: number, source: SourceFields, what: string) => (
    <details className="unit-form-source">
      <summary>
        {w.source}
        {source.title ? `: ${source.title}` : ''}
      </summary>
      <div className="unit-form-row">
        <label>
          {`${w.sourceTitle} (${what})`}
          <input value={source.title} onChange={(e) => setRow(list, at, { source: { ...source, title: e.target.value } })} />
        </label>
        <label>
          {`${w.sourceUrl} (${what})`}
          <input type="url" value={source.url} onChange={(e) => setRow(list, at, { source: { ...source, url: e.target.value } })} />
        </label>
        <label>
          {`${w.sourceDate} (${what})`}
          <input value={source.date} placeholder="YYYY-MM-DD" onChange={(e) => setRow(list, at, { source: { ...source, date: e.target.value } })} />
        </label>
      </div>
    </details>
  );

  return (
    <form className="unit-form" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>{w.editUnit(unit.name)}</h2>
      <label>
        {w.nameField}
        <input value={fields.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <div className="unit-form-row">
        <label>
          {w.kindField}
          <input value={fields.kind} list={kindsId} onChange={(e) => set({ kind: e.target.value })} />
        </label>
        <datalist id={kindsId}>
          {Object.keys(KIND_LABELS).map((kind) => (
            <option key={kind} value={kind} />
          ))}
        </datalist>
        <label>
          {w.positionField}
          <input value={fields.position} onChange={(e) => set({ position: e.target.value })} />
        </label>
      </div>
      <div className="unit-form-row">
        <label>
          {w.nativeNameField}
          <input value={fields.nativeName} onChange={(e) => set({ nativeName: e.target.value })} />
        </label>
        <label>
          {w.nativeLangField}
          <input value={fields.nativeLang} placeholder="zh-Hans" onChange={(e) => set({ nativeLang: e.target.value })} />
        </label>
      </div>
      <label>
        {w.idField}
        <input value={fields.id} onChange={(e) => set({ id: e.target.value })} />
      </label>

      <fieldset>
        <legend>{w.leaders}</legend>
        {fields.leaders.map((row, at) => {
          const what = w.rowLabel(w.leaderTitle, at + 1);
          return (
            <div key={at}>
              <div className="unit-form-row">
                <label>
                  {`${w.leaderTitle} ${at + 1}`}
                  <input value={row.title} onChange={(e) => setRow('leaders', at, { title: e.target.value })} />
                </label>
                <label>
                  {`${w.leaderName} ${at + 1}`}
                  <input value={row.name} onChange={(e) => setRow('leaders', at, { name: e.target.value })} />
                </label>
                <button type="button" onClick={() => removeRow('leaders', at)}>
                  {w.remove(what)}
                </button>
              </div>
              {sourceFields('leaders', at, row.source, what)}
            </div>
          );
        })}
        <button type="button" onClick={() => set({ leaders: [...fields.leaders, { title: '', name: '', source: NO_SOURCE }] })}>
          {w.addLeader}
        </button>
      </fieldset>

      <fieldset>
        <legend>{w.functions}</legend>
        {fields.functions.map((row, at) => {
          const what = w.rowLabel(w.functionText, at + 1);
          return (
            <div key={at}>
              <div className="unit-form-row">
                <label>
                  {what}
                  <textarea value={row.text} rows={2} onChange={(e) => setRow('functions', at, { text: e.target.value })} />
                </label>
                <button type="button" onClick={() => removeRow('functions', at)}>
                  {w.remove(what)}
                </button>
              </div>
              {sourceFields('functions', at, row.source, what)}
            </div>
          );
        })}
        <button type="button" onClick={() => set({ functions: [...fields.functions, { text: '', source: NO_SOURCE }] })}>
          {w.addFunction}
        </button>
      </fieldset>

      <fieldset>
        <legend>{w.facts}</legend>
        {fields.facts.map((row, at) => {
          const what = w.rowLabel(w.factLabel, at + 1);
          return (
            <div key={at}>
              <div className="unit-form-row">
                <label>
                  {what}
                  <input value={row.label} onChange={(e) => setRow('facts', at, { label: e.target.value })} />
                </label>
                <label>
                  {w.rowLabel(w.factValue, at + 1)}
                  <input value={row.value} onChange={(e) => setRow('facts', at, { value: e.target.value })} />
                </label>
                <button type="button" onClick={() => removeRow('facts', at)}>
                  {w.remove(what)}
                </button>
              </div>
              {sourceFields('facts', at, row.source, what)}
            </div>
          );
        })}
        <button type="button" onClick={() => set({ facts: [...fields.facts, { label: '', value: '', source: NO_SOURCE }] })}>
          {w.addFact}
        </button>
      </fieldset>
      <button type="submit">{w.apply}</button>
    </form>
  );
}
