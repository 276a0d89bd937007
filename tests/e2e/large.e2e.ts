/**
 * Big charts in a real browser: they open folded, cull what is off screen,
 * fall back to a canvas when zoomed far out, and offer a minimap; big imports
 * show progress and can be cancelled; a 10,000-deep chain loads.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { cardName } from '../names.ts';
import { browserSession, settledTransform } from './browser.ts';

const ARTIFACTS = 'tests/e2e/.artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

/** A seeded chart file: `count` units with a realistic, lopsided fan-out. */
function writeChart(count: number, file: string): string {
  let state = 42;
  const random = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
  const units = [{ id: 'u0', parentId: null as string | null, name: 'Head office', kind: 'office' }];
  for (let i = 1; i < count; i++) {
    units.push({
      id: `u${i}`,
      parentId: `u${Math.floor(random() ** 1.5 * i * 0.999)}`,
      name: `Bureau of Planning ${i}`,
      kind: i % 3 ? 'department' : 'institution',
    });
  }
  const path = `${ARTIFACTS}/${file}`;
  writeFileSync(path, JSON.stringify({ format: 'org-chart', version: 1, id: file.replace(/\W+/g, '-'), title: file, sources: [], units }));
  return path;
}

const chart10k = writeChart(10_000, 'generated-10k.json');
const chart100k = writeChart(100_000, 'generated-100k.json');
// Over the 4 MB at which a file is parsed in the import worker.
const chart60k = writeChart(60_000, 'generated-60k.json');
const chain = `${ARTIFACTS}/chain-10000.csv`;
writeFileSync(chain, ['id,parentId,name', ...Array.from({ length: 10_000 }, (_, i) => `n${i},${i === 0 ? '' : `n${i - 1}`},Level ${i}`)].join('\n'));

const session = browserSession();

async function importChart(page: Page, path: string, rootName: RegExp): Promise<void> {
  await page.goto(session.url('/'));
  await page.getByRole('tree').waitFor();
  await page.getByLabel('Chart file to import').setInputFiles(path);
  await page.getByRole('treeitem', { name: rootName }).waitFor({ timeout: 30_000 });
}

/** How many pixels of the level-of-detail canvas are painted. */
async function paintedPixels(page: Page): Promise<number> {
  return page.locator('canvas.lod-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    return painted;
  });
}

