/** The editor's commands, shared by its toolbar, its keys and its dialogs: each is one step to undo, and is announced. */
import { type EditWords, editWordsFor } from '../i18n/editWords.ts';
import { addChild, addSibling, type DeleteMode, deleteUnit, renameUnit } from '../model/edit.ts';
import { applyEdit, fullIndexOf, moveEditedUnit, nameIn, setCut, tell, useEditStore } from '../store/editing.ts';
import { useStore } from '../store/store.ts';
import { useMessages } from '../store/useMessages.ts';

export function useEditWords(): EditWords {
  return editWordsFor(useMessages().uiLanguage);
}

const editedChart = () => useEditStore.getState().chart;

export function addUnit(where: 'child' | 'sibling', unitId: string, name: string): boolean {
  const parentName = (id: string | null | undefined) => (id ? nameIn(editedChart(), id) : '');
  return applyEdit(
    (index) => (where === 'child' ? addChild(index, unitId, { name }) : addSibling(index, unitId, { name })),
    (w, result) => w.added(name.trim(), parentName(fullIndexOf(result.chart)?.parentOf.get(result.unitId))),
  );
}

export function renameTo(unitId: string, name: string): boolean {
  const before = nameIn(editedChart(), unitId);
  return applyEdit(
    (index) => renameUnit(index, unitId, name),
    (w) => w.renamed(before, name.trim()),
  );
}

/** How many units are below a unit of the edited chart. */
export function unitsBelow(unitId: string): number {
  const chart = editedChart();
  return (chart && fullIndexOf(chart)?.descendantCount.get(unitId)) ?? 0;
}

export function parentName(unitId: string): string {
  const chart = editedChart();
  const parentId = chart ? fullIndexOf(chart)?.parentOf.get(unitId) : null;
  return parentId ? nameIn(chart, parentId) : '';
}

export function deleteWith(unitId: string, mode: DeleteMode): boolean {
  const name = nameIn(editedChart(), unitId);
  const below = unitsBelow(unitId);
  const parent = parentName(unitId);
  return applyEdit(
    (index) => deleteUnit(index, unitId, mode),
    (w) => (mode === 'lift' && below > 0 ? w.deletedLifted(name, parent || nameIn(editedChart(), '')) : w.deleted(name, below)),
  );
}

export function cut(unitId: string): void {
  setCut(unitId);
  tell('info', (w) => w.cutDone(nameIn(editedChart(), unitId)));
}

/** Moves the cut unit under `parentId`; the cut stays when the move is refused, to be pasted elsewhere. */
export function paste(parentId: string): void {
  const cutId = useEditStore.getState().cutId;
  if (cutId === null) return tell('info', (w) => w.nothingCut);
  if (moveEditedUnit(cutId, parentId)) setCut(null);
}

/** The unit the toolbar's buttons act on: the main pane's selected unit, or the top. */
export function currentUnit(): string | null {
  const state = useStore.getState();
  const chart = editedChart();
  if (chart === null || state.panes.main.chartId !== useEditStore.getState().chartId) return null;
  return state.panes.main.selectedId ?? fullIndexOf(chart)?.rootId ?? null;
}
