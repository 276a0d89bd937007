/** The interface's words in the language the user chose. */
import { messagesFor } from '../i18n/languages.ts';
import type { Messages } from '../i18n/messages.ts';
import { useStore } from './store.ts';

export function useMessages(): Messages {
  const language = useStore((s) => s.preferences.language);
  // Words that arrive after the language was chosen (a slow connection at start-up) redraw the view.
  useStore((s) => s.loadedLanguages.includes(language));
  return messagesFor(language);
}

/** For code outside React (e.g. the name of a pasted chart). */
export function currentMessages(): Messages {
  return messagesFor(useStore.getState().preferences.language);
}
