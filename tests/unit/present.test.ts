import { describe, expect, it } from 'vitest';

import { wrapText } from '../../src/chart/text.ts';
import { formatDate, initialsOf, kindLabel, leadersByTitle, unitAccessibleName, yearsSince } from '../../src/model/present.ts';

describe('presenting values', () => {
  it('writes ISO dates out in words and leaves other text as it is', () => {
    expect(formatDate('1954-09-27')).toBe('27 September 1954');
    expect(formatDate('1949-09')).toBe('September 1949');
    expect(formatDate('1949')).toBe('1949');
    expect(formatDate('autumn 1949')).toBe('autumn 1949');
  });

  it('counts whole years since a date, not yet a year on the day before the anniversary', () => {
    expect(yearsSince('1954-09-27', new Date(Date.UTC(2026, 10, 23)))).toBe(72);
    expect(yearsSince('1954-09-27', new Date(Date.UTC(2026, 8, 26)))).toBe(71);
    expect(yearsSince('1954-09-27', new Date(Date.UTC(2026, 8, 27)))).toBe(72);
    expect(yearsSince('unknown', new Date())).toBeNull();
  });

  it('groups leaders under each title in source order', () => {
    const groups = leadersByTitle([
      { title: 'Secretary-General', name: 'A' },
      { title: 'Deputy Secretaries-General', name: 'B' },
      { title: 'Deputy Secretaries-General', name: 'C' },
    ]);
    expect(groups.map((g) => [g.title, g.leaders.map((l) => l.name)])).toEqual([
      ['Secretary-General', ['A']],
      ['Deputy Secretaries-General', ['B', 'C']],
    ]);
  });

  it('names kinds for people, and passes unknown kinds through capitalised', () => {
    expect(kindLabel('institution')).toBe('Affiliated institution');
    expect(kindLabel(undefined)).toBe('Unit');
    expect(kindLabel('ministry')).toBe('Ministry');
  });

  it('wraps card text into lines that fit, ending with an ellipsis when it runs out of lines', () => {
    const lines = wrapText("General Office of the Standing Committee of the National People's Congress", 200, 14, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(wrapText('Liaison Bureau', 200, 14, 2)).toEqual(['Liaison Bureau']);
    // Chinese has no spaces: it breaks between characters.
    expect(wrapText('全国人民代表大会常务委员会办公厅', 120, 14, 3).length).toBeGreaterThan(1);
  });
});

describe('a unit’s accessible name', () => {
  const plain = { secondName: null, headLine: null, badge: null, unitsBelow: null };

  it('leads with the name, then the kind and the count below', () => {
    expect(unitAccessibleName({ ...plain, name: 'Letters and Calls Bureau', kind: 'Department', unitsBelow: '12 units below' })).toBe(
      'Letters and Calls Bureau, Department, 12 units below',
    );
    expect(unitAccessibleName({ ...plain, name: 'Liaison Bureau', kind: 'Department' })).toBe('Liaison Bureau, Department');
  });

  it('says the other name, the head and the badge once each, in full', () => {
    const head = 'Secretary-General of the State Council: Wu Zhenglong 吴政隆';
    const name = unitAccessibleName({
      name: 'General Office of the State Council',
      kind: 'Office',
      secondName: '中华人民共和国国务院办公厅',
      headLine: head,
      badge: 'Unique',
      unitsBelow: '2 units below',
    });
    expect(name).toBe(`General Office of the State Council, Office, 中华人民共和国国务院办公厅, ${head}, Unique, 2 units below`);
    expect(name.split(head)).toHaveLength(2);
    expect(name).not.toContain('…');
  });

  it('never says the same words twice, nor empty ones', () => {
    expect(unitAccessibleName({ ...plain, name: 'Secretariat', kind: 'Secretariat', secondName: ' ', badge: '' })).toBe('Secretariat');
  });
});

describe('initials for people, shown instead of remote photos', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf(' Davolio Nancy ')).toBe('DN');
    expect(initialsOf('Ian  Devling')).toBe('ID');
    expect(initialsOf('Cher')).toBe('C');
    expect(initialsOf('Lex De Haan')).toBe('LH');
    expect(initialsOf('<img src=x>')).toBe('IS');
    expect(initialsOf('—')).toBe('');
  });
});
