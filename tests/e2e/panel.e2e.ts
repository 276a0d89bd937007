/**
 * The details panel in a real browser, on a desktop screen and on a phone with
 * touch (issue 19): a search hit marked and scrolled into the panel's view, the
 * panel first in the tab order, the parent body where the chart holds it, and
 * an imported table's details read as people write them. Each state is held to
 * axe's WCAG 2.2 AA rules, and leaves a screenshot in tests/e2e/.artifacts.
 */
import { mkdirSync } from 'node:fs';

import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { escapeRegExp } from '../names.ts';
import { axeViolations, browserSession, searchField, settledTransform } from './browser.ts';

const ARTIFACTS = 'tests/e2e/.artifacts';
const NPC_TITLE = "General Office of the Standing Committee of the National People's Congress";
const STATE_COUNCIL_TITLE = 'General Office of the State Council';
const ORACLE_CSV = 'tests/fixtures/realdata/oracle-hr.csv';

const SCREENS = [
  { screen: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
  { screen: 'phone', options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
] as const;

describe.each(SCREENS)('the details panel on a $screen screen', ({ screen, options }) => {
  const session = browserSession(options);
  const touch = screen === 'phone';
  beforeEach(() => session.page.setDefaultTimeout(10_000));

  const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
  /** A tap on a phone, a click elsewhere. */
  const press = (locator: Locator) => (touch ? locator.tap() : locator.click());

  async function openApp(path = '/'): Promise<Page> {
    const { page } = session;
    await page.goto(session.url(path));
    await page.getByRole('tree').waitFor();
    await settledTransform(page);
    return page;
  }

  /** On a phone the details are a bottom sheet: raised, if it is not, as a reader would. */
  async function raiseSheet(page: Page): Promise<void> {
    const show = details(page).getByRole('button', { name: 'Show details' });
    if (touch && (await show.count()) > 0) await show.tap();
  }

  async function shoot(page: Page, state: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/panel-${screen}-${state}.png` });
  }

  /** Chooses the search result for `unit` after typing `query`, as a reader would. */
  async function searchAndChoose(page: Page, query: string, unit: string): Promise<void> {
    const field = await searchField(page, press);
    await press(field);
    await field.fill(query);
    await press(page.getByRole('option', { name: new RegExp(`^${escapeRegExp(unit)}( |$)`) }));
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).textContent()).toBe(unit);
  }

  /** Whether `target` sits in the panel's visible part: fully inside it, below the phone sheet's sticky handle. */
  async function inPanelView(target: Locator): Promise<boolean> {
    return target.evaluate((element) => {
      const panel = element.closest('aside');
      if (!panel) return false;
      const box = element.getBoundingClientRect();
      const view = panel.getBoundingClientRect();
      const handle = panel.querySelector<HTMLElement>('.sheet-handle')?.offsetHeight ?? 0;
      // Within a pixel: the panel scrolls by whole pixels, and an entry brought in at an edge can sit a fraction over.
      return box.height > 0 && box.top >= view.top + handle - 1 && box.bottom <= Math.min(view.bottom, window.innerHeight) + 1;
    });
  }

  it('scrolls to the function a search matched, the ninth of ten, and marks it', async () => {
    const page = await openApp('/?chart=state-council-general-office');
    await searchAndChoose(page, 'overseas stock', STATE_COUNCIL_TITLE);
    const mark = details(page).locator('mark');
    await expect.poll(() => mark.allTextContents()).toEqual(['overseas stock']);
    // On a phone the sheet, lowered while only the chart's top was shown, comes up to show it.
    if (touch) await expect(details(page).getByRole('button', { name: 'Hide details' }).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect.poll(() => inPanelView(mark)).toBe(true);
    await expect(mark.evaluate((element) => element.closest('li')?.textContent)).resolves.toMatch(/^The General Office also helps regulate the overseas stock/);
    await shoot(page, 'search-function');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds the unit that runs gov.cn by its cited fact, and the office by its function, each marked in view', async () => {
    const page = await openApp();
    await searchAndChoose(page, 'gov.cn', 'China Government Network Operation Center');
    const mark = details(page).locator('mark');
    await expect.poll(() => mark.allTextContents()).toEqual(['gov.cn']);
    await expect.poll(() => inPanelView(mark)).toBe(true);
    const fact = details(page).locator('dt', { hasText: /^Runs$/ });
    await expect(fact.evaluate((dt) => dt.nextElementSibling?.textContent)).resolves.toMatch(/^gov\.cn Source \[\d · Infobox\]$/);
    // Beside the chart, a short panel is not scrolled: the unit's name stays in sight above the mark.
    if (!touch) await expect(inPanelView(details(page).getByRole('heading', { level: 2 }))).resolves.toBe(true);
    await shoot(page, 'search-fact');
    expect(await axeViolations(page)).toEqual([]);

    await searchAndChoose(page, 'gov.cn', STATE_COUNCIL_TITLE);
    await expect.poll(() => mark.allTextContents()).toEqual(['gov.cn']);
    await expect.poll(() => inPanelView(mark)).toBe(true);
    await expect(mark.evaluate((element) => element.closest('li')?.textContent)).resolves.toMatch(/^The General Office runs gov\.cn/);
  });

  it('marks a leader, a fact and an editorial note that a search matched, each in view', async () => {
    const page = await openApp();
    for (const { query, unit, within } of [
      { query: 'Hu Xiaoli', unit: NPC_TITLE, within: 'dd' },
      { query: 'Zhongnanhai', unit: STATE_COUNCIL_TITLE, within: 'dd' },
      { query: 'Association of Theoretical Research', unit: NPC_TITLE, within: '.notes li' },
    ]) {
      await searchAndChoose(page, query, unit);
      const mark = details(page).locator('mark');
      await expect.poll(() => mark.allTextContents(), { message: query }).toEqual([query]);
      await expect.poll(() => inPanelView(mark), { message: query }).toBe(true);
      await expect(
        mark.evaluate((element, selector) => element.closest(selector) !== null, within),
        query,
      ).resolves.toBe(true);
    }
    await shoot(page, 'search-note');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes a citation at the top of a long panel to its entry among the sources, in view and focused', async () => {
    const page = await openApp();
    await raiseSheet(page);
    // The office's name in Chinese is cited from the top of the panel; its source is listed at the very end.
    const cite = details(page).locator('.native-name a.cite');
    const entry = details(page).locator(`[id="${((await cite.getAttribute('href')) ?? '').slice(1)}"]`);
    await expect(inPanelView(entry)).resolves.toBe(false);
    await press(cite);
    await expect.poll(() => inPanelView(entry)).toBe(true);
    await expect(entry.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  });

  it('is the first tab stop after the chart, read from its top, with the fold control under the name', async () => {
    const page = await openApp('/?chart=state-council-general-office');
    await raiseSheet(page);
    await page.locator('[role="treeitem"][tabindex="0"]').focus();
    await page.keyboard.press('Tab');
    const panel = details(page);
    await expect(panel.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(panel.evaluate((element) => element.scrollTop)).resolves.toBe(0);

    await page.keyboard.press('Tab');
    if (touch) {
      // The sheet's handle, at its top, comes first on a phone.
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('sheet-handle');
      await page.keyboard.press('Tab');
    }
    const fold = panel.getByRole('checkbox', { name: 'Collapsed in the chart' });
    await expect(fold.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    // Where it is seen: under the name, with nothing scrolled past (not 1,426 px down past Facts, Leaders and Functions).
    await expect(inPanelView(fold)).resolves.toBe(true);
    await expect(panel.evaluate((element) => element.scrollTop)).resolves.toBe(0);
    await expect(inPanelView(panel.getByRole('heading', { level: 2 }))).resolves.toBe(true);
    await shoot(page, 'tab');
    expect(await axeViolations(page)).toEqual([]);

    // Focused, the panel scrolls by keyboard.
    await page.keyboard.press('Shift+Tab');
    if (touch) await page.keyboard.press('Shift+Tab');
    await expect(panel.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('PageDown');
    await expect.poll(() => panel.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  });

  it('names the parent body that the chart holds, and goes to it', async () => {
    const page = await openApp('/?chart=npcsc-general-office&unit=liaison-bureau');
    const row = details(page).locator('.facts > div', { has: page.locator('dt', { hasText: /^Parent body$/ }) });
    const parent = row.getByRole('button', { name: NPC_TITLE });
    await expect(parent.isVisible()).resolves.toBe(true);
    await expect(row.textContent()).resolves.not.toContain('Not stated');
    await shoot(page, 'parent-body');
    expect(await axeViolations(page)).toEqual([]);
    await press(parent);
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).textContent()).toBe(NPC_TITLE);
  });

  it('reads an imported table as people write it: labels in words, dates in the interface language, addresses by their host', async () => {
    const page = await openApp();
    await page.getByLabel('Chart file to import').setInputFiles(ORACLE_CSV);
    await page.getByRole('tree', { name: 'Org chart: oracle-hr' }).waitFor();
    await raiseSheet(page);
    const panel = details(page);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Steven King');

    const label = panel.locator('dt', { hasText: /^Department name$/ });
    await expect(label.getAttribute('title')).resolves.toBe('department_name');
    await expect(panel.locator('time', { hasText: '16 July 2003 at 19:00 UTC' }).getAttribute('datetime')).resolves.toBe('2003-07-16T19:00:00.000Z');
    const image = panel.getByRole('link', { name: 'bumbeishvili.github.io/…' });
    await expect(image.getAttribute('href')).resolves.toBe('https://bumbeishvili.github.io/avatars/avatars/portrait12.png');
    await expect(image.getAttribute('title')).resolves.toBe('https://bumbeishvili.github.io/avatars/avatars/portrait12.png');

    // Lines break between words: no word of a label or value is split over two lines, and nothing runs past the panel.
    const split = await panel.evaluate((element) => {
      const broken: string[] = [];
      for (const cell of element.querySelectorAll('.facts dt, .facts dd')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) broken.push(word[0]);
          }
        }
      }
      return { broken, overflow: element.scrollWidth - element.clientWidth };
    });
    expect(split.broken).toEqual([]);
    expect(split.overflow).toBeLessThanOrEqual(0);

    // The picture's address, the hire date and the labels in sight for the screenshot.
    await image.evaluate((link) => {
      const aside = link.closest('aside');
      if (aside) aside.scrollTop += link.getBoundingClientRect().top - aside.getBoundingClientRect().top - 60;
    });
    await shoot(page, 'imported');
    expect(await axeViolations(page)).toEqual([]);
  });
});
