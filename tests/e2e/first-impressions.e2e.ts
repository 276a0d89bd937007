/**
 * What a first visit shows in the built app, on a desktop screen and on a phone
 * with touch: a clean bill from the browser (robots.txt, the Content-Security-Policy,
 * passive touch listeners), the header naming the General Offices, and a phone
 * header that leaves the screen to the chart.
 */
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { axeViolations, browserSession, settledTransform } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 800 } });

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const SCREENS = [
  { screen: '1280 × 800', options: DESKTOP },
  { screen: '390 × 844 with touch', options: PHONE },
];

const withPage = session.withPage;

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(session.url(path));
  await page.getByRole('tree').first().waitFor();
}

describe('what the browser reports on a first visit', () => {
  it('serves a real robots.txt, not the app’s HTML', async () => {
    const response = await fetch(session.url('/robots.txt'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).not.toMatch(/<html/i);
    expect(text).toMatch(/^User-agent: \*$/m);
  });

  it.each(SCREENS)('breaks no rule of the Content-Security-Policy while loading both charts, at $screen', async ({ options }) => {
    await withPage(options, async (page) => {
      // Recorded from the first script on, before the app's own modules run.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective}: ${event.blockedURI} at ${event.sourceFile}`));
      });
      await openApp(page);
      // A chart file parsed on the main thread too (the other bundled chart), and a moment for any late report.
      await page.goto(session.url('/?chart=state-council-general-office'));
      await page.getByRole('tree').first().waitFor();
      await page.waitForTimeout(300);
      await expect(page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).resolves.toEqual([]);
    });
  });

  it('lays out index.html’s hidden font sample while the scripts download, and leaves nothing of it once the chart is drawn', async () => {
    const html = await (await fetch(session.url('/'))).text();
    expect(html).toMatch(/<div id="font-warmup" aria-hidden="true" style="[^"]*visibility: hidden/);
    await withPage(DESKTOP, async (page) => {
      await openApp(page);
      await expect(page.locator('#font-warmup').count()).resolves.toBe(0);
      await expect(page.getByText('Aa 办').count()).resolves.toBe(0);
    });
  });

  it('asks for everything the first card waits for with the page: the data and the history model’s code, before the app’s script has arrived', async () => {
    await withPage(DESKTOP, async (page) => {
      await openApp(page);
      const requests = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((entry) => ({
          file: new URL(entry.name).pathname.split('/').pop() ?? '',
          askedMs: entry.startTime,
          arrivedMs: (entry as PerformanceResourceTiming).responseEnd,
        })),
      );
      const find = (file: RegExp) => {
        const found = requests.find((request) => file.test(request.file));
        if (!found) throw new Error(`no request for ${String(file)} among ${requests.map((r) => r.file).join(', ')}`);
        return found;
      };
      const entryScript = find(/^index-[\w-]+\.js$/);
      // Asked for from index.html's links, not by the script once it runs: a real network would add a round trip.
      for (const file of [/^history-[\w-]+\.js$/, /^manifest\.json$/, /^npcsc-general-office\.json$/, /^state-council-general-office\.json$/]) {
        expect(find(file).askedMs, String(file)).toBeLessThan(entryScript.arrivedMs);
      }
    });
  });

  it('registers the chart’s touchstart, touchend and touchcancel listeners as passive (the touch tests in access.e2e.ts pan and pinch)', async () => {
    await withPage(PHONE, async (page) => {
      await openApp(page);
      const cdp = await page.context().newCDPSession(page);
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.querySelector(\'svg[role="tree"]\')' });
      if (!result.objectId) throw new Error('no chart svg');
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      const passiveByType = Object.fromEntries(listeners.map((listener) => [listener.type, listener.passive]));
      // touchmove and wheel call preventDefault (the page must not scroll under a pan or zoom): they stay active.
      expect(passiveByType).toMatchObject({ touchstart: true, touchend: true, touchcancel: true, touchmove: false, wheel: false });
      await cdp.detach();
    });
  });
});

const SMALL_TEAM_CSV = 'tests/fixtures/e2e/small-team.csv';
const BROKEN_JSON = 'tests/fixtures/e2e/broken.json';
const chartSwitch = (page: Page) => page.getByRole('group', { name: 'Chart' });

