/**
 * Two charts side by side: their root units' facts row by row, their units
 * counted by kind, and which unit on one side answers to which on the other.
 *
 * Pure and deterministic: the same two charts and the same `today` always give
 * the same comparison, in the same order.
 */
import { factIs, factKeyOf, findFact, type WellKnownFactKey } from './facts.ts';
import { comparableText } from './normalise.ts';
import { formatDate, kindLabel, yearsSince } from './present.ts';
import type { Fact, Leader, OrgChart, Unit } from './schema.ts';
import type { OrgIndex } from './tree.ts';

/**
 * What a cell says beyond the sources' own text, as data, so the interface can
 * say it in its own language ("72 years", "10 functions", "See also").
 * Every string inside is the sources'.
 */
export type CellWords =
  | { readonly kind: 'formed'; readonly date: string; readonly years: number | null }
  | { readonly kind: 'typeJurisdiction'; readonly type: string | null; readonly jurisdiction: string | null }
  | { readonly kind: 'functions'; readonly texts: readonly string[] }
  | { readonly kind: 'head'; readonly leader: Leader }
  | { readonly kind: 'deputies'; readonly leaders: readonly Leader[] }
  /** Units of one kind, by id, for the interface to name as the user chose (English, Chinese or both). */
  | { readonly kind: 'units'; readonly ids: readonly string[] }
  | {
      readonly kind: 'oneSided';
      /** `key`: the key each fact goes by (its own, or the well-known one its label means: see model/facts.ts), so the interface can name it. */
      readonly facts: readonly { readonly key: string | null; readonly label: string; readonly value: string }[];
      readonly seeAlso: readonly string[];
    };

export interface CompareCell {
  /** false → the UI shows "not stated". */
  readonly stated: boolean;
  /** In English, "not stated" when !stated; never empty. What `differs` compares, and what a cell without `words` shows. */
  readonly text: string;
  /** List values: deputy names, functions, unit names, one-sided facts. */
  readonly items?: readonly string[];
  /** Set when the cell has words of its own around the sources' text; the interface shows these instead of `text`. */
  readonly words?: CellWords;
}

/**
 * What two cells whose texts differ still share, by a rule the interface states ("both formed on 27 September"):
 * the same day and month of formation, the same title of head before "of …", a place both addresses name.
 */
export type Likeness =
  /** `monthDay`: "09-27", for the interface to write as a date. */
  | { readonly kind: 'sameDay'; readonly monthDay: string }
  | { readonly kind: 'sameTitle'; readonly title: string }
  | { readonly kind: 'samePlace'; readonly place: string };

/** How a row's two sides stand: the same text, alike (see Likeness), different, or stated on neither side. */
export type Agreement = 'same' | 'alike' | 'differs' | 'unstated';

export interface CompareRow {
  /** Stable: 'formed', 'parentBody', 'typeOrJurisdiction', 'location', 'head', 'deputies', 'kind:department', 'functions', 'onlyLeft', 'onlyRight'. */
  readonly id: string;
  readonly label: string;
  readonly left: CompareCell;
  readonly right: CompareCell;
  /** The normalised texts differ (case-insensitive, whitespace collapsed). Not stated on both sides never differs. */
  readonly differs: boolean;
  /** Same, alike, differs or unstated: what the interface says of the row, and the order it lists rows in (shared first). */
  readonly agreement: Agreement;
  /** What the two sides share, when `agreement` is 'alike'. */
  readonly alike?: Likeness;
}

/** Units of one kind, or under one group heading, on each side: "Affiliated institutions: 8 vs 1". */
export interface KindGroup {
  /** 'kind:department', or 'group:directly affiliated institutions' for group headings. */
  readonly key: string;
  readonly label: string;
  readonly leftIds: readonly string[];
  readonly rightIds: readonly string[];
}

/** Why two units were paired; the interface words it ("same head word “Information”"). */
export type MatchReason =
  | { readonly kind: 'roots' }
  | { readonly kind: 'sameName' }
  | { readonly kind: 'sameGroup' }
  | { readonly kind: 'sameHeadWord'; readonly word: string }
  | { readonly kind: 'similarName'; readonly words: readonly string[] };

export interface Counterpart {
  readonly leftId: string;
  readonly rightId: string;
  readonly reason: MatchReason;
  /** 0..1 */
  readonly score: number;
  /** Matched by another name a source gives one of the units (its `otherNames`), not by the name on its card. */
  readonly via?: { readonly side: 'left' | 'right'; readonly name: string };
}

