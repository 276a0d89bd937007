import { describe, expect, it } from 'vitest';

import { compareCharts, type CompareRow, type Comparison, counterpartsOf } from '../../src/model/compare.ts';
import { structureAsOf } from '../../src/model/history.ts';
import { indexChart, type OrgIndex } from '../../src/model/tree.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';

const TODAY = new Date(Date.UTC(2026, 10, 23));

function indexOf(units: Parameters<typeof chartOf>[0]): OrgIndex {
  const result = indexChart(chartOf(units));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.index;
}

function rowOf(comparison: Comparison, id: string): CompareRow {
  const found = comparison.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}; rows: ${comparison.rows.map((r) => r.id).join(', ')}`);
  return found;
}

function pairsOf(comparison: Comparison): [string, string][] {
  return comparison.counterparts.map((pair) => [pair.leftId, pair.rightId]);
}

describe('comparing the two bundled charts', () => {
  const npc = loadBundledIndex('npcsc-general-office.json');
  const stateCouncil = loadBundledIndex('state-council-general-office.json');
  const comparison = compareCharts(npc, stateCouncil, TODAY);

  it('lists the rows in a fixed order, one per kind of unit between the deputies and the functions', () => {
    expect(comparison.rows.map((r) => r.id)).toEqual([
      'formed',
      'parentBody',
      'typeOrJurisdiction',
      'location',
      'head',
      'deputies',
      'kind:department',
      'kind:institution',
      'functions',
      'onlyLeft',
      'onlyRight',
    ]);
    for (const r of comparison.rows) {
      expect(r.left.text).not.toBe('');
      expect(r.right.text).not.toBe('');
    }
  });

  it('shows both formation dates in words with their ages on a fixed day', () => {
    const formed = rowOf(comparison, 'formed');
    expect(formed.left).toMatchObject({ stated: true, text: '27 September 1954 (72 years)' });
    expect(formed.right).toMatchObject({ stated: true, text: '27 September 1949 (77 years)' });
    expect(formed.differs).toBe(true);
  });

  it('says what two different cells share, by a stated rule: the day of formation, the title of head, a place', () => {
    expect(rowOf(comparison, 'formed')).toMatchObject({ agreement: 'alike', alike: { kind: 'sameDay', monthDay: '09-27' } });
    expect(rowOf(comparison, 'head')).toMatchObject({ agreement: 'alike', alike: { kind: 'sameTitle', title: 'Secretary-General' } });
    expect(rowOf(comparison, 'location')).toMatchObject({ agreement: 'alike', alike: { kind: 'samePlace', place: 'Xicheng District' } });
    // One side only: nothing to be alike in.
    expect(rowOf(comparison, 'parentBody')).toMatchObject({ agreement: 'differs' });
    expect(rowOf(comparison, 'parentBody').alike).toBeUndefined();
  });

  it('states the parent body only on the NPC side and says "not stated" on the State Council side', () => {
    const parent = rowOf(comparison, 'parentBody');
    expect(parent.left).toMatchObject({ stated: true, text: "Standing Committee of the National People's Congress" });
    expect(parent.right).toEqual({ stated: false, text: 'not stated' });
    expect(parent.differs).toBe(true);
  });

  it('joins type and jurisdiction, and states both headquarters', () => {
    const type = rowOf(comparison, 'typeOrJurisdiction');
    expect(type.left.text).toBe("Type: Administrative agency of the Standing Committee of the National People's Congress");
    expect(type.right.text).toBe('Type: Administrative agency of the State Council; Jurisdiction: State Council of China');
    const location = rowOf(comparison, 'location');
    expect(location.label).toBe('Headquarters / location');
    expect(location.left.stated).toBe(true);
    expect(location.left.text).toContain('Qianmen West Street');
    expect(location.right.stated).toBe(true);
    expect(location.right.text).toContain('Zhongnanhai');
  });

  it('names both heads with their titles and counts the deputies with their names', () => {
    expect(rowOf(comparison, 'head').left.text).toBe('Secretary-General: Liu Qi');
    expect(rowOf(comparison, 'head').right.text).toBe('Secretary-General of the State Council: Wu Zhenglong');
    const deputies = rowOf(comparison, 'deputies');
    expect(deputies.left.text).toBe('5: Liu Junchen, He Xin, Hu Xiaoli, Ouyang Changqiong, Song Rui');
    expect(deputies.left.items).toEqual(['Liu Junchen', 'He Xin', 'Hu Xiaoli', 'Ouyang Changqiong', 'Song Rui']);
    expect(deputies.right.text).toBe('1: Wang Zhijun');
    expect(deputies.right.items).toEqual(['Wang Zhijun']);
  });

  it('counts departments 12 against 0 (a stated zero) and institutions 8 against 1', () => {
    const departments = rowOf(comparison, 'kind:department');
    expect(departments.label).toBe('Departments');
    expect(departments.left).toMatchObject({ stated: true, text: '12' });
    expect(departments.right).toMatchObject({ stated: true, text: '0' });
    const institutions = rowOf(comparison, 'kind:institution');
    expect(institutions.label).toBe('Affiliated institutions');
    expect([institutions.left.text, institutions.right.text]).toEqual(['8', '1']);
    expect(institutions.right.items).toEqual(['China Government Network Operation Center']);
  });

  it('groups units under the headings they sit under, counting the units and not the headings', () => {
    expect(comparison.kindGroups.map((g) => [g.key, g.label, g.leftIds.length, g.rightIds.length])).toEqual([
      ['group:departments', 'Departments', 12, 0],
      ['group:directly affiliated institutions', 'Directly affiliated institutions', 8, 1],
    ]);
    const institutions = comparison.kindGroups[1];
    expect(institutions?.rightIds).toEqual(['china-government-network-operation-center']);
  });

  it('counts functions 2 against 10 and lists their texts', () => {
    const functions = rowOf(comparison, 'functions');
    expect(functions.left.text).toBe('2 functions');
    expect(functions.right.text).toBe('10 functions');
    expect(functions.right.items).toHaveLength(10);
    expect(functions.right.items?.[9]).toContain('gov.cn');
  });

  it('lists what only one side has: History on the left; Agency name and the See also bodies on the right', () => {
    const onlyLeft = rowOf(comparison, 'onlyLeft');
    expect(onlyLeft.left.text).toBe('History');
    expect(onlyLeft.left.items?.[0]).toMatch(/^History: The General Office of the NPCSC was established in 1954/);
    expect(onlyLeft.right.stated).toBe(false);
    const onlyRight = rowOf(comparison, 'onlyRight');
    expect(onlyRight.right.text).toBe('Agency name; See also: 5 bodies');
    expect(onlyRight.right.items).toContain("Agency name: General Office of the State Council, of the People's Republic of China");
    expect(onlyRight.right.items).toContain('See also: Office of the Premier of China');
    expect(onlyRight.right.items).toHaveLength(6);
    expect(onlyRight.left.stated).toBe(false);
    // Facts that have rows of their own (parent body, jurisdiction) are not repeated here.
    expect(onlyLeft.left.items?.some((item) => item.startsWith('Parent body'))).toBe(false);
    expect(onlyRight.right.items?.some((item) => item.startsWith('Jurisdiction'))).toBe(false);
  });

  it('pairs the two roots and the two "Directly affiliated institutions" headings, and nothing else', () => {
    expect(comparison.counterparts).toEqual([
      { leftId: 'npcsc-general-office', rightId: 'state-council-general-office', reason: { kind: 'roots' }, score: 1 },
      { leftId: 'affiliated-institutions', rightId: 'affiliated-institutions', reason: { kind: 'sameGroup' }, score: 1 },
    ]);
  });

  it('leaves the China Government Network Operation Center without a counterpart', () => {
    // "China" is a State Council org word (it is in the chart's description and the root's
    // official name), so the name reduces to {government, network, operation, center}. The
    // closest NPC institution, "National People's Congress Information Center", reduces to
    // {information, center}: the only shared word is the generic "center", the head words
    // differ (government vs information) and the overlap is 1/5 < 0.5, so there is no pair.
    expect(comparison.uniqueRight).toEqual(['china-government-network-operation-center']);
    expect(counterpartsOf(comparison, 'right', 'china-government-network-operation-center')).toEqual([]);
    expect(comparison.uniqueLeft).toHaveLength(npc.preorder.length - 2);
    expect(comparison.uniqueLeft[0]).toBe('departments');
    expect(comparison.uniqueLeft).toContain('national-peoples-congress-information-center');
  });
});

describe('comparing made-up charts', () => {
  it('finds no differences between two identical charts and pairs every unit with its twin', () => {
    const npc = loadBundledIndex('npcsc-general-office.json');
    const twin = loadBundledIndex('npcsc-general-office.json');
    const comparison = compareCharts(npc, twin, TODAY);
    expect(comparison.rows.filter((r) => r.differs).map((r) => r.id)).toEqual([]);
    expect(rowOf(comparison, 'onlyLeft').left.stated).toBe(false);
    expect(comparison.uniqueLeft).toEqual([]);
    expect(comparison.uniqueRight).toEqual([]);
    expect(comparison.counterparts).toHaveLength(npc.preorder.length);
    for (const pair of comparison.counterparts) expect(pair.rightId).toBe(pair.leftId);
  });

  it('pairs twins by position when a name repeats in two places', () => {
    const units = [
      { id: 'root', name: 'Head Office', kind: 'office' },
      { id: 'a', parentId: 'root', name: 'Bureau A', kind: 'department' },
      { id: 'a-sec', parentId: 'a', name: 'Secretariat', kind: 'department' },
      { id: 'b', parentId: 'root', name: 'Bureau B', kind: 'department' },
      { id: 'b-sec', parentId: 'b', name: 'Secretariat', kind: 'department' },
    ];
    const comparison = compareCharts(indexOf(units), indexOf(units), TODAY);
    expect(pairsOf(comparison)).toEqual(units.map((u) => [u.id, u.id]));
    expect(comparison.rows.some((r) => r.differs)).toBe(false);
  });

  it('compares a chart that is only a root with a full chart: zero counts, "not stated" rows, everything else unique', () => {
    const bare = indexOf([{ id: 'bare', name: 'Bare Office', kind: 'office' }]);
    const npc = loadBundledIndex('npcsc-general-office.json');
    const comparison = compareCharts(bare, npc, TODAY);
    for (const id of ['formed', 'parentBody', 'typeOrJurisdiction', 'location', 'head', 'deputies', 'functions']) {
      expect(rowOf(comparison, id).left).toEqual({ stated: false, text: 'not stated' });
      expect(rowOf(comparison, id).differs).toBe(true);
    }
    expect(rowOf(comparison, 'kind:department').left).toMatchObject({ stated: true, text: '0' });
    expect(rowOf(comparison, 'kind:institution').left).toMatchObject({ stated: true, text: '0' });
    expect(rowOf(comparison, 'kind:department').right.text).toBe('12');
    expect(rowOf(comparison, 'onlyRight').right.text).toBe('History');
    // Nothing only on the left: not stated on both sides, which is no difference.
    expect(rowOf(comparison, 'onlyLeft').differs).toBe(false);
    expect(pairsOf(comparison)).toEqual([['bare', 'npcsc-general-office']]);
    expect(comparison.uniqueLeft).toEqual([]);
    expect(comparison.uniqueRight).toEqual(npc.preorder.slice(1));
  });

  it('pairs units by name across charts of different depth (3 levels against 5)', () => {
    const shallow = indexOf([
      { id: 'l-root', name: 'Left Agency', kind: 'office' },
      { id: 'l-sec', parentId: 'l-root', name: 'Secretariat', kind: 'department' },
      { id: 'l-arch', parentId: 'l-sec', name: 'Archives Section', kind: 'department' },
      { id: 'l-research', parentId: 'l-root', name: 'Research Office', kind: 'department' },
    ]);
    const deep = indexOf([
      { id: 'r-root', name: 'Right Agency', kind: 'office' },
      { id: 'r-bureaus', parentId: 'r-root', name: 'Bureaus', kind: 'group' },
      { id: 'r-admin', parentId: 'r-bureaus', name: 'Administration Division', kind: 'department' },
      { id: 'r-sec', parentId: 'r-admin', name: 'Secretariat', kind: 'department' },
      { id: 'r-arch', parentId: 'r-sec', name: 'archives  section', kind: 'department' },
    ]);
    expect(deep.depthOf.get('r-arch')).toBe(4);
    const comparison = compareCharts(shallow, deep, TODAY);
    expect(comparison.counterparts.map((p) => [p.leftId, p.rightId, p.reason])).toEqual([
      ['l-root', 'r-root', { kind: 'roots' }],
      ['l-sec', 'r-sec', { kind: 'sameName' }],
      ['l-arch', 'r-arch', { kind: 'sameName' }],
    ]);
    expect(comparison.uniqueLeft).toEqual(['l-research']);
    expect(comparison.uniqueRight).toEqual(['r-bureaus', 'r-admin']);
    expect(rowOf(comparison, 'kind:department')).toMatchObject({ left: { text: '3' }, right: { text: '3' }, differs: false });
  });

  it('pairs "Information Bureau" with "Information Office" by head word but not "Personnel Bureau" with "Trade Union"', () => {
    const left = indexOf([
      { id: 'l', name: 'Left Agency', kind: 'office' },
      { id: 'info', parentId: 'l', name: 'Information Bureau', kind: 'department' },
      { id: 'personnel', parentId: 'l', name: 'Personnel Bureau', kind: 'department' },
    ]);
    const right = indexOf([
      { id: 'r', name: 'Right Agency', kind: 'office' },
      { id: 'union', parentId: 'r', name: 'Trade Union', kind: 'department' },
      { id: 'info-office', parentId: 'r', name: 'Information Office', kind: 'department' },
    ]);
    const comparison = compareCharts(left, right, TODAY);
    const info = comparison.counterparts.find((p) => p.leftId === 'info');
    expect(info).toMatchObject({ rightId: 'info-office', reason: { kind: 'sameHeadWord', word: 'Information' } });
    expect(info?.score).toBeGreaterThan(0.5);
    expect(info?.score).toBeLessThan(1);
    expect(comparison.uniqueLeft).toEqual(['personnel']);
    expect(comparison.uniqueRight).toEqual(['union']);
  });

  it('does not pair similar names of different kinds, nor names that share only a generic word', () => {
    const left = indexOf([
      { id: 'l', name: 'Left Agency', kind: 'office' },
      { id: 'info', parentId: 'l', name: 'Information Bureau', kind: 'department' },
      { id: 'personnel', parentId: 'l', name: 'Personnel Bureau', kind: 'department' },
    ]);
    const right = indexOf([
      { id: 'r', name: 'Right Agency', kind: 'office' },
      { id: 'info-center', parentId: 'r', name: 'Information Center', kind: 'institution' },
      { id: 'letters', parentId: 'r', name: 'Letters Bureau', kind: 'department' },
    ]);
    const comparison = compareCharts(left, right, TODAY);
    expect(pairsOf(comparison)).toEqual([['l', 'r']]);
    expect(comparison.uniqueRight).toEqual(['info-center', 'letters']);
  });

  it('does not pair names made only of generic type words that share just one of them', () => {
    // {bureau, section} against {bureau, unit}: the head word "bureau" is generic and the overlap is 1/3.
    const left = indexOf([
      { id: 'l', name: 'Left Agency', kind: 'office' },
      { id: 'bs', parentId: 'l', name: 'Bureau Section', kind: 'department' },
    ]);
    const right = indexOf([
      { id: 'r', name: 'Right Agency', kind: 'office' },
      { id: 'bu', parentId: 'r', name: 'Bureau Unit', kind: 'department' },
    ]);
    expect(pairsOf(compareCharts(left, right, TODAY))).toEqual([['l', 'r']]);
  });

  it('never pairs a group heading with a body of the same name', () => {
    const left = indexOf([
      { id: 'l', name: 'Left Agency', kind: 'office' },
      { id: 'secretariat-heading', parentId: 'l', name: 'Secretariat', kind: 'group' },
    ]);
    const right = indexOf([
      { id: 'r', name: 'Right Agency', kind: 'office' },
      { id: 'secretariat', parentId: 'r', name: 'Secretariat', kind: 'department' },
    ]);
    const comparison = compareCharts(left, right, TODAY);
    expect(comparison.uniqueLeft).toEqual(['secretariat-heading']);
    expect(comparison.uniqueRight).toEqual(['secretariat']);
  });

  it('prefers the namesake at the same depth when a name repeats on the other side', () => {
    const left = indexOf([
      { id: 'l', name: 'Left Agency', kind: 'office' },
      { id: 'l-sec', parentId: 'l', name: 'Secretariat', kind: 'department' },
    ]);
    const right = indexOf([
      { id: 'r', name: 'Right Agency', kind: 'office' },
      { id: 'r-bureau', parentId: 'r', name: 'Liaison Bureau', kind: 'department' },
      { id: 'r-deep-sec', parentId: 'r-bureau', name: 'Secretariat', kind: 'department' },
      { id: 'r-sec', parentId: 'r', name: 'Secretariat', kind: 'department' },
    ]);
    const comparison = compareCharts(left, right, TODAY);
    expect(counterpartsOf(comparison, 'left', 'l-sec')).toEqual(['r-sec']);
    expect(comparison.uniqueRight).toEqual(['r-bureau', 'r-deep-sec']);
  });

  it('ignores the words that name each organisation itself when comparing unit names', () => {
    const left = indexOf([
      { id: 'npc', name: "National People's Congress", kind: 'office' },
      { id: 'npc-library', parentId: 'npc', name: "National People's Congress Library", kind: 'institution' },
    ]);
    const right = indexOf([
      { id: 'sc', name: 'State Council', kind: 'office' },
      { id: 'sc-library', parentId: 'sc', name: 'State Council Library', kind: 'institution' },
    ]);
    const comparison = compareCharts(left, right, TODAY);
    expect(comparison.counterparts[1]).toMatchObject({ leftId: 'npc-library', rightId: 'sc-library', reason: { kind: 'sameHeadWord', word: 'Library' } });
  });
});

describe('looking up counterparts', () => {
  const comparison = compareCharts(loadBundledIndex('npcsc-general-office.json'), loadBundledIndex('state-council-general-office.json'), TODAY);

  it('finds the right-hand counterpart of a left-hand unit', () => {
    expect(counterpartsOf(comparison, 'left', 'npcsc-general-office')).toEqual(['state-council-general-office']);
    expect(counterpartsOf(comparison, 'left', 'liaison-bureau')).toEqual([]);
  });

  it('finds the left-hand counterpart of a right-hand unit', () => {
    expect(counterpartsOf(comparison, 'right', 'state-council-general-office')).toEqual(['npcsc-general-office']);
    expect(counterpartsOf(comparison, 'right', 'affiliated-institutions')).toEqual(['affiliated-institutions']);
    // The id exists on the left too, but asking from the right must not look there.
    expect(counterpartsOf(comparison, 'right', 'npcsc-general-office')).toEqual([]);
    expect(counterpartsOf(comparison, 'right', 'no-such-unit')).toEqual([]);
  });

  it('pairs units by the other names sources give them, one with several when the same rule matches them as well, and says so', () => {
    const on = (file: string, date: string) => {
      const today = loadBundledIndex(file);
      const result = indexChart(structureAsOf(today.fullChart, date), today.fullChart);
      if (!result.ok) throw new Error('not a tree');
      return result.index;
    };
    const npc = on('npcsc-general-office.json', '2019');
    const stateCouncil = on('state-council-general-office.json', '2019');
    const pairs = compareCharts(npc, stateCouncil, new Date('2026-12-05')).counterparts.filter((pair) => pair.leftId === 'secretariat');
    expect(pairs.map((pair) => pair.rightId)).toEqual(['first-bureau-of-secretaries', 'second-bureau-of-secretaries', 'third-bureau-of-secretaries']);
    for (const pair of pairs) expect(pair.via).toEqual({ side: 'left', name: 'Bureau of Secretaries' });
    // The two letters-and-visits units of 2007, matched by the NPC's own English name for its bureau.
    const letters = compareCharts(
      on('npcsc-general-office.json', '2007'),
      on('state-council-general-office.json', '2007'),
      new Date('2026-12-05'),
    ).counterparts.find((pair) => pair.leftId === 'letters-and-calls-bureau');
    expect(letters?.rightId).toBe('bureau-of-letters-and-visits');
  });
});
