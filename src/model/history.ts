/**
 * The chart through time: the structure as it stood on a date, the marks of a
 * timeline, one unit's record, and who held a post on a date. Pure functions
 * of the chart file; nothing here knows about React, the DOM or the store.
 *
 * Dates are ISO 8601 at the precision a source gives ("2008", "2008-07",
 * "2008-07-10"). Two rules make partial dates compare:
 *
 * - a date the reader picks means its **last** day: "as of 2008" is the office
 *   by the end of 2008, so a list dated 2008-07-10 applies;
 * - a date in the records counts only once it is **sure**: a start ("from", a
 *   snapshot's date) from its last day, an end ("until") from its first day.
 *   So a unit founded "2008" is not shown as of "2008-03", and one that ended
 *   "2008" is gone as of "2008-03"; either way the chart never shows a unit on
 *   a day its record leaves in doubt.
 *
 * What decides whether a unit is there on a date (a unit with no dated record
 * is always there):
 *
 * 1. `periods`: outside every period, it is not.
 * 2. `listed`: the latest snapshot on or before the date that either names the
 *    unit or is `complete` for a part of the chart containing it decides: there
 *    if that list names it. A unit listed in 2007 and 2019 is not there in 2016
 *    when a complete 2016 list leaves it out. Before its first record it is not
 *    there, unless a period with a start says it is.
 * 3. A unit whose parent is not there is not there; a group heading that loses
 *    every unit under it to the date goes too. The root always stays.
 *
 * With no date (null) the chart is today's structure: every unit but those
 * marked `current: false`, those whose every period has ended, and those the
 * latest complete list leaves out. A chart with no dated records comes back
 * unchanged, as the same object.
 */
import { firstDay, lastDay } from './dates.ts';
import type { ChartEvent, Citation, Leader, OrgChart, Period, Post, PostHolder, Snapshot, Unit } from './schema.ts';
import { hasTimeData } from './timeData.ts';

export { firstDay, lastDay } from './dates.ts';
export { hasTimeData } from './timeData.ts';

/** The day a picked date stands for (its last), or throws for text that is not a date: a caller's mistake, not the data's. */
function pickedDay(date: string): string {
  const day = lastDay(date);
  if (day === null) throw new RangeError(`not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): “${date}”`);
  return day;
}

/** A start is sure from its last day; an unreadable one (the schema refuses those) never starts. */
function startsBy(from: string | undefined, day: string): boolean {
  if (from === undefined) return true;
  const sure = lastDay(from);
  return sure !== null && sure <= day;
}

/** An end counts from its first day. */
function endedBy(until: string | undefined, day: string): boolean {
  if (until === undefined) return false;
  const first = firstDay(until);
  return first !== null && first <= day;
}

function periodHolds(period: { from?: string | undefined; until?: string | undefined }, day: string): boolean {
  return startsBy(period.from, day) && !endedBy(period.until, day);
}

/** Sort key for marks and records: the first day, coarser dates before finer ones on the same day. */
function dateOrder(a: string, b: string): number {
  const fa = firstDay(a) ?? a;
  const fb = firstDay(b) ?? b;
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.length - b.length;
}

// ── Who held a post ─────────────────────────────────────────────────────────

/**
 * Who held the post on `date`: of the terms begun by then, the one begun last, if its last day in office (`until`, at
 * its precision: "1975-01" runs to 31 January) is not past (a post can stand empty, as when it was abolished). Where
 * one term ends the day the next begins, the successor holds it. With no
 * date: the holder whose term is still open (the latest begun, if several are). Null when nobody is on record.
 */
export function holderOn(terms: readonly PostHolder[], date: string | null): PostHolder | null {
  if (date === null) {
    let open: PostHolder | null = null;
    for (const term of terms) {
      if (term.until !== undefined) continue;
      if (open === null || startKey(term) >= startKey(open)) open = term;
    }
    return open;
  }
  const day = pickedDay(date);
  let latest: PostHolder | null = null;
  for (const term of terms) {
    if (!startsBy(term.from, day)) continue;
    if (latest === null || startKey(term) >= startKey(latest)) latest = term;
  }
  // A holder's `until` is the last day in office, so it is past only after its last day.
  if (latest === null || (latest.until !== undefined && (lastDay(latest.until) ?? '') < day)) return null;
  return latest;
}

/** When a term is sure to have begun; an open start sorts first. */
function startKey(term: { from?: string | undefined }): string {
  return term.from === undefined ? '' : (lastDay(term.from) ?? '');
}

