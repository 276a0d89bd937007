/**
 * Search across every loaded chart, in English, Chinese and pinyin.
 *
 * Build once per set of charts (`buildSearchIndex`), query on every keystroke
 * (`searchUnits`).
 *
 * How it stays fast on a 10,000-unit chart: at build time each kind of text
 * (names, native names, pinyin, initials, leaders, facts, functions, notes) is folded
 * — lower case, no accents, no apostrophes — and joined into one long string
 * per kind, items separated by ¤ (SEPARATOR). A query word is then found with the
 * engine's own `indexOf` running along those strings, instead of tens of
 * thousands of small calls; each hit is charged to its unit by walking a table
 * of item starts. Typos are checked once per distinct name word, never per
 * unit. Only the units that make the final list are looked at again, to choose
 * which of their texts to show and what in it to highlight.
 *
 * Ranking, best first (scores in `SCORE`):
 *   exact name > name prefix > a name word starting with the query > name substring
 *   > native (Chinese) name > pinyin > pinyin initials > leader
 *   > name word with a typo > leader name with a typo > fact > function text > editorial note.
 * Ties go to the shorter name, then to chart order (charts as given, units top-down).
 *
 * A query is split into words on whitespace; every word must match somewhere in
 * the unit. A unit scores as its weakest word plus a little (under one tier)
 * for the others; a query whose words appear together, as typed, in one text
 * (or run together in the pinyin: "guo wu yuan") scores a little more.
 *
 * Pinyin must match from the start of a syllable ("uowuyuan" finds nothing);
 * initials need two letters or more. Typos: none below 4 letters, 1 up to 7,
 * 2 from 8 (a swap of neighbours is one), against the words of names and of
 * leaders' names only; a typo match never outranks an exact one in a name,
 * native name, pinyin or leader.
 */
import { pinyin } from 'pinyin-pro';

import { mergeRanges, type TextRange } from './highlight.ts';
import { withoutAccents } from './normalise.ts';
import type { Unit } from './schema.ts';
import type { OrgIndex } from './tree.ts';

export type SearchField = 'name' | 'nativeName' | 'otherName' | 'pinyin' | 'initials' | 'leader' | 'function' | 'fact' | 'note';

export type { HighlightSegment, TextRange } from './highlight.ts';
export { highlightSegments } from './highlight.ts';

export interface SearchResult {
  readonly chartId: string;
  readonly unitId: string;
  /** The unit's display name. */
  readonly name: string;
  readonly nativeName: string | null;
  /**
   * Where the unit sits, for a "Chart › group › unit" line: the chart's label
   * (`shortTitle`, else `title`) followed by the names of the unit's ancestors,
   * leaving out the root (the chart label stands for it). So the root itself
   * has `[label]`, and the NPC's Liaison Bureau has
   * `['NPC Standing Committee', 'Departments']`.
   */
  readonly path: readonly string[];
  /** Which field matched best. */
  readonly field: SearchField;
  /**
   * The text to show for that field: the name (`name`); the native name
   * (`nativeName`, `pinyin`, `initials`); the leader line "Title: Name", with
   * " (native name)" added when that is what matched (`leader`); "Label: value"
   * (`fact`); the function sentence (`function`); or the note (`note`).
   */
  readonly matchedText: string;
  /** Ranges of `matchedText` to highlight, sorted and apart. For pinyin and initials: the Chinese characters they spell. */
  readonly highlights: readonly TextRange[];
  /**
   * The same highlights, placed on the unit's own texts, for the details panel
   * to mark: keyed `name`, `native` (the native name), `function:i`, `note:i`,
   * `fact:i:label`, `fact:i:value`, `leader:i:title`, `leader:i:name` and
   * `leader:i:native`, where i is the item's place in the unit's list.
   */
  readonly marks: Readonly<Record<string, readonly TextRange[]>>;
  readonly score: number;
}

export const DEFAULT_SEARCH_LIMIT = 20;

/** Queries are cut to this length: nobody types more, and a pasted page must not stall the scan. */
const MAX_QUERY_LENGTH = 200;

export const SCORE = {
  nameExact: 1000,
  namePrefix: 900,
  nameWord: 800,
  nameSubstring: 700,
  nativeExact: 680,
  nativePrefix: 660,
  nativeSubstring: 640,
  pinyinExact: 630,
  pinyinPrefix: 620,
  pinyinSyllable: 600,
  initialsExact: 520,
  initialsPrefix: 510,
  initialsSubstring: 500,
  leaderWord: 320,
  leaderSubstring: 300,
  nameOneTypo: 280,
  nameTwoTypos: 260,
  leaderOneTypo: 240,
  leaderTwoTypos: 230,
  factWord: 220,
  factSubstring: 200,
  functionWord: 120,
  functionSubstring: 100,
  noteWord: 80,
  noteSubstring: 60,
} as const;

/** Tiers are at least 10 apart; these bonuses stay below that, so they only order units within a tier. */
const PHRASE_BONUS = 9.5;
/** A unit of the past comes after today's units matched as well or a tier or two better (tiers are 10-20 apart); an exact name of the past still comes before a name that merely starts with the words. */
const PAST_PENALTY = 25;
const SPREAD_DIVISOR = 100; // (average − weakest) / 100 ≤ 9

// ---------------------------------------------------------------------------
// Folding: lower case, no accents, no apostrophes.

