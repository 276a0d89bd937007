/**
 * The editor's toolbar above the chart, shown while a chart is being edited:
 * add, rename, delete, cut and paste, undo and redo, with their keys (from the
 * one shortcuts table) on the chart's and the outline's units. Also tells of
 * another tab's save and of storage trouble.
 */
import './edit.css';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore as useZustand } from 'zustand';

import { isTextEntry, listenOnWindow, useRovingToolbar } from '../shared/dom.ts';
import { type CommandId, commandOf, keysLabel } from '../shared/shortcuts.ts';
import { keepMineAsCopy, reloadFromStorage } from '../store/editCharts.ts';
import { redoEdit, setCut, startEditing, tell, undoEdit, useEditStore } from '../store/editing.ts';
import { useEditSync } from '../store/editSaving.ts';
import { chartTitle, useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';
import { currentUnit, cut, deleteWith, paste, unitsBelow, useEditWords } from './actions.ts';
import { DeleteDialog, type EditDialog, NameDialog } from './EditDialogs.tsx';

const UNIT_COMMANDS = ['addChild', 'addSibling', 'renameUnit', 'deleteUnit', 'cutUnit', 'pasteUnit'] as const;
const HISTORY_COMMANDS = ['undo', 'redo'] as const;

/** The unit of the chart's or the outline's row that `target` is in. */
function unitAt(target: EventTarget | null): string | null {
  const row = (target as Element | null)?.closest?.('[role="treeitem"][data-id], [data-outline-id]');
  return row?.getAttribute('data-id') ?? row?.getAttribute('data-outline-id') ?? null;
}

export function EditTools() {
  const mainChartId = useStore((s) => s.panes.main.chartId);
  const editedId = useEditStore((s) => s.chartId);
  const editing = editedId !== null && editedId === mainChartId;
  const canUndo = useZustand(useEditStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useZustand(useEditStore.temporal, (s) => s.futureStates.length > 0);
  const cutId = useEditStore((s) => s.cutId);
  const w = useEditWords();
  const t = useMessages();
  const [dialog, setDialog] = useState<EditDialog>(null);
  const backToTree = useRef(false);
  const toolbarRef = useRef<HTMLDivElement>(null);
  useRovingToolbar(toolbarRef, ':scope > button');

  const run = useCallback((command: CommandId, unitId: string | null, fromTree: boolean) => {
    if (command === 'undo') return undoEdit();
    if (command === 'redo') return redoEdit();
    if (unitId === null) return;
    backToTree.current = fromTree;
    switch (command) {
      case 'addChild':
        return setDialog({ kind: 'addChild', unitId });
      case 'addSibling':
        return setDialog({ kind: 'addSibling', unitId });
      case 'renameUnit':
        return setDialog({ kind: 'rename', unitId });
      case 'deleteUnit':
        // A unit with nothing below goes at once (undo brings it back); one with units below asks what becomes of them.
        if (unitsBelow(unitId) > 0) return setDialog({ kind: 'delete', unitId });
        if (deleteWith(unitId, 'branch') && fromTree) useStore.getState().focusTree('main');
        return;
      case 'cutUnit':
        return cut(unitId);
      case 'pasteUnit':
        // Keyboard focus stays on the new parent, whose card stays drawn: no refocus, which would force a layout.
        return paste(unitId);
    }
  }, []);

  useEffect(() => {
    if (!editing) return;
    return listenOnWindow({
      keydown: (event: KeyboardEvent) => {
        if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
        const unitId = unitAt(event.target);
        if (event.key === 'Escape' && useEditStore.getState().cutId !== null) {
          setCut(null);
          tell('info', (words) => words.cutCancelled);
          return;
        }
        const history = isTextEntry(event.target) ? null : commandOf(HISTORY_COMMANDS, event);
        const command = history ?? (unitId === null ? null : commandOf(UNIT_COMMANDS, event));
        if (command === null) return;
        event.preventDefault();
        run(command, unitId, unitId !== null);
      },
    });
  }, [editing, run]);

  // Another chart opened in the main view: editing follows it if it can be edited, and stops if not.
  useEffect(() => {
    if (editedId === null || mainChartId === editedId) return;
    const entry = useStore.getState().catalog.find((candidate) => candidate.id === mainChartId);
    startEditing(entry?.origin === 'imported' ? mainChartId : null);
  }, [editedId, mainChartId]);

  const close = () => {
    setDialog(null);
    if (backToTree.current) useStore.getState().focusTree('main');
  };

  if (!editing) return <EditStatus />;
  const button = (command: CommandId, label: string, enabled = true) => (
    <button type="button" disabled={!enabled} title={`${label} (${keysLabel(command, t)})`} onClick={() => run(command, currentUnit(), false)}>
      {label}
    </button>
  );
  return (
    <>
      <div className="edit-toolbar" role="toolbar" aria-label={w.editTools} ref={toolbarRef}>
        {button('addChild', w.addChild)}
        {button('addSibling', w.addSibling)}
        {button('renameUnit', w.rename)}
        {button('deleteUnit', w.delete)}
        {button('cutUnit', w.cut)}
        {button('pasteUnit', w.paste, cutId !== null)}
        {button('undo', w.undo, canUndo)}
        {button('redo', w.redo, canRedo)}
        <SaveState />
      </div>
      <EditStatus />
      {dialog?.kind === 'delete' ? <DeleteDialog unitId={dialog.unitId} onClose={close} /> : null}
      {dialog && dialog.kind !== 'delete' ? <NameDialog dialog={dialog} onClose={close} /> : null}
    </>
  );
}

/** Whether the edits are in the browser's storage yet: a quiet word, not announced (each edit already is). */
function SaveState() {
  const saving = useEditSync((s) => s.saving);
  const failed = useEditSync((s) => s.storageProblem !== null);
  const w = useEditWords();
  if (failed) return null;
  return <span className="edit-save-state">{saving ? w.saving : w.saved}</span>;
}

/** Another tab's save of a chart this tab has edited, and storage trouble: told until dealt with. */
function EditStatus() {
  const conflicts = useEditSync((s) => s.conflicts);
  const storageProblem = useEditSync((s) => s.storageProblem);
  const catalogTitle = useStore((s) => (conflicts[0] === undefined ? '' : chartTitle(s, conflicts[0])));
  const w = useEditWords();
  const t = useMessages();
  const conflict = conflicts[0];
  return (
    <>
      {conflict !== undefined ? (
        <div className="edit-alert" role="alert">
          <p>
            {w.savedCopyElsewhere(catalogTitle)} {w.conflictChoice}
          </p>
          <button type="button" onClick={() => void reloadFromStorage(conflict)}>
            {w.reloadTheirs}
          </button>
          <button type="button" onClick={() => void keepMineAsCopy(conflict)}>
            {w.keepMine}
          </button>
        </div>
      ) : null}
      {storageProblem !== null ? (
        <div className="edit-alert" role="alert">
          <p>{t.sentences([t.storageProblem('save', storageProblem), w.exportStill])}</p>
        </div>
      ) : null}
    </>
  );
}
