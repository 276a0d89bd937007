/**
 * The interface's own words, in English and Chinese. The chart's content
 * (names, functions, facts) is the sources' and is never translated here; only
 * the words around it are. Chinese (zh.ts) must have every key English has: the type says so.
 * English is in the main bundle; Chinese loads on demand (languages.ts).
 */
import type { Likeness, MatchReason } from '../model/compare.ts';
import type { ChangeKind, MatchRule } from '../model/diff.ts';
import { KIND_LABELS, kindLabel, MONTHS, ownEntry } from '../model/present.ts';

/** The interface's own words: English or Chinese. */
export type UiLanguage = 'en' | 'zh';

/** A notice the app shows; the store holds it, so its words follow a language switch while it is up. */
export interface Notice {
  readonly tone: 'warning' | 'error' | 'info';
  /** Plain text, or words picked from the interface language's messages when shown. */
  readonly text: string | ((messages: Messages) => string);
}

/**
 * A whole count with its thousands grouped, "12,345", as Intl.NumberFormat writes it in English and Chinese alike.
 * Written out because a page's first Intl formatter loads its locale data: 30-55 ms of a cold visit on a slow host, in
 * the first render, whose only formatted numbers are the cards' "N units below" (bench/README.md). (toLocaleString
 * would also build a formatter per call, once per card.)
 */
export const formatCount = (count: number): string =>
  Number.isSafeInteger(count) ? String(count).replace(/\B(?=(\d{3})+$)/g, ',') : count.toLocaleString('en');
export const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

export type StorageAction = 'save' | 'delete' | 'restore';
/** Why the browser's storage failed (see store/persist.ts): full, switched off, or something else (the browser's own words). */
export interface StorageProblem {
  readonly reason: 'full' | 'unavailable' | 'failed';
  readonly detail: string;
}
/** What could not be done, the verb, and what it means for the user. */
const STORAGE_ACTIONS: Record<StorageAction, readonly [string, string, string]> = {
  save: ['the chart', 'saved', ' It still works until you close this tab.'],
  delete: ['the chart', 'deleted', ' It may come back the next time the page is opened.'],
  restore: ['your saved charts', 'loaded', ''],
};

/** The compared fields of a unit (see model/diff.ts's unitFieldTexts), as a person calls them. */
const CHANGE_FIELDS: Readonly<Record<string, string>> = {
  kind: 'Kind',
  nativeName: 'Native name',
  summary: 'Summary',
  leaders: 'Leaders',
  functions: 'Functions',
};

