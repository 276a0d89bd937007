/** The interface's words in the language the user chose. */
import { useStore } from '../store/store.ts';
import { messagesFor } from './languages.ts';
import type { Messages } from './messages.ts';

export function useMessages(): Messages {
  return messagesFor(useStore((s) => s.preferences.language));
}

/** For code outside React (e.g. the name of a pasted chart). */
export function currentMessages(): Messages {
  return messagesFor(useStore.getState().preferences.language);
}
