import { describe, expect, it } from 'vitest';

import { lineSeparators, wrapText } from '../../src/engine/cardLayout.ts';
import { ENGLISH, kindName } from '../../src/i18n/messages.ts';
import { zh } from '../../src/i18n/zh.ts';
import { formatDate, shownNames, shownNameTexts } from '../../src/model/present.ts';
import { indexChart, treeKeyAction, typeAheadTarget, visiblePreorder } from '../../src/model/tree.ts';
import { commandOf, isCommand, keysLabel, SHORTCUTS, shortcutsByScope } from '../../src/shared/shortcuts.ts';
import { extendTypedRun, NO_RUN } from '../../src/shared/typeAhead.ts';
import { parsePreferences } from '../../src/store/prefs.ts';
import { chartOf } from './helpers.ts';

describe('display preferences', () => {
  it('takes known saved choices and falls back to defaults for anything else', () => {
    expect(parsePreferences(JSON.stringify({ language: 'zh', names: 'native', theme: 'dark', display: 'outline' }), 'en-US')).toEqual({
      language: 'zh',
      names: 'native',
      theme: 'dark',
      display: 'outline',
    });
    expect(parsePreferences(JSON.stringify({ language: 'fr', theme: 'neon', display: 42 }), 'en-US')).toEqual({
      language: 'en',
      names: 'both',
      theme: 'system',
      display: 'chart',
    });
    expect(parsePreferences('{not json', 'en-US').language).toBe('en');
    expect(parsePreferences(null, 'en-US').theme).toBe('system');
  });

  it('starts in Chinese for a browser set to Chinese, until the user chooses otherwise', () => {
    expect(parsePreferences(null, 'zh-CN').language).toBe('zh');
    expect(parsePreferences(null, 'zh-Hant-TW').language).toBe('zh');
    expect(parsePreferences(JSON.stringify({ language: 'en' }), 'zh-CN').language).toBe('en');
  });
});