describe('the header', () => {
  it.each(SCREENS)('names the General Offices, not their parent bodies, each on one line, at $screen', async ({ options }) => {
    await withPage(options, async (page) => {
      await openApp(page);
      const radios = chartSwitch(page).getByRole('radio');
      await expect(radios.count()).resolves.toBe(2);
      await expect(chartSwitch(page).locator('label').allTextContents()).resolves.toEqual(['NPCSC General Office', 'State Council General Office']);
      // The words shown lead each radio's name, the full title follows (WCAG 2.5.3).
      await expect(radios.nth(0).getAttribute('aria-label')).resolves.toBe(
        "NPCSC General Office, General Office of the Standing Committee of the National People's Congress",
      );
      await expect(radios.nth(1).getAttribute('aria-label')).resolves.toBe('State Council General Office, General Office of the State Council');
      // One line each, and not cut short with an ellipsis.
      const lines = await chartSwitch(page)
        .locator('label')
        .evaluateAll((labels) =>
          labels.map((label) => {
            // The words' own boxes, one per line they take (the radio input inside the label is not text).
            const lineTops = new Set<number>();
            const texts = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
            for (let node = texts.nextNode(); node; node = texts.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) if (rect.width > 0) lineTops.add(Math.round(rect.top));
            }
            return { lines: lineTops.size, cut: label.scrollWidth > label.clientWidth };
          }),
        );
      expect(lines).toEqual([
        { lines: 1, cut: false },
        { lines: 1, cut: false },
      ]);
    });
  });

  it('keeps to one row on a phone with an imported chart, the other tools behind a Menu button', async () => {
    await withPage(PHONE, async (page) => {
      await openApp(page);
      await page.getByLabel('Chart file to import').setInputFiles(SMALL_TEAM_CSV);
      await page.getByRole('tree', { name: 'Org chart: small-team' }).waitFor();

      const header = await page.getByRole('banner').boundingBox();
      const chart = await page.getByRole('region', { name: 'Chart' }).boundingBox();
      if (!header || !chart) throw new Error('no header or chart box');
      // One row of 36–44 px controls, not the four rows (about 200 px) it took before.
      expect(header.height).toBeLessThanOrEqual(56);
      // The notice floats over the chart: the chart starts right under the header.
      expect(chart.y).toBeLessThanOrEqual(header.y + header.height + 1);
      // The notice comes once the chart is saved, just after it is drawn.
      const imported = page.getByRole('status').filter({ hasText: 'Imported “small-team.csv”' });
      await imported.waitFor();
      const notice = await imported.boundingBox();
      expect(notice?.y ?? 0).toBeGreaterThan(chart.y);

      // The chart imported is on screen in the switch, which scrolls sideways rather than wrap.
      await expect(chartSwitch(page).getByRole('radio', { name: 'small-team', exact: true }).isChecked()).resolves.toBe(true);
      const active = await chartSwitch(page).locator('label.is-active').boundingBox();
      expect((active?.x ?? -1) >= 0 && (active?.x ?? 0) + (active?.width ?? 0) <= 390).toBe(true);

      const menu = page.getByRole('button', { name: 'Menu' });
      const search = page.getByRole('combobox', { name: /Search/ });
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(search.isVisible()).resolves.toBe(false);
      await menu.tap();
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(search.isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Compare' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Outline' }).isVisible()).resolves.toBe(true);
      // Escape closes the menu and gives focus back to its button.
      await page.keyboard.press('Escape');
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(menu.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

      // A tool that changes what is on screen closes the menu behind it.
      await menu.tap();
      await page.getByRole('button', { name: 'Outline' }).tap();
      await page.getByRole('navigation', { name: /^Outline/ }).waitFor();
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    });
  });

  it('shows every tool in the header on a desktop screen, with no Menu button', async () => {
    await withPage(DESKTOP, async (page) => {
      await openApp(page);
      await expect(page.getByRole('button', { name: 'Menu' }).count()).resolves.toBe(0);
      await expect(page.getByRole('combobox', { name: /Search/ }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Compare' }).isVisible()).resolves.toBe(true);
    });
  });
});

