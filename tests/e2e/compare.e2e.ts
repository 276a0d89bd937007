import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { cardName } from '../names.ts';
import { browserSession, chunkFile, delayRequests, recordShiftsInMain, shiftsInMain } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 800 } });
// A missing element fails its own step, with its locator in the message, well before the test's time runs out.
beforeEach(() => session.page.setDefaultTimeout(10_000));

const NPC = 'npcsc-general-office';
const STATE_COUNCIL = 'state-council-general-office';
const COMPARE_URL = `/?compare=${NPC},${STATE_COUNCIL}`;

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(session.url(path));
  await page.getByRole('tree').first().waitFor();
}

async function openCompareFromUrl(page: Page): Promise<void> {
  await page.goto(session.url(COMPARE_URL));
  await page.getByRole('tree').nth(1).waitFor();
  await page.getByRole('table', { name: /^Comparison of/ }).waitFor();
}

/** The treeitem whose accessible name starts with `name` followed by a comma or the end. */
const unitIn = (scope: Page | Locator, name: string) => scope.getByRole('treeitem', { name: cardName(name) });
const leftTree = (page: Page) => page.getByRole('tree').nth(0);
const rightTree = (page: Page) => page.getByRole('tree').nth(1);
const compareButton = (page: Page) => page.getByRole('button', { name: 'Compare', exact: true });
/** The `compare` parameter as written in the address bar (the app writes the comma unescaped). */
const compareParam = (page: Page) => new URL(page.url()).searchParams.get('compare');

