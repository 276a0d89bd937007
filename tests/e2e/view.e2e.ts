/**
 * What the reader sees first, and what stays in sight: the opening view of an
 * imported chart, in the production build and in the dev server `npm start`
 * runs (React's StrictMode runs effects twice there, which once undid the
 * opening view), on a desktop and on a phone.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { findChromium } from '../../scripts/ensure-chromium.mjs';
import { CHROMIUM_ARGS, settledTransform } from './browser.ts';

const ARTIFACTS = 'tests/e2e/.artifacts';
const ORACLE_CSV = 'tests/fixtures/realdata/oracle-hr.csv';
const D3_CSV = 'tests/fixtures/realdata/d3-org-chart-org.csv';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let browser: Browser | undefined;
let devServer: ViteDevServer | undefined;
const servers: Record<'build' | 'dev', string> = { build: inject('baseUrl'), dev: '' };

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` for what to install.');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  // The dev server as `npm start` runs it (vite.config.ts, StrictMode in src/main.tsx), on a free port, with its own
  // dependency cache so it never races another dev server over node_modules/.vite.
  devServer = await createServer({
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    cacheDir: join(tmpdir(), `org-chart-e2e-vite-${process.pid}`),
    logLevel: 'error',
  });
  await devServer.listen();
  const address = devServer.resolvedUrls?.local[0];
  if (!address) throw new Error('The dev server did not report its address.');
  servers.dev = address;
  // The first page load makes Vite bundle the dependencies, and may reload the page once; let that happen here.
  await withPage(DESKTOP, async (page) => {
    await page.goto(address);
    await page.getByRole('tree').waitFor({ timeout: 55_000 });
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await devServer?.close();
});

async function withPage<T>(options: BrowserContextOptions, run: (page: Page) => Promise<T>): Promise<T> {
  if (!browser) throw new Error('browser did not start');
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return await run(page);
  } finally {
    await context.close();
  }
}

async function importChart(page: Page, base: string, file: string, title: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('tree').waitFor();
  await page.getByLabel('Chart file to import').setInputFiles(file);
  await page.getByRole('tree', { name: `Org chart: ${title}` }).waitFor();
}

/** The opening view once it has settled, the top card's box and the toolbar's, and a screenshot to look at. */
async function openingView(page: Page, shot: string) {
  const transform = await settledTransform(page);
  const rootCard = page.getByRole('treeitem', { level: 1 }).locator('rect.node-card');
  const [card, toolbar] = await Promise.all([rootCard.boundingBox(), page.getByRole('toolbar', { name: 'Chart view' }).boundingBox()]);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${shot}.png` });
  if (!card || !toolbar) throw new Error('no top card or toolbar');
  return { transform, card, toolbar, viewport: page.viewportSize() ?? { width: 0, height: 0 } };
}

describe('the opening view of an imported chart', () => {
  for (const [device, options] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`opens oracle-hr readable at its top unit on a ${device}, the same in the dev server as in the build`, async () => {
      const scales: number[] = [];
      for (const server of ['build', 'dev'] as const) {
        await withPage(options, async (page) => {
          await importChart(page, servers[server], ORACLE_CSV, 'oracle-hr');
          const { transform, card, toolbar, viewport } = await openingView(page, `open-oracle-${device}-${server}`);
          // Readable: names at 12 px or more, never blown up past 100 %.
          expect(transform.k, `${server} on a ${device}: opening zoom`).toBeGreaterThanOrEqual(0.7);
          expect(transform.k, `${server} on a ${device}: opening zoom`).toBeLessThanOrEqual(1);
          // The top unit in full view, below the toolbar.
          expect(card.y, `${server}: top card vs toolbar`).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
          expect(card.x).toBeGreaterThanOrEqual(0);
          expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
          // The rest is a minimap away (on a phone, a drag: phones hide it), and the whole chart one click away.
          if (device === 'desktop') await expect(page.getByRole('img', { name: /^Minimap of the whole chart/ }).isVisible()).resolves.toBe(true);
          await page.getByRole('button', { name: 'Fit to screen' }).click();
          expect((await settledTransform(page)).k).toBeLessThan(transform.k / 2);
          scales.push(transform.k);
        });
      }
      expect(scales[1], 'dev server vs build').toBeCloseTo(scales[0] ?? 0, 6);
    }, 90_000);
  }

  it('opens the 1,516-person sample readable in the dev server too', async () => {
    await withPage(DESKTOP, async (page) => {
      await importChart(page, servers.dev, D3_CSV, 'd3-org-chart-org');
      const { transform, card, toolbar } = await openingView(page, 'open-d3-desktop-dev');
      expect(transform.k).toBeGreaterThanOrEqual(0.7);
      expect(transform.k).toBeLessThanOrEqual(1);
      expect(card.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
    });
  }, 90_000);
});
