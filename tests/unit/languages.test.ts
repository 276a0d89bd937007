import { describe, expect, it } from 'vitest';

import { messagesFor } from '../../src/i18n/languages.ts';
import { formatCount } from '../../src/i18n/messages.ts';
import { chooseLanguage } from '../../src/store/prefs.ts';
import { useStore } from '../../src/store/store.ts';

describe('choosing the interface language', () => {
  it('ends on the last language chosen, even when an earlier one is still loading', async () => {
    // Chinese is fetched on demand and English is at hand: choosing 中文 then English quickly must end in English.
    const chinese = chooseLanguage('zh');
    const english = chooseLanguage('en');
    await Promise.all([chinese, english]);
    expect(useStore.getState().preferences.language).toBe('en');
    expect(useStore.getState().loadedLanguages).toContain('zh');
    await chooseLanguage('zh');
    expect(useStore.getState().preferences.language).toBe('zh');
    expect(messagesFor('zh').outline).toBe('大纲');
  });
});

describe('the Chinese comparison caption', () => {
  it('spaces English titles from the Chinese around them, and Chinese titles not at all', async () => {
    const { zh } = await import('../../src/i18n/zh.ts');
    expect(zh.comparisonOf('全国人大常委会办公厅', '国务院办公厅')).toBe('全国人大常委会办公厅与国务院办公厅的对比');
    expect(zh.comparisonOf('NPC Standing Committee', 'State Council')).toBe('NPC Standing Committee 与 State Council 的对比');
  });
});

describe('counts', () => {
  it('groups thousands as Intl.NumberFormat does in English and Chinese, without asking Intl', async () => {
    const counts = [0, 1, 12, 999, 1_000, 9_999, 12_345, 100_000, 1_234_567, 10_000_000, -1_234, Number.MAX_SAFE_INTEGER];
    for (const count of counts) {
      expect(formatCount(count)).toBe(new Intl.NumberFormat('en').format(count));
      expect(formatCount(count)).toBe(new Intl.NumberFormat('zh').format(count));
    }
    expect(messagesFor('en').unitsBelow(12_345)).toBe('12,345 units below');
    expect(messagesFor('en').unitsBelow(1)).toBe('1 unit below');
    const { zh } = await import('../../src/i18n/zh.ts');
    expect(zh.unitsBelow(12_345)).toBe('下设 12,345 个机构');
  });
});