const en = {
  /** Which language these words are, for text worded outside this table (an import's problems). */
  uiLanguage: 'en' as UiLanguage,
  /** The value of <html lang>: screen readers pick their voice from it. */
  htmlLang: 'en',
  appTitle: 'General Offices of China',
  tagline: 'How the NPC Standing Committee’s and the State Council’s General Offices are organized',
  chartSwitch: 'Chart',

  // Header tools
  compare: 'Compare',
  outline: 'Outline',
  outlineHint: 'Show the chart as a nested list',
  importButton: 'Import…',
  importHint: 'Import a chart from a JSON, CSV or TSV file. You can also drop a file on the page or paste a table.',
  importFileLabel: 'Chart file to import',
  dropHere: 'Drop a JSON, CSV or TSV file to import it as a chart',
  display: 'Display',
  displaySettings: 'Display settings',
  language: 'Interface language',
  names: 'Unit names',
  namesEnglish: 'English',
  namesNative: 'Chinese',
  namesBoth: 'Both',
  theme: 'Theme',
  themeSystem: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  shortcuts: 'Keyboard shortcuts',

  // Notices
  dismiss: 'Dismiss message',
  /** The phone header's button for the tools that do not fit its one row. */
  menu: 'Menu',
  unknownUnit: (id: string, chart: string) => `No unit with the id “${id}” in ${chart}. Showing the whole chart instead.`,
  badAsOfInAddress: (text: string) => `“${text}” in the address is not a date (a year such as 2008, or 2008-07-10). Showing today’s structure.`,
  // The timeline (src/timeline).
  timeline: 'Timeline',
  asOf: 'As of',
  today: 'Today',
  todayHint: 'Today’s structure, as the source articles give it',
  yearSlider: 'Year',
  dateField: 'Date',
  dateFieldHint: 'A year (2008), a month (2008-07) or a day (2008-07-10); Enter to show it',
  showDate: 'Show',
  badDate: (text: string) => `“${text}” is not a date: write a year (2008), a month (2008-07) or a day (2008-07-10).`,
  shownAsOf: (date: string, units: number) => `As of ${date}: ${plural(units, 'unit', 'units')} on record.`,
  shownToday: (units: number) => `Today: ${plural(units, 'unit', 'units')}.`,
  datedRecords: 'Dated records',
  datedRecordsCount: (count: number) => `Dated records (${count})`,
  markKinds: {
    snapshot: 'List of units',
    reform: 'Reform',
    created: 'Created',
    abolished: 'Abolished',
    moved: 'Moved',
    renamed: 'Renamed',
    appointed: 'Appointed',
    event: 'Event',
    other: 'Event',
  } as Record<string, string>,
  pastViewNote: (date: string) => `The office as of ${date}, as the dated sources list it. Units the sources do not date are shown as today.`,
  // A unit's record through time (the details panel).
  throughTime: 'Through time',
  listedIn: 'Listed in',
  listedAs: (name: string) => `as “${name}”`,
  leftOutOf: 'Not in',
  otherNames: 'Other names',
  formerName: (from: string | null, until: string | null) => `used ${from ?? '…'}–${until ?? '…'}`,
  firstOnRecord: 'First on record',
  periodsOnRecord: 'Existed',
  goneBy: 'Gone by',
  notToday: 'Not part of today’s structure',
  eventsOnRecord: 'Events',
  postHolders: (title: string) => `${title}: every holder on record`,
  term: (from: string | null, until: string | null) => `${from ?? '…'}–${until ?? 'today'}`,
  otherSourcesGive: 'other sources give',
  showOnDate: (date: string) => `Show ${date}`,
  unknownChart: (id: string, fallback: string | null) => `No chart with the id “${id}”. Showing ${fallback ?? 'the first chart'} instead.`,
  unknownCompare: (ids: readonly string[]) => `No chart with the id ${ids.map((id) => `“${id}”`).join(' or ')} to compare.`,
  chartDeleted: 'Chart deleted.',
  /** Sentences run together as the language writes them: a space after each full stop in English, none after 。 in Chinese. */
  sentences: (parts: readonly string[]) => parts.join(' '),
  /** Saving an imported chart, deleting it, or bringing back the saved ones at start-up failed. */
  storageProblem: (action: StorageAction, problem: StorageProblem) => {
    const [what, done, after] = STORAGE_ACTIONS[action];
    if (problem.reason === 'full') return `The browser’s storage is full, so ${what} could not be ${done}.${after}`;
    if (problem.reason === 'unavailable') return `This browser does not allow saving (storage is off or unavailable), so ${what} could not be ${done}.${after}`;
    return `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be ${done} in the browser’s storage (${problem.detail}).${after}`;
  },
  /** `problems`: what the chart's schema check found, in its technical English. */
  savedChartNotRestored: (problems: string) => `A saved chart could not be restored: ${problems}`,
  imported: (file: string, count: number) => `Imported “${file}”: ${plural(count, 'unit', 'units')}.`,
  importFailed: (detail: string) => `Import failed. ${detail}`,
  importCancelled: (file: string) => `Import of “${file}” cancelled. Nothing was changed.`,
  pastedChart: 'Pasted chart',

  // Import progress
  importing: (file: string) => `Importing “${file}”`,
  importStage: (file: string, stage: string) => `Importing “${file}”: ${stage}`,
  /** “Pinyin: …” before a matched field in search results. */
  fieldLabel: (name: string) => `${name}: `,
  sectionsList: (sections: readonly string[]) => `sections: ${sections.join(', ')}`,
  stageChecking: 'Checking the text…',
  stageReading: 'Reading the file…',
  stageParsing: 'Parsing and checking the chart…',
  stageDrawing: 'Drawing the chart…',
  cancel: 'Cancel',

  // Your charts
  yourCharts: 'Your charts',
  yourChartsCount: (count: number) => `Your charts (${count})`,
  newNameFor: (title: string) => `New name for ${title}`,
  needsName: 'A chart needs a name',
  nameTaken: (title: string) => `Another chart is already called “${title}”: choose a name of its own, so the two can be told apart.`,
  save: 'Save',
  rename: 'Rename',
  renameChart: (title: string) => `Rename ${title}`,
  delete: 'Delete',
  deleteChart: (title: string) => `Delete ${title}`,
  confirmDelete: (title: string) => `Delete “${title}” from this browser? The file you imported is not touched.`,

  // Chart
  chartRegion: 'Chart',
  chartLabel: (title: string) => `Org chart: ${title}`,
  listLoadFailed: 'The list of charts could not be loaded',
  loadingChart: 'Loading chart…',
  chartLoadFailed: 'This chart could not be loaded',
  chartLoadFailedHint: 'The file has problems. Other charts still work: pick one above.',
  chartView: 'Chart view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomLevel: 'Zoom level',
  fit: 'Fit to screen',
  fitHint: 'Fit the whole chart on screen (0)',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  leftToRight: 'Left to right',
  leftToRightHint: 'Draw the chart from left to right instead of top down',
  exportMenu: 'Export',
  exportSvg: 'SVG, whole chart',
  exportSvgView: 'SVG, current view',
  exportPng: 'PNG, whole chart',
  exportPngView: 'PNG, current view',
  exportJson: 'JSON (chart file)',
  exportCsv: 'CSV (table of units)',
  exportFailed: (detail: string) => `The export failed: ${detail}.`,
  chartHelp: 'Drag to pan, scroll or pinch to zoom. Arrow keys move in the chart, Enter selects; ? lists every shortcut.',
  minimap: 'Minimap of the whole chart; the outlined box is the part on screen. Click or drag in it to move the view.',
  // Whether the units are folded away is the tree item's aria-expanded, not words in its name.
  unitsBelow: (count: number) => `${plural(count, 'unit', 'units')} below`,
  expandUnit: (name: string) => `Expand ${name}`,
  collapseUnit: (name: string) => `Collapse ${name}`,
  kinds: KIND_LABELS,

  // Outline
  outlineOf: (title: string) => `Outline: ${title}`,
  showMoreUnits: (next: number, remaining: number) => `Show ${plural(next, 'more unit', 'more units')} (${formatCount(remaining)} not shown yet)`,
  outlineIntro: 'The chart as a nested list. Choose a unit to see its details; the buttons before a name show or hide the units under it.',

  // Details
  details: 'Details',
  selectToSee: 'Select a unit in the chart to see its details.',
  selected: (name: string, kind: string, level: number, position: number, siblings: number) =>
    `Selected: ${name}, ${kind}, level ${level}${siblings > 1 ? `, ${position} of ${siblings}` : ''}.`,
  path: 'Path',
  source: 'Source',
  sectionOf: (section: string) => `, section “${section}”`,
  notStated: 'Not stated in the source',
  facts: 'Facts',
  formed: 'Formed',
  parentBody: 'Parent body',
  location: 'Headquarters / location',
  jurisdiction: 'Jurisdiction',
  yearsAgo: (years: number) => ` (${plural(years, 'year', 'years')} ago)`,
  groupHeading: (count: number, parent: string | null) =>
    `A heading in the source that groups ${plural(count, 'unit', 'units')} of ${parent ?? 'the organization'}.`,
  listedInSource: 'Listed in the source',
  listedUnder: (parent: string) => `under “${parent}”`,
  /** Names for facts with a well-known key, where the interface's language differs from the source's; otherwise the source's own label is shown. */
  knownFactLabels: {} as Readonly<Record<string, string>>,
  /** The interface's words for the kinds of source the bundled and imported charts name (English shows them as written). */
  sourceKinds: {} as Readonly<Record<string, string>>,
  /** A source's kind after its title: " (web page)". */
  sourceKind: (kind: string) => ` (${kind})`,
  /** Before the citation of a Chinese name shown as the heading, under the English name. */
  nativeNameSource: 'source of the Chinese name:',
  /** Shown where Chinese names were asked for and a unit has none: its English name stands in. */
  noNativeName: 'No Chinese name on record',
  /** Beside a Chinese name no source gives: the chart's own translation (e.g. a group heading). */
  nativeNameTranslated: 'translation: no source gives this name',
  /** The quiet marks on a card for the two notes above. */
  noNativeNameMark: 'EN',
  nativeNameTranslatedMark: 'tr.',
  leaders: 'Leaders',
  leadersHint: 'As given in the source; posts may have changed since.',
  noLeaders: 'The source names no leaders for this unit.',
  functions: 'Functions',
  noFunctions: 'The source lists no functions for this unit.',
  unitsUnder: 'Units under it',
  foldInChart: 'Collapsed in the chart',
  unitsCount: (count: number) => plural(count, 'unit', 'units'),
  seeAlso: 'See also',
  notes: 'Notes',
  sources: 'Sources',
  noSources: 'This chart cites no source for this unit.',
  showSheet: 'Show details',
  hideSheet: 'Hide details',

  // Search
  search: 'Search',
  searchResults: 'Search results',
  searchPlaceholder: 'Search units, people, functions…  ( / )',
  searching: 'Searching…',
  moreMatches: (shown: number, total: number) => `The best ${shown} of ${formatCount(total)} matches. Type more to narrow them down.`,
  noMatch: (query: string) => `No unit matches “${query}”.`,
  noMatchHint: 'Try fewer words, an English or Chinese name, pinyin (e.g. guowuyuan) or its initials (gwy), or a leader’s name.',
  fields: {
    nativeName: 'Chinese name',
    otherName: 'Also called',
    pinyin: 'Pinyin matches',
    initials: 'Pinyin initials match',
    leader: 'Leader',
    function: 'Function',
    fact: 'Fact',
    note: 'Note',
  } as Readonly<Record<string, string>>,

  // Compare
  compareToolbar: 'Compare',
  left: 'Left',
  right: 'Right',
  swap: 'Swap',
  swapSides: 'Swap sides',
  linkViews: 'Link views',
  closeCompare: 'Close compare',
  sideLabel: (side: 'left' | 'right', title: string) => `${side === 'left' ? 'Left' : 'Right'}: ${title}`,
  sideChart: (side: 'left' | 'right', title: string) => `Org chart (${side}): ${title}`,
  sideDetails: (title: string) => `Details: ${title}`,
  /** Added to a landmark's name in one side of the compare view: "Leaders, State Council". */
  sideSuffix: (title: string) => `, ${title}`,
  loadingBoth: 'Loading both charts…',
  partLoadFailed:
    'This view could not be loaded: the connection may be down, or the site was updated. Reload the page to try again; the chart and unit you are on are kept.',
  reload: 'Reload',
  unique: 'Unique',
  notStatedShort: 'not stated',
  sideBySide: 'What the sources say, side by side',
  comparisonOf: (a: string, b: string) => `Comparison of ${a} and ${b}`,
  aspect: 'Aspect',
  differs: 'differs',
  same: 'same',
  alike: (likeness: Likeness) => {
    switch (likeness.kind) {
      case 'sameDay': {
        const [month = 1, day = 1] = likeness.monthDay.split('-').map(Number);
        return `alike: both formed on ${day} ${MONTHS[month - 1] ?? ''}`;
      }
      case 'sameTitle':
        return `alike: both headed by a ${likeness.title}`;
      case 'samePlace':
        return `alike: both in ${likeness.place}`;
    }
  },
  unitsByKind: 'Units by kind',
  kind: 'Kind',
  versus: (a: number, b: number) => `${a} vs ${b}`,
  counterparts: 'Counterparts',
  counterpart: 'counterpart of the other side’s selection',
  /** A compare row's label: the model's English words, or a translation by row id ("kind:department" rows by kind). */
  compareRow: (_id: string, english: string) => english,
  /** After a date in the compare table: " (72 years)". */
  yearsOld: (years: number) => ` (${plural(years, 'year', 'years')})`,
  typeIs: 'Type',
  /** Between clauses of one cell: “Type: …; Jurisdiction: …”. */
  clauseSeparator: '; ',
  functionsCount: (count: number) => plural(count, 'function', 'functions'),
  deputiesCount: (count: number) => plural(count, 'deputy', 'deputies'),
  seeAlsoCount: (count: number) => `See also: ${plural(count, 'body', 'bodies')}`,
  /** Why two units are counterparts; the words inside are the sources'. */
  inParentheses: (text: string) => `(${text})`,
  viaOtherName: (side: 'left' | 'right', name: string) => `, by the ${side} unit’s other name “${name}”`,
  matchReason: (reason: MatchReason): string => {
    switch (reason.kind) {
      case 'roots':
        return 'both are the top of their chart';
      case 'sameName':
        return 'same name';
      case 'sameGroup':
        return 'same kind of group';
      case 'sameHeadWord':
        return `same head word “${reason.word}”`;
      case 'similarName':
        return `similar name (shares ${reason.words.map((word) => `“${word}”`).join(', ')})`;
    }
  },
  noCounterparts: 'No units match across the two charts.',
  onlyIn: (title: string) => `Only in ${title}`,
  everyUnitMatched: 'Every unit has a counterpart.',

  // Changes between two versions
  changes: 'Changes',
  changesView: (before: string, after: string) => `Changes from ${before} to ${after}`,
  changesOfChart: (title: string, from: string, to: string) => `${title}: changes from ${from} to ${to}`,
  /** Today in the middle of a sentence. */
  todayInText: 'today',
  changesToolbar: 'Versions compared',
  changesFrom: 'From',
  changesTo: 'To',
  changesDate: (side: string) => `${side}: date (blank for today)`,
  /** A chart on a date; a chart with no date is itself. */
  versionName: (title: string, date: string | null) => (date === null ? title : `${title} (${date})`),
  closeChanges: 'Close changes',
  swapVersions: 'Swap the versions',
  loadingChanges: 'Loading both versions…',
  changeKinds: { added: 'Added', removed: 'Removed', moved: 'Moved', renamed: 'Renamed', changed: 'Changed' } as Readonly<Record<ChangeKind, string>>,
  /** The legend's count of one kind: "12 added". */
  changeCount: (kind: ChangeKind, count: number) => `${formatCount(count)} ${kind}`,
  changeFilters: 'Show one kind of change',
  allChanges: 'All',
  expandChanged: 'Expand changed',
  expandChangedHint: 'Unfold only the branches that hold a change',
  exportChanges: 'Export list (CSV)',
  changeList: 'List of changes',
  changeGroup: (kind: string, count: number) => `${kind} (${formatCount(count)})`,
  showAllOfKind: (count: number) => `Show all ${formatCount(count)}`,
  noChanges: 'No differences: the two versions have the same units, names and places, and the same kinds, leaders, functions and facts.',
  nothingShared: (before: string, after: string) =>
    `${before} and ${after} have no unit in common: no id and no name matches. They look like charts of two different organizations, so there is nothing to compare; choose other versions above.`,
  sameVersion: 'Both sides are the same version: choose another chart or date for one of them.',
  wasNamed: (name: string) => `was “${name}”`,
  movedFromUnder: (parent: string) => `moved from under ${parent}`,
  fromTop: 'the top',
  underUnit: (name: string) => `under ${name}`,
  wasUnder: (name: string) => `was under ${name}`,
  unitUnchanged: 'No change to this unit between the two versions.',
  whatChanged: 'What changed',
  matchedBy: {
    id: 'Matched by its id.',
    'name-parent': 'Matched by name under the same parent (its id differs).',
    name: 'Matched by name alone: no other unit has it (its id and parent differ).',
  } as Readonly<Record<MatchRule, string>>,
  pairedWith: (name: string, id: string) => `Earlier: “${name}” (id ${id}).`,
  treatApart: 'Treat as different units',
  pairAgain: (count: number) => `Pair again (${formatCount(count)} kept apart)`,
  onlyInLater: 'Not in the earlier version.',
  onlyInEarlier: 'Not in the later version: shown faded where it stood.',
  changedField: (field: string) => (field.startsWith('fact:') ? field.slice(5) : (ownEntry(CHANGE_FIELDS, field) ?? field)),
  before: 'Before',
  after: 'After',
  nothingStated: '(none)',
  changesSince: (date: string) => `Changes from ${date} to today`,
  changesButton: 'Changes…',
  unknownChanges: (ids: readonly string[]) => `No chart with the id ${ids.map((id) => `“${id}”`).join(' or ')} to find the changes of.`,
  badChangesDate: (text: string) => `“${text}” in the address is not a date (a year such as 2008, or 2008-07-10). Showing that side as it stands today.`,
  movedFromTo: (from: string, to: string) => `from under ${from} to under ${to}`,
  /** movedFromTo's words around the two parents, where they are links. */
  movedFromToParts: ['from under ', ' to under ', ''] as readonly [string, string, string],
  changesWith: (title: string) => `Changes: ${title} and another chart`,
  changesAgainst: 'Opens the changes between this chart and the one brought before or after it; choose either version there.',

  // Keyboard shortcuts dialog
  close: 'Close',
  // The "?" dialog, one row per command of the shortcuts table (shared/shortcuts.ts, which checks these name every command).
  shortcutScopes: { anywhere: 'Anywhere', tree: 'In the chart or the outline', chart: 'In the chart', editing: 'While editing a chart' },
  // Joins a command's keys (shared/shortcuts.ts); key names that are words.
  keysOr: ' or ',
  keyNames: { Enter: 'Enter', Space: 'Space' },
  commands: {
    search: 'Search',
    showShortcuts: 'Show these shortcuts',
    close: 'Close a menu, the search results or this list',
    nextOrPrevious: 'Next or previous unit on screen',
    expandOrChild: 'Expand a unit, or go to its first child',
    collapseOrParent: 'Collapse a unit, or go to its parent',
    firstOrLast: 'First or last unit',
    select: 'Select the unit and show its details',
    typeAhead: 'Jump to the next unit whose name starts with the letters typed',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit the whole chart on screen',
    toolbar: 'On the toolbar: move between its buttons (Tab leaves it)',
    addChild: 'Add a unit under this one',
    addSibling: 'Add a unit beside this one',
    renameUnit: 'Rename the unit',
    deleteUnit: 'Delete the unit',
    cutUnit: 'Cut the unit (with its branch) to move it',
    pasteUnit: 'Move the cut unit under this one',
    undo: 'Undo',
    redo: 'Redo',
  },
};

export type Messages = typeof en;

export const ENGLISH: Messages = en;

export function kindName(messages: Messages, kind: string | undefined): string {
  return kindLabel(kind, messages.kinds);
}

/** A notice's words in the interface language. */
export function noticeText(notice: Notice, messages: Messages): string {
  return typeof notice.text === 'function' ? notice.text(messages) : notice.text;
}
