/**
 * Chinese names where the sources give them, a translation marked as one where
 * they do not, and a note on every unit that has none (issue 19, item 6).
 */
import { describe, expect, it } from 'vitest';

import { nativeNameNote } from '../../src/model/present.ts';
import { orgChartSchema } from '../../src/model/schema.ts';
import { loadBundledIndex, readBundledChart } from './helpers.ts';

const BUNDLED = ['npcsc-general-office.json', 'state-council-general-office.json'];

describe('Chinese names in the bundled charts', () => {
  it('gives the NPC group headings the section names its sources use, cited to the pages that use them', () => {
    const npc = loadBundledIndex('npcsc-general-office.json');
    expect(npc.byId.get('departments')?.nativeName).toMatchObject({ text: '内设机构', cite: { source: 'wiki-zh-foreign-affairs-bureau' } });
    expect(npc.byId.get('affiliated-institutions')?.nativeName).toMatchObject({ text: '直属事业单位', cite: { source: 'wiki-zh-npc-library' } });
  });

  it('marks the State Council’s heading, which no source names in Chinese, as the chart’s translation, uncited', () => {
    const heading = loadBundledIndex('state-council-general-office.json').byId.get('affiliated-institutions')?.nativeName;
    expect(heading).toEqual({ text: '直属事业单位', lang: 'zh-Hans', translation: 'editorial' });
  });

  it.each(BUNDLED)('cites every Chinese name in %s, unless it is marked as a translation', (file) => {
    const index = loadBundledIndex(file);
    const uncited = [...index.byId.values()].filter((unit) => unit.nativeName && !unit.nativeName.cite && unit.nativeName.translation !== 'editorial');
    expect(uncited.map((unit) => unit.id)).toEqual([]);
  });

  it('accepts only "editorial" as a kind of translation', () => {
    const chart = readBundledChart('state-council-general-office.json') as { units: { nativeName?: object }[] };
    const withTranslation = (translation: string) => ({
      ...chart,
      units: chart.units.map((unit, i) => (i === 0 ? { ...unit, nativeName: { text: '国务院办公厅', translation } } : unit)),
    });
    expect(orgChartSchema.safeParse(withTranslation('editorial')).success).toBe(true);
    expect(orgChartSchema.safeParse(withTranslation('machine')).success).toBe(false);
  });
});

describe('nativeNameNote', () => {
  const cited = { nativeName: { text: '联络局' } };
  const translated = { nativeName: { text: '直属事业单位', translation: 'editorial' } };
  const none = {};

  it('says nothing when the reader asked for the chart’s own names', () => {
    expect([cited, translated, none].map((unit) => nativeNameNote(unit, 'en'))).toEqual([null, null, null]);
  });

  it.each(['native', 'both'] as const)('with %s names, notes a missing name and a translation, not a cited name', (mode) => {
    expect([cited, translated, none].map((unit) => nativeNameNote(unit, mode))).toEqual([null, 'translation', 'missing']);
  });
});
