import { describe, expect, it } from 'vitest';

import { buildSearchIndex, highlightSegments, type SearchResult, searchUnits, searchUnitsCounted } from '../../src/model/search.ts';
import { indexChart } from '../../src/model/tree.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';
import { bureauUnits, indexedChart, richBureauUnits } from './search-fixtures.ts';

const npc = loadBundledIndex('npcsc-general-office.json');
const stateCouncil = loadBundledIndex('state-council-general-office.json');
const bundled = buildSearchIndex([npc, stateCouncil]);

/** The highlighted pieces of a result's matched text. */
function lit(result: SearchResult | undefined): string[] {
  if (!result) return [];
  return result.highlights.map(([start, end]) => result.matchedText.slice(start, end));
}

/** What a result marks in the details panel: each of its unit's texts named in `marks`, cut to the marked pieces. */
function marked(result: SearchResult | undefined): Record<string, string[]> {
  if (!result) return {};
  const unit = [npc, stateCouncil].find((index) => index.chart.id === result.chartId)?.byId.get(result.unitId);
  const textOf = (key: string): string => {
    const [kind = '', i = 0, part = ''] = key.split(':').map((piece, n) => (n === 1 ? Number(piece) : piece)) as [string, number, string];
    if (kind === 'name') return unit?.name ?? '';
    if (kind === 'native') return unit?.nativeName?.text ?? '';
    if (kind === 'function') return unit?.functions?.[i]?.text ?? '';
    if (kind === 'note') return unit?.notes?.[i]?.text ?? '';
    if (kind === 'fact') return (part === 'label' ? unit?.facts?.[i]?.label : unit?.facts?.[i]?.value) ?? '';
    const leader = unit?.leaders?.[i];
    return (part === 'title' ? leader?.title : part === 'name' ? leader?.name : leader?.nativeName?.text) ?? '';
  };
  return Object.fromEntries(Object.entries(result.marks).map(([key, ranges]) => [key, ranges.map(([a, b]) => textOf(key).slice(a, b))]));
}

function ids(results: readonly SearchResult[]): string[] {
  return results.map((r) => r.unitId);
}

describe('how many match', () => {
  it('counts every matching unit, beyond the few it returns', () => {
    const units = [{ id: 'root', name: 'Head office' }, ...Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, parentId: 'root', name: `Team ${i}` }))];
    const result = indexChart(chartOf(units));
    if (!result.ok) throw new Error('bad chart');
    const index = buildSearchIndex([result.index]);
    const { results, total } = searchUnitsCounted(index, 'team', 12);
    expect(results).toHaveLength(12);
    expect(total).toBe(30);
    expect(searchUnitsCounted(index, 'team 7', 12).results[0]?.unitId).toBe('t7');
    expect(searchUnitsCounted(index, 'zzzz', 12)).toEqual({ results: [], total: 0 });
  });
});

describe('finding units by their English names', () => {
  it('finds the Liaison Bureau by one word of its name, whatever the case', () => {
    for (const query of ['liaison', 'LIAISON', '  Liaison ']) {
      const [first] = searchUnits(bundled, query);
      expect(first).toMatchObject({
        chartId: 'npcsc-general-office',
        unitId: 'liaison-bureau',
        name: 'Liaison Bureau',
        field: 'name',
        matchedText: 'Liaison Bureau',
      });
      expect(first?.highlights).toEqual([[0, 7]]);
    }
  });

  it('ignores accents in the query and in the names, and highlights the accented original', () => {
    const index = buildSearchIndex([
      indexedChart('accents', [
        { id: 'root', name: 'Café Régional' },
        { id: 'decomposed', parentId: 'root', name: 'Cafe\u0301 Annex, Second Floor' },
      ]),
    ]);
    const [first, second] = searchUnits(index, 'cafe');
    expect(first?.unitId).toBe('root');
    expect(lit(first)).toEqual(['Café']);
    expect(second?.unitId).toBe('decomposed');
    expect(lit(second)).toEqual(['Cafe\u0301']);
    expect(ids(searchUnits(index, 'CAFÉ RÉGIONAL'))).toEqual(['root']);
    expect(ids(searchUnits(index, 'regional'))).toEqual(['root']);
  });

  it('treats "Peoples", "people\'s" and "people’s" alike', () => {
    for (const query of ['Peoples Congress Library', "people's congress library", 'People’s Congress Library']) {
      const [first] = searchUnits(bundled, query);
      expect(first?.unitId).toBe('national-peoples-congress-library');
      expect(lit(first)).toEqual(["People's Congress Library"]);
    }
    expect(ids(searchUnits(bundled, 'Peoples'))).toContain('national-peoples-congress-library');
  });
});

