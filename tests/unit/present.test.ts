import { describe, expect, it } from 'vitest';

import { wrapText } from '../../src/engine/cardLayout.ts';
import {
  formatDate,
  formatTimestamp,
  humanLabel,
  initialsOf,
  kindLabel,
  leadersByTitle,
  shortUrl,
  unitAccessibleName,
  yearsSince,
} from '../../src/model/present.ts';

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

describe('an imported table’s cells, read as people write them', () => {
  it('writes column names as labels, and leaves labels that are already words alone', () => {
    expect(humanLabel('department_name')).toBe('Department name');
    expect(humanLabel('department_location_country_region_name')).toBe('Department location country region name');
    expect(humanLabel('hire_date')).toBe('Hire date');
    expect(humanLabel('job_id')).toBe('Job ID');
    expect(humanLabel('imageUrl')).toBe('Image URL');
    expect(humanLabel('isLoggedUser')).toBe('Is logged user');
    expect(humanLabel('salary')).toBe('Salary');
    for (const words of ['Parent body', 'Type', 'ID', 'Headquarters', 'e-mail', '部门', 'Column 3']) expect(humanLabel(words)).toBe(words);
  });

  it('writes exported days and moments in the interface language, the time in UTC only when it is not midnight', () => {
    expect(formatTimestamp('2003-07-16T19:00:00.000Z')).toBe('16 July 2003 at 19:00 UTC');
    expect(formatTimestamp('2003-07-16T19:00:00.000Z', 'zh')).toBe('2003年7月16日 19:00 UTC');
    expect(formatTimestamp('2003-07-17T00:00:00.000Z')).toBe('17 July 2003');
    expect(formatTimestamp('2003-07-17T08:00+08:00')).toBe('17 July 2003');
    expect(formatTimestamp('2003-07-16', 'zh')).toBe('2003年7月16日');
    // Not days: a year alone is as likely a number (a location id of 1700); no 30 February; no words.
    for (const other of ['1700', '2003-07', '2003-02-30', '2003-13-01', 'July 2003', '2003-07-16T19:00']) expect(formatTimestamp(other)).toBeNull();
  });

  it('shortens a web address to its host', () => {
    expect(shortUrl('https://bumbeishvili.github.io/avatars/avatars/portrait12.png')).toBe('bumbeishvili.github.io/…');
    expect(shortUrl('https://www.example.com/')).toBe('example.com');
    expect(shortUrl('http://example.com/employee/profile?id=1')).toBe('example.com/…');
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