describe('notices', () => {
  it.each(SCREENS)('float over the chart, go by themselves (news after 8 s), and errors stay until closed, at $screen', async ({ options }) => {
    await withPage(options, async (page) => {
      await page.clock.install();
      await openApp(page);
      const chartTop = (await page.getByRole('region', { name: 'Chart' }).boundingBox())?.y;
      await page.getByLabel('Chart file to import').setInputFiles(SMALL_TEAM_CSV);
      await page.getByRole('tree', { name: 'Org chart: small-team' }).waitFor();
      const news = page.getByRole('status').filter({ hasText: 'Imported “small-team.csv”' });
      await news.waitFor();
      // Floating: the chart did not move down to make room.
      await expect(
        page
          .getByRole('region', { name: 'Chart' })
          .boundingBox()
          .then((box) => box?.y),
      ).resolves.toBe(chartTop);
      await page.clock.runFor(7_000);
      await expect(news.isVisible()).resolves.toBe(true);
      await page.clock.runFor(1_500);
      await expect.poll(() => news.count()).toBe(0);

      await page.getByLabel('Chart file to import').setInputFiles(BROKEN_JSON);
      const error = page.getByRole('alert').filter({ hasText: 'broken.json' });
      await error.waitFor();
      await page.clock.runFor(60_000);
      await expect(error.isVisible()).resolves.toBe(true);
      await error.getByRole('button', { name: 'Dismiss message' }).click();
      await expect.poll(() => error.count()).toBe(0);
    });
  });
});

describe('accessibility of the new header and notices', () => {
  it.each(SCREENS)('has no axe violations with a notice showing and (on a phone) the menu open, at $screen', async ({ options }) => {
    await withPage(options, async (page) => {
      await openApp(page);
      await page.getByLabel('Chart file to import').setInputFiles(SMALL_TEAM_CSV);
      await page.getByRole('tree', { name: 'Org chart: small-team' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
      await settledTransform(page);
      expect(await axeViolations(page)).toEqual([]);
      const menu = page.getByRole('button', { name: 'Menu' });
      if (await menu.isVisible()) {
        await menu.click();
        await page.getByRole('combobox', { name: /Search/ }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
      }
    });
  });
});

describe('Chinese names', () => {
  /** Picks Chinese unit names in the Display settings (behind the Menu on a phone), then closes what it opened. */
  async function chooseChineseNames(page: Page): Promise<void> {
    const menu = page.getByRole('button', { name: 'Menu' });
    const onPhone = await menu.isVisible();
    if (onPhone) await menu.click();
    await page.getByRole('button', { name: 'Display' }).click();
    await page.getByRole('group', { name: 'Unit names' }).getByRole('radio', { name: 'Chinese', exact: true }).check();
    await page.keyboard.press('Escape');
    if (onPhone) await page.keyboard.press('Escape');
  }
  const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
  // The card's marks are drawn beside its tree item (whose only text is the name), in the decoration tied to it by id.
  const nameNoteOf = async (item: Locator) => item.page().locator(`[data-decor-for="${await item.getAttribute('data-id')}"] .node-name-note`);

  it.each(SCREENS)('says where there is none, on the card and in the panel, and shows translated headings as such, at $screen', async ({ options }) => {
    await withPage(options, async (page) => {
      await openApp(page, '/?chart=npcsc-general-office&unit=secretariat');
      await chooseChineseNames(page);
      // The heading the sources name in Chinese is shown in Chinese, with no mark.
      const departments = page.getByRole('treeitem', { name: /^内设机构, Group(,|$)/ });
      await departments.waitFor();
      await expect(departments.getAttribute('aria-label')).resolves.not.toMatch(/Chinese name|translation/);
      // A unit with no Chinese name keeps its English one, and its card and the panel say why.
      const secretariat = page.getByRole('treeitem', { name: /^Secretariat, Department, .*No Chinese name on record/ });
      await expect((await nameNoteOf(secretariat)).textContent()).resolves.toBe('EN');
      await expect(details(page).getByText('No Chinese name on record', { exact: true }).count()).resolves.toBe(1);
      // A unit with a cited Chinese name gets no note.
      const liaison = page.getByRole('treeitem', { name: /^全国人大常委会办公厅联络局, Department(,|$)/ });
      await expect(liaison.count()).resolves.toBe(1);
      await expect((await nameNoteOf(liaison)).count()).resolves.toBe(0);

      await settledTransform(page);
      expect(await axeViolations(page)).toEqual([]);

      // The State Council's heading has no source in Chinese: shown as the chart's translation.
      await page.goto(session.url('/?chart=state-council-general-office&unit=affiliated-institutions'));
      const heading = page.getByRole('treeitem', { name: /^直属事业单位, Group, .*translation: no source gives this name/ });
      await expect((await nameNoteOf(heading)).textContent()).resolves.toBe('tr.');
      await expect(details(page).getByText('(translation: no source gives this name)').count()).resolves.toBe(1);
      await settledTransform(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
