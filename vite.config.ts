/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * The built app declares what it may load: its own files only. Nothing a user
 * imports can run script or pull remote images. (Not in dev, where Vite's own
 * hot-reload preamble is an inline script.)
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * The first card is on screen sooner when what it waits for downloads with the page rather than after the app's
 * script has run:
 * - the data: the manifest and every bundled chart it lists (the app loads them all at start, whatever `?chart=`
 *   says). `as="fetch"` with `crossorigin` matches the app's plain `fetch()`, so the browser hands it the preloaded
 *   response instead of asking twice;
 * - the history model's chunk (built app only; the dev server serves modules as they are asked for): the bundled
 *   charts both have a past and each is loaded after it (store/bundled.ts). Asked for by the entry module once it
 *   ran, it cost a round trip after the script on a real network.
 */
function preloadFirstCard(): Plugin {
  let base = '/';
  let publicDir = 'public';
  return {
    name: 'preload-first-card',
    configResolved(config) {
      base = config.base;
      publicDir = config.publicDir;
    },
    transformIndexHtml: {
      // After the bundle is written, so its chunk names are known.
      order: 'post',
      handler(_html, context) {
        const manifest = JSON.parse(readFileSync(join(publicDir, 'data/manifest.json'), 'utf8')) as { charts: { file: string }[] };
        const dataFiles = ['manifest.json', ...manifest.charts.map((chart) => chart.file)];
        const links: HtmlTagDescriptor[] = dataFiles.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: `${base}data/${file}` },
          injectTo: 'head',
        }));
        if (context.bundle) {
          const history = Object.values(context.bundle).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/src/model/history.ts'));
          if (!history) throw new Error('preload-first-card: no chunk for src/model/history.ts in the bundle');
          links.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${history.fileName}` }, injectTo: 'head' });
        }
        return links;
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), preloadFirstCard()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: '127.0.0.1',
  },
  test: {
    // Unit tests (pure model code) run in node; component tests opt into jsdom
    // with a `// @vitest-environment jsdom` line or by living in tests/component.
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // Component tests render whole charts in jsdom; on a busy 2-core machine one can pass 5 s without anything being wrong.
    // Speed is proven by `npm run bench`, never by a test's time limit.
    testTimeout: 20_000,
  },
});
