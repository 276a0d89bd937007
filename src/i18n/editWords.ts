/**
 * What editing says, in English and Chinese: the edit tools, the unit form,
 * why an edit was refused and what each edit did (announced). Kept apart from
 * messages.ts so the editor's words travel with it; the shortcut names live in
 * messages' `commands` with the others.
 */
import type { EditRefusal } from '../model/edit.ts';
import { formatCount, plural, type UiLanguage } from './messages.ts';

const en = {
  edit: 'Edit',
  editHint: 'Change this chart: add, rename, move and delete units, with undo',
  editTools: 'Edit tools',
  newChart: 'New chart',
  newChartTitle: 'New chart',
  newTopUnit: 'New organization',
  makeCopy: 'Make an editable copy',
  makeCopyHint: 'The bundled charts stay as published: edit a copy of this one, kept in this browser',
  copyTitle: (title: string) => `${title} (copy)`,
  addChild: 'Add child',
  addSibling: 'Add sibling',
  rename: 'Rename',
  delete: 'Delete',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  paste: 'Paste here',
  cancel: 'Cancel',
  save: 'Save',
  apply: 'Apply changes',
  renameDialog: (name: string) => `Rename ${name}`,
  addChildDialog: (name: string) => `Add a unit under ${name}`,
  addSiblingDialog: (name: string) => `Add a unit beside ${name}`,
  nameField: 'Name',
  deleteDialog: (name: string) => `Delete ${name}`,
  deleteLift: (n: number, parent: string) => `Delete it, and move its ${plural(n, 'unit', 'units')} below up to ${parent}`,
  deleteBranch: (n: number) => `Delete it with the ${plural(n, 'unit', 'units')} below it`,
  deleteTopLift: (name: string) => `Delete it, and make “${name}” the top unit`,

  // The unit form
  editUnit: (name: string) => `Edit ${name}`,
  idField: 'Id (in links)',
  kindField: 'Kind',
  positionField: 'Position',
  nativeNameField: 'Native name',
  nativeLangField: 'Native name’s language',
  leaders: 'Leaders',
  leaderTitle: 'Post',
  leaderName: 'Name',
  functions: 'Functions',
  functionText: 'Function',
  facts: 'Facts',
  factLabel: 'Label',
  factValue: 'Value',
  addLeader: 'Add a leader',
  addFunction: 'Add a function',
  addFact: 'Add a fact',
  remove: (what: string) => `Remove ${what}`,
  source: 'Source',
  sourceTitle: 'Source title',
  sourceUrl: 'Source address',
  sourceDate: 'Source date',
  rowLabel: (what: string, n: number) => `${what} ${n}`,

  // What an edit did, announced
  added: (name: string, parent: string) => `Added “${name}” under “${parent}”.`,
  renamed: (before: string, after: string) => `Renamed “${before}” to “${after}”.`,
  updated: (name: string) => `Saved the changes to “${name}”.`,
  deleted: (name: string, below: number) => (below === 0 ? `Deleted “${name}”.` : `Deleted “${name}” and ${plural(below, 'unit', 'units')} below it.`),
  deletedLifted: (name: string, parent: string) => `Deleted “${name}”; the units below it are now under “${parent}”.`,
  moved: (name: string, parent: string) => `Moved “${name}” under “${parent}”.`,
  cutDone: (name: string) => `Cut “${name}”: go to its new parent and press Ctrl+V to move it there, or Escape to cancel.`,
  cutCancelled: 'Move cancelled.',
  nothingCut: 'Nothing to paste: cut a unit first (Ctrl+X).',
  undone: 'Undone.',
  redone: 'Redone.',
  undoneWhat: (what: string) => `Undone: ${what}`,
  redoneWhat: (what: string) => `Redone: ${what}`,
  nothingToUndo: 'Nothing to undo.',
  nothingToRedo: 'Nothing to redo.',
  newChartMade: (title: string) => `New chart “${title}”: press Insert to add a unit under the top one, F2 to rename it.`,
  copyMade: (title: string) => `Made an editable copy, “${title}”.`,
  dragHint: (name: string) => `Moving “${name}”: drop it on its new parent, or press Escape to cancel.`,

  refused: (refusal: EditRefusal, nameOf: (id: string) => string): string => {
    switch (refusal.reason) {
      case 'unknownUnit':
        return `Not done: there is no unit “${refusal.unitId}”.`;
      case 'emptyName':
        return 'Not done: a unit needs a name.';
      case 'emptyId':
        return 'Not done: a unit needs an id.';
      case 'duplicateId':
        return `Not done: another unit already has the id “${refusal.unitId}”; ids must be unique.`;
      case 'secondRoot':
        return 'Not done: a chart has exactly one top unit.';
      case 'underItself':
        return refusal.unitId === refusal.targetId
          ? `Not moved: “${nameOf(refusal.unitId)}” cannot go under itself.`
          : `Not moved: “${nameOf(refusal.targetId)}” is under “${nameOf(refusal.unitId)}”, which cannot go under its own descendant.`;
      case 'alreadyThere':
        return `Not moved: “${nameOf(refusal.unitId)}” is already under “${nameOf(refusal.targetId)}”.`;
      case 'invalid':
        return `Not done: ${refusal.detail}.`;
    }
  },

  // Saving and other tabs
  savedCopyElsewhere: (title: string) => `“${title}” was changed in another tab.`,
  conflictChoice: 'Reload it to see those changes, or keep yours as a separate copy.',
  reloadTheirs: 'Reload',
  keepMine: 'Keep mine as a copy',
  followedOtherTab: (title: string) => `“${title}” was updated from another tab.`,
  mineTitle: (title: string) => `${title} (mine)`,
  exportStill: 'You can still export it from the Export menu.',
  saving: 'Saving…',
  saved: 'Saved in this browser',
};

