import { describe, expect, it } from 'vitest';

import { messagesFor } from '../../src/i18n/languages.ts';
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
