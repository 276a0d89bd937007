/**
 * Serves the production build (dist/, made by `npm run test:e2e` just before)
 * on a free local port for the end-to-end tests.
 */
import { existsSync } from 'node:fs';

import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('No production build in dist/: run `npm run build` first (npm run test:e2e does).');
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('The preview server did not report its address.');
  project.provide('baseUrl', address);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
