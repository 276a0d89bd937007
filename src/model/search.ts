/**
 * Search across every loaded chart, in English, Chinese and pinyin.
 *
 * Build once per set of charts (`buildSearchIndex`), query on every keystroke
 * (`searchUnits`). Everything that can be worked out ahead is worked out at
 * build time: folded (case-, accent- and apostrophe-free) text, the words of
 * each name, and the pinyin and pinyin initials of each Chinese name. A query
 * is then one linear scan of cheap `indexOf` checks; edit distance runs only
 * for words that matched nothing better, at most once per distinct word.
 *
 * Ranking, best first (scores in `SCORE`):
 *   exact name > name prefix > a name word starting with the query > name substring
 *   > native (Chinese) name > pinyin > pinyin initials > leader
 *   > name word with a typo > leader name with a typo > fact > function text.
 * Ties go to the shorter name, then to chart order (charts as given, units top-down).
 *
 * A query is split into words on whitespace; every word must match somewhere in
 * the unit. A unit scores as its weakest word plus a little (under one tier) for
 * the others, and a query whose words appear together, in order, in the name (or
 * run together in the pinyin, e.g. "guo wu yuan") scores a little above that.
 */
import { pinyin } from 'pinyin-pro';
import type { OrgIndex } from './tree.ts';

export type SearchField = 'name' | 'nativeName' | 'pinyin' | 'initials' | 'leader' | 'function' | 'fact';

/** A [start, end) range of UTF-16 code units. */
export type TextRange = readonly [number, number];

export interface SearchResult {
  readonly chartId: string;
  readonly unitId: string;
  /** The unit's display name. */
  readonly name: string;
  readonly nativeName: string | null;
  /**
   * Where the unit sits, for a "Chart › group › unit" line: the chart's label
   * (`shortTitle`, else `title`) followed by the names of the unit's ancestors,
   * leaving out the root (whose name the chart label stands for). So the root
   * itself has `[label]`, and the Liaison Bureau has
   * `['NPC Standing Committee', 'Departments']`.
   */
  readonly path: readonly string[];
  /** Which field matched best. */
  readonly field: SearchField;
  /**
   * The text to show for that field: the name (`name`); the native name
   * (`nativeName`, `pinyin`, `initials`); the leader line "Title: Name", with
   * " (native name)" added when that is what matched (`leader`); "Label: value"
   * (`fact`); or the function sentence (`function`).
   */
  readonly matchedText: string;
  /** Ranges of `matchedText` to highlight, sorted and not overlapping. For pinyin and initials: the Chinese characters they spell. */
  readonly highlights: readonly TextRange[];
  readonly score: number;
}

export interface HighlightSegment {
  readonly text: string;
  readonly match: boolean;
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
} as const;

/** Tiers are at least 10 apart; these bonuses stay below that, so they order units within a tier only. */
const PHRASE_BONUS = 9.5;
const SPREAD_DIVISOR = 100; // (average − weakest) / 100 ≤ 9

// ---------------------------------------------------------------------------
// Folding: lower case, no accents, no apostrophes, with a map back to the original.

interface Folded {
  readonly text: string;
  /** For folded code unit i, the original range [from[i], to[i]); null when folding kept every position. */
  readonly from: Int32Array | null;
  readonly to: Int32Array | null;
}