describe('finding units by their Chinese names', () => {
  it('finds the State Council’s General Office by 国务院 inside its full Chinese name', () => {
    const [first] = searchUnits(bundled, '国务院');
    expect(first).toMatchObject({
      unitId: 'state-council-general-office',
      field: 'nativeName',
      matchedText: '中华人民共和国国务院办公厅',
      nativeName: '中华人民共和国国务院办公厅',
    });
    expect(lit(first)).toEqual(['国务院']);
  });

  it('finds the Liaison Bureau by 联络局', () => {
    const results = searchUnits(bundled, '联络局');
    expect(ids(results)).toEqual(['liaison-bureau']);
    expect(lit(results[0])).toEqual(['联络局']);
  });

  it('finds the State Council’s General Office by the pinyin guowuyuan, with or without spaces or tone marks', () => {
    for (const query of ['guowuyuan', 'guo wu yuan', 'GuoWuYuan', 'guówùyuàn']) {
      const [first] = searchUnits(bundled, query);
      expect(first).toMatchObject({ unitId: 'state-council-general-office', field: 'pinyin', matchedText: '中华人民共和国国务院办公厅' });
      expect(lit(first)).toEqual(['国务院']);
    }
  });

  it('matches pinyin only from the start of a syllable', () => {
    expect(ids(searchUnits(bundled, 'uowuyuan'))).toEqual([]);
    expect(ids(searchUnits(bundled, 'lianluoju'))).toEqual(['liaison-bureau']);
  });

  it('finds units by the initials of their pinyin, from two letters on', () => {
    const [first] = searchUnits(bundled, 'gwy');
    expect(first).toMatchObject({ unitId: 'state-council-general-office', field: 'initials' });
    expect(lit(first)).toEqual(['国务院']);
    // 中国政府网运行中心: z g z f w y x z x
    expect(searchUnits(bundled, 'zx')[0]).toMatchObject({ unitId: 'china-government-network-operation-center', field: 'initials' });
    expect(ids(searchUnits(bundled, 'x'))).not.toContain('china-government-network-operation-center');
  });

  it('ranks a unit whose English name matches above one that only matches by pinyin initials', () => {
    const index = buildSearchIndex([indexedChart('wales', [{ id: 'gwynedd', name: 'Gwynedd Office' }]), stateCouncil]);
    const results = searchUnits(index, 'gwy');
    expect(ids(results)).toEqual(['gwynedd', 'state-council-general-office']);
    expect(results.map((r) => r.field)).toEqual(['name', 'initials']);
  });
});

