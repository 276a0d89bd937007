/**
 * The org-chart file format: one schema, from which both the TypeScript types
 * and the published JSON Schema (public/schema/org-chart.schema.json) are made.
 *
 * Units are stored as a flat list linked by `parentId` rather than as nested
 * objects: a flat list validates without recursion (a 10,000-deep chain must
 * load), diffs line by line, and is what spreadsheets and HR systems export.
 */
import * as z from 'zod';

import { WELL_KNOWN_FACT_KEYS } from './facts.ts';

// Zod compiles fast object parsers with `new Function`, probing first whether eval is allowed. The built app's
// Content-Security-Policy forbids eval, so the probe is refused and the browser reports a CSP violation on every
// load, though parsing still works. Jitless skips probe and compiler; it must be set before any object schema below.
z.config({ jitless: true });

export const FORMAT_NAME = 'org-chart';
export const FORMAT_VERSION = 1;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const citationSchema = z
  .object({
    source: nonEmpty.meta({ description: 'The `id` of an entry in the file’s `sources` list.' }),
    section: z.string().optional().meta({ description: 'Where in that source, e.g. "Infobox" or "Functions".' }),
  })
  .meta({ description: 'Where a statement comes from.' });

const cited = { cite: citationSchema.optional() };

export const nativeNameSchema = z
  .object({
    text: nonEmpty,
    lang: z.string().optional().meta({ description: 'BCP 47 language tag, e.g. "zh-Hans". Used for search and for screen readers.' }),
    ...cited,
  })
  .meta({ description: 'The unit’s or person’s name in its own language.' });

export const leaderSchema = z.object({
  title: nonEmpty.meta({ description: 'The post, as the source words it, e.g. "Secretary-General".' }),
  name: nonEmpty,
  nativeName: nativeNameSchema.optional(),
  ...cited,
});

export const factSchema = z.object({
  key: z
    .string()
    .optional()
    .meta({
      description: `A stable key for comparing charts. Known keys: ${WELL_KNOWN_FACT_KEYS.join(', ')}. Dates under "formed" are ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY).`,
    }),
  label: nonEmpty.meta({ description: 'What the fact is, as shown to people, e.g. "Formed".' }),
  value: z.string().meta({ description: 'The fact itself, as plain text.' }),
  ...cited,
});

export const textItemSchema = z.object({ text: nonEmpty, ...cited });

export const relatedSchema = z.object({
  name: nonEmpty,
  nativeName: nativeNameSchema.optional(),
  group: z.string().optional().meta({ description: 'A heading to group related bodies under.' }),
  ...cited,
});

export const unitSchema = z
  .object({
    id: nonEmpty.meta({ description: 'Unique within the file. Appears in shareable links.' }),
    parentId: z
      .union([z.string(), z.null()])
      .optional()
      .meta({ description: 'The `id` of the unit above this one. Exactly one unit, the root, has none (null or absent).' }),
    name: nonEmpty,
    nativeName: nativeNameSchema.optional(),
    kind: z.string().optional().meta({
      description:
        'What sort of unit this is, e.g. "office", "department", "institution", "person". A unit of kind "group" is a heading that gathers its children (e.g. "Departments"), not a body of its own.',
    }),
    summary: textItemSchema.optional(),
    functions: z.array(textItemSchema).optional(),
    leaders: z.array(leaderSchema).optional(),
    facts: z.array(factSchema).optional(),
    ...cited,
    notes: z.array(textItemSchema).optional().meta({ description: 'Editorial notes, e.g. where a source looks outdated. Shown as notes, never as facts.' }),
    related: z.array(relatedSchema).optional().meta({ description: 'Bodies the source mentions as related but that are not part of this chart.' }),
  })
  .meta({ description: 'One unit of the organization: an office, a department, a person, or a group heading.' });

export const sourceSchema = z.object({
  id: nonEmpty,
  title: nonEmpty,
  kind: z.string().optional().meta({ description: 'e.g. "article" or "web page".' }),
  // Only web addresses: a chart file must not smuggle javascript: or data: links into the details panel.
  url: z.url({ protocol: /^https?$/, error: 'expected a web address starting with http:// or https://' }).optional(),
  note: z.string().optional(),
});

export const orgChartSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(FORMAT_NAME),
    version: z.literal(FORMAT_VERSION),
    id: nonEmpty.meta({ description: 'Unique among the charts a user has loaded. Appears in shareable links.' }),
    title: nonEmpty,
    shortTitle: z.string().optional().meta({ description: 'A short name for headers and switches.' }),
    description: z.string().optional(),
    language: z.string().optional().meta({
      description:
        'BCP 47 tag of the language the names and texts are written in, e.g. "en". Lets screen readers read them right whatever the interface language.',
    }),
    sources: z.array(sourceSchema).default([]),
    units: z.array(unitSchema).min(1, 'a chart needs at least one unit'),
  })
  .meta({
    title: 'Org chart',
    description: 'An organization chart: its units as a flat list linked by parentId, and the sources its facts come from.',
  });

export type Citation = z.infer<typeof citationSchema>;
export type NativeName = z.infer<typeof nativeNameSchema>;
export type Leader = z.infer<typeof leaderSchema>;
export type Fact = z.infer<typeof factSchema>;
export type TextItem = z.infer<typeof textItemSchema>;
export type RelatedBody = z.infer<typeof relatedSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type OrgChart = z.infer<typeof orgChartSchema>;

export const manifestSchema = z.object({
  charts: z
    .array(
      z.object({
        id: nonEmpty,
        title: nonEmpty,
        shortTitle: z.string().optional(),
        /** The short title in the chart's native language, e.g. 国务院办公厅: shown in a Chinese interface or with Chinese names. */
        nativeShortTitle: z.string().optional(),
        file: nonEmpty,
      }),
    )
    .min(1),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['charts'][number];

/** JSON Schema for people writing their own chart files. */
export function orgChartJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(orgChartSchema, { io: 'input' }),
    $id: 'org-chart.schema.json',
  };
}

/** "units[3].leaders[0].name" from zod's ["units", 3, "leaders", 0, "name"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}