/**
 * Characters that lower-casing alone does not fold: anything but plain ASCII
 * (less ' and ` and control characters), CJK ideographs and punctuation,
 * full-width forms and SEPARATOR. Runs of
 * them go through `foldRun`.
 */
const NEEDS_FOLDING = /[^ -&(-_a-~\u00a4\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]+/g;
const STRIPPED = /[\p{M}'`´‘’ʼ′]/gu;
const IS_MARK = /^\p{M}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const IS_LETTER = /^\p{L}$/u;
/** Words for typo matching: runs of letters. */
const LETTER_RUNS = /\p{L}+/gu;
/**
 * Between items of a corpus: ¤, which folding keeps, no word contains and
 * names hardly ever do (an item that has one gets a space instead). Being in
 * Latin-1, it leaves an English corpus a one-byte string, which V8 searches
 * and lower-cases faster.
 */
const SEPARATOR = '\u00a4';
const SEPARATOR_CODE = 0xa4;

function foldRun(run: string): string {
  return withoutAccents(run).replace(STRIPPED, '').toLowerCase().replace(STRIPPED, '').replace(/ς/g, 'σ');
}

/** The searchable form of `text`: "People’s Café" → "peoples cafe". */
export function foldForSearch(text: string): string {
  return text.toLowerCase().replace(NEEDS_FOLDING, foldRun);
}

interface Folded {
  readonly text: string;
  /** For folded code unit i, the original range [from[i], to[i]); null when folding kept every position. */
  readonly from: Int32Array | null;
  readonly to: Int32Array | null;
}

/** `foldForSearch` with a map back to the original, for highlighting. */
function fold(text: string): Folded {
  const folded = foldForSearch(text);
  const lower = text.toLowerCase();
  if (folded === lower && lower.length === text.length) return { text: folded, from: null, to: null };
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const piece = foldForSearch(text.slice(i, i + width));
    for (let j = 0; j < piece.length; j++) {
      from.push(i);
      to.push(i + width);
    }
    out += piece;
    i += width;
  }
  return { text: out, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** A [start, end) range in folded text, back in the original, taking in any accents that follow. */
function unfold(original: string, folded: Folded, start: number, end: number): [number, number] {
  if (folded.from === null || folded.to === null) return [start, end];
  const from = folded.from[start] ?? 0;
  let to = folded.to[end - 1] ?? original.length;
  while (to < original.length && IS_MARK.test(original[to] ?? '')) to++;
  return [from, to];
}

// ---------------------------------------------------------------------------
// How a word of the query sits in a text.

const NONE = 0;
const SUBSTRING = 1;
const WORD_START = 2;
const PREFIX = 3;
const EXACT = 4;
type MatchKind = typeof NONE | typeof SUBSTRING | typeof WORD_START | typeof PREFIX | typeof EXACT;

function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return WORD_CHAR.test(text[i] ?? '');
}

function matchKind(text: string, token: string): MatchKind {
  let at = text.indexOf(token);
  if (at < 0) return NONE;
  if (at === 0) return text.length === token.length ? EXACT : PREFIX;
  for (; at >= 0; at = text.indexOf(token, at + 1)) if (!isWordCharAt(text, at - 1)) return WORD_START;
  return SUBSTRING;
}

/** Where to highlight: the first occurrence at the start of a word, else the first occurrence. */
function findAt(text: string, token: string): number {
  const first = text.indexOf(token);
  for (let at = first; at >= 0; at = text.indexOf(token, at + 1)) if (at === 0 || !isWordCharAt(text, at - 1)) return at;
  return first;
}

type Tiers = readonly [number, number, number, number, number];
const NAME_SCORES: Tiers = [0, SCORE.nameSubstring, SCORE.nameWord, SCORE.namePrefix, SCORE.nameExact];
const NATIVE_SCORES: Tiers = [0, SCORE.nativeSubstring, SCORE.nativeSubstring, SCORE.nativePrefix, SCORE.nativeExact];
const PINYIN_SCORES: Tiers = [0, 0, SCORE.pinyinSyllable, SCORE.pinyinPrefix, SCORE.pinyinExact];
const INITIALS_SCORES: Tiers = [0, SCORE.initialsSubstring, SCORE.initialsSubstring, SCORE.initialsPrefix, SCORE.initialsExact];
const LEADER_SCORES: Tiers = [0, SCORE.leaderSubstring, SCORE.leaderWord, SCORE.leaderWord, SCORE.leaderWord];
const FACT_SCORES: Tiers = [0, SCORE.factSubstring, SCORE.factWord, SCORE.factWord, SCORE.factWord];
const FUNCTION_SCORES: Tiers = [0, SCORE.functionSubstring, SCORE.functionWord, SCORE.functionWord, SCORE.functionWord];
const NOTE_SCORES: Tiers = [0, SCORE.noteSubstring, SCORE.noteWord, SCORE.noteWord, SCORE.noteWord];
/** Another name a unit goes or went by (a list's wording, a former name): found as a native name is, a little under its own name. */
const OTHER_NAME_SCORES: Tiers = NATIVE_SCORES;

let rowA = new Int32Array(32);
let rowB = new Int32Array(32);
let rowC = new Int32Array(32);

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form (a swap of
 * neighbours costs 1), or `max + 1` as soon as it must be more than `max`:
 * straight away when the lengths differ by more, else when a whole row of the
 * table is over it.
 */
function typoDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb * 2 + 2);
    rowB = new Int32Array(lb * 2 + 2);
    rowC = new Int32Array(lb * 2 + 2);
  }
  let before = rowA; // row i - 2
  let prev = rowB; // row i - 1
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, (before[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return Math.min(prev[lb] ?? max + 1, max + 1);
}

/** Typos allowed in a query word: none below 4 letters, 1 up to 7, 2 from 8. Only for words of letters. */
function typosAllowed(token: string): number {
  if (token.length < 4 || !/^\p{L}+$/u.test(token)) return 0;
  return token.length >= 8 ? 2 : 1;
}

// ---------------------------------------------------------------------------
// Pinyin, worked out once per distinct Chinese name (and kept across builds).

interface PinyinInfo {
  /** Toneless syllables run together: "zhonghuarenmingongheguo…". */
  readonly full: string;
  /** 1 where a syllable starts in `full`. */
  readonly syllableStart: Uint8Array;
  /** Start of each syllable in `full`, then `full.length`. */
  readonly starts: Int32Array;
  /** First letter of each syllable: "zhrmghg…". Letter i is syllable i. */
  readonly initials: string;
  /** The range [charFrom[i], charTo[i]) of the native text that syllable i spells. */
  readonly charFrom: Int32Array;
  readonly charTo: Int32Array;
}

const HAN = /\p{Script=Han}/u;
const PINYIN_SYLLABLE = /^[a-z0-9]+$/;
const MAX_CACHED = 50_000;
const pinyinCache = new Map<string, PinyinInfo | null>();
const plainSyllables = new Map<string, string>();

function plainSyllable(item: string): string {
  let out = plainSyllables.get(item);
  if (out === undefined) {
    const folded = foldForSearch(item);
    out = PINYIN_SYLLABLE.test(folded) ? folded : '';
    if (plainSyllables.size < MAX_CACHED) plainSyllables.set(item, out);
  }
  return out;
}

const CHINESE_LANG = /^(zh|cmn|yue|wuu|hak|nan)(-|$)/i;

/** Whether the text has a Chinese character: the common blocks by code, the rest (and astral planes) by regex. */
function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
    if (code >= 0x2e80 && HAN.test(text.slice(i, i + 2))) return true;
  }
  return false;
}

