/**
 * Starts the whole app in jsdom the way a browser would: the real loading code
 * fetches public/ (served from disk here), the URL is synced, and each test
 * gets a fresh store.
 */
import { readFileSync } from 'node:fs';

import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

import { App } from '../../src/App.tsx';
import { loadBundledCharts } from '../../src/store/bundled.ts';
import { useStore } from '../../src/store/store.ts';
import { applyLocation, startUrlSync } from '../../src/store/url.ts';

/** Serves public/ the way the app's server would; `overrides` replace files by path (e.g. "data/x.json"). */
function servePublicFolder(overrides: Record<string, string>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL) => {
      const path = String(input).replace(/^.*?\/data\//, 'data/');
      if (path in overrides) return new Response(overrides[path], { status: 200 });
      try {
        return new Response(readFileSync(`public/${path}`, 'utf8'), { status: 200 });
      } catch {
        return new Response('not found', { status: 404 });
      }
    }),
  );
}

let stopUrlSync: () => void = () => undefined;

/** Renders <App/> at `search` (e.g. "?chart=…") and waits for the first chart, unless told the chart is expected to fail. */
export async function startApp(search = '', overrides: Record<string, string> = {}, waitForChart = true): Promise<void> {
  window.history.replaceState(null, '', `/${search}`);
  servePublicFolder(overrides);
  stopUrlSync = startUrlSync();
  render(<App />);
  await loadBundledCharts(applyLocation);
  if (waitForChart) await screen.findAllByRole('tree');
}

/** Registers the fresh-store and clean-up hooks; call once at the top of a describe block. */
export function useFreshApp(): void {
  beforeEach(() => {
    // jsdom lays nothing out and has no scrollIntoView, which the app calls to bring a unit into view (e.g. the outline).
    Element.prototype.scrollIntoView = () => undefined;
    useStore.setState(useStore.getInitialState(), true);
  });
  afterEach(() => {
    stopUrlSync();
    cleanup();
    vi.unstubAllGlobals();
  });
}
