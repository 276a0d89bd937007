/**
 * Line-wrapping for SVG text, which cannot wrap by itself. In a browser the
 * width is measured once per string with a canvas in the chart's own font;
 * elsewhere (tests, jsdom) it is estimated from character classes, leaning
 * wide so text never spills out of its card.
 */
import { headText } from '../model/present.ts';

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

/** Whether a card's second name fits whole on its kind line ("Department · 机关纪委"), on screen and in exports alike. */
function secondNameJoinsKindLine(kind: string, second: string | null, maxWidth: number, fontSize: number): boolean {
  return second !== null && estimateTextWidth(`${kind} · ${second}`, fontSize, 600) <= maxWidth;
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
  // Most names fit on one line: one measurement instead of one per word (the greedy loop below would end the same way).
  const whole = words.join(' ');
  if (whole === '') return [];
  if (estimateTextWidth(whole, fontSize, weight) <= maxWidth) return [whole];
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

/** A card's text sizes and where its lines sit, shared by the card on screen and the export so both read the same. */
export const CARD_NAME_SIZE = 14;
export const CARD_SMALL_SIZE = 12;
/** From a card's left edge to its text (the coloured accent and padding). */
export const CARD_TEXT_LEFT = 16;
const CARD_TEXT_RIGHT = 12;
const KIND_BASELINE = 20;
const NAME_BASELINE = 40;
const SMALL_LINE_HEIGHT = 16;

export interface CardTextSpec {
  readonly width: number;
  readonly height: number;
  readonly name: string;
  /** The name is a person's: it takes a third, smaller line before it is cut. */
  readonly isPerson: boolean;
  readonly kindLabel: string;
  /** The other name (e.g. the Chinese one), shown under the name or on the kind line when there is room. */
  readonly secondName: string | null;
  /** The top unit's head: their title and name, the name never cut. */
  readonly head: { readonly title: string; readonly person: string } | null;
  /** Room kept at the right of the name lines (an initials disc) and of the kind line (a badge). */
  readonly nameInset?: number;
  readonly kindInset?: number;
}

export interface CardTextBlock {
  readonly lines: readonly string[];
  /** Baselines from the card's top edge. */
  readonly ys: readonly number[];
  readonly size: number;
  /** What goes before each line when read: a space where the text had one, nothing where a word was broken. */
  readonly separators: readonly string[];
  /** The words as read: the lines joined with their separators. */
  readonly shown: string;
}

export interface CardText {
  /** The kind line, cut to fit; `withSecond` when the second name joins it (whole) after " · ". */
  readonly kind: { readonly label: string; readonly withSecond: boolean; readonly y: number };
  readonly name: CardTextBlock;
  /** The line(s) under the name: the top unit's head, or the second name; null when there is none or no room. */
  readonly extra: (CardTextBlock & { readonly isSecondName: boolean }) | null;
}

function isCut(text: string, lines: readonly string[]): boolean {
  return lines.length > 0 && (lines[lines.length - 1] ?? '').endsWith('…') && !text.trimEnd().endsWith('…');
}

function joinLines(lines: readonly string[], separators: readonly string[]): string {
  return lines.map((line, i) => `${separators[i] ?? ''}${line}`).join('');
}

/**
 * How a card's text is laid out in its box. A name shrinks its type (14 → 12 px) before it is cut, and a person's
 * takes a third line; the top unit's head gets a line of their own under their title, so their name is never cut
 * ("Secretary-General of the State Council:" / "Wu Zhenglong 吴政隆"); what is cut stays in the card's accessible name.
 */
export function cardLayout(spec: CardTextSpec): CardText {
  const textWidth = spec.width - CARD_TEXT_LEFT - CARD_TEXT_RIGHT;
  const nameWidth = textWidth - (spec.nameInset ?? 0);
  // The lowest baseline that leaves the descenders inside the card, clear of the fold button at its bottom edge.
  const lastBaseline = spec.height - 6;

  let nameSize = CARD_NAME_SIZE;
  let nameStep = 18;
  let nameLines = wrapText(spec.name, nameWidth, CARD_NAME_SIZE, 2, 600);
  if (isCut(spec.name, nameLines)) {
    nameSize = CARD_SMALL_SIZE;
    nameStep = SMALL_LINE_HEIGHT;
    nameLines = wrapText(spec.name, nameWidth, CARD_SMALL_SIZE, 2, 600);
    if (isCut(spec.name, nameLines) && spec.isPerson && NAME_BASELINE + 2 * 15 <= lastBaseline) {
      nameStep = 15;
      nameLines = wrapText(spec.name, nameWidth, CARD_SMALL_SIZE, 3, 600);
    }
  }
  const nameYs = nameLines.map((_, i) => NAME_BASELINE + i * nameStep);
  const nameSeparators = lineSeparators(spec.name, nameLines);
  const name = { lines: nameLines, ys: nameYs, size: nameSize, separators: nameSeparators, shown: joinLines(nameLines, nameSeparators) };

  const nextBaseline = (nameYs[nameYs.length - 1] ?? NAME_BASELINE) + nameStep + 2;
  const linesLeft = nextBaseline > lastBaseline ? 0 : 1 + Math.floor((lastBaseline - nextBaseline) / SMALL_LINE_HEIGHT);
  const block = (lines: string[], separators: string[], isSecondName: boolean) => ({
    lines,
    ys: lines.map((_, i) => nextBaseline + i * SMALL_LINE_HEIGHT),
    size: CARD_SMALL_SIZE,
    separators,
    shown: joinLines(lines, separators),
    isSecondName,
  });
  const fits = (text: string) => estimateTextWidth(text, CARD_SMALL_SIZE) <= textWidth;

  let extra: CardText['extra'] = null;
  if (spec.head !== null && linesLeft > 0) {
    const whole = headText(spec.head);
    const person = wrapText(spec.head.person, textWidth, CARD_SMALL_SIZE, Math.max(1, linesLeft - 1));
    const personSeparators = lineSeparators(spec.head.person, person);
    if (fits(whole)) extra = block([whole], [''], false);
    else if (linesLeft > person.length) {
      const title = wrapText(`${spec.head.title}:`, textWidth, CARD_SMALL_SIZE, 1)[0] ?? '';
      extra = block([title, ...person], ['', ' ', ...personSeparators.slice(1)], false);
    } else extra = block(person, personSeparators, false);
  } else if (spec.head === null && spec.secondName !== null && nameLines.length === 1 && linesLeft > 0) {
    const line = wrapText(spec.secondName, textWidth, CARD_SMALL_SIZE, 1)[0] ?? '';
    extra = block([line], [''], true);
  }

  const kindWidth = textWidth - (spec.kindInset ?? 0);
  const kindLabel = wrapText(spec.kindLabel, kindWidth, CARD_SMALL_SIZE, 1, 600)[0] ?? '';
  // With no line left for it under the name, the second name joins the kind line when it fits there whole.
  const secondShownBelow = extra?.isSecondName === true;
  const withSecond = !secondShownBelow && secondNameJoinsKindLine(spec.kindLabel, spec.secondName, kindWidth, CARD_SMALL_SIZE);
  return { kind: { label: withSecond ? spec.kindLabel : kindLabel, withSecond, y: KIND_BASELINE }, name, extra };
}