describe('the table of commands and shortcuts', () => {
  const press = (key: string, options: { ctrlKey?: boolean; metaKey?: boolean; target?: EventTarget | null } = {}) => ({
    key,
    ctrlKey: options.ctrlKey ?? false,
    metaKey: options.metaKey ?? false,
    altKey: false,
    target: options.target ?? null,
  });
  // A text field as isTextEntry sees one (these tests run without a DOM).
  const textField = { tagName: 'INPUT', type: 'text' } as unknown as EventTarget;

  it('knows each command by its keys, and typed characters in a text field are text', () => {
    expect(isCommand('search', press('/'))).toBe(true);
    expect(isCommand('search', press('k', { ctrlKey: true }))).toBe(true);
    expect(isCommand('search', press('K', { metaKey: true }))).toBe(true);
    expect(isCommand('search', press('/', { target: textField }))).toBe(false);
    expect(isCommand('search', press('k'))).toBe(false);
    expect(isCommand('showShortcuts', press('?'))).toBe(true);
    expect(isCommand('showShortcuts', press('?', { target: textField }))).toBe(false);
    expect(commandOf(['select', 'zoomIn', 'zoomOut', 'fit'], press('='))).toBe('zoomIn');
    expect(commandOf(['select', 'zoomIn', 'zoomOut', 'fit'], press(' '))).toBe('select');
    expect(commandOf(['select', 'zoomIn', 'zoomOut', 'fit'], press('x'))).toBeNull();
    expect(commandOf(['nextOrPrevious', 'firstOrLast'], press('End'))).toBe('firstOrLast');
  });

  it('groups the commands for the help by where they work, each once', () => {
    const groups = shortcutsByScope();
    expect(groups.map((group) => group.scope)).toEqual(['anywhere', 'tree', 'chart', 'editing']);
    expect(groups.flatMap((group) => group.commands)).toEqual(SHORTCUTS.map((shortcut) => shortcut.command));
  });

  it('tells the editing keys apart from selecting, and undo from redo', () => {
    const press = (key: string, mods: { ctrlKey?: boolean; shiftKey?: boolean; metaKey?: boolean } = {}) => ({
      key,
      ctrlKey: mods.ctrlKey ?? false,
      metaKey: mods.metaKey ?? false,
      altKey: false,
      shiftKey: mods.shiftKey ?? false,
      target: null,
    });
    const commands = ['select', 'addChild', 'addSibling', 'undo', 'redo', 'cutUnit', 'pasteUnit', 'renameUnit', 'deleteUnit'] as const;
    expect(commandOf(commands, press('Enter'))).toBe('select');
    expect(commandOf(commands, press('Enter', { shiftKey: true }))).toBe('addSibling');
    expect(commandOf(commands, press('Enter', { ctrlKey: true }))).toBe('addChild');
    expect(commandOf(commands, press('Insert'))).toBe('addChild');
    expect(commandOf(commands, press('z', { metaKey: true }))).toBe('undo');
    expect(commandOf(commands, press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandOf(commands, press('y', { ctrlKey: true }))).toBe('redo');
    expect(commandOf(commands, press('x', { ctrlKey: true }))).toBe('cutUnit');
    expect(commandOf(commands, press('v', { ctrlKey: true }))).toBe('pasteUnit');
    expect(commandOf(commands, press('F2'))).toBe('renameUnit');
    expect(commandOf(commands, press('Delete'))).toBe('deleteUnit');
    expect(commandOf(commands, press('x'))).toBeNull();
  });
});

describe('the interface in two languages', () => {
  it('has every English message in Chinese too, none left empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(ENGLISH).sort());
    for (const [key, value] of Object.entries(zh)) {
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
    }
    expect(Object.keys(zh.kinds).sort()).toEqual(Object.keys(ENGLISH.kinds).sort());
    // The "?" dialog lists every command of the shortcuts table, with its keys and name in both languages.
    for (const messages of [ENGLISH, zh]) {
      for (const { command, scope } of SHORTCUTS) {
        expect(keysLabel(command, messages).trim(), command).not.toBe('');
        expect(messages.commands[command].trim(), command).not.toBe('');
        expect(messages.shortcutScopes[scope].trim(), scope).not.toBe('');
      }
    }
  });

  it('tells the page which language it is in, for screen readers', () => {
    expect(ENGLISH.htmlLang).toBe('en');
    expect(zh.htmlLang).toBe('zh-Hans');
  });

  it('names kinds in the interface language, and unknown kinds by their own word', () => {
    expect(kindName(ENGLISH, 'department')).toBe('Department');
    expect(kindName(zh, 'department')).toBe('内设机构');
    expect(kindName(ENGLISH, undefined)).toBe('Unit');
    expect(kindName(zh, 'committee')).toBe('Committee');
  });

  it('counts in words that agree with the number', () => {
    expect(ENGLISH.unitsBelow(1)).toBe('1 unit below');
    expect(ENGLISH.unitsBelow(1200)).toBe('1,200 units below');
    expect(zh.unitsBelow(12)).toBe('下设 12 个机构');
    expect(ENGLISH.selected('Liaison Bureau', 'Department', 3, 3, 12)).toBe('Selected: Liaison Bureau, Department, level 3, 3 of 12.');
    expect(ENGLISH.selected('General Office', 'Office', 1, 1, 1)).toBe('Selected: General Office, Office, level 1.');
  });

  it('writes dates the Chinese way in Chinese', () => {
    expect(formatDate('1954-09-27', 'zh')).toBe('1954年9月27日');
    expect(formatDate('1949-09', 'zh')).toBe('1949年9月');
    expect(formatDate('autumn 1949', 'zh')).toBe('autumn 1949');
  });

  it('translates compare rows by id and keeps the English words in English', () => {
    expect(ENGLISH.compareRow('formed', 'Formed')).toBe('Formed');
    expect(zh.compareRow('formed', 'Formed')).toBe('成立时间');
    expect(zh.compareRow('kind:institution', 'Affiliated institutions')).toBe('直属单位');
    expect(zh.compareRow('something-new', 'Something new')).toBe('Something new');
  });
});

describe('names in English, Chinese or both', () => {
  const unit = { name: 'Liaison Bureau', nativeName: { text: '联络局', lang: 'zh-Hans' } };
  const plain = { name: 'Team A' };

  it('shows the chosen name first and the other beside it, each with its language', () => {
    expect(shownNames(unit, 'en', 'en')).toEqual({ primary: { text: 'Liaison Bureau', lang: 'en' }, secondary: null });
    expect(shownNames(unit, 'native', 'en')).toEqual({ primary: { text: '联络局', lang: 'zh-Hans' }, secondary: null });
    expect(shownNames(unit, 'both', 'en')).toEqual({ primary: { text: 'Liaison Bureau', lang: 'en' }, secondary: { text: '联络局', lang: 'zh-Hans' } });
  });

  it('lets type-ahead match the English name even when names are shown in Chinese', () => {
    expect(shownNameTexts(unit, 'native', 'en')).toEqual(['联络局', 'Liaison Bureau']);
    expect(shownNameTexts(unit, 'both', 'en')).toEqual(['Liaison Bureau', '联络局']);
    expect(shownNameTexts(plain, 'en', null)).toEqual(['Team A']);
  });

  it('falls back to the chart’s own name where no native name is known', () => {
    expect(shownNames(plain, 'native', null)).toEqual({ primary: { text: 'Team A', lang: null }, secondary: null });
    expect(shownNames(plain, 'both', null).secondary).toBeNull();
  });
});

