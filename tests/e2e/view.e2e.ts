/**
 * What the reader sees first, and what stays in sight: the opening view of an
 * imported chart, in the production build and in the dev server `npm start`
 * runs (React's StrictMode runs effects twice there, which once undid the
 * opening view), on a desktop and on a phone.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { findChromium } from '../../scripts/ensure-chromium.mjs';
import { escapeRegExp } from '../names.ts';
import { CHROMIUM_ARGS, searchField, settledTransform } from './browser.ts';

const ARTIFACTS = 'tests/e2e/.artifacts';
const ORACLE_CSV = 'tests/fixtures/realdata/oracle-hr.csv';
const D3_CSV = 'tests/fixtures/realdata/d3-org-chart-org.csv';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let browser: Browser | undefined;
let devServer: ViteDevServer | undefined;
const devCacheDir = join(tmpdir(), `org-chart-e2e-vite-${process.pid}`);
const servers: Record<'build' | 'dev', string> = { build: inject('baseUrl'), dev: '' };

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` for what to install.');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  // The dev server as `npm start` runs it (vite.config.ts, StrictMode in src/main.tsx), on a free port, with its own
  // dependency cache so it never races another dev server over node_modules/.vite.
  devServer = await createServer({
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    cacheDir: devCacheDir,
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
  rmSync(devCacheDir, { recursive: true, force: true });
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
  // The "Imported" notice floats over the chart for a few seconds; these tests are about the toolbar and minimap, so it
  // is closed as a reader would close it.
  await page.getByRole('status').filter({ hasText: 'Imported' }).getByRole('button').click();
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

/** Whether box `inner` lies inside box `outer` (to a pixel). */
function inside(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

describe('names a reader came for are never cut', () => {
  for (const [device, options] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows the State Council's Secretary-General whole on its top card on a ${device}`, async () => {
      await withPage(options, async (page) => {
        await page.goto(new URL('/?chart=state-council-general-office', servers.build).toString());
        const root = page.getByRole('treeitem', { level: 1 });
        await root.waitFor();
        await settledTransform(page);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: `${ARTIFACTS}/state-council-top-${device}.png` });
        // A line of the card reads the name whole, and sits inside the card. The lines under the name are drawn in the
        // card's decoration beside its tree item (whose only text is the name).
        const decor = page.locator(`[data-decor-for="${await root.getAttribute('data-id')}"]`);
        const line = decor.locator('text.node-extra tspan').filter({ hasText: /^Wu Zhenglong 吴政隆$/ });
        await expect(line.count()).resolves.toBe(1);
        const [lineBox, cardBox] = await Promise.all([line.boundingBox(), root.locator('rect.node-card').boundingBox()]);
        if (!lineBox || !cardBox) throw new Error('no name line or card');
        expect(inside(lineBox, cardBox)).toBe(true);
        for (const drawn of [root, decor]) await expect(drawn.locator('text').allTextContents()).resolves.not.toContainEqual(expect.stringContaining('…'));
      });
    }, 60_000);
  }

  it('cuts no person’s name on the cards of the 1,516-person sample in view', async () => {
    await withPage(DESKTOP, async (page) => {
      await importChart(page, servers.build, D3_CSV, 'd3-org-chart-org');
      await page.getByRole('button', { name: 'Expand all' }).click();
      await settledTransform(page);
      const names = await page.locator('g[role="treeitem"][data-kind="person"] text.node-name').allTextContents();
      expect(names.length).toBeGreaterThan(5);
      expect(names.filter((name) => name.includes('…'))).toEqual([]);
    });
  }, 60_000);
});

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The selected card's box, and the boxes of what floats over the chart (the minimap only where it shows). */
async function selectedAndFloating(page: Page) {
  await settledTransform(page);
  const selected = page.locator('g[role="treeitem"][aria-selected="true"] rect.node-card');
  const minimap = page.getByRole('img', { name: /^Minimap of the whole chart/ });
  const [card, toolbar, map] = await Promise.all([
    selected.boundingBox(),
    page.getByRole('toolbar', { name: 'Chart view' }).boundingBox(),
    (await minimap.isVisible()) ? minimap.boundingBox() : Promise.resolve(null),
  ]);
  if (!card || !toolbar) throw new Error('no selected card or toolbar');
  return { card, toolbar, map };
}

function expectClear(where: string, { card, toolbar, map }: { card: Box; toolbar: Box; map: Box | null }) {
  expect(intersects(card, toolbar), `${where}: the selected card under the toolbar`).toBe(false);
  if (map) expect(intersects(card, map), `${where}: the selected card under the minimap`).toBe(false);
}

/** A point of the card's box outside `cover`, to click or tap it where it shows. */
function visiblePoint(card: Box, cover: Box): { x: number; y: number } {
  const below = cover.y + cover.height;
  if (card.y + card.height > below + 4) return { x: card.x + card.width / 2, y: (Math.max(card.y, below) + card.y + card.height) / 2 };
  return { x: (card.x + Math.min(card.x + card.width, cover.x)) / 2, y: card.y + card.height / 2 };
}