export type EditWords = typeof en;

const zh: EditWords = {
  edit: '编辑',
  editHint: '修改此图表：添加、重命名、移动和删除单位，可撤销',
  editTools: '编辑工具',
  newChart: '新建图表',
  newChartTitle: '新图表',
  newTopUnit: '新机构',
  makeCopy: '制作可编辑副本',
  makeCopyHint: '内置图表保持原样：编辑它在本浏览器中的副本',
  copyTitle: (title) => `${title}（副本）`,
  addChild: '添加下级',
  addSibling: '添加同级',
  rename: '重命名',
  delete: '删除',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  paste: '粘贴到此处',
  cancel: '取消',
  save: '保存',
  apply: '应用更改',
  renameDialog: (name) => `重命名${name}`,
  addChildDialog: (name) => `在${name}下添加单位`,
  addSiblingDialog: (name) => `在${name}旁添加同级单位`,
  nameField: '名称',
  deleteDialog: (name) => `删除${name}`,
  deleteLift: (n, parent) => `删除它，并把其下 ${formatCount(n)} 个单位移到${parent}之下`,
  deleteBranch: (n) => `连同其下 ${formatCount(n)} 个单位一起删除`,
  deleteTopLift: (name) => `删除它，并以“${name}”为顶层单位`,
  editUnit: (name) => `编辑${name}`,
  idField: '标识（用于链接）',
  kindField: '类型',
  positionField: '职位',
  nativeNameField: '本地名称',
  nativeLangField: '本地名称的语言',
  leaders: '领导',
  leaderTitle: '职务',
  leaderName: '姓名',
  functions: '职能',
  functionText: '职能',
  facts: '信息',
  factLabel: '项目',
  factValue: '内容',
  addLeader: '添加领导',
  addFunction: '添加职能',
  addFact: '添加信息',
  remove: (what) => `删除${what}`,
  source: '来源',
  sourceTitle: '来源标题',
  sourceUrl: '来源网址',
  sourceDate: '来源日期',
  rowLabel: (what, n) => `${what} ${n}`,
  added: (name, parent) => `已在“${parent}”下添加“${name}”。`,
  renamed: (before, after) => `已将“${before}”重命名为“${after}”。`,
  updated: (name) => `已保存对“${name}”的修改。`,
  deleted: (name, below) => (below === 0 ? `已删除“${name}”。` : `已删除“${name}”及其下 ${formatCount(below)} 个单位。`),
  deletedLifted: (name, parent) => `已删除“${name}”；其下单位现属“${parent}”。`,
  moved: (name, parent) => `已将“${name}”移到“${parent}”之下。`,
  cutDone: (name) => `已剪切“${name}”：转到新的上级单位并按 Ctrl+V 移动，或按 Esc 取消。`,
  cutCancelled: '已取消移动。',
  nothingCut: '没有可粘贴的单位：请先剪切一个单位（Ctrl+X）。',
  undone: '已撤销。',
  redone: '已重做。',
  undoneWhat: (what) => `已撤销：${what}`,
  redoneWhat: (what) => `已重做：${what}`,
  nothingToUndo: '没有可撤销的操作。',
  nothingToRedo: '没有可重做的操作。',
  newChartMade: (title) => `新图表“${title}”：按 Insert 在顶层单位下添加单位，按 F2 重命名。`,
  copyMade: (title) => `已制作可编辑副本“${title}”。`,
  dragHint: (name) => `正在移动“${name}”：放到新的上级单位上，或按 Esc 取消。`,
  refused: (refusal, nameOf) => {
    switch (refusal.reason) {
      case 'unknownUnit':
        return `未执行：没有单位“${refusal.unitId}”。`;
      case 'emptyName':
        return '未执行：单位需要名称。';
      case 'emptyId':
        return '未执行：单位需要标识。';
      case 'duplicateId':
        return `未执行：另一单位已使用标识“${refusal.unitId}”，标识必须唯一。`;
      case 'secondRoot':
        return '未执行：图表只能有一个顶层单位。';
      case 'underItself':
        return refusal.unitId === refusal.targetId
          ? `未移动：“${nameOf(refusal.unitId)}”不能放在自己之下。`
          : `未移动：“${nameOf(refusal.targetId)}”属于“${nameOf(refusal.unitId)}”，单位不能移到自己的下级之下。`;
      case 'alreadyThere':
        return `未移动：“${nameOf(refusal.unitId)}”已在“${nameOf(refusal.targetId)}”之下。`;
      case 'invalid':
        return `未执行：${refusal.detail}。`;
    }
  },
  savedCopyElsewhere: (title) => `“${title}”已在另一个标签页中被修改。`,
  conflictChoice: '重新载入以查看那些修改，或把您的版本另存为副本。',
  reloadTheirs: '重新载入',
  keepMine: '另存我的版本',
  followedOtherTab: (title) => `“${title}”已按另一个标签页的修改更新。`,
  mineTitle: (title) => `${title}（我的）`,
  exportStill: '您仍可从“导出”菜单导出它。',
  saving: '正在保存…',
  saved: '已保存在本浏览器中',
};

export function editWordsFor(language: UiLanguage): EditWords {
  return language === 'zh' ? zh : en;
}
