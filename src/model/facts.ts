/**
 * The facts the app knows by meaning, in one table: each well-known key, and
 * the labels that mean the same on a fact without a key (a spreadsheet's
 * "Established" column is the "formed" fact). The schema documents the keys,
 * the compare view gives some of them rows, the details panel asks every unit
 * about some, and the interface names them in its language (knownFactLabels).
 */
import { comparableText } from './normalise.ts';
import type { Fact, Unit } from './schema.ts';

/** Each key's labels as comparableText gives them; the order is the schema's. */
const WELL_KNOWN_FACTS = {
  formed: ['formed', 'established', 'founded'],
  type: ['type', 'agency type'],
  parentBody: ['parent body', 'parent agency', 'parent department'],
  jurisdiction: ['jurisdiction'],
  location: ['location', 'headquarters'],
  history: ['history'],
  officialName: ['official name'],
} as const satisfies Record<string, readonly string[]>;

export type WellKnownFactKey = keyof typeof WELL_KNOWN_FACTS;
export const WELL_KNOWN_FACT_KEYS = Object.keys(WELL_KNOWN_FACTS) as readonly WellKnownFactKey[];

const KEY_OF_LABEL = new Map<string, WellKnownFactKey>(WELL_KNOWN_FACT_KEYS.flatMap((key) => WELL_KNOWN_FACTS[key].map((label) => [label, key] as const)));

/** The key a fact goes by: its own, else the well-known key its label means ("Established" → formed), else none. */
export function factKeyOf(fact: Fact): string | undefined {
  if (fact.key !== undefined && fact.key !== '') return fact.key;
  // Labels repeat (an imported table's columns, on every row): each is normalised once, not on every question asked of it.
  let known = keyOfLabelSeen.get(fact.label);
  if (known === undefined) {
    known = KEY_OF_LABEL.get(comparableText(fact.label)) ?? null;
    if (keyOfLabelSeen.size >= MAX_LABELS_SEEN) keyOfLabelSeen.clear();
    keyOfLabelSeen.set(fact.label, known);
  }
  return known ?? undefined;
}

/** Each label met so far and the well-known key it means (null: none). */
const keyOfLabelSeen = new Map<string, WellKnownFactKey | null>();
const MAX_LABELS_SEEN = 10_000;

/** Whether a fact is the well-known one: by its key, or by its label when it has no key. */
export function factIs(fact: Fact, key: WellKnownFactKey): boolean {
  return factKeyOf(fact) === key;
}

/** A unit's well-known fact, if it states one (a blank value states nothing). */
export function findFact(unit: Unit, key: WellKnownFactKey): Fact | undefined {
  return unit.facts?.find((fact) => factIs(fact, key) && fact.value.trim() !== '');
}
