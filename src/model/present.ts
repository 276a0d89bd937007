/** Small, pure helpers for showing model values to people. */
import type { Leader, Unit } from './schema.ts';
import type { OrgIndex } from './tree.ts';

/** The known kinds' names in English; the interface's messages take these as their English words. */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  office: 'Office',
  group: 'Group',
  department: 'Department',
  institution: 'Affiliated institution',
  person: 'Person',
  unit: 'Unit',
};

/**
 * `record[key]` for the record's own keys only. Keys come from imported files, and "__proto__" or
 * "constructor" must find nothing rather than Object's own members.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A kind's English name; a kind the app does not know is shown as written, capitalised. */
export function kindLabel(kind: string | undefined, labels: Readonly<Record<string, string>> = KIND_LABELS): string {
  if (kind === undefined || kind.trim() === '') return labels.unit ?? 'Unit';
  return ownEntry(labels, kind) ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** The small line on top of a card: a person's position where the chart gives one, else the unit's kind in `labels`. */
export function cardKindText(unit: Unit, labels: Readonly<Record<string, string>> = KIND_LABELS): string {
  return unit.facts?.find((fact) => fact.key === 'position')?.value ?? kindLabel(unit.kind, labels);
}

/** Leaders grouped under their titles in source order: "Deputy Secretaries-General: A, B, C". */
export function leadersByTitle(leaders: readonly Leader[]): { title: string; leaders: Leader[] }[] {
  const groups: { title: string; leaders: Leader[] }[] = [];
  for (const leader of leaders) {
    const last = groups[groups.length - 1];
    if (last && last.title === leader.title) last.leaders.push(leader);
    else groups.push({ title: leader.title, leaders: [leader] });
  }
  return groups;
}

/** The unit's head as a short line for its card, e.g. "Secretary-General: Liu Qi", with the name as the user chose to see names ("Liu Qi 刘奇"). */
/** A head as one line: "Secretary-General of the State Council: Wu Zhenglong 吴政隆". */
export function headText(head: { readonly title: string; readonly person: string }): string {
  return `${head.title}: ${head.person}`;
}

/** The head's title and name apart, so a card can keep the name whole on a line of its own. */
export function headOf(unit: Unit, mode: NameMode = 'en'): { readonly title: string; readonly person: string } | null {
  const head = unit.leaders?.[0];
  if (!head) return null;
  const { primary, secondary } = shownNames(head, mode, null);
  return { title: head.title, person: `${primary.text}${secondary ? ` ${secondary.text}` : ''}` };
}

/** What a unit's card says, for its accessible name (see unitAccessibleName). */
export interface UnitNameParts {
  /** The name shown first, by the user's choice of names. */
  readonly name: string;
  /** The kind, or the person's position: the card's small top line. */
  readonly kind: string;
  /** The other name shown beside it (e.g. the Chinese one), if any. */
  readonly secondName: string | null;
  /** What a mark on the card says about the name shown ("EN (No Chinese name on record)"), if any. */
  readonly nameNote?: string | null;
  /** The head's line ("Secretary-General: Liu Qi"), on the cards that show one. */
  readonly headLine: string | null;
  /** A short badge on the card, e.g. "Unique". */
  readonly badge: string | null;
  /** "12 units below", for a unit with units under it. */
  readonly unitsBelow: string | null;
}

/**
 * A unit's accessible name: its name first, so a screen reader, voice control
 * or a script finds the unit by its name (and the visible name is in it, WCAG
 * 2.5.3), then its kind, its other name, its head and badge, and the count
 * below, each once and in full: "Letters and Calls Bureau, Department, 12
 * units below". Level, position and folding are the tree item's ARIA states,
 * not words here.
 */
export function unitAccessibleName(parts: UnitNameParts): string {
  const said: string[] = [];
  for (const part of [parts.name, parts.kind, parts.nameNote, parts.secondName, parts.headLine, parts.badge, parts.unitsBelow]) {
    const text = part?.trim() ?? '';
    if (text !== '' && !said.includes(text)) said.push(text);
  }
  return said.join(', ');
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value.trim());
}

