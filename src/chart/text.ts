/**
 * Line-wrapping for SVG text, which cannot wrap by itself. In a browser the
 * width is measured once per string with a canvas in the chart's own font;
 * elsewhere (tests, jsdom) it is estimated from character classes, leaning
 * wide so text never spills out of its card.
 */

export const CHART_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

let measureContext: CanvasRenderingContext2D | null | undefined;
const measured = new Map<string, number>();
const MAX_CACHED = 50_000;

function canvasContext(): CanvasRenderingContext2D | null {
  if (measureContext !== undefined) return measureContext;
  const isRealBrowser = typeof document !== 'undefined' && typeof navigator !== 'undefined' && !/jsdom/i.test(navigator.userAgent);
  measureContext = isRealBrowser ? document.createElement('canvas').getContext('2d') : null;
  return measureContext;
}

/** Approximate advance of one character in ems for a sans-serif UI font. */
function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80) return 1; // CJK and other full-width characters
  if (ch === ' ') return 0.28;
  if ("il.,:;!|'’`".includes(ch)) return 0.28;
  if ('fjrt()[]-'.includes(ch)) return 0.36;
  if ('mwMW'.includes(ch)) return 0.86;
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  return 0.54;
}

/**
 * Whether a card's second name joins its kind line ("Department · 机关纪委"), on screen and in exports alike:
 * only when no line is left for it under the name (a two-line name, or the root's head line), and only whole.
 */
export function secondNameJoinsKindLine(kind: string, second: string | null, noLineLeft: boolean, maxWidth: number, fontSize: number): boolean {
  return second !== null && noLineLeft && estimateTextWidth(`${kind} · ${second}`, fontSize, 600) <= maxWidth;
}

export function estimateTextWidth(text: string, fontSize: number, weight = 400): number {
  const context = canvasContext();
  if (context) {
    const key = `${weight}|${fontSize}|${text}`;
    const cached = measured.get(key);
    if (cached !== undefined) return cached;
    context.font = `${weight} ${fontSize}px ${CHART_FONT_FAMILY}`;
    const width = context.measureText(text).width;
    if (measured.size > MAX_CACHED) measured.clear();
    measured.set(key, width);
    return width;
  }
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  // Calibrated against DejaVu Sans, the widest common UI font: bold runs about a fifth wider.
  return em * fontSize * (weight >= 600 ? 1.24 : 1.12);
}

/**
 * Splits `text` into at most `maxLines` lines no wider than `maxWidth`. The
 * last line ends in an ellipsis when the text does not fit; callers keep the
 * full text for the accessible name and the tooltip.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, weight = 400): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const pushWord = (word: string) => {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (estimateTextWidth(candidate, fontSize, weight) <= maxWidth) {
      line = candidate;
      return;
    }
    if (line !== '') lines.push(line);
    line = '';
    // A single word longer than the line (CJK text has no spaces) is broken by characters.
    let piece = '';
    for (const ch of word) {
      if (estimateTextWidth(piece + ch, fontSize, weight) > maxWidth && piece !== '') {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    line = piece;
  };
  for (const word of words) pushWord(word);
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.length > 0 && estimateTextWidth(`${last}…`, fontSize, weight) > maxWidth) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/**
 * The separators to put back between wrapped lines: a space where the text
 * had one, nothing where a word (e.g. Chinese, which has no spaces) was broken.
 */
export function lineSeparators(text: string, lines: readonly string[]): string[] {
  const source = text.trim().replace(/\s+/g, ' ');
  let offset = 0;
  return lines.map((line, i) => {
    let separator = '';
    if (i > 0 && source[offset] === ' ') {
      separator = ' ';
      offset += 1;
    }
    offset += line.length;
    return separator;
  });
}