function wantsPinyin(text: string, lang: string | undefined): boolean {
  return (lang === undefined || CHINESE_LANG.test(lang)) && hasHan(text);
}

function pinyinOf(text: string): PinyinInfo | null {
  let info = pinyinCache.get(text);
  if (info === undefined) {
    info = computePinyin(text);
    if (pinyinCache.size >= MAX_CACHED) pinyinCache.clear();
    pinyinCache.set(text, info);
  }
  return info;
}

function computePinyin(text: string): PinyinInfo | null {
  // One item per code point, Chinese or not. Tone marks are stripped here:
  // toneType 'none' strips them with a chain of regexes and is about twice as
  // slow. Initials are the first letter of each syllable, which is exactly what
  // pattern 'first' returns, so one call gives both.
  const items = pinyin(text, { type: 'array' });
  let full = '';
  let initials = '';
  const starts: number[] = [];
  const charFrom: number[] = [];
  const charTo: number[] = [];
  let k = 0;
  let pos = 0;
  for (const ch of text) {
    const item = items[k++];
    if (item === undefined) return null;
    const syllable = plainSyllable(item);
    if (syllable !== '') {
      starts.push(full.length);
      charFrom.push(pos);
      charTo.push(pos + ch.length);
      full += syllable;
      initials += syllable[0] ?? '';
    }
    pos += ch.length;
  }
  if (k !== items.length || full === '') return null;
  const syllableStart = new Uint8Array(full.length);
  for (const s of starts) syllableStart[s] = 1;
  starts.push(full.length);
  return { full, syllableStart, starts: Int32Array.from(starts), initials, charFrom: Int32Array.from(charFrom), charTo: Int32Array.from(charTo) };
}

/** Where `letters` starts at a syllable of the pinyin, or -1. */
function pinyinAt(info: PinyinInfo, letters: string): number {
  for (let at = info.full.indexOf(letters); at >= 0; at = info.full.indexOf(letters, at + 1)) if (info.syllableStart[at] === 1) return at;
  return -1;
}

function pinyinKind(info: PinyinInfo, letters: string): MatchKind {
  const at = pinyinAt(info, letters);
  if (at < 0) return NONE;
  if (at > 0) return WORD_START;
  return letters.length === info.full.length ? EXACT : PREFIX;
}