// ── The structure on a date ─────────────────────────────────────────────────

interface Scopes {
  /** Units in file order, parents before children where the tree allows (pre-order), each once. */
  readonly order: readonly Unit[];
  readonly parentOf: ReadonlyMap<string, string | null>;
  /** For each unit, the indices (into `snapshots`) of the snapshots whose `covers` hold one of its ancestors, or that cover the whole chart. */
  readonly inScope: ReadonlyMap<string, readonly number[]>;
}

/** One pass down the tree: which snapshots cover each unit. Iterative, so a 10,000-deep chain costs no more than a flat list. */
function scopesOf(chart: OrgChart, snapshots: readonly Snapshot[]): Scopes {
  const byId = new Map<string, Unit>();
  for (const unit of chart.units) if (!byId.has(unit.id)) byId.set(unit.id, unit);
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, unit] of byId) {
    const parentId = unit.parentId ?? null;
    if (parentId === null || parentId === '' || parentId === id || !byId.has(parentId)) {
      parentOf.set(id, null);
      roots.push(id);
      continue;
    }
    parentOf.set(id, parentId);
    const siblings = childrenOf.get(parentId);
    if (siblings) siblings.push(id);
    else childrenOf.set(parentId, [id]);
  }
  const wholeChart: number[] = [];
  const coveredBy = new Map<string, number[]>();
  snapshots.forEach((snapshot, i) => {
    if (snapshot.covers === undefined) {
      wholeChart.push(i);
      return;
    }
    for (const id of snapshot.covers) {
      const list = coveredBy.get(id);
      if (list) list.push(i);
      else coveredBy.set(id, [i]);
    }
  });
  const inScope = new Map<string, readonly number[]>();
  const order: Unit[] = [];
  const stack: string[] = [];
  for (let r = roots.length - 1; r >= 0; r--) {
    const root = roots[r] as string;
    inScope.set(root, wholeChart);
    stack.push(root);
  }
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const unit = byId.get(id) as Unit;
    order.push(unit);
    const mine = inScope.get(id) ?? wholeChart;
    const added = coveredBy.get(id);
    // Children share their parent's list unless this unit adds snapshots of its own.
    const forChildren = added ? [...mine, ...added] : mine;
    const children = childrenOf.get(id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as string;
      if (inScope.has(child)) continue; // a cycle: met already
      inScope.set(child, forChildren);
      stack.push(child);
    }
  }
  return { order, parentOf, inScope };
}

interface SnapshotInfo {
  readonly snapshot: Snapshot;
  /** The day the list is sure to hold: its date's last day. */
  readonly day: string;
}

/**
 * The snapshot that speaks last about `unit` on or before `day` (null: any day): one that names it, or a complete one
 * covering it. Ties on the same day go to a list that names it.
 */
function decidingSnapshot(
  unit: Unit,
  scope: readonly number[],
  infos: readonly SnapshotInfo[],
  indexOfSnapshot: ReadonlyMap<string, number>,
  day: string | null,
): { info: SnapshotInfo; lists: boolean } | null {
  let best: { info: SnapshotInfo; lists: boolean } | null = null;
  const consider = (info: SnapshotInfo, lists: boolean) => {
    if (day !== null && info.day > day) return;
    if (best === null || info.day > best.info.day || (info.day === best.info.day && lists && !best.lists)) best = { info, lists };
  };
  for (const listing of unit.listed ?? []) {
    const i = indexOfSnapshot.get(listing.snapshot);
    if (i !== undefined) consider(infos[i] as SnapshotInfo, true);
  }
  for (const i of scope) {
    const info = infos[i] as SnapshotInfo;
    if (info.snapshot.complete === true) consider(info, false);
  }
  return best;
}

function snapshotInfos(chart: OrgChart): { infos: SnapshotInfo[]; indexOfSnapshot: Map<string, number> } {
  const infos: SnapshotInfo[] = [];
  const indexOfSnapshot = new Map<string, number>();
  for (const snapshot of chart.snapshots ?? []) {
    const day = lastDay(snapshot.date);
    if (day === null || indexOfSnapshot.has(snapshot.id)) continue;
    indexOfSnapshot.set(snapshot.id, infos.length);
    infos.push({ snapshot, day });
  }
  return { infos, indexOfSnapshot };
}

