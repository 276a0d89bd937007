import { defineConfig } from 'vitest/config';

// End-to-end tests drive the production build in the system's headless Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 30_000,
    // A real browser on a busy 2-core machine can take seconds to load two charts; polls wait that long before failing.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // One browser per file; two cores on CI, so keep parallelism modest.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
