import { describe, expect, it } from 'vitest';

import { firstDay, hasTimeData, holderOn, lastDay, structureAsOf, timelineOf, unitHistory } from '../../src/model/history.ts';
import { loadChart } from '../../src/model/load.ts';
import type { OrgChart, PostHolder, Unit } from '../../src/model/schema.ts';
import { orgChartSchema } from '../../src/model/schema.ts';
import { chartOf, loadBundledIndex, readBundledChart } from './helpers.ts';

const cite = { source: 'src' };

/** A small office: bureaus listed in 2007, 2016 and 2019, as the NPC's English pages list them. */
function office(): OrgChart {
  const units: Unit[] = [
    {
      id: 'office',
      name: 'Office',
      posts: [
        {
          title: 'Secretary-General',
          holders: [
            { name: 'A', from: '1954-09-27', until: '1965-01-02', cite },
            { name: 'B', from: '1965-01-03', until: '1975-01', cite },
            { name: 'C', from: '1979-06', cite },
          ],
        },
      ],
      leaders: [
        { title: 'Secretary-General', name: 'C', cite },
        { title: 'Deputy', name: 'Undated deputy', cite },
        { title: 'Deputy', name: 'Dated deputy', term: { from: '2023-03-14', cite } },
        { title: 'Deputy', name: 'Left deputy', term: { from: '2023-03-14', until: '2023-06-28', cite } },
      ],
    },
    { id: 'departments', parentId: 'office', name: 'Departments', kind: 'group' },
    { id: 'first', parentId: 'departments', name: 'First Bureau', listed: [{ snapshot: 's2007' }], current: false },
    { id: 'bureau', parentId: 'departments', name: 'Bureau', listed: [{ snapshot: 's2016' }, { snapshot: 's2019' }] },
    { id: 'gap', parentId: 'departments', name: 'Gap Bureau', listed: [{ snapshot: 's2007' }, { snapshot: 's2019', name: 'Gap Bureau (2019 wording)' }] },
    { id: 'undated', parentId: 'departments', name: 'Undated Bureau' },
    {
      id: 'library',
      parentId: 'departments',
      name: 'Library',
      nativeName: { text: '图书馆', lang: 'zh-Hans' },
      periods: [{ from: '1955-01', cite }],
      listed: [{ snapshot: 's2007' }, { snapshot: 's2016' }, { snapshot: 's2019' }],
      otherNames: [
        { text: '旧图书馆', lang: 'zh-Hans', from: '1955-01', until: '1997', cite },
        { text: 'Reading Room', from: '1955-01', until: '1997', cite },
        { text: 'Library of the Office', cite },
      ],
    },
    { id: 'past-group', parentId: 'office', name: 'Internal units', kind: 'group', current: false },
    { id: 'old-unit', parentId: 'past-group', name: 'Old unit', listed: [{ snapshot: 's1998' }], periods: [{ until: '2008-07-10', cite }] },
    { id: 'new-unit', parentId: 'past-group', name: 'New unit', listed: [{ snapshot: 's2008' }], current: false },
  ];
  return {
    format: 'org-chart',
    version: 1,
    id: 'office',
    title: 'Office',
    language: 'en',
    sources: [{ id: 'src', title: 'A source', url: 'https://example.org/' }],
    units,
    snapshots: [
      { id: 's2007', date: '2007-11-20', label: '2007 list', covers: ['departments'], complete: true, cite },
      { id: 's2016', date: '2016-02-01', label: '2016 list', covers: ['departments'], complete: true, cite },
      { id: 's2019', date: '2019-03-27', label: '2019 list', covers: ['departments'], complete: true, cite },
      { id: 's1998', date: '1998', label: '1998 rules', covers: ['past-group'], complete: true, cite },
      { id: 's2008', date: '2008-07-10', label: '2008 rules (partly read)', covers: ['past-group'], cite },
    ],
    events: [
      { id: 'e-reform', date: '2008-07-10', kind: 'reform', text: 'New rules', units: ['old-unit', 'new-unit'], cite },
      { id: 'e-year', date: '2008', kind: 'reform', text: 'A year-only event', cite },
      { id: 'e-old', date: '1955-01', kind: 'created', text: 'Library set up', units: ['library'], cite },
    ],
  };
}