describe('finding units by their leaders, functions and facts', () => {
  it('finds the NPC General Office by its Secretary-General, Liu Qi', () => {
    const [first] = searchUnits(bundled, 'Liu Qi');
    expect(first).toMatchObject({
      unitId: 'npcsc-general-office',
      field: 'leader',
      matchedText: 'Secretary-General: Liu Qi',
      path: ['NPC Standing Committee'],
    });
    expect(lit(first)).toEqual(['Liu Qi']);
  });

  it('highlights words that stand side by side as one piece, whatever order they were typed in', () => {
    const [first] = searchUnits(bundled, 'Qi Liu');
    expect(first).toMatchObject({ unitId: 'npcsc-general-office', field: 'leader' });
    expect(first?.highlights).toEqual([[19, 25]]);
  });

  it('finds the State Council’s General Office by Wu Zhenglong, in English or as 吴政隆', () => {
    const [english] = searchUnits(bundled, 'Wu Zhenglong');
    expect(english).toMatchObject({
      unitId: 'state-council-general-office',
      field: 'leader',
      matchedText: 'Secretary-General of the State Council: Wu Zhenglong',
    });
    expect(lit(english)).toEqual(['Wu Zhenglong']);
    const [chinese] = searchUnits(bundled, '吴政隆');
    expect(chinese).toMatchObject({
      unitId: 'state-council-general-office',
      field: 'leader',
      matchedText: 'Secretary-General of the State Council: Wu Zhenglong (吴政隆)',
    });
    expect(lit(chinese)).toEqual(['吴政隆']);
  });

  it('finds both General Offices by the title Secretary-General', () => {
    const results = searchUnits(bundled, 'Secretary-General');
    expect(ids(results).sort()).toEqual(['npcsc-general-office', 'state-council-general-office']);
    expect(results.every((r) => r.field === 'leader' && lit(r)[0] === 'Secretary-General')).toBe(true);
  });

  it('finds the State Council’s General Office by what it does, and shows that sentence', () => {
    const [stock] = searchUnits(bundled, 'overseas stock');
    expect(stock).toMatchObject({
      unitId: 'state-council-general-office',
      field: 'function',
      matchedText: 'The General Office also helps regulate the overseas stock market listings of Chinese companies.',
    });
    expect(lit(stock)).toEqual(['overseas stock']);
    // The ninth of its ten functions: the details panel is told where, to mark it and scroll to it.
    expect(marked(stock)).toEqual({ 'function:8': ['overseas stock'] });
    // The unit that runs gov.cn, by a cited fact, then the office whose function names it.
    const [operator, site] = searchUnits(bundled, 'gov.cn');
    expect(operator).toMatchObject({ unitId: 'china-government-network-operation-center', field: 'fact', matchedText: 'Runs: gov.cn' });
    expect(marked(operator)).toEqual({ 'fact:0:value': ['gov.cn'] });
    expect(site).toMatchObject({ unitId: 'state-council-general-office', field: 'function' });
    expect(lit(site)).toEqual(['gov.cn']);
    expect(marked(site)).toEqual({ 'function:9': ['gov.cn'] });
  });

  it('finds a unit by its editorial notes, below every other field, and says which note', () => {
    const [first] = searchUnits(bundled, 'Association of Theoretical Research');
    expect(first).toMatchObject({ unitId: 'npcsc-general-office', field: 'note' });
    expect(lit(first)).toEqual(['Association of Theoretical Research']);
    expect(marked(first)).toEqual({ 'note:1': ['Association of Theoretical Research'] });
    const index = buildSearchIndex([
      indexedChart('notes', [
        { id: 'root', name: 'Root Office' },
        { id: 'noted', parentId: 'root', name: 'Noted Desk', notes: [{ text: 'Once called the Archive.' }] },
        { id: 'function', parentId: 'root', name: 'Function Desk', functions: [{ text: 'Keeps the archive.' }] },
      ]),
    ]);
    expect(searchUnits(index, 'archive').map((r) => [r.unitId, r.field])).toEqual([
      ['function', 'function'],
      ['noted', 'note'],
    ]);
  });

  it('places each highlight on the text the panel shows it in: a leader’s title, name and Chinese name, a fact’s label and value', () => {
    const [head] = searchUnits(bundled, 'deputy Hu Xiaoli');
    expect(head).toMatchObject({ unitId: 'npcsc-general-office', field: 'leader', matchedText: 'Deputy Secretaries-General: Hu Xiaoli' });
    expect(marked(head)).toEqual({ 'leader:3:title': ['Deputy'], 'leader:3:name': ['Hu Xiaoli'] });
    const [native] = searchUnits(bundled, '刘奇');
    expect(native).toMatchObject({ field: 'leader', matchedText: 'Secretary-General: Liu Qi (刘奇)' });
    expect(marked(native)).toEqual({ 'leader:0:native': ['刘奇'] });
    const [place] = searchUnits(bundled, 'headquarters zhongnanhai');
    expect(place).toMatchObject({ field: 'fact', matchedText: 'Headquarters: 2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing' });
    expect(marked(place)).toEqual({ 'fact:4:label': ['Headquarters'], 'fact:4:value': ['Zhongnanhai'] });
    expect(marked(searchUnits(bundled, 'liaison')[0])).toEqual({ name: ['Liaison'] });
    expect(marked(searchUnits(bundled, 'guowuyuan')[0])).toEqual({ native: ['国务院'] });
  });

  it('finds a unit by one of its facts, shown as "Label: value"', () => {
    const [first] = searchUnits(bundled, 'Zhongnanhai');
    expect(first).toMatchObject({
      unitId: 'state-council-general-office',
      field: 'fact',
      matchedText: 'Headquarters: 2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing',
    });
    expect(lit(first)).toEqual(['Zhongnanhai']);
  });
});

