/**
 * The user's display choices (interface language, unit names, theme, chart
 * or outline) are remembered in localStorage: they are small, needed before
 * the first paint, and lose nothing if storage is off. The page's `lang` and
 * colour scheme follow them.
 */
import { loadMessages, messagesFor } from '../i18n/languages.ts';
import type { UiLanguage } from '../i18n/messages.ts';
import { DEFAULT_PREFERENCES, type Preferences, useStore } from './store.ts';

const STORAGE_KEY = 'org-chart-preferences';

const CHOICES: { readonly [K in keyof Preferences]: readonly Preferences[K][] } = {
  language: ['en', 'zh'],
  names: ['en', 'native', 'both'],
  theme: ['system', 'light', 'dark'],
  display: ['chart', 'outline'],
};

/**
 * Only known values are taken from storage; anything else falls back to the
 * default. A browser set to any Chinese (zh-CN, zh-TW, zh-Hant…) starts in the
 * Chinese interface, which is written in simplified characters, the sources'.
 */
export function parsePreferences(raw: string | null, browserLanguage: string): Preferences {
  const fallback: Preferences = { ...DEFAULT_PREFERENCES, language: /^zh\b/i.test(browserLanguage) ? 'zh' : 'en' };
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    if (parsed !== null && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // A corrupt entry is ignored: the defaults are a fine start.
  }
  const pick = <K extends keyof Preferences>(key: K): Preferences[K] => {
    const value = stored[key];
    return (CHOICES[key] as readonly unknown[]).includes(value) ? (value as Preferences[K]) : fallback[key];
  };
  return { language: pick('language'), names: pick('names'), theme: pick('theme'), display: pick('display') };
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyTheme(theme: Preferences['theme']): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

function apply(preferences: Preferences): void {
  // Screen readers choose their voice from the page's language.
  document.documentElement.lang = messagesFor(preferences.language).htmlLang;
  applyTheme(preferences.theme);
}

/** Fetches a language's words (a no-op for ones already here); views redraw when they arrive. */
async function loadWords(language: UiLanguage): Promise<void> {
  await loadMessages(language);
  useStore.setState((state) => (state.loadedLanguages.includes(language) ? {} : { loadedLanguages: [...state.loadedLanguages, language] }));
}

/** Said when the Chinese words cannot be fetched (offline, or the app was updated and the old file is gone). */
function warnWordsMissing(err: unknown): void {
  useStore.getState().showNotice({
    tone: 'warning',
    text: `The Chinese interface could not be loaded (${err instanceof Error ? err.message : String(err)}). Check the connection and choose 中文 again.`,
  });
}

let latestChoice = 0;

/**
 * Switches the interface language once its words are here. Only the latest
 * choice applies: 中文 then English, clicked before the Chinese words arrive,
 * ends in English. If the words cannot be fetched (offline), the interface
 * stays as it is and says why.
 */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  const choice = ++latestChoice;
  try {
    await loadWords(language);
  } catch (err) {
    if (choice === latestChoice) warnWordsMissing(err);
    return;
  }
  if (choice === latestChoice) useStore.getState().setPreferences({ language });
}

/** How long the first render waits for the interface's words before going ahead in English. */
const WORDS_WAIT_MS = 3000;

/**
 * Restores the saved choices, applies them to the page, and saves every later
 * change. Resolves once the chosen language's words are loaded, or have taken
 * too long: the page then shows English words (and says `lang="en"`) while the
 * saved choice stays as it was. Returns the unsubscribe.
 */
export async function startPreferences(): Promise<() => void> {
  const preferences = parsePreferences(readStorage(), navigator.language);
  // Colours at once, so the page never flashes light before going dark.
  applyTheme(preferences.theme);
  const wordsLoading = loadWords(preferences.language);
  // Once they do arrive, the page switches to them; if they never do, the page says so and stays in English.
  wordsLoading.then(() => apply(useStore.getState().preferences), warnWordsMissing);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([wordsLoading.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, WORDS_WAIT_MS)))]);
  clearTimeout(timer);
  useStore.getState().setPreferences(preferences);
  apply(preferences);
  return useStore.subscribe((state, previous) => {
    if (state.preferences === previous.preferences) return;
    apply(state.preferences);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state.preferences));
    } catch {
      // Storage off (private window): the choice holds for this visit.
    }
  });
}
