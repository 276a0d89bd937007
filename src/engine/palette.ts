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
}
export const LIGHT: Palette = {
  kinds: { office: '#a1121b', group: '#4a5360', department: '#1d4ed8', institution: '#0f6e5a', person: '#6d28d9' },
  other: '#4a5360',
  link: '#9aa3af',
  view: '#1d4ed8',
  viewFill: 'rgb(29 78 216 / 12%)',
};
const DARK: Palette = {
  kinds: { office: '#f87171', group: '#9ca3af', department: '#7aa2ff', institution: '#34d399', person: '#c4b5fd' },
  other: '#9ca3af',
  link: '#5b6472',
  view: '#9bb8ff',
  viewFill: 'rgb(155 184 255 / 16%)',
};
export const paletteFor = (dark: boolean) => (dark ? DARK : LIGHT);

/** A unit kind's colour. Kinds come from files: "constructor" must not find Object's own members. */
export function kindColour(palette: Palette, kind: string | undefined): string {
  return (kind === undefined ? undefined : ownEntry(palette.kinds, kind)) ?? palette.other;
}
