/** Small, pure helpers for showing model values to people. */
import type { Leader, Unit } from './schema.ts';

const KIND_LABELS: Record<string, string> = {
  office: 'Office',
  group: 'Group',
  department: 'Department',
  institution: 'Affiliated institution',
  person: 'Person',
};

export function kindLabel(kind: string | undefined): string {
  if (kind === undefined || kind.trim() === '') return 'Unit';
  return KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
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

/** The unit's head as a short line for its card, e.g. "Secretary-General Liu Qi". */
export function headLine(unit: Unit): string | null {
  const head = unit.leaders?.[0];
  return head ? `${head.title}: ${head.name}` : null;
}

export function unitsWord(count: number): string {
  return `${count} unit${count === 1 ? '' : 's'}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1954-09-27" → "27 September 1954"; anything not an ISO date is returned as written. */
export function formatDate(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? value;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** Whole years between an ISO date and `today`; null when the value is not a date. */
export function yearsSince(value: string, today: Date): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
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
  const words = name.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...(word ?? '')].find((ch) => /\p{L}/u.test(ch)) ?? '').join('').toUpperCase();
}