function syllableAt(info: PinyinInfo, offset: number): number {
  let lo = 0;
  let hi = info.starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((info.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pinyinRange(info: PinyinInfo, at: number, length: number): [number, number] {
  return [info.charFrom[syllableAt(info, at)] ?? 0, info.charTo[syllableAt(info, at + length - 1)] ?? 0];
}

function initialsRange(info: PinyinInfo, at: number, length: number): [number, number] {
  return [info.charFrom[at] ?? 0, info.charTo[at + length - 1] ?? 0];
}

// ---------------------------------------------------------------------------
// Corpora: one folded string per kind of text.

interface Corpus {
  /** Folded items, each followed by SEPARATOR. */
  readonly text: string;
  /** Item i spans [starts[i], starts[i + 1] - 1); one more entry than there are items. */
  readonly starts: Int32Array;
  /** The unit (entry number) each item belongs to; never decreasing. */
  readonly owner: Int32Array;
  /** For pinyin: 1 where a syllable starts. Hits elsewhere do not count. */
  readonly boundary: Uint8Array | null;
}

class CorpusBuilder {
  readonly items: string[] = [];
  readonly owners: number[] = [];
  add(item: string, owner: number): void {
    this.items.push(item);
    this.owners.push(owner);
  }
  build(alreadyFolded = false): Corpus {
    let items = this.items;
    const joined = items.length === 0 ? '' : items.join(SEPARATOR) + SEPARATOR;
    let text = alreadyFolded ? joined : foldForSearch(joined);
    // Folding seldom changes a length; when it did not, the starts follow from the items' own lengths.
    let starts = (text.length === joined.length ? startsFromLengths(text, items) : null) ?? itemStarts(text, items.length);
    if (starts === null) {
      // An item held SEPARATOR itself.
      items = items.map((item) => item.replaceAll(SEPARATOR, ' '));
      text = foldForSearch(items.join(SEPARATOR) + SEPARATOR);
      starts = itemStarts(text, items.length) ?? new Int32Array(items.length + 1);
    }
    return { text, starts, owner: Int32Array.from(this.owners), boundary: null };
  }
}

/** Item starts from the unfolded items' lengths, or null unless a SEPARATOR ends each item where they say. */
function startsFromLengths(text: string, items: readonly string[]): Int32Array | null {
  const starts = new Int32Array(items.length + 1);
  let pos = 0;
  for (let i = 0; i < items.length; i++) {
    starts[i] = pos;
    pos += (items[i]?.length ?? 0) + 1;
    if (text.charCodeAt(pos - 1) !== SEPARATOR_CODE) return null;
  }
  starts[items.length] = pos;
  return starts;
}

/** Item starts found by looking for each SEPARATOR, or null unless there is exactly one per item. */
function itemStarts(text: string, count: number): Int32Array | null {
  const starts = new Int32Array(count + 1);
  let pos = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = pos;
    const end = text.indexOf(SEPARATOR, pos);
    if (end < 0) return null;
    pos = end + 1;
  }
  starts[count] = pos;
  return pos === text.length ? starts : null;
}

/**
 * The item holding text position `at`, searching forward from item `from`
 * (known to start at or before `at`): galloping, so near hits cost a step or
 * two and far ones a logarithm.
 */
function itemAt(starts: Int32Array, at: number, from: number): number {
  let lo = from;
  let step = 1;
  let hi = lo + step;
  const sentinel = starts.length - 1; // starts[sentinel] is the text length, past any hit
  while (hi < sentinel && (starts[hi] ?? Infinity) <= at) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > sentinel) hi = sentinel;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) <= at) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Charges every hit of `token` in the corpus to its unit: `best[unit]` becomes
 * the best tier score among them. A hit at the start of an item is a prefix (or
 * the whole item); any later hit in that item can at best start a word, so once
 * the unit has that much the rest of the item is skipped.
 */
function scan(corpus: Corpus, token: string, tiers: Tiers, best: Uint16Array): void {
  const { text, starts, owner, boundary } = corpus;
  const length = token.length;
  const wordTier = tiers[WORD_START];
  let item = 0;
  let at = text.indexOf(token);
  while (at >= 0) {
    if ((starts[item + 1] ?? Infinity) <= at) item = itemAt(starts, at, item + 1);
    const start = starts[item] ?? 0;
    const next = starts[item + 1] ?? text.length;
    const unit = owner[item] ?? 0;
    let kind: MatchKind;
    if (at === start) kind = at + length === next - 1 ? EXACT : PREFIX;
    else if (boundary !== null) kind = boundary[at] === 1 ? WORD_START : NONE;
    else kind = isWordCharAt(text, at - 1) ? SUBSTRING : WORD_START;
    const score = tiers[kind];
    if (score > (best[unit] ?? 0)) best[unit] = score;
    at = text.indexOf(token, (best[unit] ?? 0) >= wordTier ? next : at + 1);
  }
}

function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return IS_LETTER.test(text[i] ?? '');
}

/** Raises `best[unit]` to `score` for units where `word` stands as a whole run of letters. */
function scanWholeWord(corpus: Corpus, word: string, score: number, best: Uint16Array): void {
  const { text, starts, owner } = corpus;
  let item = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if ((at > 0 && isLetterAt(text, at - 1)) || isLetterAt(text, at + word.length)) continue;
    if ((starts[item + 1] ?? Infinity) <= at) item = itemAt(starts, at, item + 1);
    const unit = owner[item] ?? 0;
    if (score > (best[unit] ?? 0)) best[unit] = score;
  }
}

// ---------------------------------------------------------------------------
// The index.

interface ChartRecord {
  readonly chartIndex: OrgIndex;
  readonly label: string;
}

interface Entry {
  readonly chart: ChartRecord;
  readonly unitId: string;
  readonly unit: Unit;
  readonly pinyin: PinyinInfo | null;
  /** Not part of today's structure (a unit of the past): ranked a step under today's units matched as well. */
  readonly past: boolean;
}

/** The distinct words (runs of letters) of names and of leaders' names, for typos. */
interface TypoWords {
  readonly nameWords: readonly string[];
  readonly leaderWords: readonly string[];
}

interface IndexData {
  readonly entries: readonly Entry[];
  readonly nameLength: Int32Array;
  readonly names: Corpus;
  readonly natives: Corpus;
  readonly pinyins: Corpus;
  readonly initials: Corpus;
  readonly leaders: Corpus;
  readonly leaderNames: Corpus;
  readonly facts: Corpus;
  readonly functions: Corpus;
  readonly notes: Corpus;
  readonly otherNames: Corpus;
  readonly typoWords: TypoWords;
}