describe('forgiving typos', () => {
  it('finds the Liaison Bureau despite a transposed letter', () => {
    const [first] = searchUnits(bundled, 'Liasion');
    expect(first).toMatchObject({ unitId: 'liaison-bureau', field: 'name' });
    expect(lit(first)).toEqual(['Liaison']);
  });

  it('allows two typos in words of eight letters or more, one in shorter words, none below four', () => {
    expect(ids(searchUnits(bundled, 'Secratariet'))).toEqual(['secretariat']);
    expect(ids(searchUnits(bundled, 'Lxaisxn'))).toEqual([]);
    expect(ids(searchUnits(bundled, 'Bureua'))).toContain('liaison-bureau');
    // "thx" is one letter from "the", which is in many names: too short to forgive.
    expect(ids(searchUnits(bundled, 'thx'))).toEqual([]);
    expect(ids(searchUnits(bundled, 'Halx'))).toEqual(['great-hall-of-the-people-administration-bureau']);
  });

  it('forgives typos in leaders’ names but not in function text', () => {
    expect(searchUnits(bundled, 'Zhenglomg')[0]).toMatchObject({ unitId: 'state-council-general-office', field: 'leader' });
    expect(ids(searchUnits(bundled, 'overseas stokc'))).toEqual([]);
  });

  it('ranks a name with a typo below exact matches, even an exact leader match', () => {
    const index = buildSearchIndex([
      indexedChart('ports', [
        { id: 'root', name: 'Ports Office' },
        { id: 'harbor', parentId: 'root', name: 'Harbor Office' },
        { id: 'led', parentId: 'root', name: 'Quay Desk', leaders: [{ title: 'Director', name: 'Harbour Smith' }] },
        { id: 'harbour', parentId: 'root', name: 'Harbour Office' },
      ]),
    ]);
    expect(ids(searchUnits(index, 'harbour'))).toEqual(['harbour', 'led', 'harbor']);
  });
});