describe('large charts in a real browser', () => {
  it('opens a 10,000-unit chart folded to a readable depth, with counts on folded units', async () => {
    const { page } = session;
    await importChart(page, chart10k, /(^|, )Head office/);
    const drawn = await page.getByRole('treeitem').count();
    expect(drawn).toBeGreaterThan(1);
    expect(drawn).toBeLessThanOrEqual(150);
    await expect(
      page
        .getByRole('treeitem', { name: /units below$/, expanded: false })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Imported “.*”: 10,000 units\./ })
          .count(),
      )
      .toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('expands all 10,000 units around the selected unit, shows them all as a canvas overview, and draws real cards again when zoomed in', async () => {
    const { page } = session;
    await importChart(page, chart10k, /(^|, )Head office/);
    const rootCard = page.getByRole('treeitem', { name: /(^|, )Head office/ }).locator('rect.node-card');
    const before = await rootCard.boundingBox();
    const zoomBefore = await page.getByRole('toolbar', { name: 'Chart view' }).locator('output').textContent();
    await page.getByRole('button', { name: 'Expand all' }).click();
    await settledTransform(page);
    // Fitted whole, 10,000 units would be a line: the view keeps its zoom and the selected unit keeps its place.
    const after = await rootCard.boundingBox();
    if (!before || !after) throw new Error('no root card');
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    expect(Math.abs(after.y - before.y)).toBeLessThan(1);
    await expect(page.getByRole('toolbar', { name: 'Chart view' }).locator('output').textContent()).resolves.toBe(zoomBefore);
    expect(await page.getByRole('treeitem').count()).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await settledTransform(page);
    // Wrapped into rows the whole chart is a block, not a line, but still far too small to read: under 5 % (zoomPercent
    // writes two digits below 10 %, e.g. "1.1%" now that notices float and leave the chart its full height).
    await expect(page.getByRole('toolbar', { name: 'Chart view' }).locator('output').textContent()).resolves.toMatch(/^(0\.\d+|[1-4](\.\d)?)%$/);
    // Far out, only the selected card stays in the DOM (for focus and screen readers); the rest is canvas.
    await expect.poll(() => page.getByRole('treeitem').count()).toBeLessThan(5);
    await expect.poll(() => paintedPixels(page)).toBeGreaterThan(1000);

    const root = page.getByRole('treeitem', { name: /(^|, )Head office/ });
    await root.focus();
    await page.keyboard.press('ArrowDown');
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focusedName).toMatch(/(^|, )Bureau of Planning \d+(,|$)/);

    // Jumping to a unit zooms in to a readable scale: real cards come back around it.
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill('Bureau of Planning 5000');
    await page.getByRole('option', { name: /^Bureau of Planning 5000/ }).waitFor();
    await search.press('Enter');
    await settledTransform(page);
    await expect(page.getByRole('treeitem', { name: cardName('Bureau of Planning 5000') }).getAttribute('aria-selected')).resolves.toBe('true');
    const cards = await page.getByRole('treeitem').count();
    expect(cards).toBeGreaterThan(5);
    expect(cards).toBeLessThan(1000);
    // The overview's boxes are gone, not left behind the cards.
    await expect.poll(() => paintedPixels(page)).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('draws the lines from a unit on screen to units under it that are off screen', async () => {
    const { page } = session;
    // Two wings, each over twelve small teams: too wide side by side, they wrap into two rows, each wing
    // centred over its teams, nearly two thousand pixels right of the head.
    const rows = ['id,parentId,name', 'head,,Head office'];
    for (const wing of ['left', 'right']) {
      rows.push(`${wing},head,${wing === 'left' ? 'Left' : 'Right'} wing`);
      for (let i = 0; i < 12; i++) rows.push(`${wing}-${i},${wing},Team ${wing} ${i}`, `${wing}-${i}-lead,${wing}-${i},Lead ${wing} ${i}`);
    }
    const wide = `${ARTIFACTS}/two-wings.csv`;
    writeFileSync(wide, rows.join('\n'));
    await importChart(page, wide, /(^|, )Head office/);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await settledTransform(page);
    // The head is on screen at a readable zoom; both wings are off screen and not drawn as cards,
    // but the two lines down to them leave the bottom of the head's card.
    await expect(page.getByRole('treeitem', { name: cardName('Left wing') }).count()).resolves.toBe(0);
    await expect(page.getByRole('treeitem', { name: cardName('Right wing') }).count()).resolves.toBe(0);
    const linesFromHead = await page.evaluate(() => {
      const card = document.querySelector<SVGGraphicsElement>('svg[role="tree"] [role="treeitem"][data-id="head"] rect.node-card');
      if (!card) return -1;
      // On screen, since the card and the lines are placed in different coordinates.
      const box = card.getBoundingClientRect();
      const bottom = box.bottom;
      const centre = box.left + box.width / 2;
      return [...document.querySelectorAll<SVGPathElement>('svg[role="tree"] .links path')].filter((path) => {
        const start = path.getPointAtLength(0).matrixTransform(path.getScreenCTM() ?? undefined);
        return Math.abs(start.y - bottom) < 1 && Math.abs(start.x - centre) < 1;
      }).length;
    });
    expect(linesFromHead).toBe(2);

    // Zoomed right out, then the head folded: the chart shrinks to one card, far below its new zoom floor.
    // Zooming out again must not jump in to that floor.
    const chart = await page.getByRole('tree').boundingBox();
    if (!chart) throw new Error('no chart');
    await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 2000);
    const farOut = await settledTransform(page);
    await page.getByRole('treeitem', { name: /(^|, )Head office/ }).focus();
    await page.keyboard.press('ArrowLeft');
    await settledTransform(page);
    await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
    await page.mouse.wheel(0, 2000);
    expect((await settledTransform(page)).k).toBeLessThanOrEqual(farOut.k * 1.001);
    expect(session.errors).toEqual([]);
  });

  it('moves the view when the minimap is clicked', async () => {
    const { page } = session;
    await importChart(page, chart10k, /(^|, )Head office/);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const before = await settledTransform(page);
    const minimap = page.getByRole('img', { name: /Minimap/ });
    const box = await minimap.boundingBox();
    if (!box) throw new Error('no minimap');
    await page.mouse.click(box.x + box.width * 0.15, box.y + box.height * 0.5);
    const after = await settledTransform(page);
    expect(Math.abs(after.x - before.x)).toBeGreaterThan(50);
    expect(after.k).toBeCloseTo(before.k, 5);
  });

  it('turns the chart left to right and back', async () => {
    const { page } = session;
    await page.goto(session.url('/'));
    await page.getByRole('tree').waitFor();
    const centre = async (name: RegExp) => {
      const box = await page.getByRole('treeitem', { name }).boundingBox();
      if (!box) throw new Error(`no box for ${name}`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const toggle = page.getByRole('button', { name: 'Left to right' });
    await toggle.click();
    await settledTransform(page);
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const root = await centre(/(^|, )General Office of the Standing Committee/);
    const group = await centre(cardName('Departments'));
    expect(group.x).toBeGreaterThan(root.x + 50);
    await toggle.click();
    await settledTransform(page);
    const rootAgain = await centre(/(^|, )General Office of the Standing Committee/);
    const groupAgain = await centre(cardName('Departments'));
    expect(groupAgain.y).toBeGreaterThan(rootAgain.y + 50);
  });

  it('imports a 10,000-deep chain', async () => {
    const { page } = session;
    await importChart(page, chain, cardName('Level 0'));
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Imported “.*”: 10,000 units\./ })
          .count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await settledTransform(page);
    expect(session.errors).toEqual([]);
  });

  it('imports a file too big to parse on the page in the worker, to the end, and keeps it', async () => {
    expect(statSync(chart60k).size).toBeGreaterThan(4 * 1024 * 1024);
    const { page } = session;
    await page.goto(session.url('/'));
    await page.getByRole('tree').waitFor();
    // The worker's import shows its progress; a page that parsed the file itself would not.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('progress')) return;
        document.body.dataset.sawProgress = 'yes';
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await page.getByLabel('Chart file to import').setInputFiles(chart60k);
    await page.getByRole('treeitem', { name: cardName('Head office') }).waitFor({ timeout: 30_000 });
    await expect(page.locator('body').getAttribute('data-saw-progress')).resolves.toBe('yes');
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported “generated-60k\.json”: 60,000 units\./ })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Expand all' }).click();
    await settledTransform(page);
    await page.reload();
    await page.getByRole('treeitem', { name: cardName('Head office') }).waitFor({ timeout: 30_000 });
    expect(session.errors).toEqual([]);
  }, 120_000);

  it('shows progress while a large file imports and cancels it without changing anything', async () => {
    const { page } = session;
    await page.goto(session.url('/'));
    await page.getByRole('tree').waitFor();
    await page.getByLabel('Chart file to import').setInputFiles(chart100k);
    const progress = page.getByRole('progressbar', { name: /Importing “generated-100k.json”/ });
    await progress.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'cancelled' }).first().textContent()).resolves.toContain('Nothing was changed');
    await expect(page.getByRole('radio', { name: 'generated-100k.json' }).count()).resolves.toBe(0);
    expect(await page.getByRole('treeitem').count()).toBe(23);
  });
});
