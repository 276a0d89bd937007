import { describe, expect, it } from 'vitest';
import { chooseLanguage, messagesFor } from '../../src/i18n/languages.ts';
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
