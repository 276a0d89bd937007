/**
 * How the model folds text before comparing it, in one place. Two strengths:
 * `comparableText` answers "is this the same text?" (the compare view's cells
 * and fact labels, the importer's column names, a chart title already taken)
 * and keeps accents, since "Hà Nội" and "Ha Noi" are different spellings;
 * `withoutAccents` is where accents stop counting: search's folding and an
 * imported chart's id start from it.
 */

const CURLY_APOSTROPHES = /[’‘]/g;
const WHITE_SPACE_RUNS = /\s+/g;
const MARKS = /\p{M}+/gu;

/** Case-insensitive, white space collapsed and trimmed, curly apostrophes straightened: "People’s  Bank " → "people's bank". */
export function comparableText(text: string): string {
  return text.replace(CURLY_APOSTROPHES, "'").replace(WHITE_SPACE_RUNS, ' ').trim().toLowerCase();
}

/** Letters without their accents, compatibility forms opened (ligatures, full-width letters): "Café ﬁle" → "Cafe file". Case is kept. */
export function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '');
}