const DATA: unique symbol = Symbol('search index');

/** Build with `buildSearchIndex`; pass to `searchUnits`. */
export interface SearchIndex {
  readonly chartIds: readonly string[];
  readonly unitCount: number;
  readonly [DATA]: IndexData;
}

/**
 * Indexes every unit of every chart, charts in the order given and units
 * top-down. A chart whose id was already given is skipped, so each
 * (chartId, unitId) appears once.
 */
export interface SearchIndexOptions {
  /** Whether a unit is not part of its chart's structure today (search finds the past too, after today). */
  readonly isPast?: (chartId: string, unitId: string) => boolean;
}

export function buildSearchIndex(charts: readonly OrgIndex[], options: SearchIndexOptions = {}): SearchIndex {
  const entries: Entry[] = [];
  const chartIds: string[] = [];
  const nameLength: number[] = [];
  const names = new CorpusBuilder();
  const natives = new CorpusBuilder();
  const pinyins = new CorpusBuilder();
  const initials = new CorpusBuilder();
  const pinyinInfos: PinyinInfo[] = [];
  const leaders = new CorpusBuilder();
  const leaderNames = new CorpusBuilder();
  const facts = new CorpusBuilder();
  const functions = new CorpusBuilder();
  const notes = new CorpusBuilder();
  const otherNames = new CorpusBuilder();

  for (const chartIndex of charts) {
    const chart = chartIndex.chart;
    if (chartIds.includes(chart.id)) continue;
    chartIds.push(chart.id);
    const record: ChartRecord = { chartIndex, label: chart.shortTitle?.trim() || chart.title };
    for (const unitId of chartIndex.preorder) {
      const unit = chartIndex.byId.get(unitId);
      if (unit === undefined) continue;
      const e = entries.length;
      const native = unit.nativeName;
      const info = native !== undefined && wantsPinyin(native.text, native.lang) ? pinyinOf(native.text) : null;
      entries.push({ chart: record, unitId, unit, pinyin: info, past: options.isPast?.(chart.id, unitId) ?? false });
      nameLength.push(unit.name.length);
      names.add(unit.name, e);
      if (native !== undefined) natives.add(native.text, e);
      if (info !== null) {
        pinyins.add(info.full, e);
        initials.add(info.initials, e);
        pinyinInfos.push(info);
      }
      if (unit.leaders !== undefined) {
        for (const leader of unit.leaders) {
          leaders.add(`${leader.title}: ${leader.name}`, e);
          if (leader.nativeName !== undefined) leaders.add(leader.nativeName.text, e);
          leaderNames.add(leader.name, e);
        }
      }
      if (unit.facts !== undefined) for (const fact of unit.facts) facts.add(`${fact.label}: ${fact.value}`, e);
      if (unit.functions !== undefined) for (const item of unit.functions) functions.add(item.text, e);
      if (unit.notes !== undefined) for (const item of unit.notes) notes.add(item.text, e);
      if (unit.otherNames !== undefined) for (const other of unit.otherNames) otherNames.add(other.text, e);
    }
  }

  const pinyinCorpus = pinyins.build(true);
  const boundary = new Uint8Array(pinyinCorpus.text.length);
  pinyinInfos.forEach((info, i) => boundary.set(info.syllableStart, pinyinCorpus.starts[i] ?? 0));

  const nameCorpus = names.build();
  const leaderNameCorpus = leaderNames.build();
  const data: IndexData = {
    entries,
    nameLength: Int32Array.from(nameLength),
    names: nameCorpus,
    natives: natives.build(),
    pinyins: { ...pinyinCorpus, boundary },
    initials: initials.build(true),
    leaders: leaders.build(),
    leaderNames: leaderNameCorpus,
    facts: facts.build(),
    functions: functions.build(),
    notes: notes.build(),
    otherNames: otherNames.build(),
    typoWords: { nameWords: distinctWords(nameCorpus.text), leaderWords: distinctWords(leaderNameCorpus.text) },
  };
  return { chartIds, unitCount: entries.length, [DATA]: data };
}

/** Each distinct run of letters in `text`. (A hand-written loop: four times faster than a /\p{L}+/gu match here.) */
function distinctWords(text: string): string[] {
  const words = new Set<string>();
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isLetterAt(text, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.add(text.slice(start, i));
      start = -1;
    }
  }
  return [...words];
}

// ---------------------------------------------------------------------------
// Queries.

interface Token {
  readonly text: string;
  /** The word as pinyin letters (v stands for ü), or null when it cannot be pinyin: not all letters, or a single letter. */
  readonly pinyin: string | null;
  readonly maxTypos: number;
}

