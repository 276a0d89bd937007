/** Whether the page is drawn dark now: the user's choice, or the system's when they left it to the system. */
import { useSyncExternalStore } from 'react';

import { useStore } from '../store/store.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystem(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const systemIsDark = () => typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;

export function useDarkTheme(): boolean {
  const theme = useStore((s) => s.preferences.theme);
  const systemDark = useSyncExternalStore(subscribeToSystem, systemIsDark, () => false);
  return theme === 'dark' || (theme === 'system' && systemDark);
}