const ids = (chart: OrgChart) => chart.units.map((u) => u.id);
const unit = (chart: OrgChart, id: string) => chart.units.find((u) => u.id === id);

describe('partial dates', () => {
  it('knows the first and last day of a year, a month and a day', () => {
    expect(firstDay('2008')).toBe('2008-01-01');
    expect(lastDay('2008')).toBe('2008-12-31');
    expect(firstDay('2008-07')).toBe('2008-07-01');
    expect(lastDay('2008-02')).toBe('2008-02-29');
    expect(lastDay('2007-02')).toBe('2007-02-28');
    expect(lastDay('2008-07-10')).toBe('2008-07-10');
    expect(firstDay('July 2008')).toBeNull();
  });

  it('refuses a picked date that is not ISO', () => {
    expect(() => structureAsOf(office(), '10 July 2008')).toThrow(RangeError);
  });

  it('the schema refuses impossible and malformed dates, with a message that shows the form', () => {
    for (const bad of ['2008-13', '2008-02-30', '2008-7-1', '08', 'July 2008']) {
      const result = orgChartSchema.safeParse({ ...chartOf([{ id: 'a' }]), units: [{ id: 'a', name: 'A', periods: [{ from: bad }] }] });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('YYYY, YYYY-MM or YYYY-MM-DD');
    }
    for (const good of ['2008', '2008-02', '2008-02-29']) {
      expect(orgChartSchema.safeParse({ ...chartOf([{ id: 'a' }]), units: [{ id: 'a', name: 'A', periods: [{ from: good }] }] }).success, good).toBe(true);
    }
  });
});