interface Query {
  readonly tokens: readonly Token[];
  /** The words joined by single spaces, when there are several. */
  readonly phrase: string | null;
  /** The words run together as pinyin, when there are several and all can be pinyin. */
  readonly pinyinPhrase: string | null;
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function parseQuery(query: string): Query {
  const words = foldForSearch(query.slice(0, MAX_QUERY_LENGTH).replace(/[\p{Cc}\u00a4]/gu, ' '))
    .split(/\s+/)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter((word, i, all) => word !== '' && all.indexOf(word) === i);
  const tokens: Token[] = words.map((text) => ({
    text,
    pinyin: text.length >= 2 && /^[a-z]+$/.test(text) ? text.replace(/v/g, 'u') : null,
    maxTypos: typosAllowed(text),
  }));
  const several = tokens.length > 1;
  return {
    tokens,
    phrase: several ? words.join(' ') : null,
    pinyinPhrase: several && tokens.every((t) => t.pinyin !== null) ? tokens.map((t) => t.pinyin).join('') : null,
  };
}

/**
 * Raises `best[unit]` to a typo tier for units with a name word (or a word of
 * a leader's name) within the allowed typos. Edit distance runs once per
 * distinct word; units are then found by the close words themselves.
 */
function scanTypos(data: IndexData, t: Token, best: Uint16Array): void {
  const { nameWords, leaderWords } = data.typoWords;
  for (const word of nameWords) {
    const typos = typoDistance(t.text, word, t.maxTypos);
    if (typos > 0 && typos <= t.maxTypos) scanWholeWord(data.names, word, typos === 1 ? SCORE.nameOneTypo : SCORE.nameTwoTypos, best);
  }
  for (const word of leaderWords) {
    const typos = typoDistance(t.text, word, t.maxTypos);
    if (typos > 0 && typos <= t.maxTypos) scanWholeWord(data.leaderNames, word, typos === 1 ? SCORE.leaderOneTypo : SCORE.leaderTwoTypos, best);
  }
}

/** Scores `text` against every written field (names, native names, leaders, facts, functions, notes), keeping each unit's best. */
function scanTexts(data: IndexData, text: string, best: Uint16Array): void {
  scan(data.names, text, NAME_SCORES, best);
  scan(data.natives, text, NATIVE_SCORES, best);
  scan(data.leaders, text, LEADER_SCORES, best);
  scan(data.facts, text, FACT_SCORES, best);
  scan(data.functions, text, FUNCTION_SCORES, best);
  scan(data.notes, text, NOTE_SCORES, best);
  scan(data.otherNames, text, OTHER_NAME_SCORES, best);
}

/** The best score of one query word in every unit (0 where it does not occur). */
function scoreToken(data: IndexData, t: Token): Uint16Array {
  const best = new Uint16Array(data.entries.length);
  scanTexts(data, t.text, best);
  if (t.pinyin !== null) {
    scan(data.pinyins, t.pinyin, PINYIN_SCORES, best);
    scan(data.initials, t.pinyin, INITIALS_SCORES, best);
  }
  if (t.maxTypos > 0) scanTypos(data, t, best);
  return best;
}

/** Every unit's score for the whole query; 0 where some word matches nothing. */
function scoreUnits(data: IndexData, q: Query): Float64Array {
  const count = data.entries.length;
  const weakest = new Uint16Array(count).fill(0xffff);
  const sum = new Float64Array(count);
  // Longest words first: they tend to match least, and once no unit is left the rest need not be looked for.
  let alive = count;
  for (const t of [...q.tokens].sort((a, b) => b.text.length - a.text.length)) {
    if (alive === 0) break;
    const best = scoreToken(data, t);
    alive = 0;
    for (let unit = 0; unit < count; unit++) {
      const s = best[unit] ?? 0;
      if (s < (weakest[unit] ?? 0)) weakest[unit] = s;
      sum[unit] = (sum[unit] ?? 0) + s;
      if (s > 0 && (weakest[unit] ?? 0) > 0) alive++;
    }
  }
  const n = q.tokens.length;
  const scores = new Float64Array(count);
  for (let unit = 0; unit < count; unit++) {
    const low = weakest[unit] ?? 0;
    if (low > 0) scores[unit] = low + ((sum[unit] ?? 0) / n - low) / SPREAD_DIVISOR;
  }
  const lowerThePast = () => {
    for (let unit = 0; unit < count; unit++) if ((scores[unit] ?? 0) > 0 && data.entries[unit]?.past) scores[unit] = (scores[unit] ?? 0) - PAST_PENALTY;
  };
  if (q.phrase !== null || q.pinyinPhrase !== null) {
    const phrase = new Uint16Array(count);
    if (q.phrase !== null) scanTexts(data, q.phrase, phrase);
    if (q.pinyinPhrase !== null) scan(data.pinyins, q.pinyinPhrase, PINYIN_SCORES, phrase);
    for (let unit = 0; unit < count; unit++) {
      const s = phrase[unit] ?? 0;
      if (s > 0) scores[unit] = Math.max(scores[unit] ?? 0, s + PHRASE_BONUS);
    }
  }
  lowerThePast();
  return scores;
}

/**
 * The units that match every word of `query`, best first, at most `limit`
 * (default 20). An empty or blank query matches nothing.
 */
export function searchUnits(index: SearchIndex, query: string, limit: number = DEFAULT_SEARCH_LIMIT): SearchResult[] {
  return searchUnitsCounted(index, query, limit).results;
}

/** The best `limit` results, and how many units match in all (so a list cut short can say so). */
export function searchUnitsCounted(index: SearchIndex, query: string, limit: number = DEFAULT_SEARCH_LIMIT): { results: SearchResult[]; total: number } {
  const max = Math.floor(limit);
  if (!(max > 0)) return { results: [], total: 0 };
  const q = parseQuery(query);
  if (q.tokens.length === 0) return { results: [], total: 0 };
  const data = index[DATA];
  const scores = scoreUnits(data, q);
  const { nameLength } = data;
  const above = (a: number, b: number): boolean => {
    const sa = scores[a] ?? 0;
    const sb = scores[b] ?? 0;
    if (sa !== sb) return sa > sb;
    const la = nameLength[a] ?? 0;
    const lb = nameLength[b] ?? 0;
    if (la !== lb) return la < lb;
    return a < b;
  };
  // Keep only the best `max` while going along: sorting every match of "a" would cost more than finding them.
  const top: number[] = [];
  let total = 0;
  for (let unit = 0; unit < scores.length; unit++) {
    if ((scores[unit] ?? 0) === 0) continue;
    total++;
    if (top.length >= max && !above(unit, top[top.length - 1] ?? 0)) continue;
    let at = top.length;
    while (at > 0 && above(unit, top[at - 1] ?? 0)) at--;
    top.splice(at, 0, unit);
    if (top.length > max) top.pop();
  }
  const results = top.flatMap((unit) => {
    const entry = data.entries[unit];
    return entry === undefined ? [] : [{ ...describe(entry, q), score: scores[unit] ?? 0 }];
  });
  return { results, total };
}

// ---------------------------------------------------------------------------
// Describing a result: which of its texts to show, and what in it to highlight.

interface TextField {
  readonly text: string;
  readonly folded: Folded;
}

function textField(text: string): TextField {
  return { text, folded: fold(text) };
}

/** Where one of the unit's own texts sits in a candidate's text: its key in `SearchResult.marks`, start and end. */
type Slot = readonly [key: string, start: number, end: number];

interface Candidate {
  readonly field: SearchField;
  readonly text: string;
  readonly slots: readonly Slot[];
  readonly ranges: [number, number][];
  /** How many query words this one text matches. */
  readonly covered: number;
  readonly total: number;
}

function pathOf(e: Entry): string[] {
  const index = e.chart.chartIndex;
  const names: string[] = [];
  let current = index.parentOf.get(e.unitId) ?? null;
  while (current !== null && current !== index.rootId) {
    names.push(index.byId.get(current)?.name ?? current);
    current = index.parentOf.get(current) ?? null;
  }
  return [e.chart.label, ...names.reverse()];
}

function closestWord(field: TextField, t: Token): { typos: number; range: [number, number] } | null {
  let best: { typos: number; range: [number, number] } | null = null;
  for (const m of field.folded.text.matchAll(LETTER_RUNS)) {
    const typos = typoDistance(t.text, m[0], t.maxTypos);
    if (typos <= t.maxTypos && (best === null || typos < best.typos)) best = { typos, range: unfold(field.text, field.folded, m.index, m.index + m[0].length) };
  }
  return best;
}

/**
 * Each query word found in the text adds its score and its range; when the
 * words stand together in it as typed, that one range counts instead, for all
 * of them and a little more.
 */
function plainCandidate(field: SearchField, f: TextField, q: Query, tiers: Tiers, slots: readonly Slot[]): Candidate {
  const n = q.tokens.length;
  if (q.phrase !== null) {
    const kind = matchKind(f.folded.text, q.phrase);
    if (kind !== NONE) {
      const at = findAt(f.folded.text, q.phrase);
      return { field, text: f.text, slots, ranges: [unfold(f.text, f.folded, at, at + q.phrase.length)], covered: n, total: (tiers[kind] + PHRASE_BONUS) * n };
    }
  }
  const ranges: [number, number][] = [];
  let covered = 0;
  let total = 0;
  for (const t of q.tokens) {
    const kind = matchKind(f.folded.text, t.text);
    if (kind === NONE) continue;
    covered++;
    total += tiers[kind];
    const at = findAt(f.folded.text, t.text);
    ranges.push(unfold(f.text, f.folded, at, at + t.text.length));
  }
  return { field, text: f.text, slots, ranges, covered, total };
}

/** A text that is one of the unit's own texts whole. */
const whole = (key: string, text: string): Slot[] => [[key, 0, text.length]];

function nameCandidates(unit: Unit, q: Query, out: Candidate[]): void {
  const name = textField(unit.name);
  const base = plainCandidate('name', name, q, NAME_SCORES, whole('name', unit.name));
  let { covered, total } = base;
  if (covered < q.tokens.length) {
    for (const t of q.tokens) {
      if (t.maxTypos === 0 || matchKind(name.folded.text, t.text) !== NONE) continue;
      const near = closestWord(name, t);
      if (near === null) continue;
      covered++;
      total += near.typos <= 1 ? SCORE.nameOneTypo : SCORE.nameTwoTypos;
      base.ranges.push(near.range);
    }
  }
  out.push({ ...base, covered, total });
}

function pinyinCandidates(info: PinyinInfo, native: string, q: Query, out: Candidate[]): void {
  const syllables: [number, number][] = [];
  const initials: [number, number][] = [];
  let sylCovered = 0;
  let sylTotal = 0;
  let iniCovered = 0;
  let iniTotal = 0;
  for (const t of q.tokens) {
    if (t.pinyin === null) continue;
    const at = pinyinAt(info, t.pinyin);
    if (at >= 0) {
      sylCovered++;
      sylTotal += PINYIN_SCORES[pinyinKind(info, t.pinyin)];
      syllables.push(pinyinRange(info, at, t.pinyin.length));
    }
    const iAt = info.initials.indexOf(t.pinyin);
    if (iAt >= 0) {
      iniCovered++;
      iniTotal += INITIALS_SCORES[matchKind(info.initials, t.pinyin)];
      initials.push(initialsRange(info, iAt, t.pinyin.length));
    }
  }
  const slots = whole('native', native);
  out.push({ field: 'pinyin', text: native, slots, ranges: syllables, covered: sylCovered, total: sylTotal });
  if (q.pinyinPhrase !== null) {
    const at = pinyinAt(info, q.pinyinPhrase);
    if (at >= 0) {
      const total = (PINYIN_SCORES[pinyinKind(info, q.pinyinPhrase)] + PHRASE_BONUS) * q.tokens.length;
      out.push({ field: 'pinyin', text: native, slots, ranges: [pinyinRange(info, at, q.pinyinPhrase.length)], covered: q.tokens.length, total });
    }
  }
  out.push({ field: 'initials', text: native, slots, ranges: initials, covered: iniCovered, total: iniTotal });
}

function leaderCandidate(leader: NonNullable<Unit['leaders']>[number], i: number, q: Query): Candidate {
  const line = textField(`${leader.title}: ${leader.name}`);
  const name = textField(leader.name);
  const native = leader.nativeName === undefined ? null : textField(leader.nativeName.text);
  const nameOffset = line.text.length - name.text.length;
  const slots: Slot[] = [
    [`leader:${i}:title`, 0, leader.title.length],
    [`leader:${i}:name`, nameOffset, line.text.length],
  ];
  const base = plainCandidate('leader', line, q, LEADER_SCORES, slots);
  let { covered, total } = base;
  const nativeRanges: [number, number][] = [];
  for (const t of q.tokens) {
    if (matchKind(line.folded.text, t.text) !== NONE) continue;
    const kind = native === null ? NONE : matchKind(native.folded.text, t.text);
    if (native !== null && kind !== NONE) {
      covered++;
      total += LEADER_SCORES[kind];
      const at = findAt(native.folded.text, t.text);
      nativeRanges.push(unfold(native.text, native.folded, at, at + t.text.length));
      continue;
    }
    if (t.maxTypos === 0) continue;
    const near = closestWord(name, t);
    if (near === null) continue;
    covered++;
    total += near.typos <= 1 ? SCORE.leaderOneTypo : SCORE.leaderTwoTypos;
    base.ranges.push([near.range[0] + nameOffset, near.range[1] + nameOffset]);
  }
  if (native === null || nativeRanges.length === 0) return { ...base, covered, total };
  const offset = line.text.length + 2;
  return {
    field: 'leader',
    text: `${line.text} (${native.text})`,
    slots: [...slots, [`leader:${i}:native`, offset, offset + native.text.length]],
    ranges: [...base.ranges, ...nativeRanges.map(([a, b]): [number, number] => [a + offset, b + offset])],
    covered,
    total,
  };
}

/** Picks the text that matches the most query words (then the best-scoring one) and says what to highlight in it. */
function describe(e: Entry, q: Query): Omit<SearchResult, 'score'> {
  const unit = e.unit;
  const all: Candidate[] = [];
  nameCandidates(unit, q, all);
  if (unit.nativeName !== undefined) {
    all.push(plainCandidate('nativeName', textField(unit.nativeName.text), q, NATIVE_SCORES, whole('native', unit.nativeName.text)));
    if (e.pinyin !== null) pinyinCandidates(e.pinyin, unit.nativeName.text, q, all);
  }
  unit.leaders?.forEach((leader, i) => all.push(leaderCandidate(leader, i, q)));
  unit.facts?.forEach((fact, i) => {
    const text = `${fact.label}: ${fact.value}`;
    const slots: Slot[] = [
      [`fact:${i}:label`, 0, fact.label.length],
      [`fact:${i}:value`, fact.label.length + 2, text.length],
    ];
    all.push(plainCandidate('fact', textField(text), q, FACT_SCORES, slots));
  });
  unit.functions?.forEach((item, i) => all.push(plainCandidate('function', textField(item.text), q, FUNCTION_SCORES, whole(`function:${i}`, item.text))));
  unit.notes?.forEach((item, i) => all.push(plainCandidate('note', textField(item.text), q, NOTE_SCORES, whole(`note:${i}`, item.text))));
  unit.otherNames?.forEach((other, i) =>
    all.push(plainCandidate('otherName', textField(other.text), q, OTHER_NAME_SCORES, whole(`otherName:${i}`, other.text))),
  );

  let best: Candidate | null = null;
  for (const c of all) {
    if (c.covered === 0) continue;
    if (best === null || c.covered > best.covered || (c.covered === best.covered && c.total > best.total)) best = c;
  }
  const text = best?.text ?? unit.name;
  const highlights = mergeRanges(text, best?.ranges ?? [], true);
  return {
    chartId: e.chart.chartIndex.chart.id,
    unitId: e.unitId,
    name: unit.name,
    nativeName: unit.nativeName?.text ?? null,
    path: pathOf(e),
    field: best?.field ?? 'name',
    matchedText: text,
    highlights,
    marks: placeMarks(highlights, best?.slots ?? whole('name', unit.name)),
  };
}

/** Each highlight cut to the slots it falls in, counted from each slot's start. */
function placeMarks(highlights: readonly TextRange[], slots: readonly Slot[]): Record<string, TextRange[]> {
  const marks: Record<string, TextRange[]> = {};
  for (const [key, start, end] of slots) {
    for (const [from, to] of highlights) {
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      if (a < b) (marks[key] ??= []).push([a - start, b - start]);
    }
  }
  return marks;
}
