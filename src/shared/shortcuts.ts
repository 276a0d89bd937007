/**
 * Every keyboard command in one table: each view's key handler asks it
 * whether a key press is a command (keyTest), and the "?" dialog and the
 * buttons' tooltips print its keys (keysLabel), with the command's name in the
 * interface's language (messages' commands, which must name every command here).
 */
import type { Messages } from '../i18n/messages.ts';
import { ownEntry } from '../model/present.ts';
import { isTextEntry } from './dom.ts';

/** What a key test reads of a key press: a DOM KeyboardEvent or React's. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Optional so a test can leave it out; DOM and React key events always have it. */
  readonly shiftKey?: boolean;
  readonly target: EventTarget | null;
}

/** Where a command works, in the order the dialog lists them. */
export type ShortcutScope = 'anywhere' | 'tree' | 'chart' | 'editing';

interface Shortcut {
  readonly command: string;
  readonly scope: ShortcutScope;
  /** The keys as printed on a keyboard; a word among them (Enter, Space) is put in the interface's language. */
  readonly keys: readonly string[];
  /** Null for keys the browser handles (Escape closing a dialog) or that only describe a family (letters for type-ahead). */
  readonly keyTest: ((press: KeyPress) => boolean) | null;
}

const unmodified = (press: KeyPress) => !press.ctrlKey && !press.metaKey && !press.altKey;
/** Ctrl, or Cmd on a Mac. */
const withCtrl = (press: KeyPress, key: string) => (press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === key;
/** A character typed in a text field is text, not a command. */
const typedOutsideText = (press: KeyPress, key: string) => press.key === key && unmodified(press) && !isTextEntry(press.target);

export const SHORTCUTS = [
  {
    command: 'search',
    scope: 'anywhere',
    keys: ['/', 'Ctrl+K'],
    keyTest: (press) => ((press.ctrlKey || press.metaKey) && press.key.toLowerCase() === 'k') || typedOutsideText(press, '/'),
  },
  { command: 'showShortcuts', scope: 'anywhere', keys: ['?'], keyTest: (press) => typedOutsideText(press, '?') },
  { command: 'close', scope: 'anywhere', keys: ['Esc'], keyTest: (press) => press.key === 'Escape' },
  { command: 'nextOrPrevious', scope: 'tree', keys: ['↓', '↑'], keyTest: (press) => press.key === 'ArrowDown' || press.key === 'ArrowUp' },
  { command: 'expandOrChild', scope: 'tree', keys: ['→'], keyTest: (press) => press.key === 'ArrowRight' },
  { command: 'collapseOrParent', scope: 'tree', keys: ['←'], keyTest: (press) => press.key === 'ArrowLeft' },
  { command: 'firstOrLast', scope: 'tree', keys: ['Home', 'End'], keyTest: (press) => press.key === 'Home' || press.key === 'End' },
  // Unmodified: Shift+Enter and Ctrl+Enter add units while editing.
  {
    command: 'select',
    scope: 'tree',
    keys: ['Enter', 'Space'],
    keyTest: (press) => (press.key === 'Enter' || press.key === ' ') && unmodified(press) && press.shiftKey !== true,
  },
  // Any letter or digit: see extendTypedRun.
  { command: 'typeAhead', scope: 'tree', keys: ['A–Z'], keyTest: null },
  { command: 'zoomIn', scope: 'chart', keys: ['+'], keyTest: (press) => press.key === '+' || press.key === '=' },
  { command: 'zoomOut', scope: 'chart', keys: ['−'], keyTest: (press) => press.key === '-' },
  { command: 'fit', scope: 'chart', keys: ['0'], keyTest: (press) => press.key === '0' },
  // The toolbar's own arrow keys (useRovingToolbar), listed so people know of them.
  { command: 'toolbar', scope: 'chart', keys: ['←', '→'], keyTest: null },
  // While editing a chart (src/edit): on a unit of the chart or the outline; undo and redo anywhere but in a text field.
  {
    command: 'addChild',
    scope: 'editing',
    keys: ['Insert', 'Ctrl+Enter'],
    keyTest: (press) => (press.key === 'Insert' && unmodified(press)) || withCtrl(press, 'enter'),
  },
  { command: 'addSibling', scope: 'editing', keys: ['Shift+Enter'], keyTest: (press) => press.key === 'Enter' && press.shiftKey === true && unmodified(press) },
  { command: 'renameUnit', scope: 'editing', keys: ['F2'], keyTest: (press) => press.key === 'F2' },
  { command: 'deleteUnit', scope: 'editing', keys: ['Delete'], keyTest: (press) => press.key === 'Delete' && unmodified(press) },
  { command: 'cutUnit', scope: 'editing', keys: ['Ctrl+X'], keyTest: (press) => withCtrl(press, 'x') },
  { command: 'pasteUnit', scope: 'editing', keys: ['Ctrl+V'], keyTest: (press) => withCtrl(press, 'v') },
  { command: 'undo', scope: 'editing', keys: ['Ctrl+Z'], keyTest: (press) => withCtrl(press, 'z') && press.shiftKey !== true },
  {
    command: 'redo',
    scope: 'editing',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    keyTest: (press) => (withCtrl(press, 'z') && press.shiftKey === true) || withCtrl(press, 'y'),
  },
] as const satisfies readonly Shortcut[];

export type CommandId = (typeof SHORTCUTS)[number]['command'];

const BY_COMMAND = new Map<CommandId, Shortcut>(SHORTCUTS.map((shortcut) => [shortcut.command, shortcut]));

/** Whether the key press is `command`'s shortcut. */
export function isCommand(command: CommandId, press: KeyPress): boolean {
  return BY_COMMAND.get(command)?.keyTest?.(press) ?? false;
}

/** The first of `commands` whose shortcut the key press is, or null. */
export function commandOf<C extends CommandId>(commands: readonly C[], press: KeyPress): C | null {
  return commands.find((command) => isCommand(command, press)) ?? null;
}

/** The commands grouped by where they work, in the table's order, for the help dialog. */
export function shortcutsByScope(): { scope: ShortcutScope; commands: CommandId[] }[] {
  const groups: { scope: ShortcutScope; commands: CommandId[] }[] = [];
  for (const { command, scope } of SHORTCUTS) {
    const group = groups.find((candidate) => candidate.scope === scope);
    if (group) group.commands.push(command);
    else groups.push({ scope, commands: [command] });
  }
  return groups;
}

/** A command's keys as the dialog and tooltips print them: "/ or Ctrl+K", "回车或空格". */
export function keysLabel(command: CommandId, messages: Messages): string {
  const keys = BY_COMMAND.get(command)?.keys ?? [];
  return keys.map((key) => ownEntry(messages.keyNames, key) ?? key).join(messages.keysOr);
}

/** True when two unions hold the same members. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The words sit below this table (src/i18n imports nothing above it), so the check that they name every command and scope lives here.
const wordsNameEveryCommand: SameKeys<keyof Messages['commands'], CommandId> = true;
const wordsNameEveryScope: SameKeys<keyof Messages['shortcutScopes'], ShortcutScope> = true;
void wordsNameEveryCommand;
void wordsNameEveryScope;
