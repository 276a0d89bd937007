/**
 * The offices through time, in the built app: the dated lists redraw the chart,
 * the date lives in the address (reload, back and forward), the timeline works
 * by keyboard alone, a unit of the past is found by search and shown on its date,
 * the panel lists every Secretary-General, and compare keeps both sides on one date.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { cardName } from '../names.ts';
import { browserSession, chunkFile, delayRequests, recordShiftsInMain, searchField, shiftsInMain } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 860 } });
beforeEach(() => session.page.setDefaultTimeout(10_000));

async function openApp(page: Page, path: string): Promise<void> {
  await page.goto(session.url(path));
  await page.getByRole('tree').first().waitFor();
}

/** The names of the units drawn in the chart, from their tree items' accessible names (name first, then kind). */
async function unitNames(page: Page): Promise<string[]> {
  // Fitted whole, every card is drawn (the offices are small).
  await page.getByRole('toolbar', { name: 'Chart view' }).getByRole('button', { name: 'Expand all' }).click();
  await page
    .getByRole('toolbar', { name: 'Chart view' })
    .getByRole('button', { name: /Fit to screen/ })
    .click();
  await page.waitForTimeout(500);
  return page.getByRole('treeitem').evaluateAll((items) => items.map((item) => (item.getAttribute('aria-label') ?? '').split(', ')[0] ?? ''));
}

/** The timeline: in the chart's toolbar, a button ("As of Today") opening it; in the compare view, a strip across the top. */
const timeline = (page: Page) => page.getByRole('group', { name: 'Timeline' }).or(page.getByRole('region', { name: 'Timeline' }));
async function openTimeline(page: Page): Promise<void> {
  const button = page
    .getByRole('toolbar', { name: 'Chart view' })
    .locator('summary')
    .filter({ hasText: /^As of/ });
  if ((await page.getByRole('region', { name: 'Timeline' }).count()) > 0 || (await timeline(page).isVisible())) return;
  await button.click();
  await timeline(page).waitFor();
}
const dateField = (page: Page) => timeline(page).getByRole('textbox', { name: 'As of: Date' });
const asOfParam = (page: Page) => new URL(page.url()).searchParams.get('asof');