/** Whether the unit itself (its parent aside) is there on `day`, or today with null. */
function unitStands(
  unit: Unit,
  scope: readonly number[],
  infos: readonly SnapshotInfo[],
  indexOfSnapshot: ReadonlyMap<string, number>,
  day: string | null,
): boolean {
  const periods = unit.periods ?? [];
  const hasListings = (unit.listed?.length ?? 0) > 0;
  if (day === null) {
    if (unit.current === false) return false;
    if (periods.length > 0 && !periods.some((p) => p.until === undefined)) return false;
    if (hasListings) {
      const decided = decidingSnapshot(unit, scope, infos, indexOfSnapshot, null);
      if (decided !== null && !decided.lists) return false;
    }
    return true;
  }
  if (periods.length > 0 && !periods.some((p) => periodHolds(p, day))) return false;
  if (!hasListings) return true;
  const decided = decidingSnapshot(unit, scope, infos, indexOfSnapshot, day);
  if (decided !== null) return decided.lists;
  // Before its first list: only a dated start vouches for it.
  return periods.some((p) => p.from !== undefined && periodHolds(p, day));
}

function leaderFromHolder(post: Post, holder: PostHolder): Leader {
  const term: Period = {
    ...(holder.from !== undefined && { from: holder.from }),
    ...(holder.until !== undefined && { until: holder.until }),
    ...(holder.cite && { cite: holder.cite }),
  };
  return {
    title: post.title,
    name: holder.name,
    ...(holder.nativeName && { nativeName: holder.nativeName }),
    ...(holder.cite && { cite: holder.cite }),
    term,
  };
}

/** The unit's leaders on `day`: each post's holder, then leaders whose term holds; today (null): the file's, less ended terms. */
function leadersOn(unit: Unit, day: string | null, date: string | null): Leader[] | undefined {
  const leaders = unit.leaders;
  if (day === null || date === null) {
    if (!leaders?.some((l) => l.term?.until !== undefined)) return leaders;
    return leaders.filter((l) => l.term?.until === undefined);
  }
  const posts = unit.posts ?? [];
  const postTitles = new Set(posts.map((p) => p.title));
  const out: Leader[] = [];
  for (const post of posts) {
    const holder = holderOn(post.holders, date);
    if (holder) out.push(leaderFromHolder(post, holder));
  }
  for (const leader of leaders ?? []) {
    if (postTitles.has(leader.title) || leader.term === undefined) continue;
    if (periodHolds(leader.term, day)) out.push(leader);
  }
  return out;
}

/** The unit as named and led on `day`: a dated other name inside its dates becomes its name (or native name, when in another language). */
function unitOn(unit: Unit, day: string | null, date: string | null, chartLanguage: string | undefined): Unit {
  let result = unit;
  if (day !== null) {
    type OtherName = NonNullable<Unit['otherNames']>[number];
    let formerOwn: OtherName | null = null;
    let formerNative: OtherName | null = null;
    for (const other of unit.otherNames ?? []) {
      if (other.from === undefined && other.until === undefined) continue;
      if (!periodHolds(other, day)) continue;
      const native = other.lang !== undefined && other.lang !== chartLanguage;
      if (native && (formerNative === null || startKey(other) >= startKey(formerNative))) formerNative = other;
      if (!native && (formerOwn === null || startKey(other) >= startKey(formerOwn))) formerOwn = other;
    }
    if (formerNative !== null) {
      result = { ...result, nativeName: { text: formerNative.text, lang: formerNative.lang as string, ...(formerNative.cite && { cite: formerNative.cite }) } };
    }
    if (formerOwn !== null) result = { ...result, name: formerOwn.text, ...(formerOwn.cite && { cite: formerOwn.cite }) };
  }
  const leaders = leadersOn(unit, day, date);
  if (leaders !== unit.leaders) result = { ...result, leaders: leaders ?? [] };
  return result;
}

/**
 * The chart as it stood on `date` (YYYY, YYYY-MM or YYYY-MM-DD), or today's structure when `date` is null: the same
 * kind of chart the app draws, its units filtered and, on a date, named and led as then. Linear in the number of
 * units (times the number of snapshots). Throws a RangeError for a `date` that is not an ISO date.
 */
