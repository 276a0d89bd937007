import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadBundledCharts } from './store/bundled.ts';
import { applyLocation, startUrlSync } from './store/url.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

startUrlSync();
void loadBundledCharts(applyLocation);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