/** "1954-09-27" → "27 September 1954" (or "1954年9月27日"); anything not an ISO date is returned as written. */
export function formatDate(value: string, language: 'en' | 'zh' = 'en'): string {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  if (language === 'zh') return `${year}年${month ? `${Number(month)}月` : ''}${month && day ? `${Number(day)}日` : ''}`;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? value;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A day or a moment as a table exports it: "2003-07-16", "2003-07-16T19:00:00.000Z", "2003-07-16T19:00+08:00". */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An exported day or moment in the interface language: "16 July 2003" (or
 * "2003年7月16日"), with the time in UTC when it is not midnight there,
 * "16 July 2003 at 19:00 UTC"; null for anything else, shown as written.
 */
export function formatTimestamp(value: string, language: 'en' | 'zh' = 'en'): string | null {
  const text = value.trim();
  const date = new Date(text);
  const [year = 0, month = 0, day = 0] = text.slice(0, 10).split('-').map(Number);
  // No 30 February: the browser would roll it on to March.
  if (!ISO_TIMESTAMP.test(text) || Number.isNaN(date.getTime()) || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const timed = date.getTime() % 86_400_000 !== 0;
  const shown = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'long',
    ...(timed ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(date);
  return timed ? `${shown} UTC` : shown;
}

/**
 * A column name as people write labels: "department_name" → "Department name",
 * "imageUrl" → "Image URL", "job_id" → "Job ID". A label that is already words
 * ("Parent body", "Type", "ID") is left as it is.
 */
export function humanLabel(label: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)*$/.test(label) || !/_|[a-z][A-Z]|^[a-z]/.test(label)) return label;
  const words = label
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s]+/)
    .map((word) => (/^(id|url)$/i.test(word) ? word.toUpperCase() : word.toLowerCase()))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A web address cut to its host, "bumbeishvili.github.io/…", for a link whose title holds the whole of it. */
export function shortUrl(href: string): string {
  const url = new URL(href);
  const host = url.host.replace(/^www\./, '');
  return `${url.pathname}${url.search}${url.hash}`.length > 1 ? `${host}/…` : host;
}

/** Whole years between an ISO date and `today`; null when the value is not a date. */
export function yearsSince(value: string, today: Date): number | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  let years = today.getUTCFullYear() - year;
  if (today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day)) years -= 1;
  return years;
}

/** "Davolio Nancy" → "DN"; one letter for one word; nothing for names without letters. */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => [...(word ?? '')].find((ch) => /\p{L}/u.test(ch)) ?? '')
    .join('')
    .toUpperCase();
}

/** Which names to show: the chart's own, the native (e.g. Chinese) one where known, or both. */
export type NameMode = 'en' | 'native' | 'both';

export interface ShownText {
  readonly text: string;
  /** BCP 47 tag for screen readers; null to inherit the page's. */
  readonly lang: string | null;
}

/**
 * The name to show first and the one to show beside it, by the user's choice:
 * the chart's own name, the native (e.g. Chinese) name where one is known, or both.
 */
export function shownNames(
  named: { readonly name: string; readonly nativeName?: { readonly text: string; readonly lang?: string | undefined } | undefined },
  mode: NameMode,
  chartLanguage: string | null,
): { primary: ShownText; secondary: ShownText | null } {
  const own: ShownText = { text: named.name, lang: chartLanguage };
  const native: ShownText | null = named.nativeName ? { text: named.nativeName.text, lang: named.nativeName.lang ?? null } : null;
  if (mode === 'native' && native) return { primary: native, secondary: null };
  if (mode === 'both' && native) return { primary: own, secondary: native };
  return { primary: own, secondary: null };
}

/**
 * What a card or the details panel says about the native name, when the reader asked for native names: that there
 * is none on record (the chart's own name stands in), or that the one shown is the chart's translation, not a
 * cited name. Nothing when the reader asked for the chart's own names.
 */
export function nativeNameNote(
  named: { readonly nativeName?: { readonly translation?: string | undefined } | undefined },
  mode: NameMode,
): 'missing' | 'translation' | null {
  if (mode === 'en') return null;
  if (!named.nativeName) return 'missing';
  return named.nativeName.translation === 'editorial' ? 'translation' : null;
}

/** The names of the unit with this id in `index`, as `shownNames` gives them; the id itself for an unknown unit. */
export function unitNames(index: OrgIndex, id: string, mode: NameMode): { primary: ShownText; secondary: ShownText | null } {
  const unit = index.byId.get(id);
  return unit ? shownNames(unit, mode, index.chart.language ?? null) : { primary: { text: id, lang: null }, secondary: null };
}

/**
 * The names type-ahead matches: those shown under `mode`, then the chart's own
 * name, since letters typed on a keyboard (no input method) can only spell the
 * English name of a unit shown in Chinese.
 */
export function shownNameTexts(named: Parameters<typeof shownNames>[0], mode: NameMode, chartLanguage: string | null): string[] {
  const { primary, secondary } = shownNames(named, mode, chartLanguage);
  return [...new Set([primary.text, ...(secondary ? [secondary.text] : []), named.name])];
}
