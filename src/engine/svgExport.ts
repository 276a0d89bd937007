/**
 * Exports that don't break: the SVG is written from the layout, not copied
 * from the screen, so the whole chart is in it however far it is zoomed or
 * scrolled; styles are inlined; every piece of text is escaped (a name like
 * `<img onerror=…>` stays text); and no foreignObject is used, so the PNG made
 * from it never taints the canvas.
 */
import { cardKindText, headOf, type NameMode, shownNames } from '../model/present.ts';
import type { OrgIndex } from '../model/tree.ts';
import { CARD_SMALL_SIZE, CARD_TEXT_LEFT, cardLayout, CHART_FONT_FAMILY } from './cardLayout.ts';
import { type Bounds, type ChartLayout, linkPathData } from './layout.ts';
import { kindColour, LIGHT } from './palette.ts';

const MARGIN = 24;
/** Chromium refuses canvases over 16,384 px a side or about 268 M pixels; stay well inside both. */
const MAX_CANVAS_SIDE = 16_000;
const MAX_CANVAS_PIXELS = 120_000_000;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);
}

export interface ExportOptions {
  /** Only what is inside these bounds (chart coordinates), e.g. the current view. Default: the whole chart. */
  readonly clip?: Bounds;
  /** The names as the user shows them on screen (English, Chinese or both). Default: both. */
  readonly names?: NameMode;
  /** Kind labels in the interface's language, as the cards on screen show them. Default: English. */
  readonly kindLabels?: Readonly<Record<string, string>>;
}

/** A standalone SVG document of the chart as laid out (folded units stay folded). */
export function chartToSvg(index: OrgIndex, layout: ChartLayout, collapsed: ReadonlySet<string>, options: ExportOptions = {}): string {
  const box = options.clip ?? layout.bounds;
  const minX = box.minX - MARGIN;
  const minY = box.minY - MARGIN;
  const width = Math.ceil(box.maxX - box.minX + MARGIN * 2);
  const height = Math.ceil(box.maxY - box.minY + MARGIN * 2);
  const inside = (x: number, y: number, w: number, h: number) =>
    !options.clip || (x + w / 2 >= box.minX && x - w / 2 <= box.maxX && y + h / 2 >= box.minY && y - h / 2 <= box.maxY);

  const nameMode = options.names ?? 'both';
  const langOf = (lang: string | null | undefined) => (lang ? ` xml:lang="${escapeXml(lang)}"` : '');
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="${escapeXml(CHART_FONT_FAMILY)}">`,
    `<title>${escapeXml(index.chart.title)}</title>`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g fill="none" stroke="${LIGHT.link}" stroke-width="1.5">`,
  );
  for (const link of layout.links) {
    const child = layout.positionOf.get(link.id);
    if (child && !inside(child.x, child.y, child.width, child.height + 140)) continue;
    parts.push(`<path d="${linkPathData(link.points)}"/>`);
  }
  parts.push('</g>');

  for (const position of layout.nodes) {
    if (!inside(position.x, position.y, position.width, position.height)) continue;
    const unit = index.byId.get(position.id);
    if (!unit) continue;
    const left = position.x - position.width / 2;
    const top = position.y - position.height / 2;
    const colour = kindColour(LIGHT, unit.kind);
    const isRoot = position.id === index.rootId;
    const names = shownNames(unit, nameMode, index.chart.language ?? null);
    // Laid out as the card on screen is (no initials disc here, so the name has its room too).
    const second = names.secondary;
    const text = cardLayout({
      width: position.width,
      height: position.height,
      name: names.primary.text,
      isPerson: unit.kind === 'person',
      kindLabel: cardKindText(unit, options.kindLabels),
      secondName: second?.text ?? null,
      head: isRoot ? headOf(unit, nameMode) : null,
    });
    const textX = left + CARD_TEXT_LEFT;
    const hidden = collapsed.has(position.id) ? (index.descendantCount.get(position.id) ?? 0) : 0;
    parts.push(
      `<g>`,
      `<rect x="${left}" y="${top}" width="${position.width}" height="${position.height}" rx="10" fill="${unit.kind === 'group' ? '#eceef2' : '#ffffff'}" stroke="#c3c8d0"/>`,
      `<rect x="${left}" y="${top}" width="6" height="${position.height}" rx="3" fill="${colour}"/>`,
      `<text x="${textX}" y="${top + text.kind.y}" font-size="${CARD_SMALL_SIZE}" font-weight="600" fill="${colour}">${escapeXml(text.kind.label)}${
        text.kind.withSecond && second ? ` · <tspan${langOf(second.lang)}>${escapeXml(second.text)}</tspan>` : ''
      }</text>`,
      `<text font-size="${text.name.size}" font-weight="600" fill="#1b1f24"${langOf(names.primary.lang)}>${text.name.lines
        .map((line, i) => `<tspan x="${textX}" y="${top + (text.name.ys[i] ?? 0)}">${escapeXml(line)}</tspan>`)
        .join('')}</text>`,
    );
    // One text element a line: the lines under the name are not part of it.
    text.extra?.lines.forEach((line, i) => {
      const lang = text.extra?.isSecondName ? langOf(second?.lang) : '';
      parts.push(`<text x="${textX}" y="${top + (text.extra?.ys[i] ?? 0)}" font-size="${CARD_SMALL_SIZE}" fill="#4a5360"${lang}>${escapeXml(line)}</text>`);
    });
    if (hidden > 0) {
      parts.push(
        `<rect x="${position.x - 22}" y="${top + position.height - 12}" width="44" height="24" rx="12" fill="#ffffff" stroke="#6b7280"/>`,
        `<text x="${position.x}" y="${top + position.height + 4.5}" font-size="12" font-weight="600" text-anchor="middle" fill="#1b1f24">+${hidden}</text>`,
      );
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** The pixel size of a PNG of an SVG this big, scaled down only as far as browsers require. */
export function pngSize(width: number, height: number, preferredScale = 2): { width: number; height: number; scale: number } {
  let scale = preferredScale;
  scale = Math.min(scale, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)), scale };
}

export function exportFileName(index: OrgIndex, extension: string, suffix = ''): string {
  const base = index.chart.id.replace(/[^\w.-]+/g, '-') || 'chart';
  return `${base}${suffix}.${extension}`;
}
