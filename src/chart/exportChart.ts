/**
 * Exports that don't break: the SVG is written from the layout, not copied
 * from the screen, so the whole chart is in it however far it is zoomed or
 * scrolled; styles are inlined; every piece of text is escaped (a name like
 * `<img onerror=…>` stays text); and no foreignObject is used, so the PNG made
 * from it never taints the canvas.
 */
import { cardKindText, headLine, type NameMode, shownNames } from '../model/present.ts';
import type { OrgIndex } from '../model/tree.ts';
import { type Bounds, type ChartLayout, linkPathData } from './layout.ts';
import { kindColour, LIGHT } from './palette.ts';
import { CHART_FONT_FAMILY, secondNameJoinsKindLine, wrapText } from './text.ts';

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
    const nameLines = wrapText(names.primary.text, position.width - 28, 14, 2, 600);
    const extra = isRoot ? headLine(unit, nameMode) : nameLines.length === 1 ? (names.secondary?.text ?? null) : null;
    const kindText = wrapText(cardKindText(unit, options.kindLabels), position.width - 28, 12, 1, 600)[0] ?? '';
    // As on the card: with no line left under a two-line name (or the root's head line), the second name joins the kind line when it fits whole.
    const second = names.secondary;
    const secondInKindLine =
      second !== null && secondNameJoinsKindLine(kindText, second.text, isRoot || nameLines.length > 1, position.width - 32, 12) ? second : null;
    const hidden = collapsed.has(position.id) ? (index.descendantCount.get(position.id) ?? 0) : 0;
    parts.push(
      `<g>`,
      `<rect x="${left}" y="${top}" width="${position.width}" height="${position.height}" rx="10" fill="${unit.kind === 'group' ? '#eceef2' : '#ffffff'}" stroke="#c3c8d0"/>`,
      `<rect x="${left}" y="${top}" width="6" height="${position.height}" rx="3" fill="${colour}"/>`,
      `<text x="${left + 16}" y="${top + 20}" font-size="12" font-weight="600" fill="${colour}">${escapeXml(kindText)}${
        secondInKindLine ? ` · <tspan${langOf(secondInKindLine.lang)}>${escapeXml(secondInKindLine.text)}</tspan>` : ''
      }</text>`,
      `<text font-size="14" font-weight="600" fill="#1b1f24"${langOf(names.primary.lang)}>${nameLines
        .map((line, i) => `<tspan x="${left + 16}" y="${top + 40 + i * 18}">${escapeXml(line)}</tspan>`)
        .join('')}</text>`,
    );
    if (extra) {
      const y = top + 40 + nameLines.length * 18 + 2;
      const lang = isRoot ? '' : langOf(names.secondary?.lang);
      if (y + 2 <= top + position.height - 4)
        parts.push(
          `<text x="${left + 16}" y="${y}" font-size="12" fill="#4a5360"${lang}>${escapeXml(wrapText(extra, position.width - 28, 12, 1)[0] ?? '')}</text>`,
        );
    }
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

/** Renders the SVG into a PNG through a canvas. Works for any size the browser can hold. */
export async function svgToPng(svg: string): Promise<Blob> {
  const sizeMatch = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(sizeMatch?.[1] ?? 800);
  const height = Number(sizeMatch?.[2] ?? 600);
  const size = pngSize(width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart image could not be drawn'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw images');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(image, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image is too large for this browser'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportFileName(index: OrgIndex, extension: string, suffix = ''): string {
  const base = index.chart.id.replace(/[^\w.-]+/g, '-') || 'chart';
  return `${base}${suffix}.${extension}`;
}
