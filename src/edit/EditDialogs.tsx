/** The editor's two dialogs: a unit's name (to add one or rename it) and how to delete a unit with units below it. */
import { type FormEvent, type SyntheticEvent, useEffect, useId, useRef, useState } from 'react';

import { fullIndexOf, nameIn, useEditStore } from '../store/editing.ts';
import { addUnit, deleteWith, parentName, renameTo, unitsBelow, useEditWords } from './actions.ts';

export type EditDialog =
  { readonly kind: 'addChild' | 'addSibling' | 'rename'; readonly unitId: string } | { readonly kind: 'delete'; readonly unitId: string } | null;

/**
 * Opens a <dialog> as modal once mounted (the browser's Escape cancels it), and closes it when unmounted. StrictMode's
 * second run of the effect closes and reopens it: the late "close" event of that finds it open again (see closedBy).
 */
function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return ref;
}

/** The dialog's "close" handler: only a dialog that is closed now (Escape, or a button) means the user closed it. */
const closedBy = (onClose: () => void) => (event: SyntheticEvent<HTMLDialogElement>) => {
  if (!event.currentTarget.open) onClose();
};

export function NameDialog({ dialog, onClose }: { dialog: Extract<EditDialog, { kind: 'addChild' | 'addSibling' | 'rename' }>; onClose: () => void }) {
  const w = useEditWords();
  const chart = useEditStore((s) => s.chart);
  const name = nameIn(chart, dialog.unitId);
  const [draft, setDraft] = useState(dialog.kind === 'rename' ? name : '');
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const problemId = useId();
  const modalRef = useModal();
  const title = dialog.kind === 'rename' ? w.renameDialog(name) : dialog.kind === 'addChild' ? w.addChildDialog(name) : w.addSiblingDialog(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') {
      setProblem(w.refused({ reason: 'emptyName' }, (id) => id));
      return;
    }
    const done = dialog.kind === 'rename' ? renameTo(dialog.unitId, draft) : addUnit(dialog.kind === 'addChild' ? 'child' : 'sibling', dialog.unitId, draft);
    if (done) onClose();
  };

  return (
    <dialog ref={modalRef} className="edit-dialog" aria-labelledby={titleId} onClose={closedBy(onClose)}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <label>
          {w.nameField}
          <input
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem !== null ? problemId : undefined}
            autoFocus
            onFocus={(event) => event.target.select()}
          />
        </label>
        {problem !== null ? (
          <p id={problemId} className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="edit-dialog-actions">
          <button type="submit">{dialog.kind === 'rename' ? w.save : dialog.kind === 'addChild' ? w.addChild : w.addSibling}</button>
          <button type="button" onClick={onClose}>
            {w.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function DeleteDialog({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const w = useEditWords();
  const chart = useEditStore((s) => s.chart);
  const titleId = useId();
  const modalRef = useModal();
  const below = unitsBelow(unitId);
  const parent = parentName(unitId);
  const children = (chart && fullIndexOf(chart)?.childrenOf.get(unitId)) ?? [];
  const onlyChild = children.length === 1 ? (children[0] ?? null) : null;
  const choose = (mode: 'lift' | 'branch') => {
    deleteWith(unitId, mode);
    onClose();
  };
  return (
    <dialog ref={modalRef} className="edit-dialog" aria-labelledby={titleId} onClose={closedBy(onClose)}>
      <h2 id={titleId}>{w.deleteDialog(nameIn(chart, unitId))}</h2>
      <div className="edit-dialog-actions edit-dialog-choices">
        {/* The top unit has no parent to lift its units to: it can go only where its one unit below takes its place. */}
        {parent !== '' ? (
          <button type="button" onClick={() => choose('lift')} autoFocus>
            {w.deleteLift(below, parent)}
          </button>
        ) : onlyChild !== null ? (
          <button type="button" onClick={() => choose('lift')} autoFocus>
            {w.deleteTopLift(nameIn(chart, onlyChild))}
          </button>
        ) : null}
        <button type="button" onClick={() => choose('branch')}>
          {w.deleteBranch(below)}
        </button>
        <button type="button" onClick={onClose}>
          {w.cancel}
        </button>
      </div>
    </dialog>
  );
}