export function structureAsOf(chart: OrgChart, date: string | null): OrgChart {
  const day = date === null ? null : pickedDay(date);
  if (!hasTimeData(chart)) return chart;
  const { infos, indexOfSnapshot } = snapshotInfos(chart);
  const { order, parentOf, inScope } = scopesOf(
    chart,
    infos.map((i) => i.snapshot),
  );
  const shown = new Set<string>();
  for (const unit of order) {
    const parent = parentOf.get(unit.id) ?? null;
    if (parent === null) {
      shown.add(unit.id); // the root stays
      continue;
    }
    if (!shown.has(parent)) continue;
    if (unitStands(unit, inScope.get(unit.id) ?? [], infos, indexOfSnapshot, day)) shown.add(unit.id);
  }
  // Group headings emptied by the date go, deepest first (a heading under a heading may empty its parent).
  const hadChildren = new Set<string>();
  const keepsChildren = new Set<string>();
  for (let i = order.length - 1; i >= 0; i--) {
    const unit = order[i] as Unit;
    const parent = parentOf.get(unit.id) ?? null;
    if (unit.kind === 'group' && parent !== null && shown.has(unit.id) && hadChildren.has(unit.id) && !keepsChildren.has(unit.id)) shown.delete(unit.id);
    if (parent === null) continue;
    hadChildren.add(parent);
    if (shown.has(unit.id)) keepsChildren.add(parent);
  }
  const units: Unit[] = [];
  let changed = false;
  const seen = new Set<string>();
  for (const unit of chart.units) {
    if (!shown.has(unit.id) || seen.has(unit.id)) {
      changed = true;
      continue;
    }
    seen.add(unit.id);
    const dated = unitOn(unit, day, date, chart.language);
    if (dated !== unit) changed = true;
    units.push(dated);
  }
  if (!changed) return chart;
  return { ...chart, units, ...referencesWithin(chart, seen) };
}

/** Snapshots and events stay with the view, naming only the units in it, so the view is a valid chart of its own. */
function referencesWithin(chart: OrgChart, shown: ReadonlySet<string>): Pick<OrgChart, 'snapshots' | 'events'> {
  const out: Pick<OrgChart, 'snapshots' | 'events'> = {};
  if (chart.snapshots) {
    out.snapshots = chart.snapshots.map((s) =>
      s.covers === undefined || s.covers.every((id) => shown.has(id)) ? s : { ...s, covers: s.covers.filter((id) => shown.has(id)) },
    );
  }
  if (chart.events) {
    out.events = chart.events.map((e) =>
      e.units === undefined || e.units.every((id) => shown.has(id)) ? e : { ...e, units: e.units.filter((id) => shown.has(id)) },
    );
  }
  return out;
}

// ── The timeline ────────────────────────────────────────────────────────────

export interface TimelineMark {
  readonly type: 'snapshot' | 'event';
  /** The snapshot's or the event's id. */
  readonly id: string;
  /** As the record gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly date: string;
  /** What to show at the mark: the snapshot's label or the event's text. */
  readonly label: string;
  /** The event's kind ("reform", "created", …), or "snapshot". */
  readonly kind: string;
  /** The units the mark touches: those a snapshot lists, those an event names. */
  readonly units: readonly string[];
  readonly cite?: Citation | undefined;
}

