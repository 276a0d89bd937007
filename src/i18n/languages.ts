/**
 * Which interface languages' words are here. English ships in the main bundle;
 * Chinese is a small chunk fetched before it is first shown (store/prefs.ts
 * waits for it), so nothing renders half-translated.
 */
import { ENGLISH, type Messages, type UiLanguage } from './messages.ts';

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