describe('structureAsOf', () => {
  it('returns a chart with no dated records unchanged, the same object, on any date', () => {
    const chart = chartOf([{ id: 'root' }, { id: 'a', parentId: 'root' }, { id: 'g', parentId: 'root', kind: 'group' }]);
    expect(hasTimeData(chart)).toBe(false);
    expect(structureAsOf(chart, null)).toBe(chart);
    expect(structureAsOf(chart, '1900')).toBe(chart);
  });

  it('today: leaves out units marked not current, ended ones and those the latest complete list leaves out; keeps undated ones', () => {
    const today = structureAsOf(office(), null);
    expect(ids(today)).toEqual(['office', 'departments', 'bureau', 'gap', 'undated', 'library']);
    expect(unit(today, 'library')?.name).toBe('Library');
    // Today's leaders as the file has them, less ended terms.
    expect(unit(today, 'office')?.leaders?.map((l) => l.name)).toEqual(['C', 'Undated deputy', 'Dated deputy']);
  });

  it('a unit listed in 2007 and 2019 but not in 2016 is there in 2007 and 2019 only', () => {
    const chart = office();
    expect(ids(structureAsOf(chart, '2007'))).toContain('gap');
    expect(ids(structureAsOf(chart, '2016'))).not.toContain('gap');
    expect(ids(structureAsOf(chart, '2019'))).toContain('gap');
    expect(ids(structureAsOf(chart, '2024'))).toContain('gap');
  });

  it('as of 2007 shows the First Bureau and no Bureau; as of 2016 the reverse', () => {
    const chart = office();
    const in2007 = ids(structureAsOf(chart, '2007-11-20'));
    expect(in2007).toContain('first');
    expect(in2007).not.toContain('bureau');
    const in2016 = ids(structureAsOf(chart, '2016'));
    expect(in2016).not.toContain('first');
    expect(in2016).toContain('bureau');
  });

  it('a year means its last day: "2007" applies a list of 2007-11-20, "2007-11" too, "2007-11-19" does not', () => {
    const chart = office();
    expect(ids(structureAsOf(chart, '2007'))).toContain('first');
    expect(ids(structureAsOf(chart, '2007-11'))).toContain('first');
    expect(ids(structureAsOf(chart, '2007-11-19'))).not.toContain('first');
  });

  it('"2008" vs "2008-07-10": a regulation of 2008-07-10 applies as of 2008 and of that day, not the day before', () => {
    const chart = office();
    expect(ids(structureAsOf(chart, '2008'))).toEqual(expect.arrayContaining(['new-unit']));
    expect(ids(structureAsOf(chart, '2008'))).not.toContain('old-unit');
    expect(ids(structureAsOf(chart, '2008-07-10'))).toContain('new-unit');
    expect(ids(structureAsOf(chart, '2008-07-10'))).not.toContain('old-unit');
    const before = ids(structureAsOf(chart, '2008-07-09'));
    expect(before).toContain('old-unit');
    expect(before).not.toContain('new-unit');
  });

  it('before any record: units known only from lists are not shown; undated ones and dated starts are', () => {
    const in1960 = structureAsOf(office(), '1960');
    expect(ids(in1960)).toEqual(['office', 'departments', 'undated', 'library']);
    const in1950 = structureAsOf(office(), '1950');
    expect(ids(in1950)).toEqual(['office', 'departments', 'undated']);
  });

  it('drops a group heading the date empties, and the units under a unit that is not there', () => {
    const chart = office();
    expect(ids(structureAsOf(chart, '1990'))).not.toContain('past-group');
    expect(ids(structureAsOf(chart, '1998'))).toContain('past-group');
    const orphan: OrgChart = {
      ...chartOf([{ id: 'root' }, { id: 'gone', parentId: 'root' }, { id: 'child', parentId: 'gone' }]),
      units: [
        { id: 'root', name: 'root' },
        { id: 'gone', parentId: 'root', name: 'gone', periods: [{ until: '2000' }] },
        { id: 'child', parentId: 'gone', name: 'child' },
      ],
    };
    expect(ids(structureAsOf(orphan, '2001'))).toEqual(['root']);
    expect(ids(structureAsOf(orphan, '1999'))).toEqual(['root', 'gone', 'child']);
    expect(ids(structureAsOf(orphan, null))).toEqual(['root']);
  });

  it('open ends: a period with only a start runs on, one with only an end ran from always', () => {
    const chart: OrgChart = {
      ...chartOf([{ id: 'root' }]),
      units: [
        { id: 'root', name: 'root' },
        { id: 'since', parentId: 'root', name: 'since', periods: [{ from: '1983' }] },
        { id: 'till', parentId: 'root', name: 'till', periods: [{ until: '1983' }] },
        { id: 'twice', parentId: 'root', name: 'twice', periods: [{ from: '1955', until: '1958' }, { from: '1981' }] },
      ],
    };
    expect(ids(structureAsOf(chart, '1900'))).toEqual(['root', 'till']);
    expect(ids(structureAsOf(chart, '1956'))).toEqual(['root', 'till', 'twice']);
    expect(ids(structureAsOf(chart, '1970'))).toEqual(['root', 'till']);
    expect(ids(structureAsOf(chart, '1983'))).toEqual(['root', 'since', 'twice']);
    expect(ids(structureAsOf(chart, '1983-06'))).toEqual(['root', 'twice']); // begun "1983" is sure only at the year's end; ended "1983" counts from its start
    expect(ids(structureAsOf(chart, '1990'))).toEqual(['root', 'since', 'twice']);
    expect(ids(structureAsOf(chart, null))).toEqual(['root', 'since', 'twice']);
  });

  it('names a unit as then: a dated former name in another language becomes the native name, in the chart language the name', () => {
    const in1990 = unit(structureAsOf(office(), '1990'), 'library');
    expect(in1990?.nativeName?.text).toBe('旧图书馆');
    expect(in1990?.name).toBe('Reading Room');
    const in2000 = unit(structureAsOf(office(), '2000'), 'library');
    expect(in2000?.nativeName?.text).toBe('图书馆');
    expect(in2000?.name).toBe('Library');
  });

  it('leads a unit as then: each post’s holder, dated leaders whose term holds, no undated leaders', () => {
    const leadersIn = (date: string) => unit(structureAsOf(office(), date), 'office')?.leaders?.map((l) => `${l.title}: ${l.name}`);
    expect(leadersIn('1960')).toEqual(['Secretary-General: A']);
    expect(leadersIn('1977')).toEqual([]);
    expect(leadersIn('2023-04')).toEqual(['Secretary-General: C', 'Deputy: Dated deputy', 'Deputy: Left deputy']);
    expect(leadersIn('2023-07')).toEqual(['Secretary-General: C', 'Deputy: Dated deputy']);
  });

  it('keeps the snapshots and events of the chart, and passes the loader as a valid chart', () => {
    const past = structureAsOf(office(), '2008');
    expect(past.snapshots).toHaveLength(5);
    expect(loadChart(past, 'past.json').ok).toBe(true);
  });

  it('is linear: a 10,000-deep chain with dated records filters quickly', () => {
    const units: Unit[] = [{ id: 'u0', name: 'u0' }];
    for (let i = 1; i < 10_000; i++)
      units.push({
        id: `u${i}`,
        parentId: `u${i - 1}`,
        name: `u${i}`,
        periods: [{ from: '1990', until: i % 2 === 0 ? '2100' : undefined }],
        listed: [{ snapshot: 's' }],
      });
    const chart: OrgChart = { ...chartOf([{ id: 'u0' }]), units, snapshots: [{ id: 's', date: '2000', label: 's', covers: ['u0'], complete: true }] };
    const started = performance.now();
    expect(structureAsOf(chart, '2005').units).toHaveLength(10_000);
    expect(structureAsOf(chart, '1985').units).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('holderOn', () => {
  const terms: PostHolder[] = [
    { name: 'Peng', from: '1954-09-27', until: '1965-01-02' },
    { name: 'Liu', from: '1965-01-03', until: '1975-01-13' },
    { name: 'Ji', from: '1975-01-13', until: '1979-09' },
    { name: 'Peng again', from: '1979-09', until: '1980-09' },
    { name: 'Yang', from: '1980-09' },
  ];

  it('finds the holder on a day, a month or a year', () => {
    expect(holderOn(terms, '1960')?.name).toBe('Peng');
    expect(holderOn(terms, '1965-01-02')?.name).toBe('Peng');
    expect(holderOn(terms, '1965-01-03')?.name).toBe('Liu');
    expect(holderOn(terms, '1965')?.name).toBe('Liu');
    expect(holderOn(terms, '1975-01-13')?.name).toBe('Ji');
    expect(holderOn(terms, '1979')?.name).toBe('Peng again');
    expect(holderOn(terms, '2020')?.name).toBe('Yang');
  });

  it('nobody before the first term, nobody while the post stands empty', () => {
    expect(holderOn(terms, '1950')).toBeNull();
    const gap: PostHolder[] = [
      { name: 'Zhou', from: '1965-01', until: '1975-01' },
      { name: 'Jin', from: '1979-06' },
    ];
    expect(holderOn(gap, '1977')).toBeNull();
    expect(holderOn(gap, '1975-01')?.name).toBe('Zhou');
    expect(holderOn([], '2000')).toBeNull();
  });

  it('today: the open term', () => {
    expect(holderOn(terms, null)?.name).toBe('Yang');
    expect(holderOn([{ name: 'Ended', from: '1990', until: '2000' }], null)).toBeNull();
  });
});

describe('timelineOf', () => {
  it('lists snapshots and events in date order, a year before the days in it, with the units they touch', () => {
    const marks = timelineOf(office());
    expect(marks.map((m) => `${m.date} ${m.type} ${m.id}`)).toEqual([
      '1955-01 event e-old',
      '1998 snapshot s1998',
      '2007-11-20 snapshot s2007',
      '2008 event e-year',
      '2008-07-10 snapshot s2008',
      '2008-07-10 event e-reform',
      '2016-02-01 snapshot s2016',
      '2019-03-27 snapshot s2019',
    ]);
    expect(marks.find((m) => m.id === 's2007')?.units).toEqual(['first', 'gap', 'library']);
    expect(marks.find((m) => m.id === 'e-reform')?.kind).toBe('reform');
  });

  it('is empty for a chart with no dated records', () => {
    expect(timelineOf(chartOf([{ id: 'a' }]))).toEqual([]);
  });
});

describe('unitHistory', () => {
  it('gives the lists that name a unit, those that leave it out, its other names and when it appears and is gone', () => {
    const gap = unitHistory(office(), 'gap');
    expect(gap?.listedIn.map((l) => l.snapshot)).toEqual(['s2007', 's2019']);
    expect(gap?.listedIn[1]?.name).toBe('Gap Bureau (2019 wording)');
    expect(gap?.leftOutOf.map((l) => l.snapshot)).toEqual(['s2016']);
    expect(gap?.appears).toBe('2007-11-20');
    expect(gap?.disappears).toBeNull();
    expect(gap?.current).toBe(true);

    const first = unitHistory(office(), 'first');
    expect(first?.appears).toBe('2007-11-20');
    expect(first?.lastListed).toBe('2007-11-20');
    expect(first?.disappears).toBe('2016-02-01');
    expect(first?.current).toBe(false);

    const library = unitHistory(office(), 'library');
    expect(library?.appears).toBe('1955-01');
    expect(library?.otherNames.map((n) => n.text)).toEqual(['旧图书馆', 'Reading Room', 'Library of the Office']);
    expect(library?.events.map((e) => e.id)).toEqual(['e-old']);

    const old = unitHistory(office(), 'old-unit');
    expect(old?.disappears).toBe('2008-07-10');
    expect(old?.events.map((e) => e.id)).toEqual(['e-reform']);
  });

  it('a unit with no dated record has an empty history; an unknown id has none', () => {
    const undated = unitHistory(office(), 'undated');
    expect(undated).toMatchObject({ listedIn: [], leftOutOf: [], appears: null, disappears: null, current: true });
    expect(unitHistory(office(), 'nope')).toBeNull();
  });
});

describe('loading a chart with dated records', () => {
  it('indexes today’s structure and keeps the whole file as fullChart', () => {
    const result = loadChart(office(), 'office.json');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect([...result.index.byId.keys()]).toEqual(['office', 'departments', 'bureau', 'gap', 'undated', 'library']);
    expect(result.index.fullChart.units).toHaveLength(10);
  });

  it('refuses listings of unknown snapshots, events of unknown units and uncited sources', () => {
    const chart = office();
    const broken: OrgChart = {
      ...chart,
      units: chart.units.map((u) => (u.id === 'first' ? { ...u, listed: [{ snapshot: 's1900' }] } : u)),
      events: [{ id: 'e', date: '2000', text: 'x', units: ['ghost'], cite: { source: 'nowhere' } }],
    };
    const result = loadChart(broken, 'broken.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['units[2].listed[0].snapshot', 'events[0].units[0]', 'events[0].cite.source']),
    );
  });
});

describe('the bundled charts', () => {
  const files = ['npcsc-general-office.json', 'state-council-general-office.json'];

  it.each(files)('%s: every dated record cites a source with an address', (file) => {
    const chart = orgChartSchema.parse(readBundledChart(file));
    const withUrl = new Set(chart.sources.filter((s) => s.url !== undefined).map((s) => s.id));
    const missing: string[] = [];
    const need = (cite: { source: string } | undefined, where: string) => {
      if (!cite || !withUrl.has(cite.source)) missing.push(where);
    };
    chart.snapshots?.forEach((s) => need(s.cite, `snapshot ${s.id}`));
    chart.events?.forEach((e) => need(e.cite, `event ${e.id}`));
    for (const u of chart.units) {
      u.periods?.forEach((p, i) => need(p.cite, `${u.id}.periods[${i}]`));
      u.otherNames?.forEach((n, i) => need(n.cite, `${u.id}.otherNames[${i}]`));
      u.posts?.forEach((p) =>
        p.holders.forEach((h) => {
          need(h.cite, `${u.id} ${p.title} ${h.name}`);
          h.otherDates?.forEach((d, i) => need(d.cite, `${u.id} ${p.title} ${h.name} otherDates[${i}]`));
        }),
      );
      u.leaders?.forEach((l) => l.term && need(l.term.cite, `${u.id} leader ${l.name}`));
    }
    expect(missing).toEqual([]);
  });

  it('today’s view is the seed’s: the same units as before the dated records, in the same order', () => {
    expect([...loadBundledIndex('npcsc-general-office.json').byId.keys()]).toEqual([
      'npcsc-general-office',
      'departments',
      'affiliated-institutions',
      'secretariat',
      'research-office',
      'liaison-bureau',
      'foreign-affairs-bureau',
      'information-bureau',
      'letters-and-calls-bureau',
      'personnel-bureau',
      'bureau-of-veteran-cadres',
      'institutional-affairs-administration-bureau',
      'party-branch-of-the-npcsc',
      'commission-of-discipline-inspection-of-the-npcsc',
      'trade-union-of-the-npcsc',
      'great-hall-of-the-people-administration-bureau',
      'national-peoples-congress-service-center',
      'national-peoples-congress-training-center',
      'national-peoples-congress-information-center',
      'national-peoples-congress-library',
      'national-peoples-congress-conference-center',
      'national-peoples-congress-of-china',
      'national-peoples-congress-procurement-center',
    ]);
    expect([...loadBundledIndex('state-council-general-office.json').byId.keys()]).toEqual([
      'state-council-general-office',
      'affiliated-institutions',
      'china-government-network-operation-center',
    ]);
  });

  const bundled = (file: string) => orgChartSchema.parse(readBundledChart(file));
  const idsOn = (file: string, date: string | null) => ids(structureAsOf(bundled(file), date));

  it('the NPC office as of 2007 has the First and Second Bureaus of Secretaries and no Research Office; as of 2016 the reverse', () => {
    const npc = 'npcsc-general-office.json';
    expect(idsOn(npc, '2007')).toEqual(expect.arrayContaining(['first-bureau-of-secretaries', 'second-bureau-of-secretaries']));
    expect(idsOn(npc, '2007')).not.toEqual(expect.arrayContaining(['research-office']));
    expect(idsOn(npc, '2007')).not.toContain('secretariat');
    expect(idsOn(npc, '2016')).toEqual(expect.arrayContaining(['secretariat', 'research-office']));
    expect(idsOn(npc, '2016')).not.toContain('first-bureau-of-secretaries');
    expect(idsOn(npc, '2019')).toEqual(expect.arrayContaining(['bureau-of-veteran-cadres', 'national-peoples-congress-conference-center']));
    expect(idsOn(npc, null)).not.toContain('first-bureau-of-secretaries');
  });

  it('the State Council office as of 1998 has the six bureaus; as of 2008 the units the 2008 regulation and 中评社 name, without the letters bureau', () => {
    const sc = 'state-council-general-office.json';
    const six = [
      'first-bureau-of-secretaries',
      'second-bureau-of-secretaries',
      'third-bureau-of-secretaries',
      'bureau-of-letters-and-visits',
      'department-of-personnel',
      'department-of-administration',
    ];
    expect(idsOn(sc, '1998')).toEqual(expect.arrayContaining(six));
    const in2008 = idsOn(sc, '2008');
    expect(in2008).toEqual(
      expect.arrayContaining(['first-bureau-of-secretaries', 'emergency-management-office', 'supervision-office', 'e-government-office', 'finance-office']),
    );
    expect(in2008).not.toContain('bureau-of-letters-and-visits');
    expect(idsOn(sc, '2005')).toContain('national-public-complaints-and-proposals-administration');
    expect(idsOn(sc, '2023-06')).not.toContain('national-public-complaints-and-proposals-administration');
    expect(idsOn(sc, '1990')).not.toContain('internal-units');
  });

  it('the top card’s holder on a date, for both offices', () => {
    const secretaryGeneral = (file: string, date: string | null) => structureAsOf(bundled(file), date).units[0]?.leaders?.[0]?.name;
    expect(secretaryGeneral('npcsc-general-office.json', '1960')).toBe('Peng Zhen');
    expect(secretaryGeneral('npcsc-general-office.json', '2019')).toBe('Yang Zhenwu');
    expect(secretaryGeneral('npcsc-general-office.json', null)).toBe('Liu Qi');
    expect(secretaryGeneral('state-council-general-office.json', '1950')).toBe('Li Weihan');
    expect(secretaryGeneral('state-council-general-office.json', '2008')).toBe('Ma Kai');
    expect(secretaryGeneral('state-council-general-office.json', '1977')).toBeUndefined(); // the post abolished 1975–1979
    expect(secretaryGeneral('state-council-general-office.json', null)).toBe('Wu Zhenglong');
  });

  it('keeps disagreements with both sources: Zhou Rongxin’s start and Peng Zhen’s end', () => {
    const sc = bundled('state-council-general-office.json');
    const zhou = sc.units[0]?.posts?.flatMap((p) => p.holders).find((h) => h.name === 'Zhou Rongxin');
    expect(zhou?.from).toBe('1965-01');
    expect(zhou?.otherDates?.[0]).toMatchObject({ from: '1963-03', cite: { source: 'viwiki-sc-sg' } });
    const peng = bundled('npcsc-general-office.json').units[0]?.posts?.[0]?.holders[0];
    expect(peng?.otherDates?.[0]).toMatchObject({ until: '1965-01-03' });
  });
});
