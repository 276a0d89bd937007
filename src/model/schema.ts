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

/** ISO 8601 calendar dates at the precision a source gives: "2008", "2008-07" or "2008-07-10". */
const ISO_PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_MESSAGE = 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2008", "2008-07" or "2008-07-10")';

function isRealPartialDate(value: string): boolean {
  const match = ISO_PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  // Day 0 of the next month is the last day of this one.
  return d >= 1 && d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

export const isoDateSchema = z
  .string()
  .refine(isRealPartialDate, { error: DATE_MESSAGE })
  .meta({ description: 'A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.' });

export const periodSchema = z
  .object({
    from: isoDateSchema.optional().meta({ description: 'The first day (or month, or year) on record. Absent: open, no start on record.' }),
    until: isoDateSchema.optional().meta({ description: 'When it ended. Absent: open, not ended on record.' }),
    ...cited,
    note: z.string().optional().meta({ description: 'An editorial remark on this period, e.g. what the dates rest on.' }),
  })
  .meta({ description: 'A stretch of time with its citation. Either end may be left open.' });

export const nativeNameSchema = z
  .object({
    text: nonEmpty,
    lang: z.string().optional().meta({ description: 'BCP 47 language tag, e.g. "zh-Hans". Used for search and for screen readers.' }),
    translation: z.enum(['editorial']).optional().meta({
      description:
        '"editorial" when no source gives this name: the chart’s makers translated it (e.g. a group heading), and the app shows it as a translation, not as a cited name.',
    }),
    ...cited,
  })
  .meta({ description: 'The unit’s or person’s name in its own language.' });

export const leaderSchema = z.object({
  title: nonEmpty.meta({ description: 'The post, as the source words it, e.g. "Secretary-General".' }),
  name: nonEmpty,
  nativeName: nativeNameSchema.optional(),
  ...cited,
  term: periodSchema.optional().meta({
    description:
      'When this person held the post, with its own citation. A leader without a term is a leader of today’s structure: shown with no date chosen, not on a past date.',
  }),
});

export const postHolderSchema = z
  .object({
    name: nonEmpty,
    nativeName: nativeNameSchema.optional(),
    from: isoDateSchema.optional().meta({ description: 'The first day (month, year) in office.' }),
    until: isoDateSchema.optional().meta({
      description: 'The last day (month, year) in office; absent while in office. A successor who took office the same day holds the post from then.',
    }),
    ...cited,
    otherDates: z
      .array(periodSchema)
      .optional()
      .meta({ description: 'Dates other sources give for the same term, each cited: a disagreement kept visible, never resolved silently.' }),
    note: z.string().optional(),
  })
  .meta({ description: 'One person’s term in a post.' });

export const postSchema = z
  .object({
    title: nonEmpty.meta({
      description:
        'The post, e.g. "Secretary-General". A leader with the same title is today’s holder; on a past date the holder from this list takes their place.',
    }),
    nativeTitle: nativeNameSchema.optional(),
    holders: z.array(postHolderSchema).meta({ description: 'Everyone who held the post, in any order.' }),
    ...cited,
    note: z.string().optional(),
  })
  .meta({ description: 'A post and every holder on record, with their terms.' });

export const otherNameSchema = z
  .object({
    text: nonEmpty,
    lang: z.string().optional().meta({ description: 'BCP 47 tag; absent: the chart’s language.' }),
    from: isoDateSchema.optional(),
    until: isoDateSchema.optional(),
    ...cited,
    note: z.string().optional(),
  })
  .meta({
    description:
      'Another name the unit goes or went by: a different translation or wording in a source (no dates), or a former name (with `from`/`until`: on a date inside them, it is the unit’s name, or its native name when `lang` differs from the chart’s).',
  });

export const listingSchema = z
  .object({
    snapshot: nonEmpty.meta({ description: 'The `id` of an entry in the chart’s `snapshots`.' }),
    name: z.string().optional().meta({ description: 'The unit’s name as that list words it, where it differs.' }),
    ...cited,
  })
  .meta({ description: 'A dated list of the structure that names this unit.' });

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
    nameTranslation: z.enum(['editorial']).optional().meta({
      description: '"editorial" when no source gives the unit’s name in the chart’s language: the chart’s makers translated its cited native name.',
    }),
    otherNames: z.array(otherNameSchema).optional(),
    periods: z.array(periodSchema).optional().meta({
      description: 'When the unit existed, as sources date it. On a date outside every period the unit is not shown. Absent: no dates on record.',
    }),
    listed: z.array(listingSchema).optional().meta({ description: 'The dated snapshots (chart-level `snapshots`) whose lists name this unit.' }),
    current: z.boolean().optional().meta({
      description:
        'false: the unit is not part of today’s structure (it is known only from dated records), so the chart with no date chosen leaves it out. Absent: today’s unless a period or the latest complete snapshot says it ended.',
    }),
    posts: z.array(postSchema).optional().meta({ description: 'Posts in this unit with every holder on record.' }),
  })
  .meta({ description: 'One unit of the organization: an office, a department, a person, or a group heading.' });