const PLAIN_ASCII = /^[\x20-\x26\x28-\x5f\x61-\x7e]*$/; // printable ASCII without ' and `
const APOSTROPHES = /['`´‘’ʼ′]/;
const APOSTROPHE_OR_MARK = /['`´‘’ʼ′\p{M}]/u;
const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const WORDS = /[\p{L}\p{N}]+/gu;

const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let out = foldedChars.get(ch);
  if (out === undefined) {
    out = APOSTROPHES.test(ch) ? '' : ch.normalize('NFD').replace(MARKS, '').toLowerCase().replace(MARKS, '').replace(/ς/g, 'σ');
    foldedChars.set(ch, out);
  }
  return out;
}

/** Case-, accent- and apostrophe-insensitive form of `text` ("People’s Café" → "peoples cafe"). */
export function foldForSearch(text: string): string {
  return fold(text).text;
}

function fold(text: string): Folded {
  if (PLAIN_ASCII.test(text)) return { text: text.toLowerCase(), from: null, to: null };
  if (!APOSTROPHE_OR_MARK.test(text) && text.normalize('NFD') === text) {
    const lower = text.toLowerCase();
    // Same length and nothing decomposed: every character folded to exactly one.
    if (lower.length === text.length && !APOSTROPHE_OR_MARK.test(lower)) return { text: lower.replace(/ς/g, 'σ'), from: null, to: null };
  }
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const piece = foldChar(text.slice(i, i + width));
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
// Matching one word of the query against one folded text.

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

const NAME_SCORES = [0, SCORE.nameSubstring, SCORE.nameWord, SCORE.namePrefix, SCORE.nameExact] as const;
const NATIVE_SCORES = [0, SCORE.nativeSubstring, SCORE.nativeSubstring, SCORE.nativePrefix, SCORE.nativeExact] as const;
const PINYIN_SCORES = [0, 0, SCORE.pinyinSyllable, SCORE.pinyinPrefix, SCORE.pinyinExact] as const;
const INITIALS_SCORES = [0, SCORE.initialsSubstring, SCORE.initialsSubstring, SCORE.initialsPrefix, SCORE.initialsExact] as const;
const LEADER_SCORES = [0, SCORE.leaderSubstring, SCORE.leaderWord, SCORE.leaderWord, SCORE.leaderWord] as const;
const FACT_SCORES = [0, SCORE.factSubstring, SCORE.factWord, SCORE.factWord, SCORE.factWord] as const;
const FUNCTION_SCORES = [0, SCORE.functionSubstring, SCORE.functionWord, SCORE.functionWord, SCORE.functionWord] as const;

/** Optimal-string-alignment distance (a swap of neighbours costs 1), or max + 1 once it must exceed `max`. */
let rowA = new Int32Array(32);
let rowB = new Int32Array(32);
let rowC = new Int32Array(32);
export function typoDistance(a: string, b: string, max: number): number {
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

/** Typos allowed in a query word: none below 4 letters, 1 up to 7, 2 from 8. */
function typosAllowed(token: string): number {
  if (token.length < 4 || !/^\p{L}+$/u.test(token)) return 0;
  return token.length >= 8 ? 2 : 1;
}

// ---------------------------------------------------------------------------
// Pinyin, worked out once per distinct Chinese name.

interface PinyinInfo {
  /** Toneless syllables run together: "zhonghuarenmingongheguo…". */
  readonly full: string;
  /** 1 where a syllable starts in `full`. */
  readonly syllableStart: Uint8Array;
  /** Start of each syllable in `full`, then `full.length`. */
  readonly starts: Int32Array;
  /** First letter of each syllable: "zhrmghg…". Index i is syllable i. */
  readonly initials: string;
  /** The native-text range [charFrom[i], charTo[i]) that syllable i spells. */
  readonly charFrom: Int32Array;
  readonly charTo: Int32Array;
}

const HAN = /\p{Script=Han}/u;
const PINYIN_SYLLABLE = /^[a-z0-9]+$/;
const MAX_CACHED_PINYIN = 50_000;
const pinyinCache = new Map<string, PinyinInfo | null>();
const plainSyllables = new Map<string, string>();

function plainSyllable(item: string): string {
  let out = plainSyllables.get(item);
  if (out === undefined) {
    const folded = fold(item).text;
    out = PINYIN_SYLLABLE.test(folded) ? folded : '';
    if (plainSyllables.size < MAX_CACHED_PINYIN) plainSyllables.set(item, out);
  }
  return out;
}

function wantsPinyin(text: string, lang: string | undefined): boolean {
  return HAN.test(text) && (lang === undefined || /^(zh|cmn|yue|wuu|hak|nan)(-|$)/i.test(lang));
}

function pinyinOf(text: string): PinyinInfo | null {
  let info = pinyinCache.get(text);
  if (info === undefined) {
    info = computePinyin(text);
    if (pinyinCache.size >= MAX_CACHED_PINYIN) pinyinCache.clear();
    pinyinCache.set(text, info);
  }
  return info;
}

function computePinyin(text: string): PinyinInfo | null {
  // One item per code point. Tone marks are stripped here rather than with
  // toneType 'none', which pinyin-pro does with a chain of regexes and is about
  // twice as slow. Initials are the first letter of each syllable, which is
  // exactly what pattern 'first' returns.
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
// The index.

interface ChartRecord {
  readonly chartIndex: OrgIndex;
  readonly label: string;
}

interface TextField {
  readonly text: string;
  readonly folded: Folded;
}

interface LeaderField {
  /** "Title: Name". */
  readonly line: TextField;
  /** The name alone, for typos; it ends the line. */
  readonly name: TextField;
  readonly nameWords: Int32Array;
  readonly native: TextField | null;
}

interface Entry {
  readonly chart: ChartRecord;
  readonly unitId: string;
  readonly order: number;
  readonly name: TextField;
  readonly nameWords: Int32Array;
  readonly native: TextField | null;
  readonly pinyin: PinyinInfo | null;
  readonly leaders: readonly LeaderField[];
  readonly facts: readonly TextField[];
  readonly functions: readonly TextField[];
}

interface IndexData {
  readonly entries: readonly Entry[];
  /** Every distinct word of every name and leader name, for typo matching. */
  readonly words: readonly string[];
}

const DATA: unique symbol = Symbol('search index');

/** Build with `buildSearchIndex`; pass to `searchUnits`. */
export interface SearchIndex {
  readonly chartIds: readonly string[];
  readonly unitCount: number;
  readonly [DATA]: IndexData;
}

const EMPTY_FIELDS: readonly TextField[] = Object.freeze([]);
const EMPTY_LEADERS: readonly LeaderField[] = Object.freeze([]);

function textField(text: string): TextField {
  return { text, folded: fold(text) };
}

/**
 * Indexes every unit of every chart, charts in the order given and units
 * top-down. A chart whose id was already given is skipped, so each
 * (chartId, unitId) appears once.
 */
export function buildSearchIndex(charts: readonly OrgIndex[]): SearchIndex {
  const entries: Entry[] = [];
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  const chartIds: string[] = [];

  const wordsOf = (folded: string): Int32Array => {
    const found = folded.match(WORDS);
    if (found === null) return new Int32Array(0);
    const ids = new Int32Array(found.length);
    found.forEach((word, i) => {
      let id = wordIds.get(word);
      if (id === undefined) {
        id = words.length;
        words.push(word);
        wordIds.set(word, id);
      }
      ids[i] = id;
    });
    return ids;
  };

  for (const chartIndex of charts) {
    const chart = chartIndex.chart;
    if (chartIds.includes(chart.id)) continue;
    chartIds.push(chart.id);
    const record: ChartRecord = { chartIndex, label: chart.shortTitle?.trim() || chart.title };
    for (const unitId of chartIndex.preorder) {
      const unit = chartIndex.byId.get(unitId);
      if (unit === undefined) continue;
      const name = textField(unit.name);
      const nativeText = unit.nativeName?.text ?? null;
      entries.push({
        chart: record,
        unitId,
        order: entries.length,
        name,
        nameWords: wordsOf(name.folded.text),
        native: nativeText === null ? null : textField(nativeText),
        pinyin: nativeText !== null && wantsPinyin(nativeText, unit.nativeName?.lang) ? pinyinOf(nativeText) : null,
        leaders:
          unit.leaders === undefined || unit.leaders.length === 0
            ? EMPTY_LEADERS
            : unit.leaders.map((leader) => {
                const leaderName = textField(leader.name);
                return {
                  line: textField(`${leader.title}: ${leader.name}`),
                  name: leaderName,
                  nameWords: wordsOf(leaderName.folded.text),
                  native: leader.nativeName ? textField(leader.nativeName.text) : null,
                };
              }),
        facts: unit.facts === undefined || unit.facts.length === 0 ? EMPTY_FIELDS : unit.facts.map((fact) => textField(`${fact.label}: ${fact.value}`)),
        functions: unit.functions === undefined || unit.functions.length === 0 ? EMPTY_FIELDS : unit.functions.map((item) => textField(item.text)),
      });
    }
  }
  return { chartIds, unitCount: entries.length, [DATA]: { entries, words } };
}

// ---------------------------------------------------------------------------
// Queries.

interface Token {
  readonly text: string;
  /** The word as pinyin letters (v stands for ü), or null when it cannot be pinyin: not all letters, or a single letter. */
  readonly pinyin: string | null;
  readonly maxTypos: number;
  /** Typos to each dictionary word, worked out on first need: -1 not yet, else the distance (maxTypos + 1 for too many). */
  typos: Int8Array | null;
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
  const words = fold(query.slice(0, MAX_QUERY_LENGTH))
    .text.split(/\s+/)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter((word, i, all) => word !== '' && all.indexOf(word) === i);
  const tokens: Token[] = words.map((text) => ({
    text,
    pinyin: text.length >= 2 && /^[a-z]+$/.test(text) ? text.replace(/v/g, 'u') : null,
    maxTypos: typosAllowed(text),
    typos: null,
  }));
  const several = tokens.length > 1;
  return {
    tokens,
    phrase: several ? words.join(' ') : null,
    pinyinPhrase: several && tokens.every((t) => t.pinyin !== null) ? tokens.map((t) => t.pinyin).join('') : null,
  };
}

/** Fewest typos between `token` and any of `wordIds`. */
function fewestTypos(token: Token, wordIds: Int32Array, words: readonly string[]): number {
  let table = token.typos;
  if (table === null) {
    table = new Int8Array(words.length).fill(-1);
    token.typos = table;
  }
  let best = token.maxTypos + 1;
  for (const id of wordIds) {
    let d = table[id] ?? -1;
    if (d < 0) {
      d = typoDistance(token.text, words[id] ?? '', token.maxTypos);
      table[id] = d;
    }
    if (d < best) best = d;
  }
  return best;
}

/** The best score of one query word in one unit: tiers are tried best first, and the first that matches wins. */
function scoreToken(e: Entry, t: Token, words: readonly string[]): number {
  let kind = matchKind(e.name.folded.text, t.text);
  if (kind !== NONE) return NAME_SCORES[kind];
  if (e.native !== null) {
    kind = matchKind(e.native.folded.text, t.text);
    if (kind !== NONE) return NATIVE_SCORES[kind];
  }
  if (e.pinyin !== null && t.pinyin !== null) {
    kind = pinyinKind(e.pinyin, t.pinyin);
    if (kind !== NONE) return PINYIN_SCORES[kind];
    kind = matchKind(e.pinyin.initials, t.pinyin);
    if (kind !== NONE) return INITIALS_SCORES[kind];
  }
  let best = 0;
  for (const leader of e.leaders) {
    kind = matchKind(leader.line.folded.text, t.text);
    if (kind === NONE && leader.native !== null) kind = matchKind(leader.native.folded.text, t.text);
    if (LEADER_SCORES[kind] > best) best = LEADER_SCORES[kind];
  }
  if (best > 0) return best;
  if (t.maxTypos > 0) {
    const typos = fewestTypos(t, e.nameWords, words);
    if (typos <= t.maxTypos) return typos <= 1 ? SCORE.nameOneTypo : SCORE.nameTwoTypos;
    let leaderTypos = t.maxTypos + 1;
    for (const leader of e.leaders) leaderTypos = Math.min(leaderTypos, fewestTypos(t, leader.nameWords, words));
    if (leaderTypos <= t.maxTypos) return leaderTypos <= 1 ? SCORE.leaderOneTypo : SCORE.leaderTwoTypos;
  }
  for (const fact of e.facts) {
    kind = matchKind(fact.folded.text, t.text);
    if (FACT_SCORES[kind] > best) best = FACT_SCORES[kind];
  }
  if (best > 0) return best;
  for (const item of e.functions) {
    kind = matchKind(item.folded.text, t.text);
    if (FUNCTION_SCORES[kind] > best) best = FUNCTION_SCORES[kind];
  }
  return best;
}

/** The unit's score, or 0 when some query word matches nothing. */
function scoreEntry(e: Entry, q: Query, words: readonly string[]): number {
  let weakest = Infinity;
  let sum = 0;
  let matched = true;
  for (const t of q.tokens) {
    const s = scoreToken(e, t, words);
    if (s === 0) {
      matched = false;
      break;
    }
    sum += s;
    if (s < weakest) weakest = s;
  }
  let score = matched ? weakest + (sum / q.tokens.length - weakest) / SPREAD_DIVISOR : 0;
  if (q.phrase !== null) {
    const kind = matchKind(e.name.folded.text, q.phrase);
    if (kind !== NONE) score = Math.max(score, NAME_SCORES[kind] + PHRASE_BONUS);
  }
  if (q.pinyinPhrase !== null && e.pinyin !== null) {
    const kind = pinyinKind(e.pinyin, q.pinyinPhrase);
    if (kind !== NONE) score = Math.max(score, PINYIN_SCORES[kind] + PHRASE_BONUS);
  }
  return score;
}

interface Ranked {
  readonly entry: Entry;
  readonly score: number;
}

function ranksAbove(a: Ranked, b: Ranked): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.entry.name.text.length !== b.entry.name.text.length) return a.entry.name.text.length < b.entry.name.text.length;
  return a.entry.order < b.entry.order;
}

/**
 * The units that match every word of `query`, best first, at most `limit`
 * (default 20). An empty or blank query matches nothing.
 */
export function searchUnits(index: SearchIndex, query: string, limit: number = DEFAULT_SEARCH_LIMIT): SearchResult[] {
  const max = Math.floor(limit);
  if (!(max > 0)) return [];
  const q = parseQuery(query);
  if (q.tokens.length === 0) return [];
  const { entries, words } = index[DATA];

  // Keep only the best `max` while scanning: sorting every match of "a" in a large chart would cost more than the scan.
  const top: Ranked[] = [];
  for (const entry of entries) {
    const score = scoreEntry(entry, q, words);
    if (score === 0) continue;
    const candidate: Ranked = { entry, score };
    const last = top[top.length - 1];
    if (top.length >= max && last !== undefined && !ranksAbove(candidate, last)) continue;
    let at = top.length;
    while (at > 0 && ranksAbove(candidate, top[at - 1] as Ranked)) at--;
    top.splice(at, 0, candidate);
    if (top.length > max) top.pop();
  }
  return top.map(({ entry, score }) => ({ ...describe(entry, q), score }));
}

// ---------------------------------------------------------------------------
// Describing a result: which field to show, and what in it to highlight.

interface Shown {
  readonly chartId: string;
  readonly unitId: string;
  readonly name: string;
  readonly nativeName: string | null;
  readonly path: readonly string[];
  readonly field: SearchField;
  readonly matchedText: string;
  readonly highlights: readonly TextRange[];
}

interface Candidate {
  readonly field: SearchField;
  readonly text: string;
  readonly ranges: [number, number][];
  /** How many query words this one field matches. */
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
  for (const m of field.folded.text.matchAll(WORDS)) {
    const typos = typoDistance(t.text, m[0], t.maxTypos);
    if (typos <= t.maxTypos && (best === null || typos < best.typos)) best = { typos, range: unfold(field.text, field.folded, m.index, m.index + m[0].length) };
  }
  return best;
}

/** One candidate per text: each query word that occurs in it adds its score and its range. */
function plainCandidate(field: SearchField, f: TextField, q: Query, scores: readonly number[]): Candidate {
  const ranges: [number, number][] = [];
  let covered = 0;
  let total = 0;
  for (const t of q.tokens) {
    const kind = matchKind(f.folded.text, t.text);
    if (kind === NONE) continue;
    covered++;
    total += scores[kind] ?? 0;
    const at = findAt(f.folded.text, t.text);
    ranges.push(unfold(f.text, f.folded, at, at + t.text.length));
  }
  return { field, text: f.text, ranges, covered, total };
}

function candidates(e: Entry, q: Query): Candidate[] {
  const out: Candidate[] = [];
  const n = q.tokens.length;

  // The name, with typos for words that are not in it.
  {
    const base = plainCandidate('name', e.name, q, NAME_SCORES);
    let { covered, total } = base;
    for (const t of q.tokens) {
      if (t.maxTypos === 0 || matchKind(e.name.folded.text, t.text) !== NONE) continue;
      const near = closestWord(e.name, t);
      if (near === null) continue;
      covered++;
      total += near.typos <= 1 ? SCORE.nameOneTypo : SCORE.nameTwoTypos;
      base.ranges.push(near.range);
    }
    out.push({ ...base, covered, total });
    if (q.phrase !== null) {
      const kind = matchKind(e.name.folded.text, q.phrase);
      if (kind !== NONE) {
        const at = findAt(e.name.folded.text, q.phrase);
        out.push({ field: 'name', text: e.name.text, ranges: [unfold(e.name.text, e.name.folded, at, at + q.phrase.length)], covered: n, total: (NAME_SCORES[kind] + PHRASE_BONUS) * n });
      }
    }
  }

  if (e.native !== null) out.push(plainCandidate('nativeName', e.native, q, NATIVE_SCORES));

  if (e.pinyin !== null && e.native !== null) {
    const info = e.pinyin;
    const native = e.native.text;
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
    out.push({ field: 'pinyin', text: native, ranges: syllables, covered: sylCovered, total: sylTotal });
    if (q.pinyinPhrase !== null) {
      const at = pinyinAt(info, q.pinyinPhrase);
      if (at >= 0) {
        const total = (PINYIN_SCORES[pinyinKind(info, q.pinyinPhrase)] + PHRASE_BONUS) * n;
        out.push({ field: 'pinyin', text: native, ranges: [pinyinRange(info, at, q.pinyinPhrase.length)], covered: n, total });
      }
    }
    out.push({ field: 'initials', text: native, ranges: initials, covered: iniCovered, total: iniTotal });
  }

  for (const leader of e.leaders) {
    const line = plainCandidate('leader', leader.line, q, LEADER_SCORES);
    let { covered, total } = line;
    const nameOffset = leader.line.text.length - leader.name.text.length;
    const nativeRanges: [number, number][] = [];
    for (const t of q.tokens) {
      if (matchKind(leader.line.folded.text, t.text) !== NONE) continue;
      const native = leader.native;
      if (native !== null && matchKind(native.folded.text, t.text) !== NONE) {
        covered++;
        total += LEADER_SCORES[matchKind(native.folded.text, t.text)];
        const at = findAt(native.folded.text, t.text);
        nativeRanges.push(unfold(native.text, native.folded, at, at + t.text.length));
        continue;
      }
      if (t.maxTypos === 0) continue;
      const near = closestWord(leader.name, t);
      if (near === null) continue;
      covered++;
      total += near.typos <= 1 ? SCORE.leaderOneTypo : SCORE.leaderTwoTypos;
      line.ranges.push([near.range[0] + nameOffset, near.range[1] + nameOffset]);
    }
    if (nativeRanges.length > 0 && leader.native !== null) {
      const offset = leader.line.text.length + 2;
      const text = `${leader.line.text} (${leader.native.text})`;
      out.push({ field: 'leader', text, ranges: [...line.ranges, ...nativeRanges.map(([a, b]): [number, number] => [a + offset, b + offset])], covered, total });
    } else {
      out.push({ ...line, covered, total });
    }
  }

  for (const fact of e.facts) out.push(plainCandidate('fact', fact, q, FACT_SCORES));
  for (const item of e.functions) out.push(plainCandidate('function', item, q, FUNCTION_SCORES));
  return out;
}

function describe(e: Entry, q: Query): Shown {
  let best: Candidate | null = null;
  for (const c of candidates(e, q)) {
    if (c.covered === 0) continue;
    if (best === null || c.covered > best.covered || (c.covered === best.covered && c.total > best.total)) best = c;
  }
  const field = best?.field ?? 'name';
  const text = best?.text ?? e.name.text;
  return {
    chartId: e.chart.chartIndex.chart.id,
    unitId: e.unitId,
    name: e.name.text,
    nativeName: e.native?.text ?? null,
    path: pathOf(e),
    field,
    matchedText: text,
    highlights: mergeRanges(text, best?.ranges ?? [], true),
  };
}

/**
 * Sorted, clamped, non-overlapping ranges; touching ones joined. With
 * `acrossSpaces`, ranges with only whitespace between them are joined too, so
 * "Liu Qi" lights up as one piece.
 */
function mergeRanges(text: string, ranges: readonly TextRange[], acrossSpaces: boolean): [number, number][] {
  const sorted = ranges
    .map(([a, b]): [number, number] => [Math.max(0, Math.min(text.length, Math.floor(a))), Math.max(0, Math.min(text.length, Math.floor(b)))])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && (range[0] <= last[1] || (acrossSpaces && /^\s+$/.test(text.slice(last[1], range[0]))))) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}

/** Splits `text` into plain and highlighted pieces for rendering. Ranges may be unsorted, overlapping or out of bounds. */
export function highlightSegments(text: string, ranges: readonly TextRange[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let pos = 0;
  for (const [start, end] of mergeRanges(text, ranges, false)) {
    if (start > pos) segments.push({ text: text.slice(pos, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    pos = end;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos), match: false });
  return segments;
}