/** The pan/zoom of the nth drawn chart, read from its viewport group. */
async function treeTransform(page: Page, nth: number): Promise<{ x: number; y: number; k: number }> {
  const transform = await page.locator('svg[role="tree"] > g').nth(nth).getAttribute('transform');
  const match = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(transform ?? '');
  if (!match) throw new Error(`unexpected viewport transform: ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]), k: Number(match[3]) };
}

/** The nth chart's transform once it has stopped moving (two reads 150 ms apart agree). */
async function settledTreeTransform(page: Page, nth: number): Promise<{ x: number; y: number; k: number }> {
  let previous = await treeTransform(page, nth);
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.waitForTimeout(150);
    const current = await treeTransform(page, nth);
    if (current.x === previous.x && current.y === previous.y && current.k === previous.k) return current;
    previous = current;
  }
  throw new Error('the view never stopped moving');
}

function expectSameTransform(actual: { x: number; y: number; k: number }, expected: { x: number; y: number; k: number }): void {
  expect(actual.x).toBeCloseTo(expected.x, 3);
  expect(actual.y).toBeCloseTo(expected.y, 3);
  expect(actual.k).toBeCloseTo(expected.k, 5);
}

/**
 * Fits one side's chart on screen and waits for it to settle. The NPC chart is too wide to read
 * fitted, so in the compare view it opens at its top with most units off screen; a person fits it
 * (or pans) before pointing at one of them.
 */
async function fitSide(page: Page, side: string, nth: number): Promise<void> {
  await page.getByRole('region', { name: side }).getByRole('button', { name: 'Fit to screen' }).click();
  await settledTreeTransform(page, nth);
}

const isHighlighted = (node: Locator) => node.evaluate((element) => element.classList.contains('is-highlighted'));
const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

describe('the compare view in a real browser', () => {
  it('opens from the header’s Compare button with both offices side by side and a comparison table', async () => {
    const { page } = session;
    await openApp(page);
    await expect(compareButton(page).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.getByRole('tree').count()).resolves.toBe(1);

    await compareButton(page).click();
    await rightTree(page).waitFor();
    await expect(compareButton(page).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByRole('tree').count()).resolves.toBe(2);
    await expect(leftTree(page).getAttribute('aria-label')).resolves.toBe('Org chart (left): NPC Standing Committee');
    await expect(rightTree(page).getAttribute('aria-label')).resolves.toBe('Org chart (right): State Council');
    await expect(unitIn(leftTree(page), "General Office of the Standing Committee of the National People's Congress").count()).resolves.toBe(1);
    await expect(unitIn(leftTree(page), 'Departments').count()).resolves.toBe(1);
    await expect(rightTree(page).getByRole('treeitem').count()).resolves.toBe(3);
    await expect(page.getByRole('table', { name: 'Comparison of NPC Standing Committee and State Council' }).isVisible()).resolves.toBe(true);
    expect(compareParam(page)).toBe(`${NPC},${STATE_COUNCIL}`);
    expect(page.url()).toContain(`?compare=${NPC},${STATE_COUNCIL}`);

    // Pressing it again leaves the compare view for the single chart.
    await compareButton(page).click();
    await expect.poll(() => page.getByRole('tree').count()).toBe(1);
    await expect(compareButton(page).getAttribute('aria-pressed')).resolves.toBe('false');
    expect(compareParam(page)).toBeNull();
    expect(new URL(page.url()).searchParams.get('chart')).toBe(NPC);
    expect(session.errors).toEqual([]);
  });

  it('opens straight from a compare link', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    await expect(compareButton(page).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByRole('tree').count()).resolves.toBe(2);
    await expect(page.getByRole('region', { name: 'Left: NPC Standing Committee' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Right: State Council' }).isVisible()).resolves.toBe(true);
    await expect(unitIn(leftTree(page), 'Departments').count()).resolves.toBe(1);
    await expect(unitIn(rightTree(page), 'China Government Network Operation Center').count()).resolves.toBe(1);
    expect(compareParam(page)).toBe(`${NPC},${STATE_COUNCIL}`);
    expect(session.errors).toEqual([]);
  });

  // Known bug (src/store/store.ts, closeCompare): a compare view opened from a link never put a chart
  // in the main pane, so closing it leaves "Loading chart…" on screen for good and the address unchanged.
  it('closes a compare view opened from a link to the chart that was on the left', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    await page.getByRole('button', { name: 'Close compare' }).click();
    await expect.poll(() => compareButton(page).getAttribute('aria-pressed')).toBe('false');
    const tree = page.getByRole('tree', { name: "Org chart: General Office of the Standing Committee of the National People's Congress" });
    await tree.waitFor({ timeout: 5000 });
    await expect(page.getByText('Loading chart…').count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.get('chart')).toBe(NPC);
    expect(compareParam(page)).toBeNull();
  });

  // Known bug (src/engine/zoom.ts FIT_TOP and the toolbar's wrapping in src/styles.css): each side of the
  // compare view is narrow enough for the chart toolbar to wrap onto a second line, but the opening view
  // still leaves room for one line only, so the top of each root card is hidden under the toolbar.
  it('opens both charts with their top unit in full view below the chart toolbar', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    for (const [nth, side, root] of [
      [0, 'Left: NPC Standing Committee', "General Office of the Standing Committee of the National People's Congress"],
      [1, 'Right: State Council', 'General Office of the State Council'],
    ] as const) {
      await settledTreeTransform(page, nth);
      const toolbar = await page.getByRole('region', { name: side }).getByRole('toolbar', { name: 'Chart view' }).boundingBox();
      const card = await unitIn(page.getByRole('tree').nth(nth), root).locator('rect.node-card').boundingBox();
      if (!toolbar || !card) throw new Error(`${side}: no toolbar or root card`);
      expect(card.y, `${side}: top of the root card vs bottom of the toolbar`).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
      // A half-width pane shows the toolbar as one row of icons; the buttons keep their names.
      expect(toolbar.height, `${side}: toolbar height`).toBeLessThan(48);
      const fit = page.getByRole('region', { name: side }).getByRole('button', { name: 'Fit to screen' });
      expect(await fit.locator('svg.tool-icon').isVisible()).toBe(true);
    }
  });

  it('tabulates both offices’ formation dates, heads and parent bodies, saying what they share, then marking the rows that differ', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    const table = page.getByRole('table', { name: 'Comparison of NPC Standing Committee and State Council' });
    const headers = table.getByRole('columnheader');
    await expect(headers.allTextContents()).resolves.toEqual(['Aspect', 'NPC Standing Committee', 'State Council']);

    const formed = table.getByRole('row', { name: /^Formed/ });
    await expect(formed.getByRole('cell').nth(0).textContent()).resolves.toContain('27 September 1954');
    await expect(formed.getByRole('cell').nth(1).textContent()).resolves.toContain('27 September 1949');
    // The same day, different years: alike, and said so in words.
    await expect(formed.getByRole('rowheader').textContent()).resolves.toContain('alike: both formed on 27 September');

    const head = table.getByRole('row', { name: /^Head\b/ });
    await expect(head.getByRole('cell').nth(0).textContent()).resolves.toContain('Liu Qi');
    await expect(head.getByRole('cell').nth(1).textContent()).resolves.toContain('Wu Zhenglong');
    await expect(head.getByRole('rowheader').textContent()).resolves.toContain('alike: both headed by a Secretary-General');

    const parentBody = table.getByRole('row', { name: /^Parent body/ });
    await expect(parentBody.getByRole('cell').nth(0).textContent()).resolves.toContain("Standing Committee of the National People's Congress");
    await expect(parentBody.getByRole('cell').nth(1).textContent()).resolves.toBe('not stated');

    // Every row is marked exactly when its two cells say different things: as alike when they share what the row's rule
    // names, else as differing.
    const rows = table.locator('tbody').getByRole('row');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const label = await row.getByRole('rowheader').textContent();
      const [left, right] = await row.getByRole('cell').allTextContents();
      const textsDiffer = normalise(left ?? '') !== normalise(right ?? '');
      const alike = label?.includes('· alike') ?? false;
      expect(label?.includes('differs') || alike, `row “${label}”`).toBe(textsDiffer);
      await expect(
        row.evaluate((element) => element.classList.contains('differs')),
        `row “${label}”`,
      ).resolves.toBe(textsDiffer && !alike);
    }
    expect(session.errors).toEqual([]);
  });

  it('shows a unit selected on one side in that side’s details panel without leaving the compare view', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    const leftDetails = page.getByRole('complementary', { name: 'Details: NPC Standing Committee' });
    const rightDetails = page.getByRole('complementary', { name: 'Details: State Council' });
    await expect(leftDetails.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      "General Office of the Standing Committee of the National People's Congress",
    );

    await fitSide(page, 'Left: NPC Standing Committee', 0);
    await unitIn(leftTree(page), 'Liaison Bureau').click();
    await expect.poll(() => leftDetails.getByRole('heading', { level: 2 }).textContent()).toBe('Liaison Bureau');
    await expect(leftDetails.getByText('全国人大常委会办公厅联络局').first().isVisible()).resolves.toBe(true);
    await expect(unitIn(leftTree(page), 'Liaison Bureau').getAttribute('aria-selected')).resolves.toBe('true');
    // The other side is untouched, and this is still the compare view.
    await expect(rightDetails.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('General Office of the State Council');
    await expect(page.getByRole('tree').count()).resolves.toBe(2);
    const url = new URL(page.url());
    expect(url.searchParams.get('compare')).toBe(`${NPC},${STATE_COUNCIL}`);
    expect(url.searchParams.get('left')).toBe('liaison-bureau');
    expect(url.searchParams.get('chart')).toBeNull();
    expect(session.errors).toEqual([]);
  });

  it('shows a unit found by search on the side that holds it, staying in the compare view', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    const rightDetails = page.getByRole('complementary', { name: 'Details: State Council' });
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill('Network Operation Center');
    await page
      .getByRole('option', { name: /China Government Network Operation Center/ })
      .first()
      .click();
    await expect.poll(() => rightDetails.getByRole('heading', { level: 2 }).textContent()).toBe('China Government Network Operation Center');
    // A unit of the chart on the left goes to the left side, by keyboard this time.
    const leftDetails = page.getByRole('complementary', { name: 'Details: NPC Standing Committee' });
    await search.fill('Liaison Bureau');
    await page
      .getByRole('option', { name: /Liaison Bureau/ })
      .first()
      .waitFor();
    await search.press('Enter');
    await expect.poll(() => leftDetails.getByRole('heading', { level: 2 }).textContent()).toBe('Liaison Bureau');
    await expect(rightDetails.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('China Government Network Operation Center');
    await expect(page.getByRole('tree').count()).resolves.toBe(2);
    const url = new URL(page.url());
    expect(url.searchParams.get('compare')).toBe(`${NPC},${STATE_COUNCIL}`);
    expect(url.searchParams.get('chart')).toBeNull();
    expect(url.searchParams.get('left')).toBe('liaison-bureau');
    expect(url.searchParams.get('right')).not.toBeNull();
    expect(session.errors).toEqual([]);
  });

  it('swaps the two charts, with their selections, from the Swap sides button', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    await fitSide(page, 'Left: NPC Standing Committee', 0);
    await unitIn(leftTree(page), 'Liaison Bureau').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('left')).toBe('liaison-bureau');

    await page.getByRole('button', { name: 'Swap sides' }).click();
    await expect.poll(() => leftTree(page).getAttribute('aria-label')).toBe('Org chart (left): State Council');
    await expect(rightTree(page).getAttribute('aria-label')).resolves.toBe('Org chart (right): NPC Standing Committee');
    await expect(leftTree(page).getByRole('treeitem').count()).resolves.toBe(3);
    await expect(unitIn(rightTree(page), "General Office of the Standing Committee of the National People's Congress").count()).resolves.toBe(1);
    await expect(page.getByRole('combobox', { name: 'Left' }).inputValue()).resolves.toBe(STATE_COUNCIL);
    await expect(page.getByRole('combobox', { name: 'Right' }).inputValue()).resolves.toBe(NPC);
    const url = new URL(page.url());
    expect(url.searchParams.get('compare')).toBe(`${STATE_COUNCIL},${NPC}`);
    expect(url.searchParams.get('right')).toBe('liaison-bureau');
    expect(url.searchParams.get('left')).toBeNull();
    await expect(unitIn(rightTree(page), 'Liaison Bureau').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('complementary', { name: 'Details: NPC Standing Committee' }).getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Liaison Bureau',
    );
    await expect(page.getByRole('table', { name: 'Comparison of State Council and NPC Standing Committee' }).isVisible()).resolves.toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('moves the right chart with the left one when the views are linked, and not otherwise', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    const linkViews = page.getByRole('checkbox', { name: 'Link views' });
    await expect(linkViews.isChecked()).resolves.toBe(false);
    const leftBox = await leftTree(page).boundingBox();
    if (!leftBox) throw new Error('the left chart has no box');
    await settledTreeTransform(page, 0);
    const rightBefore = await settledTreeTransform(page, 1);

    // Not linked: zooming and dragging the left chart leaves the right one where it was.
    await page.mouse.move(leftBox.x + leftBox.width / 2, leftBox.y + leftBox.height / 2);
    await page.mouse.wheel(0, -300);
    await page.mouse.down();
    await page.mouse.move(leftBox.x + leftBox.width / 2 - 60, leftBox.y + leftBox.height / 2 + 40, { steps: 6 });
    await page.mouse.up();
    const leftMoved = await settledTreeTransform(page, 0);
    expect(leftMoved.k).not.toBeCloseTo(rightBefore.k, 3);
    expectSameTransform(await settledTreeTransform(page, 1), rightBefore);

    // Linked: a wheel zoom on the left is copied to the right, exactly.
    await linkViews.check();
    await page.mouse.move(leftBox.x + leftBox.width / 2, leftBox.y + leftBox.height / 2);
    await page.mouse.wheel(0, 200);
    const leftZoomed = await settledTreeTransform(page, 0);
    expect(leftZoomed.k).toBeLessThan(leftMoved.k);
    expectSameTransform(await settledTreeTransform(page, 1), leftZoomed);

    // So is a drag.
    await page.mouse.move(leftBox.x + 200, leftBox.y + 200);
    await page.mouse.down();
    await page.mouse.move(leftBox.x + 280, leftBox.y + 150, { steps: 8 });
    await page.mouse.up();
    const leftDragged = await settledTreeTransform(page, 0);
    expect(leftDragged.x).toBeCloseTo(leftZoomed.x + 80, 0);
    expectSameTransform(await settledTreeTransform(page, 1), leftDragged);

    // And it works the other way round too.
    const rightBox = await rightTree(page).boundingBox();
    if (!rightBox) throw new Error('the right chart has no box');
    await page.mouse.move(rightBox.x + rightBox.width / 2, rightBox.y + rightBox.height / 2);
    await page.mouse.wheel(0, -200);
    const rightZoomed = await settledTreeTransform(page, 1);
    expect(rightZoomed.k).toBeGreaterThan(leftDragged.k);
    expectSameTransform(await settledTreeTransform(page, 0), rightZoomed);

    // Unlinked again, the right chart stays put.
    await linkViews.uncheck();
    await page.mouse.move(leftBox.x + leftBox.width / 2, leftBox.y + leftBox.height / 2);
    await page.mouse.wheel(0, -200);
    const leftAlone = await settledTreeTransform(page, 0);
    expect(leftAlone.k).toBeGreaterThan(rightZoomed.k);
    expectSameTransform(await settledTreeTransform(page, 1), rightZoomed);
    expect(session.errors).toEqual([]);
  });

  it('stacks the two sides vertically on a narrow screen', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 600, height: 900 });
    await openCompareFromUrl(page);
    const left = await page.getByRole('region', { name: 'Left: NPC Standing Committee' }).boundingBox();
    const right = await page.getByRole('region', { name: 'Right: State Council' }).boundingBox();
    if (!left || !right) throw new Error('a side has no box');
    // Below, not beside: the right side starts where the left one ends, in the same column.
    expect(right.y).toBeGreaterThanOrEqual(left.y + left.height - 1);
    expect(Math.abs(right.x - left.x)).toBeLessThan(2);
    expect(left.width).toBeGreaterThan(500);
    expect(right.width).toBeCloseTo(left.width, 0);
    // Nothing sticks out sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(600);
    expect(session.errors).toEqual([]);
  });

  it('keeps the Chinese picker labels on one line on a phone, and names the offices in Chinese in the pickers', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(session.url('/'));
    await page.evaluate(() => localStorage.setItem('org-chart-preferences', JSON.stringify({ language: 'zh', names: 'both' })));
    await page.goto(session.url(COMPARE_URL));
    await page.getByRole('table').first().waitFor();
    for (const name of ['左侧', '右侧']) {
      const picker = page.getByRole('combobox', { name });
      await expect(picker.locator('option:checked').textContent()).resolves.toMatch(/^(全国人大常委会办公厅|国务院办公厅)$/);
      // "左侧" would otherwise break one character per line beside the select.
      const label = await page
        .locator('.compare-picker > span')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .boundingBox();
      expect(label?.height ?? 0, `${name} label height`).toBeLessThan(30);
    }
    expect(session.errors).toEqual([]);
  });

  it('fits a phone: the pickers, each pane’s toolbar and the comparison table stay inside the screen', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 375, height: 740 });
    await openCompareFromUrl(page);
    for (const name of ['Left', 'Right']) {
      const picker = await page.getByRole('combobox', { name }).boundingBox();
      if (!picker) throw new Error(`no ${name} picker`);
      expect(picker.x + picker.width, `${name} picker's right edge`).toBeLessThanOrEqual(375);
    }
    for (const side of ['Left: NPC Standing Committee', 'Right: State Council']) {
      const region = page.getByRole('region', { name: side });
      const toolbar = await region.getByRole('toolbar', { name: 'Chart view' }).boundingBox();
      const exportMenu = await region.getByRole('toolbar', { name: 'Chart view' }).locator('summary').boundingBox();
      if (!toolbar || !exportMenu) throw new Error(`${side}: no toolbar`);
      expect(exportMenu.x + exportMenu.width, `${side}: Export inside its toolbar`).toBeLessThanOrEqual(toolbar.x + toolbar.width);
    }
    const table = page.getByRole('table', { name: /^Comparison of/ });
    const overflow = await table.evaluate((element) => element.scrollWidth - (element.parentElement?.clientWidth ?? 0));
    expect(overflow).toBeLessThanOrEqual(0);
    expect(session.errors).toEqual([]);
  });

  it('opens with its timeline above both charts, moving nothing when the timeline’s code comes late', async () => {
    const { page } = session;
    await recordShiftsInMain(page);
    const held = await delayRequests(page, chunkFile('TimelineBar'), 600);
    await openCompareFromUrl(page);
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    await expect(shiftsInMain(page)).resolves.toEqual([]);
    expect(held()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('stays on screen while the offices’ data comes late, the timeline joining it without a “Loading” in between', async () => {
    const { page } = session;
    // The view is shown once the opening wait (400 ms) is over, before the data; it must not go blank after that.
    await page.addInitScript(() => {
      const seen = { compare: false, blankAfter: false };
      (window as unknown as { __compareSeen: typeof seen }).__compareSeen = seen;
      new MutationObserver(() => {
        const view = document.querySelector<HTMLElement>('.compare');
        if (view && view.style.display !== 'none') seen.compare = true;
        // Suspended again: React hides the view and shows the workspace's own “Loading” in its place.
        if (seen.compare && (view?.style.display === 'none' || document.querySelector('main > .compare-waiting'))) seen.blankAfter = true;
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    });
    const held = await delayRequests(page, /\/data\/[\w-]+-general-office\.json$/, 1_200);
    await openCompareFromUrl(page);
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    expect(held()).toBeGreaterThanOrEqual(2);
    await expect(page.evaluate(() => (window as unknown as { __compareSeen: { compare: boolean; blankAfter: boolean } }).__compareSeen)).resolves.toEqual({
      compare: true,
      blankAfter: false,
    });
    expect(session.errors).toEqual([]);
  });

  it('puts the two sides beside each other on a wide screen', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    const left = await page.getByRole('region', { name: 'Left: NPC Standing Committee' }).boundingBox();
    const right = await page.getByRole('region', { name: 'Right: State Council' }).boundingBox();
    if (!left || !right) throw new Error('a side has no box');
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width - 1);
    expect(Math.abs(right.y - left.y)).toBeLessThan(2);
  });

  it('lights up the counterpart on the other side of the unit under the pointer', async () => {
    const { page } = session;
    await openCompareFromUrl(page);
    const leftGroup = unitIn(leftTree(page), 'Directly affiliated institutions');
    const rightGroup = unitIn(rightTree(page), 'Directly affiliated institutions');
    const leftRoot = unitIn(leftTree(page), "General Office of the Standing Committee of the National People's Congress");
    const rightRoot = unitIn(rightTree(page), 'General Office of the State Council');
    await fitSide(page, 'Left: NPC Standing Committee', 0);
    // Park the pointer off the charts.
    await page.getByRole('heading', { name: 'What the sources say, side by side' }).hover();
    await expect(isHighlighted(rightGroup)).resolves.toBe(false);
    await expect(isHighlighted(leftGroup)).resolves.toBe(false);

    await leftGroup.hover();
    await expect.poll(() => isHighlighted(rightGroup)).toBe(true);
    await expect(isHighlighted(rightRoot)).resolves.toBe(false);
    await expect(rightTree(page).locator('[role="treeitem"].is-highlighted').count()).resolves.toBe(1);

    // The roots are counterparts too, both ways.
    // (Its lower edge: the top of the root card sits under the chart's toolbar in the compare view.)
    const rootBox = await leftRoot.locator('rect.node-card').boundingBox();
    if (!rootBox) throw new Error('the left root has no box');
    await page.mouse.move(rootBox.x + rootBox.width / 4, rootBox.y + rootBox.height - 4);
    await expect.poll(() => isHighlighted(rightRoot)).toBe(true);
    await expect(isHighlighted(rightGroup)).resolves.toBe(false);
    await rightGroup.hover();
    await expect.poll(() => isHighlighted(leftGroup)).toBe(true);
    await expect(isHighlighted(leftRoot)).resolves.toBe(false);

    // A unit with no counterpart lights up nothing on the other side.
    await unitIn(leftTree(page), 'Liaison Bureau').hover();
    await expect.poll(() => rightTree(page).locator('[role="treeitem"].is-highlighted').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