export const sourceSchema = z.object({
  id: nonEmpty,
  title: nonEmpty,
  kind: z.string().optional().meta({ description: 'e.g. "article" or "web page".' }),
  // Only web addresses: a chart file must not smuggle javascript: or data: links into the details panel.
  url: z.url({ protocol: /^https?$/, error: 'expected a web address starting with http:// or https://' }).optional(),
  note: z.string().optional(),
  publisher: z.string().optional().meta({ description: 'Who publishes it or which site hosts it, e.g. "npc.gov.cn".' }),
  date: isoDateSchema.optional().meta({ description: 'When it was published, or the date it describes.' }),
  accessed: isoDateSchema.optional().meta({ description: 'When the chart’s makers read it.' }),
});

export const snapshotSchema = z
  .object({
    id: nonEmpty.meta({ description: 'Unique among the snapshots; units name it in `listed`.' }),
    date: isoDateSchema.meta({ description: 'The date the list describes.' }),
    label: nonEmpty.meta({ description: 'What the list is, as shown on a timeline, e.g. "NPC English site: bureaus".' }),
    covers: z.array(z.string()).optional().meta({
      description: 'The ids of the units whose subunits the list gives. Absent: the whole chart.',
    }),
    complete: z.boolean().optional().meta({
      description:
        'true: the list is the whole structure under `covers` on its date, so a unit with dated records that it leaves out is not shown then. Otherwise it only adds evidence.',
    }),
    ...cited,
    note: z.string().optional(),
  })
  .meta({ description: 'A dated list of (part of) the structure, from one source.' });

export const eventSchema = z
  .object({
    id: nonEmpty,
    date: isoDateSchema,
    kind: z.string().optional().meta({ description: 'e.g. "reform", "created", "abolished", "moved", "renamed", "appointed".' }),
    text: nonEmpty.meta({ description: 'What happened, as plain text.' }),
    units: z.array(z.string()).optional().meta({ description: 'The ids of the units it touched.' }),
    ...cited,
    notes: z.array(textItemSchema).optional().meta({ description: 'Further sources or editorial remarks, each cited.' }),
  })
  .meta({ description: 'A dated change: a reform, a unit created, abolished or moved, a rename.' });

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
    snapshots: z.array(snapshotSchema).optional().meta({ description: 'Dated lists of the structure, one per source list.' }),
    events: z.array(eventSchema).optional().meta({ description: 'Dated changes, for a timeline.' }),
  })
  .meta({
    title: 'Org chart',
    description: 'An organization chart: its units as a flat list linked by parentId, and the sources its facts come from.',
  });

export type Citation = z.infer<typeof citationSchema>;
export type NativeName = z.infer<typeof nativeNameSchema>;
export type Leader = z.infer<typeof leaderSchema>;
export type Period = z.infer<typeof periodSchema>;
export type PostHolder = z.infer<typeof postHolderSchema>;
export type Post = z.infer<typeof postSchema>;
export type OtherName = z.infer<typeof otherNameSchema>;
export type Listing = z.infer<typeof listingSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type ChartEvent = z.infer<typeof eventSchema>;
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
        /** The name on the header's chart switch: the office itself, short enough for one line on a phone, where the short title names its parent body. */
        switchTitle: z.string().optional(),
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
