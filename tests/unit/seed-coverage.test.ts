/**
 * The bundled data must carry every unit, leader, title, date, address and
 * function of the two source articles, spelled as there. The articles are
 * parsed here, not copied into the test, so a unit added to a seed but
 * forgotten in the data fails this test.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { OrgChart } from '../../src/model/schema.ts';
import { loadBundledIndex } from './helpers.ts';

const seed = (name: string) => readFileSync(`tests/fixtures/seeds/${name}.txt`, 'utf8');

function infobox(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of text.matchAll(/^- ([A-Za-z0-9 ]+): (.+)$/gm)) fields.set(match[1] as string, (match[2] as string).trim());
  return fields;
}

/** List items ("- X") in a section, from its heading to the next heading of the same or higher level. */
function listItems(text: string, heading: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) throw new Error(`no section ${heading}`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^==[^=]/.test(line)) break;
    const item = /^- (.+)$/.exec(line);
    if (item) items.push((item[1] as string).trim());
  }
  return items;
}

function everyString(chart: OrgChart): string {
  return JSON.stringify(chart);
}

describe('the bundled data against the source articles', () => {
  it('has every unit, leader and fact of the NPC Standing Committee’s General Office article', () => {
    const text = seed('npcsc-general-office');
    const index = loadBundledIndex('npcsc-general-office.json');
    const names = new Set([...index.byId.values()].map((u) => u.name));
    const units = listItems(text, /^== Organization ==/);
    expect(units).toHaveLength(20);
    for (const unit of units) expect(names, unit).toContain(unit);
    expect(names).toContain(text.split('\n')[2]?.trim());

    const box = infobox(text);
    const root = index.byId.get(index.rootId);
    const leaders = root?.leaders ?? [];
    const expectedLeaders = [
      ...(box.get('Leader Name') ?? '').split(', ').map((name) => ({ title: box.get('Leader Title'), name })),
      ...(box.get('Leader Name2') ?? '').split(', ').map((name) => ({ title: box.get('Leader Title2'), name })),
    ];
    expect(expectedLeaders).toHaveLength(6);
    expect(leaders.map((l) => ({ title: l.title, name: l.name }))).toEqual(expectedLeaders);

    const facts = new Map((root?.facts ?? []).map((f) => [f.key, f.value]));
    expect(facts.get('formed')).toBe(box.get('Formation'));
    expect(facts.get('type')).toBe(box.get('Type'));
    expect(facts.get('parentBody')).toBe(box.get('Parent Organization'));
    expect(facts.get('location')).toBe(box.get('Location'));
  });

  it('has every unit, leader, fact and function of the State Council’s General Office article', () => {
    const text = seed('state-council-general-office');
    const index = loadBundledIndex('state-council-general-office.json');
    const names = new Set([...index.byId.values()].map((u) => u.name));
    const units = listItems(text, /^=== Directly affiliated institutions ===/);
    expect(units).toEqual(['China Government Network Operation Center']);
    for (const unit of units) expect(names).toContain(unit);

    const box = infobox(text);
    const root = index.byId.get(index.rootId);
    expect(root?.name).toBe(text.split('\n')[0]?.replace(/=/g, '').trim());
    expect(root?.nativeName?.text).toBe(box.get('Nativename A'));
    expect(root?.leaders?.map((l) => [l.title, l.name])).toEqual([
      [box.get('Chief1 Position'), box.get('Chief1 Name')],
      [box.get('Chief2 Position'), box.get('Chief2 Name')],
    ]);
    const facts = new Map((root?.facts ?? []).map((f) => [f.key, f.value]));
    expect(facts.get('formed')).toBe(box.get('Formed'));
    expect(facts.get('jurisdiction')).toBe(box.get('Jurisdiction'));
    expect(facts.get('location')).toBe(box.get('Headquarters'));
    expect(facts.get('officialName')).toBe(box.get('Agency Name'));

    // The numbered functions, and the sentences after them, verbatim.
    const functionTexts = (root?.functions ?? []).map((f) => f.text);
    const numbered = [...text.matchAll(/^\d+\. (.+)$/gm)].map((m) => (m[1] as string).trim());
    expect(numbered).toHaveLength(7);
    for (const fn of numbered) expect(functionTexts).toContain(fn);
    for (const sentence of ['overseas stock market listings of Chinese companies', 'runs gov.cn, the official website of the State Council']) {
      expect(
        functionTexts.some((f) => f.includes(sentence)),
        sentence,
      ).toBe(true);
    }
    // "See also" bodies are kept as related, not as units.
    for (const related of listItems(text, /^== See also ==/).filter((item) => item !== 'General Offices')) {
      expect(everyString(index.chart)).toContain(related);
    }
  });

  it('cites only Chinese names confirmed on another page, with that page as the source', () => {
    const rows = readFileSync('tests/fixtures/zh-names.tsv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const all = [loadBundledIndex('npcsc-general-office.json').chart, loadBundledIndex('state-council-general-office.json').chart];
    const text = all.map(everyString).join('\n');
    const seeds = [seed('npcsc-general-office'), seed('state-council-general-office')];
    for (const [english, chinese, status, url] of rows) {
      if (status === 'unconfirmed') expect(text, `${english} must not carry ${chinese}`).not.toContain(`"${chinese}"`);
      else {
        expect(text, `${english} → ${chinese}`).toContain(`"${chinese}"`);
        // A name the seed article itself gives is cited to the article; any other to the page that confirmed it.
        const inSeed = seeds.some((seedText) => seedText.includes(chinese as string));
        if (!inSeed) expect(text, `${english} cites ${url}`).toContain(url);
      }
    }
  });
});