/** Every dated snapshot and event, in date order (a year before the days inside it; snapshots before events on one date). */
export function timelineOf(chart: OrgChart): TimelineMark[] {
  const listedIn = new Map<string, string[]>();
  for (const unit of chart.units) {
    for (const listing of unit.listed ?? []) {
      const list = listedIn.get(listing.snapshot);
      if (list) list.push(unit.id);
      else listedIn.set(listing.snapshot, [unit.id]);
    }
  }
  const marks: TimelineMark[] = [];
  for (const snapshot of chart.snapshots ?? []) {
    marks.push({
      type: 'snapshot',
      id: snapshot.id,
      date: snapshot.date,
      label: snapshot.label,
      kind: 'snapshot',
      units: listedIn.get(snapshot.id) ?? [],
      cite: snapshot.cite,
    });
  }
  for (const event of chart.events ?? []) {
    marks.push({ type: 'event', id: event.id, date: event.date, label: event.text, kind: event.kind ?? 'event', units: event.units ?? [], cite: event.cite });
  }
  return marks.sort(
    (a, b) => dateOrder(a.date, b.date) || (a.type === b.type ? 0 : a.type === 'snapshot' ? -1 : 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// ── One unit's record ───────────────────────────────────────────────────────

export interface ListingRecord {
  readonly snapshot: string;
  readonly date: string;
  readonly label: string;
  /** The name the list gives the unit, where it words it differently. */
  readonly name?: string | undefined;
  readonly cite?: Citation | undefined;
}

export interface UnitHistory {
  readonly unitId: string;
  /** The snapshots that name the unit, in date order. */
  readonly listedIn: readonly ListingRecord[];
  /** Complete snapshots covering the unit that leave it out, in date order (only for a unit with dated records). */
  readonly leftOutOf: readonly ListingRecord[];
  readonly otherNames: NonNullable<Unit['otherNames']>;
  readonly periods: readonly Period[];
  readonly posts: readonly Post[];
  /** Events that name the unit, in date order. */
  readonly events: readonly ChartEvent[];
  /** When it is first on record: the earliest period start or listing. Null: no date on record. */
  readonly appears: string | null;
  /** When it is last on record as there: the latest listing or open period end. Null: no date on record. */
  readonly lastListed: string | null;
  /** When it is on record as gone: a period's end, or the first complete list after its last listing that leaves it out. Null: not on record as gone. */
  readonly disappears: string | null;
  /** Whether it is part of today's structure (structureAsOf with no date, parents aside). */
  readonly current: boolean;
}

/** The dated record of one unit: the lists that name it, those that leave it out, its other names, periods, posts and events. Null for an unknown id. */
export function unitHistory(chart: OrgChart, unitId: string): UnitHistory | null {
  const unit = chart.units.find((u) => u.id === unitId);
  if (!unit) return null;
  const { infos, indexOfSnapshot } = snapshotInfos(chart);
  // Without snapshots there is nothing in scope, and no need to index every unit to find the ancestors (82 ms at 100k).
  const scope = infos.length === 0 ? [] : scopeOfOne(chart, unit, infos);
  const listedIn: ListingRecord[] = [];
  const namedBy = new Set<string>();
  for (const listing of unit.listed ?? []) {
    const i = indexOfSnapshot.get(listing.snapshot);
    if (i === undefined) continue;
    const { snapshot } = infos[i] as SnapshotInfo;
    namedBy.add(snapshot.id);
    listedIn.push({ snapshot: snapshot.id, date: snapshot.date, label: snapshot.label, name: listing.name, cite: listing.cite ?? snapshot.cite });
  }
  listedIn.sort((a, b) => dateOrder(a.date, b.date));
  const dated = (unit.listed?.length ?? 0) > 0 || (unit.periods?.length ?? 0) > 0;
  const leftOutOf: ListingRecord[] = [];
  if (dated) {
    for (const i of scope) {
      const { snapshot } = infos[i] as SnapshotInfo;
      if (snapshot.complete === true && !namedBy.has(snapshot.id))
        leftOutOf.push({ snapshot: snapshot.id, date: snapshot.date, label: snapshot.label, cite: snapshot.cite });
    }
    leftOutOf.sort((a, b) => dateOrder(a.date, b.date));
  }
  const periods = unit.periods ?? [];
  const starts = [...periods.flatMap((p) => (p.from === undefined ? [] : [p.from])), ...listedIn.map((l) => l.date)].sort(dateOrder);
  const lastListing = listedIn.length > 0 ? (listedIn[listedIn.length - 1] as ListingRecord).date : null;
  const ends = periods.flatMap((p) => (p.until === undefined ? [] : [p.until])).sort(dateOrder);
  const openPeriod = periods.some((p) => p.until === undefined);
  let disappears: string | null = !openPeriod && ends.length > 0 ? (ends[ends.length - 1] as string) : null;
  if (disappears === null && lastListing !== null) {
    const after = leftOutOf.find((l) => dateOrder(l.date, lastListing) > 0);
    if (after) disappears = after.date;
  }
  const events = (chart.events ?? []).filter((e) => e.units?.includes(unitId) ?? false).sort((a, b) => dateOrder(a.date, b.date));
  return {
    unitId,
    listedIn,
    leftOutOf,
    otherNames: unit.otherNames ?? [],
    periods,
    posts: unit.posts ?? [],
    events,
    appears: starts[0] ?? null,
    lastListed: lastListing,
    disappears,
    current: unitStands(unit, scope, infos, indexOfSnapshot, null),
  };
}

/** The snapshots in scope for one unit, walking up its ancestors (each once: a cycle stops the walk). */
function scopeOfOne(chart: OrgChart, unit: Unit, infos: readonly SnapshotInfo[]): number[] {
  const byId = new Map<string, Unit>();
  for (const u of chart.units) if (!byId.has(u.id)) byId.set(u.id, u);
  const ancestors = new Set<string>();
  let parentId = unit.parentId ?? null;
  while (parentId !== null && parentId !== '' && !ancestors.has(parentId)) {
    ancestors.add(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  const scope: number[] = [];
  infos.forEach((info, i) => {
    const covers = info.snapshot.covers;
    if (covers === undefined || covers.some((id) => ancestors.has(id))) scope.push(i);
  });
  return scope;
}
