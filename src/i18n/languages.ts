/**
 * Which interface languages are ready. English ships in the main bundle;
 * Chinese is a small chunk fetched before it is first shown, so the language
 * in the store always has its words loaded and nothing renders half-translated.
 */
import { useStore, type UiLanguage } from '../store/store.ts';
import { ENGLISH, type Messages } from './messages.ts';

const loaded: Partial<Record<UiLanguage, Messages>> = { en: ENGLISH };

export async function loadMessages(language: UiLanguage): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return ready;
  const { zh } = await import('./zh.ts');
  loaded.zh = zh;
  return zh;
}

/** The words for a language already loaded; English for one still loading. */
export function messagesFor(language: UiLanguage): Messages {
  return loaded[language] ?? ENGLISH;
}

/** Switches the interface language once its words are here. */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  await loadMessages(language);
  useStore.getState().setPreferences({ language });
}
