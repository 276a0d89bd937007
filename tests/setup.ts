import '@testing-library/jest-dom/vitest';

import { loadHistory } from '../src/model/timeData.ts';

// The app loads the history model beside its charts (main.tsx); tests that load a chart with a past need it too.
await loadHistory();

// findBy… waits up to 10 s, not 1 s: lazily loaded views (the outline, compare) can take longer than a second to
// import on a busy 2-core machine. A wait ends as soon as what it waits for is there.
const { configure } = await import('@testing-library/react');
configure({ asyncUtilTimeout: 10_000 });