describe('queries of several words', () => {
  it('finds the Letters and Calls Bureau when every word matches, in any place', () => {
    const [first] = searchUnits(bundled, 'letters calls');
    expect(first?.unitId).toBe('letters-and-calls-bureau');
    expect(lit(first)).toEqual(['Letters', 'Calls']);
    expect(ids(searchUnits(bundled, 'calls letters'))).toContain('letters-and-calls-bureau');
  });

  it('finds nothing when one word matches nothing', () => {
    expect(searchUnits(bundled, 'letters calls zebra')).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks the Information Bureau above the Information Center, and both above a unit that only mentions information in a function', () => {
    const press = indexedChart('press', [{ id: 'press-desk', name: 'Press Desk', functions: [{ text: 'Publishes information for the public.' }] }]);
    const results = searchUnits(buildSearchIndex([press, npc]), 'information');
    expect(ids(results)).toEqual(['information-bureau', 'national-peoples-congress-information-center', 'press-desk']);
    expect(results.map((r) => r.field)).toEqual(['name', 'name', 'function']);
  });

  it('lists bureaus for "bureau": the one whose name starts with it first, then shorter names first', () => {
    const names = searchUnits(bundled, 'bureau').map((r) => r.name);
    expect(names).toEqual([
      'Bureau of Veteran Cadres',
      'Liaison Bureau',
      'Personnel Bureau',
      'Information Bureau',
      'Foreign Affairs Bureau',
      'Letters and Calls Bureau',
      'Institutional Affairs Administration Bureau',
      'Great Hall of the People Administration Bureau',
      // Found by another name the NPC's own lists give it: "Bureau of Secretaries".
      'Secretariat',
    ]);
  });

  it('puts units of the past after today’s units matched as well, but an exact name of the past before a prefix', () => {
    const chart = indexedChart('office', [
      { id: 'root', name: 'Office' },
      { id: 'old', parentId: 'root', name: 'Bureau of Archives' },
      { id: 'new', parentId: 'root', name: 'Bureau of Archives and Records' },
    ]);
    const isPast = (_chart: string, unitId: string) => unitId === 'old';
    expect(ids(searchUnits(buildSearchIndex([chart]), 'archives'))).toEqual(['old', 'new']);
    expect(ids(searchUnits(buildSearchIndex([chart], { isPast }), 'archives'))).toEqual(['new', 'old']);
    expect(ids(searchUnits(buildSearchIndex([chart], { isPast }), 'bureau of archives'))).toEqual(['old', 'new']);
  });

  it('finds a unit by another name a source gives it, and says that is what matched', () => {
    const [first] = searchUnits(bundled, 'Bureau for Reception of Letters and Visits');
    expect(first).toMatchObject({ name: 'Letters and Calls Bureau', field: 'otherName', matchedText: 'Bureau for Reception of Letters and Visits' });
    expect(searchUnits(bundled, 'Bureau of Secretaries')[0]).toMatchObject({ name: 'Secretariat', field: 'otherName' });
  });

  it('ranks an exact name, then a name prefix, a word, a substring; ties go to the shorter name, then to chart order', () => {
    const second = indexedChart('second', [{ id: 'library-2', name: 'Library' }]);
    const first = indexedChart('first', [
      { id: 'root', name: 'Sublibrary' },
      { id: 'old', parentId: 'root', name: 'Old Library' },
      { id: 'annex', parentId: 'root', name: 'Library Annex' },
      { id: 'library-1', parentId: 'root', name: 'Library' },
      { id: 'long-annex', parentId: 'root', name: 'Library Annex Two' },
    ]);
    const results = searchUnits(buildSearchIndex([second, first]), 'library');
    expect(ids(results)).toEqual(['library-2', 'library-1', 'annex', 'long-annex', 'old', 'root']);
    // Each step down is a lower score, not only a longer name.
    const [exact, , prefix, , word, substring] = results.map((r) => r.score);
    expect(exact).toBeGreaterThan(prefix ?? Infinity);
    expect(prefix).toBeGreaterThan(word ?? Infinity);
    expect(word).toBeGreaterThan(substring ?? Infinity);
    expect(ids(searchUnits(buildSearchIndex([first, second]), 'library')).slice(0, 2)).toEqual(['library-1', 'library-2']);
  });

  it('ranks name > native name > pinyin > initials > leader > fact > function', () => {
    const index = buildSearchIndex([
      indexedChart('fields', [
        { id: 'root', name: 'Root Office' },
        { id: 'function', parentId: 'root', name: 'Function Desk', functions: [{ text: 'Keeps the Zhang family papers.' }] },
        { id: 'fact', parentId: 'root', name: 'Fact Desk', facts: [{ label: 'Founder', value: 'Zhang Heng' }] },
        { id: 'leader', parentId: 'root', name: 'Leader Desk', leaders: [{ title: 'Head', name: 'Zhang Wei' }] },
        { id: 'initials', parentId: 'root', name: 'Initials Desk', nativeName: { text: '中华安宁港', lang: 'zh-Hans' } },
        { id: 'pinyin', parentId: 'root', name: 'Pinyin Desk', nativeName: { text: '张', lang: 'zh-Hans' } },
        { id: 'native', parentId: 'root', name: 'Native Desk', nativeName: { text: 'ZHANG局' } },
        { id: 'name', parentId: 'root', name: 'Zhang Hall' },
      ]),
    ]);
    const results = searchUnits(index, 'zhang');
    expect(ids(results)).toEqual(['name', 'native', 'pinyin', 'initials', 'leader', 'fact', 'function']);
    expect(results.map((r) => r.field)).toEqual(['name', 'nativeName', 'pinyin', 'initials', 'leader', 'fact', 'function']);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('returns at most `limit` results, the best ones', () => {
    const all = searchUnits(bundled, 'bureau');
    expect(searchUnits(bundled, 'bureau', 3)).toEqual(all.slice(0, 3));
    expect(searchUnits(bundled, 'bureau', 0)).toEqual([]);
  });
});

describe('results', () => {
  it('returns nothing for an empty or blank query', () => {
    for (const query of ['', '   ', '\t\n', "'", '…']) expect(searchUnits(bundled, query)).toEqual([]);
  });

  it('lists each unit once, by its best field, even when a chart is given twice', () => {
    const twice = buildSearchIndex([npc, stateCouncil, npc]);
    expect(twice.unitCount).toBe(npc.preorder.length + stateCouncil.preorder.length);
    const results = searchUnits(twice, 'state council');
    expect(results.filter((r) => r.unitId === 'state-council-general-office')).toHaveLength(1);
    expect(results[0]).toMatchObject({ unitId: 'state-council-general-office', field: 'name' });
    const keys = searchUnits(twice, 'bureau').map((r) => `${r.chartId}/${r.unitId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives the path from the chart’s short title down to the parent, leaving out the root', () => {
    expect(searchUnits(bundled, 'liaison')[0]?.path).toEqual(['NPC Standing Committee', 'Departments']);
    expect(searchUnits(bundled, 'Zhongnanhai')[0]?.path).toEqual(['State Council']);
    expect(searchUnits(bundled, 'network operation')[0]?.path).toEqual(['State Council', 'Directly affiliated institutions']);
    const untitled = indexedChart(
      'deep',
      [
        { id: 'a', name: 'Alpha' },
        { id: 'b', parentId: 'a', name: 'Beta' },
        { id: 'c', parentId: 'b', name: 'Gamma' },
      ],
      { title: 'Deep Chart' },
    );
    expect(searchUnits(buildSearchIndex([untitled]), 'gamma')[0]?.path).toEqual(['Deep Chart', 'Beta']);
  });

  it('searches a 10,000-unit chart', () => {
    const result = indexChart(chartOf(bureauUnits(10_000)));
    if (!result.ok) throw new Error('the generated chart should index');
    const index = buildSearchIndex([result.index]);
    expect(index.unitCount).toBe(10_000);
    const [exact] = searchUnits(index, 'forestry 4242');
    expect(exact).toMatchObject({ unitId: 'unit-4242', name: 'Bureau of Forestry 4242', path: ['Test chart', 'Group 2'] });
    expect(lit(exact)).toEqual(['Forestry 4242']);
    expect(searchUnits(index, 'forestyr 4242')[0]?.unitId).toBe('unit-4242');
    const bureaus = searchUnits(index, 'bureau');
    expect(bureaus).toHaveLength(20);
    expect(bureaus.every((r) => r.name.startsWith('Bureau of '))).toBe(true);
    expect(bureaus[0]?.unitId).toBe('unit-0');
  });

  it('charges each hit to the right unit when every unit has leaders, functions and facts', () => {
    const index = buildSearchIndex([indexedChart('rich', richBureauUnits(10_000))]);
    // unit-N is the (N + 11)th unit, after the root and ten groups, so its leader is Person N+11.
    expect(searchUnits(index, 'Person 5566')[0]).toMatchObject({ unitId: 'unit-5555', field: 'leader', matchedText: 'Director-General: Person 5566' });
    expect(searchUnits(index, 'district 9876')[0]).toMatchObject({ unitId: 'unit-9865', field: 'function' });
    expect(ids(searchUnits(index, 'Person 5566 district 5566'))).toEqual(['unit-5566', 'unit-5555']); // unit-5566 by its name
    expect(searchUnits(index, 'Person 5566 district 5567')).toEqual([]);
    expect(ids(searchUnits(index, 'Persom 5566'))).toContain('unit-5555');
  });

  it('keeps working when a name holds the character that separates texts inside the index', () => {
    const index = buildSearchIndex([
      indexedChart('odd', [
        { id: 'root', name: 'Price ¤ Office' },
        { id: 'other', parentId: 'root', name: 'Office' },
      ]),
    ]);
    expect(ids(searchUnits(index, 'office'))).toEqual(['other', 'root']);
    expect(lit(searchUnits(index, 'price')[0])).toEqual(['Price']);
  });
});

describe('highlight segments', () => {
  it('splits text into plain and highlighted pieces', () => {
    expect(highlightSegments('Liaison Bureau', [[0, 7]])).toEqual([
      { text: 'Liaison', match: true },
      { text: ' Bureau', match: false },
    ]);
    expect(
      highlightSegments('Letters and Calls Bureau', [
        [12, 17],
        [0, 7],
      ])
        .map((s) => (s.match ? `[${s.text}]` : s.text))
        .join(''),
    ).toBe('[Letters] and [Calls] Bureau');
  });

  it('joins overlapping ranges and ignores empty or out-of-bounds ones', () => {
    expect(
      highlightSegments('abcdef', [
        [1, 3],
        [2, 4],
        [5, 5],
        [4, 99],
        [-3, 0],
      ]),
    ).toEqual([
      { text: 'a', match: false },
      { text: 'bcdef', match: true },
    ]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('', [[0, 1]])).toEqual([]);
  });
});
