import '@testing-library/jest-dom/vitest';

import { loadHistory } from '../src/model/timeData.ts';

// The app loads the history model beside its charts (main.tsx); tests that load a chart with a past need it too.
await loadHistory();
