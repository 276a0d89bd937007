import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App.tsx';
import { loadHistory } from './model/timeData.ts';
import { layOutWholePage, whenIdle } from './shared/dom.ts';
import { loadBundledCharts, OPENING_WAIT_MS, openingViewSettled } from './store/bundled.ts';
import { afterNextPaint, restoreImportedCharts } from './store/imported.ts';
import { startPreferences } from './store/prefs.ts';
import { applyLocation, startUrlSync } from './store/url.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The first render waits for the chosen language's words (at once for English), so the page never shows the wrong language.
const preferencesReady = startPreferences();
startUrlSync();
// Saved charts are restored before the address is applied, so a link to one of them works after a reload.
const restored = restoreImportedCharts();
// The history model (the offices through time) downloads beside the charts, not after them.
void loadHistory();
void loadBundledCharts(async () => {
  await restored;
  applyLocation();
});

void Promise.all([preferencesReady, openingViewSettled(OPENING_WAIT_MS)]).then(() => {
  // Its fonts are resolved by now (index.html): it goes before the first render, which lays out the page.
  document.getElementById('font-warmup')?.remove();
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The panel's lower sections were left out of the first layout (styles.css): laid out now, at an idle moment.
  void afterNextPaint().then(() => whenIdle(layOutWholePage, 500));
});