describe('a selected unit is never under the toolbar or the minimap', () => {
  for (const [device, options] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`keeps a unit chosen in the search clear of them on a ${device}`, async () => {
      await withPage(options, async (page) => {
        await importChart(page, servers.build, D3_CSV, 'd3-org-chart-org');
        for (const query of ['Yoshi Nagase', 'Ian Devling', 'Martin Bein']) {
          const search = await searchField(page);
          await search.fill(query);
          // This query's own result: the list may still show the last one's for a moment.
          await page
            .getByRole('option', { name: new RegExp(`^${escapeRegExp(query)}( |$)`) })
            .first()
            .click();
          await expect.poll(() => page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent()).toBe(query);
          const seen = await selectedAndFloating(page);
          await page.screenshot({ path: `${ARTIFACTS}/search-${query.replace(/\W+/g, '-')}-${device}.png` });
          expectClear(`${device}, “${query}” from the search`, seen);
        }
      });
    }, 60_000);

    it(`brings a card clicked where it peeks out from under the toolbar into the clear on a ${device}`, async () => {
      await withPage(options, async (page) => {
        await importChart(page, servers.build, ORACLE_CSV, 'oracle-hr');
        await settledTransform(page);
        // Drag the chart up until the top card's upper part is under the toolbar.
        const root = page.getByRole('treeitem', { level: 1 }).locator('rect.node-card');
        const [card, toolbar] = await Promise.all([root.boundingBox(), page.getByRole('toolbar', { name: 'Chart view' }).boundingBox()]);
        if (!card || !toolbar) throw new Error('no top card or toolbar');
        const lift = card.y - (toolbar.y + toolbar.height / 2);
        const start = { x: card.x + card.width + 20, y: card.y + card.height + 80 };
        if (device === 'phone') {
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        await page.mouse.move(start.x, start.y);
        await page.mouse.down();
        await page.mouse.move(start.x, start.y - lift, { steps: 8 });
        await page.mouse.up();
        await settledTransform(page);
        const under = await root.boundingBox();
        if (!under) throw new Error('no top card');
        expect(intersects(under, toolbar), 'the top card is under the toolbar before the click').toBe(true);
        const point = visiblePoint(under, toolbar);
        if (device === 'phone') await page.touchscreen.tap(point.x, point.y);
        else await page.mouse.click(point.x, point.y);
        await expect(page.getByRole('treeitem', { level: 1 }).getAttribute('aria-selected')).resolves.toBe('true');
        const seen = await selectedAndFloating(page);
        await page.screenshot({ path: `${ARTIFACTS}/click-under-toolbar-${device}.png` });
        expectClear(`${device}, clicked under the toolbar`, seen);
      });
    }, 60_000);
  }

  it('brings a card clicked where it peeks out from under the minimap into the clear', async () => {
    await withPage(DESKTOP, async (page) => {
      await importChart(page, servers.build, ORACLE_CSV, 'oracle-hr');
      await settledTransform(page);
      const minimap = await page.getByRole('img', { name: /^Minimap of the whole chart/ }).boundingBox();
      if (!minimap) throw new Error('no minimap');
      // A card the minimap covers in part, clicked where it shows.
      const cards = page.locator('g[role="treeitem"] rect.node-card');
      let target: { index: number; box: Box } | null = null;
      for (let i = 0; i < (await cards.count()) && target === null; i++) {
        const box = await cards.nth(i).boundingBox();
        if (box && intersects(box, minimap) && (box.x < minimap.x - 20 || box.y < minimap.y - 20) && box.y > 0) target = { index: i, box };
      }
      if (target === null) throw new Error('no card under the minimap on the opening screen');
      // The top card counts as selected before any click: the click must select this card itself.
      const targetId = await cards.nth(target.index).evaluate((card) => card.closest('[role="treeitem"]')?.getAttribute('data-id') ?? null);
      const targetItem = page.locator(`g[role="treeitem"][data-id="${targetId}"]`);
      await expect(targetItem.getAttribute('aria-selected')).resolves.toBe('false');
      const point =
        target.box.x < minimap.x - 20
          ? { x: (target.box.x + minimap.x) / 2, y: target.box.y + target.box.height / 2 }
          : { x: target.box.x + target.box.width / 2, y: (target.box.y + minimap.y) / 2 };
      await page.mouse.click(point.x, point.y);
      await expect.poll(() => targetItem.getAttribute('aria-selected')).toBe('true');
      await expect(page.locator('g[role="treeitem"][aria-selected="true"]').count()).resolves.toBe(1);
      const seen = await selectedAndFloating(page);
      await page.screenshot({ path: `${ARTIFACTS}/click-under-minimap-desktop.png` });
      expectClear('desktop, clicked under the minimap', seen);
    });
  }, 60_000);
});