describe('the offices through time', () => {
  it('draws the NPC office as its 2007 and 2016 lists give it, and keeps the date in the address', async () => {
    const { page } = session;
    await openApp(page, '/?chart=npcsc-general-office&asof=2007');
    const in2007 = await unitNames(page);
    expect(in2007).toEqual(expect.arrayContaining(['First Bureau of Secretaries', 'Second Bureau of Secretaries']));
    expect(in2007).not.toContain('Research Office');

    await openTimeline(page);
    await dateField(page).fill('2016');
    await dateField(page).press('Enter');
    await expect.poll(() => asOfParam(page)).toBe('2016');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^As of 2016: \d+ units on record\.$/ })
          .count(),
      )
      .toBe(1);
    const in2016 = await unitNames(page);
    expect(in2016).toEqual(expect.arrayContaining(['Secretariat', 'Research Office']));
    expect(in2016).not.toContain('Second Bureau of Secretaries');

    await page.reload();
    await page.getByRole('tree').waitFor();
    // The toolbar's button says the date; the field in the timeline holds it.
    await expect(
      page
        .getByRole('toolbar', { name: 'Chart view' })
        .locator('summary')
        .filter({ hasText: /^As of/ })
        .textContent(),
    ).resolves.toBe('As of 2016');
    await openTimeline(page);
    await expect(dateField(page).inputValue()).resolves.toBe('2016');
    await page.goBack();
    await expect.poll(() => asOfParam(page)).toBe('2007');
    await expect.poll(async () => page.getByRole('treeitem', { name: cardName('Second Bureau of Secretaries') }).count()).toBe(1);
    await page.goForward();
    await expect.poll(() => asOfParam(page)).toBe('2016');
  });

  it('shows the State Council office of 1998 and 2008 with the Secretary-General of the day on its top card', async () => {
    const { page } = session;
    await openApp(page, '/?chart=state-council-general-office&asof=1998');
    const in1998 = await unitNames(page);
    expect(in1998).toEqual(expect.arrayContaining(['First Bureau of Secretaries', 'Bureau of Letters and Visits', 'Department of Personnel']));
    expect(in1998).not.toContain('Supervision Office');
    await openTimeline(page);
    await dateField(page).fill('2008');
    await dateField(page).press('Enter');
    const in2008 = await unitNames(page);
    expect(in2008).toEqual(expect.arrayContaining(['Supervision Office', 'E-Government Office', 'Finance Office']));
    expect(in2008).not.toContain('Bureau of Letters and Visits');
    await expect(page.getByRole('treeitem', { name: cardName('General Office of the State Council') }).getAttribute('aria-label')).resolves.toContain('Ma Kai');
    // No date: today's structure, as the seed article gives it.
    await openTimeline(page);
    await timeline(page).getByRole('button', { name: 'Today', exact: true }).click();
    await expect.poll(() => asOfParam(page)).toBeNull();
    await expect(page.getByRole('treeitem', { name: cardName('General Office of the State Council') }).getAttribute('aria-label')).resolves.toContain(
      'Wu Zhenglong',
    );
  });

  it('works by keyboard alone: the year slider, the date field with a clear message for a bad date, and Today', async () => {
    const { page } = session;
    await openApp(page, '/?chart=npcsc-general-office');
    // The toolbar's button opens the timeline by keyboard too: focus it (as assistive tech does) and press Enter.
    const button = page
      .getByRole('toolbar', { name: 'Chart view' })
      .locator('summary')
      .filter({ hasText: /^As of/ });
    await button.focus();
    await page.keyboard.press('Enter');
    const slider = timeline(page).getByRole('slider', { name: 'As of: Year' });
    await slider.focus();
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('Today');
    await page.keyboard.press('Home');
    await expect.poll(() => asOfParam(page)).toBe('1954');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => asOfParam(page)).toBe('1955');
    await dateField(page).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('July 2008');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: '“July 2008” is not a date' }).count()).resolves.toBe(1);
    await expect(dateField(page).getAttribute('aria-invalid')).resolves.toBe('true');
    // Nothing changed: the chart stays on the date it was on.
    expect(asOfParam(page)).toBe('1955');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2019-03');
    await page.keyboard.press('Enter');
    await expect.poll(() => asOfParam(page)).toBe('2019-03');
    await timeline(page).getByRole('button', { name: 'Today', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => asOfParam(page)).toBeNull();
    // Escape closes the timeline and gives focus back to its button.
    await page.keyboard.press('Escape');
    await expect(timeline(page).isVisible()).resolves.toBe(false);
    await expect(button.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  });

  it('finds a unit of the past by search and moves the timeline to a date it existed; finds today’s units by their other names', async () => {
    const { page } = session;
    await openApp(page, '/?chart=npcsc-general-office');
    const search = await searchField(page);
    await search.fill('Second Bureau of Secretaries');
    await page.getByRole('option', { name: /^Second Bureau of Secretaries.*NPC Standing Committee/ }).click();
    await expect.poll(() => asOfParam(page)).toBe('2007-11-20');
    await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Second Bureau of Secretaries',
    );
    await search.fill('Bureau for Reception of Letters and Visits');
    await expect
      .poll(() => page.getByRole('option').first().textContent())
      .toMatch(/^Letters and Calls Bureau.*Also called: Bureau for Reception of Letters and Visits/);
  });

  it('lists every Secretary-General in the office’s panel, with the dates other sources give', async () => {
    const { page } = session;
    await openApp(page, '/?chart=state-council-general-office');
    const details = page.getByRole('complementary', { name: 'Details' });
    const holders = details.getByRole('list', { name: 'Secretary-General of the State Council: every holder on record' });
    await expect(holders.textContent()).resolves.toMatch(/Zhou Rongxin[\s\S]*other sources give/);
    for (const name of ['Xi Zhongxun', 'Xiao Jie', 'Wu Zhenglong']) await expect(holders.getByText(name).count()).resolves.toBeGreaterThan(0);
    // A citation mark leads to its source in the list below: its publisher, title, address and date.
    await holders
      .getByRole('link', { name: /^Source \[\d+/ })
      .first()
      .click();
    const source = page.locator(':focus');
    await expect(source.evaluate((element) => element.closest('ol')?.className)).resolves.toBe('sources');
    await expect(source.getByRole('link').getAttribute('href')).resolves.toMatch(/^https:\/\//);
    expect(new URL(page.url()).hash).toBe('');
  });

  it('compares the two offices on one date, the timeline moving both sides', async () => {
    const { page } = session;
    await openApp(page, '/?compare=npcsc-general-office,state-council-general-office&asof=2008');
    const right = page.getByRole('tree', { name: /State Council/ });
    await expect.poll(() => right.getByRole('treeitem', { name: cardName('Supervision Office') }).count()).toBe(1);
    await dateField(page).fill('1998');
    await dateField(page).press('Enter');
    await expect.poll(() => right.getByRole('treeitem', { name: cardName('Supervision Office') }).count()).toBe(0);
    await expect.poll(() => asOfParam(page)).toBe('1998');
  });

  it('shows the outline with its timeline strip above it, moving nothing when the timeline’s code comes late', async () => {
    const { page } = session;
    // A visitor who chose the outline before: the choice is remembered.
    await page.addInitScript(() => window.localStorage.setItem('org-chart-preferences', JSON.stringify({ display: 'outline' })));
    await recordShiftsInMain(page);
    const held = await delayRequests(page, chunkFile('TimelineBar'), 600);
    await page.goto(session.url('/?chart=npcsc-general-office'));
    await page.getByRole('navigation', { name: /^Outline/ }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    await expect(shiftsInMain(page)).resolves.toEqual([]);
    expect(held()).toBe(1);
    expect(session.errors).toEqual([]);
  });
});
