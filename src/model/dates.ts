/** Dates at the precision a source gives them: ISO 8601 "2008", "2008-07" or "2008-07-10" (see model/history.ts). */
const ISO_PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2008" → "2008-01-01", "2008-07" → "2008-07-01"; null for text that is not an ISO date. */
export function firstDay(date: string): string | null {
  const match = ISO_PARTIAL_DATE.exec(date.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01'] = match;
  return `${year}-${month}-${day}`;
}

/** "2008" → "2008-12-31", "2008-02" → "2008-02-29"; null for text that is not an ISO date. */
export function lastDay(date: string): string | null {
  const match = ISO_PARTIAL_DATE.exec(date.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return `${year}-12-31`;
  if (day !== undefined) return `${year}-${month}-${day}`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}