export interface Comparison {
  readonly rows: readonly CompareRow[];
  readonly kindGroups: readonly KindGroup[];
  readonly counterparts: readonly Counterpart[];
  /** Unit ids with no counterpart, in preorder. */
  readonly uniqueLeft: readonly string[];
  readonly uniqueRight: readonly string[];
}

export const NOT_STATED = 'not stated';

const GROUP_KIND = 'group';

// ---------------------------------------------------------------------------
// Text helpers

const notStated: CompareCell = { stated: false, text: NOT_STATED };

function stated(text: string, items?: readonly string[], words?: CellWords): CompareCell {
  if (text.trim() === '') return notStated;
  return { stated: true, text, ...(items === undefined ? {} : { items }), ...(words === undefined ? {} : { words }) };
}

function row(id: string, label: string, left: CompareCell, right: CompareCell): CompareRow {
  const differs = left.stated || right.stated ? comparableText(left.text) !== comparableText(right.text) : false;
  if (!left.stated && !right.stated) return { id, label, left, right, differs, agreement: 'unstated' };
  if (!differs) return { id, label, left, right, differs, agreement: 'same' };
  const alike = left.stated && right.stated ? likenessOf(id, left, right) : null;
  return alike ? { id, label, left, right, differs, agreement: 'alike', alike } : { id, label, left, right, differs, agreement: 'differs' };
}

const MONTH_DAY = /^\d{4}-(\d{2}-\d{2})$/;

/** The part of a title before " of …": "Secretary-General of the State Council" is a "Secretary-General". */
const titleBase = (title: string) => title.split(/\s+of\s+/i)[0]?.trim() ?? title.trim();

