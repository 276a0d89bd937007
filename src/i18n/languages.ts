/**
 * Which interface languages are ready. English ships in the main bundle;
 * Chinese is a small chunk fetched before it is first shown, so the language
 * in the store always has its words loaded and nothing renders half-translated.
 */
import { type UiLanguage, useStore } from '../store/store.ts';
import { ENGLISH, type Messages } from './messages.ts';

const loaded: Partial<Record<UiLanguage, Messages>> = { en: ENGLISH };

export async function loadMessages(language: UiLanguage): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return ready;
  const { zh } = await import('./zh.ts');
  loaded.zh = zh;
  useStore.setState((state) => (state.loadedLanguages.includes('zh') ? {} : { loadedLanguages: [...state.loadedLanguages, 'zh'] }));
  return zh;
}

/** The words for a language already loaded; English for one still loading. */
export function messagesFor(language: UiLanguage): Messages {
  return loaded[language] ?? ENGLISH;
}

let latestChoice = 0;

/** Said when the Chinese words cannot be fetched (offline, or the app was updated and the old file is gone). */
export function warnWordsMissing(err: unknown): void {
  useStore.getState().showNotice({
    tone: 'warning',
    text: `The Chinese interface could not be loaded (${err instanceof Error ? err.message : String(err)}). Check the connection and choose 中文 again.`,
  });
}

/**
 * Switches the interface language once its words are here. Only the latest
 * choice applies: 中文 then English, clicked before the Chinese words arrive,
 * ends in English. If the words cannot be fetched (offline), the interface
 * stays as it is and says why.
 */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  const choice = ++latestChoice;
  try {
    await loadMessages(language);
  } catch (err) {
    if (choice === latestChoice) warnWordsMissing(err);
    return;
  }
  if (choice === latestChoice) useStore.getState().setPreferences({ language });
}
