import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { cardName, escapeRegExp, foldButtonSelector } from '../names.ts';
import { browserSession, settledTransform } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 800 } });
// A missing element fails its own step, with its locator in the message, well before the test's time runs out.
beforeEach(() => session.page.setDefaultTimeout(10_000));

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(session.url(path));
  await page.getByRole('tree').waitFor();
}

/** The treeitem whose accessible name starts with `name` followed by a comma or the end. */
const unitNode = (page: Page, name: string) => page.getByRole('treeitem', { name: cardName(name) });
/** The search result whose accessible name starts with the unit's name. */
const resultFor = (page: Page, name: string) => page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}( |$)`) });
const searchField = (page: Page) => page.getByRole('combobox', { name: 'Search' });
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Moves the active option with the arrow keys until `option` is the active one. */
async function makeActive(page: Page, option: Locator): Promise<void> {
  for (let presses = 0; presses < 12; presses++) {
    if ((await option.getAttribute('aria-selected')) === 'true') return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('the option never became active');
}

/** How far the unit's card is from the middle of the chart, in screen pixels. */
async function distanceFromChartCentre(page: Page, node: Locator): Promise<number> {
  const box = await node.locator('rect.node-card').boundingBox();
  const chart = await page.getByRole('tree').boundingBox();
  if (!box || !chart) return Infinity;
  return Math.hypot(box.x + box.width / 2 - (chart.x + chart.width / 2), box.y + box.height / 2 - (chart.y + chart.height / 2));
}

describe('search in a real browser', () => {
  it('focuses the search field from the chart with “/” and with Ctrl+K', async () => {
    const { page } = session;
    await openApp(page);
    const field = searchField(page);
    await expect(isFocused(field)).resolves.toBe(false);

    // Nothing focused: the keys go to the body.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(page.evaluate(() => document.activeElement === document.body)).resolves.toBe(true);
    await page.keyboard.press('/');
    await expect.poll(() => isFocused(field)).toBe(true);
    // The slash opened the search; it was not typed into it.
    await expect(field.inputValue()).resolves.toBe('');

    // From a unit in the chart, Ctrl+K does the same.
    await unitNode(page, 'Departments').click();
    await unitNode(page, 'Departments').focus();
    await expect(isFocused(field)).resolves.toBe(false);
    await page.keyboard.press('Control+K');
    await expect.poll(() => isFocused(field)).toBe(true);

    // And “/” from a focused unit too.
    await unitNode(page, 'Departments').focus();
    await page.keyboard.press('/');
    await expect.poll(() => isFocused(field)).toBe(true);

    // Inside the field, “/” is just a character.
    await page.keyboard.type('a/b');
    await expect(field.inputValue()).resolves.toBe('a/b');

    // Right after switching office with the header's switch (focus on its radio button), “/” still searches.
    const stateCouncil = page.getByRole('radio', { name: 'General Office of the State Council' });
    await stateCouncil.check();
    await expect(isFocused(stateCouncil)).resolves.toBe(true);
    await page.keyboard.press('/');
    await expect.poll(() => isFocused(field)).toBe(true);
    await expect(stateCouncil.isChecked()).resolves.toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('finds a State Council unit from the NPC chart and opens it selected, described and centred', async () => {
    const { page } = session;
    await openApp(page);
    await expect(page.getByRole('radio', { name: /Standing Committee of the National People's Congress/ }).isChecked()).resolves.toBe(true);

    const field = searchField(page);
    await field.click();
    await page.keyboard.type('China Government');
    const target = resultFor(page, 'China Government Network Operation Center');
    await target.waitFor();
    await expect(field.getAttribute('aria-expanded')).resolves.toBe('true');
    // The arrow keys move the active option, and the field says which it is.
    const options = page.getByRole('option');
    expect(await options.count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await makeActive(page, target);
    await expect(field.getAttribute('aria-activedescendant')).resolves.toBe(await target.getAttribute('id'));
    await expect(page.getByRole('option', { selected: true }).count()).resolves.toBe(1);

    await page.keyboard.press('Enter');
    const node = unitNode(page, 'China Government Network Operation Center');
    await node.waitFor();
    await expect(page.getByRole('radio', { name: 'General Office of the State Council' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('tree').getAttribute('aria-label')).resolves.toBe('Org chart: General Office of the State Council');
    await expect(node.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('China Government Network Operation Center');
    const url = new URL(page.url());
    expect(url.searchParams.get('chart')).toBe('state-council-general-office');
    expect(url.searchParams.get('unit')).toBe('china-government-network-operation-center');
    await expect(field.getAttribute('aria-expanded')).resolves.toBe('false');

    await settledTransform(page);
    await expect.poll(() => distanceFromChartCentre(page, node)).toBeLessThan(30);
    expect(session.errors).toEqual([]);
  });

  it('finds the State Council’s General Office by its web address in the functions, and by pinyin', async () => {
    const { page } = session;
    await openApp(page);
    const field = searchField(page);
    // Each query waits for a first result only its own list has, so the other query's list, still shown, cannot pass.
    await field.fill('guowuyuan');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^General Office of the State Council/);
    await expect(resultFor(page, 'General Office of the State Council').count()).resolves.toBe(1);
    // The site's operator comes first for "gov.cn": a cited fact about it outranks a function that names the site.
    await field.fill('gov.cn');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^China Government Network Operation Center/);
    await expect(resultFor(page, 'General Office of the State Council').count()).resolves.toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('centres a chosen unit that is off screen in the chart already shown, with keyboard focus on it', async () => {
    const { page } = session;
    await openApp(page);
    // Zoomed in on the top left corner: the Trade Union card is far off screen.
    const chart = await page.getByRole('tree').boundingBox();
    if (!chart) throw new Error('no chart');
    await page.mouse.move(chart.x + 40, chart.y + 120);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
    await settledTransform(page);
    const union = unitNode(page, 'Trade Union of the NPCSC');
    // Off screen: culled, or drawn far from the centre.
    if ((await union.count()) > 0) await expect(distanceFromChartCentre(page, union)).resolves.toBeGreaterThan(300);

    await searchField(page).click();
    await page.keyboard.type('Trade Union');
    const result = resultFor(page, 'Trade Union of the NPCSC');
    await result.waitFor();
    await makeActive(page, result);
    await page.keyboard.press('Enter');
    await settledTransform(page);
    await expect.poll(() => distanceFromChartCentre(page, union)).toBeLessThan(30);
    await expect.poll(() => isFocused(union)).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('unfolds the ancestors of a unit chosen inside a collapsed branch', async () => {
    const { page } = session;
    await openApp(page);
    const departments = unitNode(page, 'Departments');
    await page.locator(foldButtonSelector('departments')).click();
    await expect(departments.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(unitNode(page, 'Liaison Bureau').count()).resolves.toBe(0);

    await searchField(page).click();
    await page.keyboard.type('Liaison');
    const result = resultFor(page, 'Liaison Bureau');
    await result.waitFor();
    await makeActive(page, result);
    await page.keyboard.press('Enter');

    await expect.poll(() => departments.getAttribute('aria-expanded')).toBe('true');
    const liaison = unitNode(page, 'Liaison Bureau');
    await expect(liaison.count()).resolves.toBe(1);
    await expect(liaison.getAttribute('aria-selected')).resolves.toBe('true');
    // Keyboard focus is on the unit, as after any "go to": the arrow keys carry on from it.
    await expect.poll(() => liaison.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Liaison Bureau');
    expect(new URL(page.url()).searchParams.get('unit')).toBe('liaison-bureau');
    await expect(page.locator(foldButtonSelector('departments')).textContent()).resolves.toBe('−');
    await settledTransform(page);
    await expect.poll(() => distanceFromChartCentre(page, liaison)).toBeLessThan(30);
    expect(session.errors).toEqual([]);
  });

  it('forgives a typo, and understands Chinese and pinyin initials', async () => {
    const { page } = session;
    await openApp(page);
    const field = searchField(page);
    const cases: { query: string; first: string; marked: string }[] = [
      { query: 'Liasion', first: 'Liaison Bureau', marked: 'Liaison' },
      { query: '联络局', first: 'Liaison Bureau', marked: '联络局' },
      { query: 'gwy', first: 'General Office of the State Council', marked: '国务院' },
    ];
    for (const { query, first, marked } of cases) {
      await field.fill(query);
      const firstOption = page.getByRole('option').first();
      // Two queries in a row lead with Liaison Bureau: the mark, which differs, tells this query's list from the last.
      await expect.poll(() => firstOption.locator('mark').allTextContents(), { message: query }).toEqual([marked]);
      await expect(firstOption.textContent(), query).resolves.toMatch(new RegExp(`^${escapeRegExp(first)}`));
      await expect(resultFor(page, first).count(), query).resolves.toBe(1);
    }

    // Choosing the pinyin-initials result opens the State Council's chart at its root.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('radio', { name: 'General Office of the State Council' }).isChecked()).toBe(true);
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('General Office of the State Council');
    expect(session.errors).toEqual([]);
  });

  it('says so when nothing matches, and offers no options', async () => {
    const { page } = session;
    await openApp(page);
    const field = searchField(page);
    await field.fill('zzqqxx');
    const message = page.getByRole('status').filter({ hasText: 'No unit matches “zzqqxx”.' });
    await message.waitFor();
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(message.textContent()).resolves.toContain('pinyin (e.g. guowuyuan)');
    await expect(page.getByRole('option').count()).resolves.toBe(0);
    await expect(page.getByRole('listbox').isVisible()).resolves.toBe(false);
    await expect(field.getAttribute('aria-expanded')).resolves.toBe('false');
    // Enter with no results changes nothing.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('treeitem').count()).resolves.toBe(23);
    expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
    expect(session.errors).toEqual([]);
  });
});
