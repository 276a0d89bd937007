/**
 * The chart's colours for what CSS cannot paint: the canvas layers (which
 * cannot read CSS variables resolved by theme) and the exported SVG/PNG
 * (always light). They match the light-dark() pairs in styles.css.
 */
import { ownEntry } from '../model/present.ts';

export interface Palette {
  readonly kinds: Readonly<Record<string, string>>;
  readonly other: string;
  readonly link: string;
  readonly view: string;
  readonly viewFill: string;
  /** Marks drawn over the kinds' colours (the changes view's kinds of change), and the grey of an unmarked unit among them. */
  readonly tones: Readonly<Record<string, string>>;
  readonly unmarked: string;
}
export const LIGHT: Palette = {
  kinds: { office: '#a1121b', group: '#4a5360', department: '#1d4ed8', institution: '#0f6e5a', person: '#6d28d9' },
  other: '#4a5360',
  link: '#9aa3af',
  view: '#1d4ed8',
  viewFill: 'rgb(29 78 216 / 12%)',
  tones: { added: '#0f6e2e', removed: '#9ca3af', moved: '#1d4ed8', renamed: '#7c2d92', changed: '#92400e' },
  unmarked: '#d1d5db',
};
const DARK: Palette = {
  kinds: { office: '#f87171', group: '#9ca3af', department: '#7aa2ff', institution: '#34d399', person: '#c4b5fd' },
  other: '#9ca3af',
  link: '#5b6472',
  view: '#9bb8ff',
  viewFill: 'rgb(155 184 255 / 16%)',
  tones: { added: '#4ade80', removed: '#6b7280', moved: '#8fb0ff', renamed: '#e0a3f5', changed: '#fbbf24' },
  unmarked: '#3a414c',
};
export const paletteFor = (dark: boolean) => (dark ? DARK : LIGHT);

/** A unit kind's colour. Kinds come from files: "constructor" must not find Object's own members. */
export function kindColour(palette: Palette, kind: string | undefined): string {
  return (kind === undefined ? undefined : ownEntry(palette.kinds, kind)) ?? palette.other;
}
