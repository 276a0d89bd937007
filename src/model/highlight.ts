/**
 * Ranges of a text to light up (a search's matches), joined and cut into
 * pieces to render: shared by the search results and the details panel, which
 * marks the same matches on the unit's own texts.
 */

/** A [start, end) range of UTF-16 code units. */
export type TextRange = readonly [number, number];

export interface HighlightSegment {
  readonly text: string;
  readonly match: boolean;
}

/**
 * Sorted, clamped, non-overlapping ranges, touching ones joined. With
 * `acrossSpaces`, ranges with only whitespace between them are joined too, so
 * "Liu Qi" lights up as one piece.
 */
export function mergeRanges(text: string, ranges: readonly TextRange[], acrossSpaces: boolean): [number, number][] {
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