/** What two stated cells with different texts share, by the rules of Likeness; null when nothing. */
function likenessOf(rowId: string, left: CompareCell, right: CompareCell): Likeness | null {
  const a = left.words;
  const b = right.words;
  if (a?.kind === 'formed' && b?.kind === 'formed') {
    const day = MONTH_DAY.exec(a.date)?.[1];
    return day !== undefined && day === MONTH_DAY.exec(b.date)?.[1] ? { kind: 'sameDay', monthDay: day } : null;
  }
  if (a?.kind === 'head' && b?.kind === 'head') {
    const title = titleBase(a.leader.title);
    return title !== '' && comparableText(title) === comparableText(titleBase(b.leader.title)) ? { kind: 'sameTitle', title } : null;
  }
  if (rowId === 'location') {
    // A place both addresses name: "…, Xicheng District, Beijing" on both sides is alike in "Xicheng District".
    const parts = (text: string) =>
      text
        .split(/[,，;；]/)
        .map((part) => part.trim())
        .filter((part) => part !== '');
    const onTheRight = new Set(parts(right.text).map(comparableText));
    const shared = parts(left.text).find((part) => onTheRight.has(comparableText(part)));
    return shared === undefined ? null : { kind: 'samePlace', place: shared };
  }
  return null;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "Department" → "Departments"; "Affiliated institution" → "Affiliated institutions"; a label ending in s stays. */
function pluralLabel(label: string): string {
  return /s$/i.test(label) ? label : `${label}s`;
}

// ---------------------------------------------------------------------------
// Root facts

/** Fact keys the rows above "Only on …" already show. */
const ROW_FACT_KEYS = ['formed', 'parentBody', 'type', 'jurisdiction', 'location'] as const satisfies readonly WellKnownFactKey[];

function formedCell(unit: Unit, today: Date): CompareCell {
  const fact = findFact(unit, 'formed');
  if (!fact) return notStated;
  const years = yearsSince(fact.value, today);
  const age = years === null || years < 0 ? '' : ` (${plural(years, 'year')})`;
  return stated(`${formatDate(fact.value)}${age}`, undefined, { kind: 'formed', date: fact.value.trim(), years: years === null || years < 0 ? null : years });
}

function factCell(unit: Unit, key: WellKnownFactKey): CompareCell {
  const fact = findFact(unit, key);
  return fact ? stated(fact.value.trim()) : notStated;
}

/** "Type: …; Jurisdiction: …", or whichever of the two exists, still prefixed so a reader knows which it is. */
function typeOrJurisdictionCell(unit: Unit): CompareCell {
  const parts: string[] = [];
  const type = findFact(unit, 'type');
  const jurisdiction = findFact(unit, 'jurisdiction');
  if (type) parts.push(`Type: ${type.value.trim()}`);
  if (jurisdiction) parts.push(`Jurisdiction: ${jurisdiction.value.trim()}`);
  const words: CellWords = { kind: 'typeJurisdiction', type: type?.value.trim() ?? null, jurisdiction: jurisdiction?.value.trim() ?? null };
  return parts.length > 0 ? stated(parts.join('; '), undefined, words) : notStated;
}

function headCell(unit: Unit): CompareCell {
  const head = unit.leaders?.[0];
  return head ? stated(`${head.title}: ${head.name}`, undefined, { kind: 'head', leader: head }) : notStated;
}

function deputiesCell(unit: Unit): CompareCell {
  const deputies = (unit.leaders ?? []).slice(1);
  const names = deputies.map((leader) => leader.name);
  return names.length > 0 ? stated(`${names.length}: ${names.join(', ')}`, names, { kind: 'deputies', leaders: deputies }) : notStated;
}

function functionsCell(unit: Unit): CompareCell {
  const texts = (unit.functions ?? []).map((item) => item.text);
  return texts.length > 0 ? stated(plural(texts.length, 'function'), texts, { kind: 'functions', texts }) : notStated;
}

function isRowFact(fact: Fact): boolean {
  return ROW_FACT_KEYS.some((key) => factIs(fact, key));
}

function sameFact(a: Fact, b: Fact): boolean {
  const key = factKeyOf(a);
  if (key !== undefined && key === factKeyOf(b)) return true;
  return comparableText(a.label) === comparableText(b.label);
}

/** Facts (other than the ones with rows of their own) and "See also" bodies that `own` has and `other` lacks. */
function onlyOnOneSide(own: Unit, other: Unit): CompareCell {
  const labels: string[] = [];
  const items: string[] = [];
  const facts: { key: string | null; label: string; value: string }[] = [];
  const otherFacts = other.facts ?? [];
  for (const fact of own.facts ?? []) {
    if (isRowFact(fact) || fact.value.trim() === '') continue;
    if (otherFacts.some((theirs) => sameFact(fact, theirs) && theirs.value.trim() !== '')) continue;
    labels.push(fact.label);
    items.push(`${fact.label}: ${fact.value.trim()}`);
    facts.push({ key: factKeyOf(fact) ?? null, label: fact.label, value: fact.value.trim() });
  }
  const otherRelated = new Set((other.related ?? []).map((body) => comparableText(body.name)));
  const relatedOnly = (own.related ?? []).filter((body) => !otherRelated.has(comparableText(body.name)));
  if (relatedOnly.length > 0) {
    labels.push(`See also: ${relatedOnly.length} ${relatedOnly.length === 1 ? 'body' : 'bodies'}`);
    for (const body of relatedOnly) items.push(`See also: ${body.name}`);
  }
  const words: CellWords = { kind: 'oneSided', facts, seeAlso: relatedOnly.map((body) => body.name) };
  return items.length > 0 ? stated(labels.join('; '), items, words) : notStated;
}

// ---------------------------------------------------------------------------
// Kinds

function kindOf(unit: Unit): string {
  const kind = unit.kind?.trim();
  return kind === undefined || kind === '' ? 'unit' : kind;
}

function isGroup(unit: Unit): boolean {
  return kindOf(unit) === GROUP_KIND;
}

function groupKeyOf(unit: Unit): string {
  return isGroup(unit) ? `group:${comparableText(unit.name)}` : `kind:${kindOf(unit)}`;
}

interface MutableGroup {
  key: string;
  label: string;
  leftIds: string[];
  rightIds: string[];
}

/** Kind groups in order of first appearance: the left chart's preorder, then the right's. */
/**
 * Units grouped for reading side by side: the units under a group heading
 * ("Directly affiliated institutions: 8 vs 1") are counted under that
 * heading, and units under no heading by their kind. The headings themselves
 * and the roots are not counted.
 */
function buildKindGroups(left: OrgIndex, right: OrgIndex): MutableGroup[] {
  const groups = new Map<string, MutableGroup>();
  const add = (index: OrgIndex, side: 'leftIds' | 'rightIds'): void => {
    for (const id of index.preorder) {
      if (id === index.rootId) continue;
      const unit = index.byId.get(id);
      if (!unit || isGroup(unit)) continue;
      const parent = index.byId.get(index.parentOf.get(id) ?? '');
      const heading = parent && isGroup(parent) ? parent : null;
      const key = heading ? groupKeyOf(heading) : groupKeyOf(unit);
      let group = groups.get(key);
      if (!group) {
        const label = heading ? heading.name.trim() : pluralLabel(kindLabel(kindOf(unit) === 'unit' ? undefined : kindOf(unit)));
        group = { key, label, leftIds: [], rightIds: [] };
        groups.set(key, group);
      }
      group[side].push(id);
    }
  };
  add(left, 'leftIds');
  add(right, 'rightIds');
  return [...groups.values()];
}

/** Every unit but the roots and the headings, counted by kind: the table's rows. */
function countByKind(left: OrgIndex, right: OrgIndex): MutableGroup[] {
  const groups = new Map<string, MutableGroup>();
  const add = (index: OrgIndex, side: 'leftIds' | 'rightIds'): void => {
    for (const id of index.preorder) {
      const unit = index.byId.get(id);
      if (id === index.rootId || !unit || isGroup(unit)) continue;
      const key = `kind:${kindOf(unit)}`;
      let group = groups.get(key);
      if (!group) {
        group = { key, label: pluralLabel(kindLabel(kindOf(unit) === 'unit' ? undefined : kindOf(unit))), leftIds: [], rightIds: [] };
        groups.set(key, group);
      }
      group[side].push(id);
    }
  };
  add(left, 'leftIds');
  add(right, 'rightIds');
  return [...groups.values()];
}

function kindRows(groups: readonly MutableGroup[], left: OrgIndex, right: OrgIndex): CompareRow[] {
  const namesOf = (index: OrgIndex, ids: readonly string[]): string[] => ids.map((id) => index.byId.get(id)?.name ?? id);
  // A count is always stated: 0 is an answer, not a gap.
  const cell = (index: OrgIndex, ids: readonly string[]): CompareCell => ({
    stated: true,
    text: String(ids.length),
    items: namesOf(index, ids),
    words: { kind: 'units', ids },
  });
  return groups
    .filter((group) => group.key.startsWith('kind:'))
    .map((group) => row(group.key, group.label, cell(left, group.leftIds), cell(right, group.rightIds)));
}

// ---------------------------------------------------------------------------
// Names: content words

const STOPWORDS = new Set(['of', 'the', 'and', 'for', 'a', 'an', 'in', 'on', 'to', 's', 'at', 'by', 'with']);

/** Words that name a type of body rather than what it does. */
const GENERIC_WORDS = new Set([
  'bureau',
  'center',
  'centre',
  'office',
  'department',
  'committee',
  'commission',
  'division',
  'unit',
  'section',
  'institute',
  'administration',
]);

interface Token {
  /** As written, e.g. "Information". */
  readonly original: string;
  /** Lowercase, possessive "'s" dropped, e.g. "people". */
  readonly word: string;
}

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const original = match[0].replace(/['’]s$/i, '');
    const word = original.toLowerCase().replace(/’/g, "'");
    if (word !== '') tokens.push({ original, word });
  }
  return tokens;
}

/**
 * Words that name the organisation itself rather than a unit's work: every word
 * of the root's name, the chart's title and short title and the root's official
 * name, plus the capitalised words and acronyms of the chart's description and
 * the root's summary (where "NPCSC" and "China" appear). So for the NPC chart
 * "National People's Congress Information Center" reduces to {information, center}.
 */
function orgWords(index: OrgIndex): Set<string> {
  const chart: OrgChart = index.chart;
  const root = index.byId.get(index.rootId);
  const words = new Set<string>();
  const officialName = root ? findFact(root, 'officialName')?.value : undefined;
  const everyWord = [chart.title, chart.shortTitle ?? '', root?.name ?? '', officialName ?? ''];
  for (const text of everyWord) for (const token of tokenize(text)) words.add(token.word);
  const properWords = [chart.description ?? '', root?.summary?.text ?? ''];
  for (const text of properWords) {
    for (const token of tokenize(text)) if (/^\p{Lu}/u.test(token.original)) words.add(token.word);
  }
  return words;
}

interface NameInfo {
  readonly id: string;
  /** The other name this info is made from (see Counterpart.via); null for the unit's own name. */
  readonly via: string | null;
  readonly kind: string;
  readonly normalised: string;
  /** Content words in name order, first occurrence only. */
  readonly tokens: readonly Token[];
  readonly words: ReadonlySet<string>;
  /** The most specific content word: the first that is not a generic type word, else the first. */
  readonly head: Token | undefined;
}

function nameInfo(unit: Unit, org: ReadonlySet<string>, otherName: string | null = null): NameInfo {
  const name = otherName ?? unit.name;
  const tokens: Token[] = [];
  const words = new Set<string>();
  for (const token of tokenize(name)) {
    if (STOPWORDS.has(token.word) || org.has(token.word) || words.has(token.word)) continue;
    words.add(token.word);
    tokens.push(token);
  }
  const head = tokens.find((token) => !GENERIC_WORDS.has(token.word)) ?? tokens[0];
  return { id: unit.id, via: otherName, kind: kindOf(unit), normalised: comparableText(name), tokens, words, head };
}

interface Similarity {
  readonly score: number;
  readonly reason: MatchReason;
}

/** Content-word similarity of two units of the same kind, or null when they are not alike enough to pair. */
function similarity(a: NameInfo, b: NameInfo): Similarity | null {
  if (a.words.size === 0 || b.words.size === 0) return null;
  const shared = a.tokens.filter((token) => b.words.has(token.word));
  if (shared.length === 0) return null;
  const jaccard = shared.length / (a.words.size + b.words.size - shared.length);
  const headShared = a.head !== undefined && b.head !== undefined && a.head.word === b.head.word && !GENERIC_WORDS.has(a.head.word);
  if (headShared && a.head) {
    return { score: jaccard + (1 - jaccard) / 2, reason: { kind: 'sameHeadWord', word: a.head.original } };
  }
  if (jaccard >= 0.5) {
    return { score: jaccard, reason: { kind: 'similarName', words: shared.map((token) => token.original) } };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Counterparts

/** Beyond this many pairings of one repeated name, namesakes pair off in order instead. */
const MAX_NAMESAKE_PAIRINGS = 4096;
/** How many other-side units one unit compares its name with, at most. */
const MAX_SIMILAR_EXAMINED = 256;
/** How many similar-name candidates one unit keeps for the greedy pairing. */
const MAX_SIMILAR_KEPT = 4;

interface Candidate {
  readonly leftId: string;
  readonly rightId: string;
  readonly reason: MatchReason;
  readonly score: number;
  /** 0 = the roots, 1 = same name or same group heading, 2 = similar name. Lower tiers are taken first. */
  readonly tier: number;
  readonly sameKind: boolean;
  readonly depthGap: number;
  readonly leftOrder: number;
  readonly rightOrder: number;
  readonly via: Counterpart['via'] | undefined;
}

function findCounterparts(left: OrgIndex, right: OrgIndex): Counterpart[] {
  const leftOrder = new Map(left.preorder.map((id, i) => [id, i]));
  const rightOrder = new Map(right.preorder.map((id, i) => [id, i]));
  const leftOrg = orgWords(left);
  const rightOrg = orgWords(right);

  // A unit is matched by its own name and by the other names sources give it in the chart's language ("Bureau of
  // Secretaries" for the NPC's Secretariat): an other name says what the unit is as much as its card's name does.
  const infos = (index: OrgIndex, org: ReadonlySet<string>): NameInfo[] =>
    index.preorder
      .filter((id) => id !== index.rootId)
      .map((id) => index.byId.get(id))
      .filter((unit): unit is Unit => unit !== undefined)
      .flatMap((unit) => [
        nameInfo(unit, org),
        ...(unit.otherNames ?? [])
          .filter((other) => other.lang === undefined || other.lang === index.chart.language)
          .map((other) => nameInfo(unit, org, other.text)),
      ]);
  const leftInfos = infos(left, leftOrg);
  const rightInfos = infos(right, rightOrg);

  const candidate = (a: NameInfo, b: NameInfo, tier: number, score: number, reason: MatchReason): Candidate => ({
    leftId: a.id,
    rightId: b.id,
    reason,
    score,
    tier,
    sameKind: a.kind === b.kind,
    depthGap: Math.abs((left.depthOf.get(a.id) ?? 0) - (right.depthOf.get(b.id) ?? 0)),
    leftOrder: leftOrder.get(a.id) ?? 0,
    rightOrder: rightOrder.get(b.id) ?? 0,
    via: a.via !== null ? { side: 'left', name: a.via } : b.via !== null ? { side: 'right', name: b.via } : undefined,
  });
  const candidates: Candidate[] = [];

  // Same name (or same group heading): found through maps, not by trying every pair. A heading
  // never pairs with a body of the same name. When a name repeats so often on both sides that
  // trying every pairing would be costly, namesakes pair off in the order a reader meets them.
  const byName = (list: readonly NameInfo[]): Map<string, NameInfo[]> => {
    const map = new Map<string, NameInfo[]>();
    for (const info of list) {
      const key = `${info.kind === GROUP_KIND ? 'group' : 'body'}\u0000${info.normalised}`;
      const bucket = map.get(key);
      if (bucket) bucket.push(info);
      else map.set(key, [info]);
    }
    return map;
  };
  const rightByName = byName(rightInfos);
  for (const [key, lefts] of byName(leftInfos)) {
    const rights = rightByName.get(key);
    if (!rights) continue;
    const reason: MatchReason = { kind: key.startsWith('group') ? 'sameGroup' : 'sameName' };
    if (lefts.length * rights.length <= MAX_NAMESAKE_PAIRINGS) {
      for (const a of lefts) for (const b of rights) candidates.push(candidate(a, b, 1, 1, reason));
    } else {
      for (let i = 0; i < Math.min(lefts.length, rights.length); i++) {
        candidates.push(candidate(lefts[i] as NameInfo, rights[i] as NameInfo, 1, 1, reason));
      }
    }
  }

  // Similar names: only units of the same kind that share at least one content word, looked up
  // by word. Each unit tries its rarest words first (they find the closest names), up to a fixed
  // number of units, and keeps its few best matches: near-linear even when every name shares a word.
  const rightByWord = new Map<string, NameInfo[]>();
  for (const info of rightInfos) {
    if (info.kind === GROUP_KIND) continue;
    for (const word of info.words) {
      const key = `${info.kind}\u0000${word}`;
      const bucket = rightByWord.get(key);
      if (bucket) bucket.push(info);
      else rightByWord.set(key, [info]);
    }
  }
  for (const a of leftInfos) {
    if (a.kind === GROUP_KIND || a.words.size === 0) continue;
    const postings = a.tokens
      .map((token) => ({ token, list: rightByWord.get(`${a.kind}\u0000${token.word}`) ?? [] }))
      .sort((x, y) => x.list.length - y.list.length);
    const seen = new Set<string>();
    const found: Candidate[] = [];
    search: for (const { list } of postings) {
      for (const b of list) {
        if (seen.has(b.id)) continue;
        if (seen.size >= MAX_SIMILAR_EXAMINED) break search;
        seen.add(b.id);
        if (a.normalised === b.normalised) continue; // already a same-name candidate
        const similar = similarity(a, b);
        if (similar) found.push(candidate(a, b, 2, similar.score, similar.reason));
      }
    }
    found.sort((x, y) => y.score - x.score || x.depthGap - y.depthGap || x.rightOrder - y.rightOrder);
    candidates.push(...found.slice(0, MAX_SIMILAR_KEPT));
  }

  candidates.sort(
    (x, y) =>
      x.tier - y.tier ||
      y.score - x.score ||
      Number(y.sameKind) - Number(x.sameKind) ||
      // A match by the names on the cards before one by another name.
      Number(x.via !== undefined) - Number(y.via !== undefined) ||
      x.depthGap - y.depthGap ||
      x.leftOrder - y.leftOrder ||
      x.rightOrder - y.rightOrder,
  );

  const pairs: Counterpart[] = [{ leftId: left.rootId, rightId: right.rootId, reason: { kind: 'roots' }, score: 1 }];
  const takenLeft = new Set([left.rootId]);
  const takenRight = new Set([right.rootId]);
  const pairOf = (candidate: Candidate): Counterpart => ({
    leftId: candidate.leftId,
    rightId: candidate.rightId,
    reason: candidate.reason,
    score: Math.round(candidate.score * 1000) / 1000,
    ...(candidate.via ? { via: candidate.via } : {}),
  });
  const firstPairOf = { left: new Map<string, Candidate>(), right: new Map<string, Candidate>() };
  for (const candidate of candidates) {
    if (takenLeft.has(candidate.leftId) || takenRight.has(candidate.rightId)) continue;
    takenLeft.add(candidate.leftId);
    takenRight.add(candidate.rightId);
    firstPairOf.left.set(candidate.leftId, candidate);
    firstPairOf.right.set(candidate.rightId, candidate);
    pairs.push(pairOf(candidate));
  }
  // One unit may answer to several on the other side (the NPC's one Bureau of Secretaries, the State Council's first,
  // second and third): a unit left without a counterpart pairs with one already paired when the same rule matches them
  // exactly as well, at the same depth, as it matched that unit's first counterpart.
  const sameRule = (x: Candidate, y: Candidate) =>
    x.tier === y.tier && x.score === y.score && x.depthGap === y.depthGap && JSON.stringify(x.reason) === JSON.stringify(y.reason);
  for (const candidate of candidates) {
    if (candidate.tier === 0 || (takenLeft.has(candidate.leftId) && takenRight.has(candidate.rightId))) continue;
    const first = takenLeft.has(candidate.leftId) ? firstPairOf.left.get(candidate.leftId) : firstPairOf.right.get(candidate.rightId);
    if (!first || !sameRule(first, candidate) || (takenLeft.has(candidate.leftId) && takenRight.has(candidate.rightId))) continue;
    takenLeft.add(candidate.leftId);
    takenRight.add(candidate.rightId);
    pairs.push(pairOf(candidate));
  }
  // Pairs read top-down in the left chart.
  pairs.sort((x, y) => (leftOrder.get(x.leftId) ?? 0) - (leftOrder.get(y.leftId) ?? 0));
  return pairs;
}

// ---------------------------------------------------------------------------

export function compareCharts(left: OrgIndex, right: OrgIndex, today: Date): Comparison {
  const leftRoot: Unit = left.byId.get(left.rootId) ?? { id: left.rootId, name: left.rootId };
  const rightRoot: Unit = right.byId.get(right.rootId) ?? { id: right.rootId, name: right.rootId };
  const both = (id: string, label: string, cellOf: (unit: Unit) => CompareCell): CompareRow => row(id, label, cellOf(leftRoot), cellOf(rightRoot));

  const groups = buildKindGroups(left, right);
  const rows: CompareRow[] = [
    both('formed', 'Formed', (unit) => formedCell(unit, today)),
    both('parentBody', 'Parent body', (unit) => factCell(unit, 'parentBody')),
    both('typeOrJurisdiction', 'Type / jurisdiction', typeOrJurisdictionCell),
    both('location', 'Headquarters / location', (unit) => factCell(unit, 'location')),
    both('head', 'Head', headCell),
    both('deputies', 'Deputies', deputiesCell),
    ...kindRows(countByKind(left, right), left, right),
    both('functions', 'Functions', functionsCell),
    row('onlyLeft', 'Only on the left', onlyOnOneSide(leftRoot, rightRoot), notStated),
    row('onlyRight', 'Only on the right', notStated, onlyOnOneSide(rightRoot, leftRoot)),
  ];

  const counterparts = findCounterparts(left, right);
  const pairedLeft = new Set(counterparts.map((pair) => pair.leftId));
  const pairedRight = new Set(counterparts.map((pair) => pair.rightId));

  return {
    rows,
    kindGroups: groups,
    counterparts,
    uniqueLeft: left.preorder.filter((id) => !pairedLeft.has(id)),
    uniqueRight: right.preorder.filter((id) => !pairedRight.has(id)),
  };
}

const lookups = new WeakMap<Comparison, { left: Map<string, string[]>; right: Map<string, string[]> }>();

/** For hover/selection: the counterpart ids of a unit on the given side (ids on the other side). */
export function counterpartsOf(comparison: Comparison, side: 'left' | 'right', unitId: string): string[] {
  let lookup = lookups.get(comparison);
  if (!lookup) {
    lookup = { left: new Map(), right: new Map() };
    for (const pair of comparison.counterparts) {
      const fromLeft = lookup.left.get(pair.leftId);
      if (fromLeft) fromLeft.push(pair.rightId);
      else lookup.left.set(pair.leftId, [pair.rightId]);
      const fromRight = lookup.right.get(pair.rightId);
      if (fromRight) fromRight.push(pair.leftId);
      else lookup.right.set(pair.rightId, [pair.leftId]);
    }
    lookups.set(comparison, lookup);
  }
  return [...(lookup[side].get(unitId) ?? [])];
}