describe('type-ahead in the tree', () => {
  const order = ['root', 'fa', 'fb', 'li', 'fc'];
  const names: Record<string, string[]> = {
    root: ['General Office'],
    fa: ['Foreign Affairs Bureau'],
    fb: ['Finance Bureau'],
    li: ['Liaison Bureau', '联络局'],
    fc: ['Facilities'],
  };
  const namesOf = (id: string) => names[id] ?? [];

  it('jumps to the next unit starting with the letter, wrapping round', () => {
    expect(typeAheadTarget(order, namesOf, 'root', 'f')).toBe('fa');
    expect(typeAheadTarget(order, namesOf, 'fa', 'f')).toBe('fb');
    expect(typeAheadTarget(order, namesOf, 'fc', 'f')).toBe('fa');
    expect(typeAheadTarget(order, namesOf, 'root', 'L')).toBe('li');
  });

  it('narrows with more letters, keeping the current unit while it still matches', () => {
    expect(typeAheadTarget(order, namesOf, 'fa', 'fo')).toBe('fa');
    expect(typeAheadTarget(order, namesOf, 'fa', 'fi')).toBe('fb');
    expect(typeAheadTarget(order, namesOf, 'fa', 'ff')).toBe('fb');
  });

  it('matches the other name too, and finds nothing for letters no name starts with', () => {
    expect(typeAheadTarget(order, namesOf, 'root', '联')).toBe('li');
    expect(typeAheadTarget(order, namesOf, 'root', 'z')).toBeUndefined();
  });
});

describe('wrapped names read as words', () => {
  it('puts spaces back between wrapped English lines and none inside a broken Chinese word', () => {
    const english = 'Commission of Discipline Inspection of the NPCSC';
    const lines = wrapText(english, 150, 14, 10, 600);
    expect(lines.length).toBeGreaterThan(1);
    const separators = lineSeparators(english, lines);
    expect(lines.map((line, i) => `${separators[i]}${line}`).join('')).toBe(english);

    const chinese = '全国人民代表大会常务委员会办公厅';
    const chineseLines = wrapText(chinese, 120, 14, 10, 600);
    expect(chineseLines.length).toBeGreaterThan(1);
    expect(lineSeparators(chinese, chineseLines).every((separator) => separator === '')).toBe(true);
  });
});

describe('tree keys', () => {
  const result = indexChart(chartOf([{ id: 'root' }, { id: 'a', parentId: 'root' }, { id: 'a1', parentId: 'a' }, { id: 'b', parentId: 'root' }]));
  if (!result.ok) throw new Error('test chart did not index');
  const index = result.index;
  const open = new Set<string>();
  const order = visiblePreorder(index, open);

  it('moves down, up, home and end over the units on screen', () => {
    expect(treeKeyAction('ArrowDown', index, order, open, 'a')).toEqual({ focus: 'a1' });
    expect(treeKeyAction('ArrowUp', index, order, open, 'b')).toEqual({ focus: 'a1' });
    expect(treeKeyAction('ArrowUp', index, order, open, 'root')).toEqual({ focus: 'root' });
    expect(treeKeyAction('Home', index, order, open, 'b')).toEqual({ focus: 'root' });
    expect(treeKeyAction('End', index, order, open, 'root')).toEqual({ focus: 'b' });
  });

  it('unfolds or enters with Right, folds or climbs with Left, and leaves other keys alone', () => {
    const folded = new Set(['a']);
    expect(treeKeyAction('ArrowRight', index, visiblePreorder(index, folded), folded, 'a')).toEqual({ fold: 'a', collapsed: false });
    expect(treeKeyAction('ArrowRight', index, order, open, 'a')).toEqual({ focus: 'a1' });
    expect(treeKeyAction('ArrowRight', index, order, open, 'b')).toBeNull();
    expect(treeKeyAction('ArrowLeft', index, order, open, 'a')).toEqual({ fold: 'a', collapsed: true });
    expect(treeKeyAction('ArrowLeft', index, order, open, 'a1')).toEqual({ focus: 'a' });
    expect(treeKeyAction('ArrowLeft', index, order, open, 'root')).toEqual({ fold: 'root', collapsed: true });
    expect(treeKeyAction('Enter', index, order, open, 'a')).toBeUndefined();
  });

  it('joins letters typed in a quick run, starts again after a pause, and ignores keys that are not typing', () => {
    const keys = { ctrlKey: false, metaKey: false, altKey: false };
    const first = extendTypedRun(NO_RUN, { key: 'f', timeStamp: 1000, ...keys });
    expect(first?.text).toBe('f');
    expect(extendTypedRun(first ?? NO_RUN, { key: 'o', timeStamp: 1300, ...keys })?.text).toBe('fo');
    expect(extendTypedRun(first ?? NO_RUN, { key: 'o', timeStamp: 2000, ...keys })?.text).toBe('o');
    expect(extendTypedRun(NO_RUN, { key: 'ArrowDown', timeStamp: 1, ...keys })).toBeNull();
    expect(extendTypedRun(NO_RUN, { key: 'k', timeStamp: 1, ...keys, ctrlKey: true })).toBeNull();
    expect(extendTypedRun(NO_RUN, { key: '?', timeStamp: 1, ...keys })).toBeNull();
    expect(extendTypedRun(NO_RUN, { key: '联', timeStamp: 1, ...keys })?.text).toBe('联');
  });
});
