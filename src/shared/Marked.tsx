import { highlightSegments, type TextRange } from '../model/highlight.ts';

/** `text` with `ranges` in <mark> (any order, overlapping or out of bounds); plain text when there are none. */
export function Marked({ text, ranges }: { text: string; ranges: readonly TextRange[] | undefined }) {
  if (!ranges || ranges.length === 0) return text;
  return (
    <>{highlightSegments(text, ranges).map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}</>
  );
}
