/**
 * Accessibility end to end: axe in every state a visitor can reach, the chart
 * and the outline by keyboard alone, the shortcuts dialog, remembered display
 * choices, touch gestures, the phone layout and reduced motion. Everything is
 * found by role and accessible name, as a user of assistive technology would.
 */
import type { BrowserContextOptions, CDPSession, Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { SHORTCUTS } from '../../src/shared/shortcuts.ts';
import { cardName, escapeRegExp } from '../names.ts';
import { accessibilityTree, axeViolations, browserSession, settledTransform, viewTransform } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 800 } });
// A missing element fails its own step, with its locator in the message, well before the test's time runs out.
beforeEach(() => session.page.setDefaultTimeout(10_000));

const PHONE = { width: 375, height: 740 };
const NPC_TITLE = "General Office of the Standing Committee of the National People's Congress";
const LIAISON_NATIVE = '全国人大常委会办公厅联络局';

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(session.url(path));
  await page.getByRole('tree').first().waitFor();
}

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const unitNode = (page: Page, name: string) => page.getByRole('treeitem', { name: cardName(name) });
const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
/** The outline's button for a unit: its name, then (names shown in both languages) the Chinese one. */
const outlineButton = (outline: Locator, name: string) => outline.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}( |$)`) });

const withPage = session.withPage;

/** Opens the Display settings and picks `option` in the radio group named `group`. */
async function choose(page: Page, displayButton: string, group: string, option: string): Promise<void> {
  const settings = page.getByRole('button', { name: displayButton });
  if ((await settings.getAttribute('aria-expanded')) !== 'true') await settings.click();
  await page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true }).check();
}

interface AxeState {
  readonly name: string;
  readonly context?: BrowserContextOptions;
  readonly path: string;
  readonly prepare?: (page: Page) => Promise<void>;
}

const AXE_STATES: readonly AxeState[] = [
  { name: 'the main view', path: '/' },
  {
    name: 'a unit selected',
    path: '/?chart=npcsc-general-office&unit=liaison-bureau',
    prepare: async (page) => {
      await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Liaison Bureau');
    },
  },
  {
    name: 'search open with results',
    path: '/',
    prepare: async (page) => {
      await page.getByRole('combobox', { name: 'Search' }).fill('bureau');
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      await expect(page.getByRole('combobox', { name: 'Search' }).getAttribute('aria-expanded')).resolves.toBe('true');
    },
  },
  {
    name: 'the compare view',
    path: '/?compare=npcsc-general-office,state-council-general-office',
    prepare: async (page) => {
      await expect.poll(() => page.getByRole('tree').count()).toBe(2);
    },
  },
  {
    // Both details panels show a unit, each with its path and sections: every landmark must still have a name of its own.
    name: 'the compare view with a unit selected on each side',
    path: '/?compare=npcsc-general-office,state-council-general-office&left=liaison-bureau&right=china-government-network-operation-center',
    prepare: async (page) => {
      await expect.poll(() => page.getByRole('tree').count()).toBe(2);
      await expect.poll(() => page.getByRole('navigation', { name: /^Path/ }).count()).toBe(2);
    },
  },
  {
    name: 'the outline view',
    path: '/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Outline' }).click();
      await page.getByRole('navigation', { name: /^Outline/ }).waitFor();
    },
  },
  {
    name: 'dark mode with a unit selected',
    context: { colorScheme: 'dark' },
    path: '/?chart=npcsc-general-office&unit=liaison-bureau',
    prepare: async (page) => {
      await expect(page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches)).resolves.toBe(true);
      await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Liaison Bureau');
    },
  },
  { name: 'a 375 × 740 phone screen', context: { viewport: PHONE }, path: '/' },
  {
    name: 'the State Council office as of 2008, its dated records open',
    path: '/?chart=state-council-general-office&asof=2008',
    prepare: async (page) => {
      await page
        .getByRole('toolbar', { name: 'Chart view' })
        .locator('summary')
        .filter({ hasText: /^As of/ })
        .click();
      await page
        .getByRole('group', { name: 'Timeline' })
        .getByRole('heading', { name: /^Dated records/ })
        .waitFor();
    },
  },
  { name: 'the compare view as of 2008', path: '/?compare=npcsc-general-office,state-council-general-office&asof=2008' },
  {
    name: 'the display settings open',
    path: '/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Display' }).click();
      await page.getByRole('group', { name: 'Display settings' }).waitFor();
    },
  },
  {
    name: 'the Chinese interface',
    path: '/?chart=npcsc-general-office&unit=liaison-bureau',
    prepare: async (page) => {
      await choose(page, 'Display', 'Interface language', '中文');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      // Close the settings again, as a user would, so axe sees the page rather than the open menu.
      await page.getByRole('button', { name: '显示' }).click();
      await page.getByRole('complementary', { name: '详情' }).waitFor();
    },
  },
];

describe('accessibility in a real browser', () => {
  it.each(AXE_STATES)('has no axe violations, WCAG 2.2 AA or best practice: $name', async (state) => {
    await withPage(state.context ?? {}, async (page) => {
      await openApp(page, state.path);
      await state.prepare?.(page);
      // Contrast is judged on the drawn page: let any opening move of the view (the first chart's, in compare) finish first.
      if ((await page.getByRole('tree').count()) > 0) await settledTransform(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  // axe cannot work out the contrast of SVG text ("incomplete"), so the cards' text is measured here, in both themes,
  // on plain, selected, highlighted and "Unique" cards (compare view), and on the fold buttons.
  it.each(['light', 'dark'] as const)('keeps every word on the cards at 4.5:1 contrast or more in the %s theme', async (colorScheme) => {
    await withPage({ colorScheme, viewport: { width: 1600, height: 1000 } }, async (page) => {
      await page.goto(session.url('/?compare=npcsc-general-office,state-council-general-office&left=liaison-bureau'));
      await expect.poll(() => page.getByRole('tree').count()).toBe(2);
      await expect.poll(() => page.locator('.node.is-highlighted').count()).toBeGreaterThan(0);
      const pairs = await page.evaluate(() => {
        const parse = (colour: string): [number, number, number] => {
          const match = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)/.exec(colour);
          if (!match) throw new Error(`unreadable colour ${colour}`);
          return [Number(match[1]), Number(match[2]), Number(match[3])];
        };
        const luminance = ([r, g, b]: [number, number, number]) => {
          const channel = (value: number) => {
            const c = value / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        };
        const ratio = (a: string, b: string) => {
          const [high, low] = [luminance(parse(a)), luminance(parse(b))].sort((x, y) => y - x) as [number, number];
          return (high + 0.05) / (low + 0.05);
        };
        const found: { text: string; ratio: number }[] = [];
        const measure = (textElement: Element, background: Element | null) => {
          if (!background || !(textElement.textContent ?? '').trim()) return;
          found.push({ text: textElement.textContent ?? '', ratio: ratio(getComputedStyle(textElement).fill, getComputedStyle(background).fill) });
        };
        for (const card of document.querySelectorAll('[role="treeitem"]')) {
          for (const text of card.querySelectorAll('text')) measure(text, card.querySelector('.node-card'));
        }
        // The card's other lines are drawn beside its tree item (only the name is the item's text), over the same box.
        for (const words of document.querySelectorAll('[data-decor-for] .node-words')) {
          const unitId = words.parentElement?.getAttribute('data-decor-for') ?? '';
          const box = document.querySelector(`[role="treeitem"][data-id="${CSS.escape(unitId)}"] .node-card`);
          for (const text of words.querySelectorAll('text')) measure(text, box);
        }
        for (const toggle of document.querySelectorAll('.node-toggle')) measure(toggle.querySelector('text') as Element, toggle.querySelector('rect'));
        return found;
      });
      expect(pairs.length).toBeGreaterThan(60);
      const low = pairs.filter((pair) => pair.ratio < 4.5).map((pair) => `${pair.text}: ${pair.ratio.toFixed(2)}`);
      expect(low).toEqual([]);
    });
  });

  // Playwright's role queries use their own ARIA rules; this reads Chromium's accessibility tree, which is what
  // screen readers get. (SVG wrappers without role="none" once turned every tree item into a plain "group" here.)
  it('exposes the cards to screen readers as tree items with their level, state and name, in Chromium’s own accessibility tree', async () => {
    const { page } = session;
    await openApp(page, '/?chart=npcsc-general-office&unit=liaison-bureau');
    const nodes = await accessibilityTree(page);
    const items = nodes
      .filter((node) => node.role?.value === 'treeitem')
      .map((node) => ({ name: node.name?.value ?? '', ...Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value.value])) }));
    // Every card drawn (the culling window's, not the whole chart) is in the accessibility tree.
    const drawn = await page.locator('svg[role="tree"] [role="treeitem"]').count();
    expect(drawn).toBeGreaterThan(10);
    expect(items).toHaveLength(drawn);
    expect(items.find((item) => cardName('Liaison Bureau').test(item.name))).toMatchObject({ level: 3, selected: true, focusable: true });
    expect(items.find((item) => cardName('Departments').test(item.name))).toMatchObject({ level: 2, expanded: true, selected: false });
    expect(items.find((item) => cardName(NPC_TITLE).test(item.name))).toMatchObject({ level: 1, expanded: true });
  });

  // A screen reader hears the unit's name first, and speech input or a script finds the unit by it; the rest once, whole.
  it('names each tree item by its unit first, then kind, Chinese name, head and count, each once and in full', async () => {
    const { page } = session;
    await openApp(page, '/?chart=state-council-general-office');
    const nodes = await accessibilityTree(page);
    const names = nodes.filter((node) => node.role?.value === 'treeitem').map((node) => node.name?.value ?? '');
    const head = 'Secretary-General of the State Council: Wu Zhenglong 吴政隆';
    expect(names).toContain(`General Office of the State Council, Office, 中华人民共和国国务院办公厅, ${head}, 2 units below`);
    expect(names.filter((name) => name.includes('…'))).toEqual([]);
  });

  it('reads the header’s words once: the import hint as the Import button’s description, each office’s short name in its radio’s name', async () => {
    const { page } = session;
    await openApp(page);
    const nodes = await accessibilityTree(page);
    const hint = 'Import a chart from a JSON, CSV or TSV file. You can also drop a file on the page or paste a table.';
    expect(nodes.find((node) => node.role?.value === 'button' && node.name?.value === 'Import…')?.description?.value).toBe(hint);
    // Not also a paragraph of its own that browse mode reads after the button.
    expect(nodes.filter((node) => !node.ignored && node.role?.value === 'StaticText' && node.name?.value === hint)).toEqual([]);
    for (const shortName of ['NPCSC General Office', 'State Council General Office']) {
      expect(nodes.filter((node) => node.role?.value === 'radio' && node.name?.value.startsWith(`${shortName}, General Office of`))).toHaveLength(1);
      expect(nodes.filter((node) => !node.ignored && node.role?.value === 'StaticText' && node.name?.value === shortName)).toEqual([]);
    }
  });

  it('names the toolbar’s menus by their words alone and does not read the path’s separators, in Chromium’s own tree', async () => {
    const { page } = session;
    await openApp(page, '/?chart=npcsc-general-office&unit=liaison-bureau');
    // The timeline's menu is a lazy part of the toolbar.
    await page.getByRole('toolbar', { name: 'Chart view' }).locator('summary', { hasText: 'As of Today' }).waitFor();
    const nodes = await accessibilityTree(page);
    const shown = nodes.filter((node) => !node.ignored);
    expect(shown.filter((node) => node.role?.value === 'DisclosureTriangle').map((node) => node.name?.value)).toEqual(['Export', 'As of Today']);
    // The breadcrumb's "›" between the office, Departments and Liaison Bureau is drawn, not read.
    await expect(details(page).getByRole('navigation', { name: 'Path' }).textContent()).resolves.toContain('Departments');
    expect(shown.filter((node) => node.role?.value === 'StaticText' && node.name?.value?.includes('›'))).toEqual([]);
  });

  it('reaches a bureau three levels down and selects it with the keyboard alone', async () => {
    const { page } = session;
    await openApp(page);
    const inTree = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="tree"]')));
    let presses = 0;
    while (!(await inTree())) {
      if (++presses > 60) throw new Error('Tab never reached the chart');
      await page.keyboard.press('Tab');
    }
    // The one node in the tab order is the root.
    const root = unitNode(page, NPC_TITLE);
    await expect(isFocused(root)).resolves.toBe(true);
    await expect(root.getAttribute('aria-level')).resolves.toBe('1');

    await page.keyboard.press('ArrowRight');
    await expect(isFocused(unitNode(page, 'Departments'))).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect(isFocused(unitNode(page, 'Secretariat'))).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const liaison = unitNode(page, 'Liaison Bureau');
    await expect(isFocused(liaison)).resolves.toBe(true);
    await expect(liaison.getAttribute('aria-level')).resolves.toBe('3');
    await expect(liaison.getAttribute('aria-posinset')).resolves.toBe('3');
    await expect(liaison.getAttribute('aria-setsize')).resolves.toBe('12');
    await page.keyboard.press('Enter');

    const panel = details(page);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Liaison Bureau');
    expect(page.url()).toContain('unit=liaison-bureau');
    await expect(liaison.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(isFocused(liaison)).resolves.toBe(true);
    expect(await page.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    await expect(liaison.getAttribute('tabindex')).resolves.toBe('0');
    // Screen readers hear the change without leaving the chart.
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Selected: Liaison Bureau');
    await expect(panel.getByRole('status').textContent()).resolves.toBe('Selected: Liaison Bureau, Department, level 3, 3 of 12.');
    expect(session.errors).toEqual([]);
  });

  // Screen readers and scripts move focus with element.focus(), not a click or Tab: the keys must act on that unit.
  it('acts on the tree item given focus by element.focus(), and keeps focus on it after folding it, in the chart', async () => {
    const { page } = session;
    await openApp(page);
    const root = unitNode(page, NPC_TITLE);
    const departments = unitNode(page, 'Departments');
    await departments.evaluate((element: HTMLElement) => element.focus());
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => departments.getAttribute('aria-expanded')).toBe('false');
    await expect(root.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect.poll(() => isFocused(departments)).toBe(true);
    // It is the roving focus now: the one tab stop in the tree, where Tab comes back to.
    await expect(departments.getAttribute('tabindex')).resolves.toBe('0');
    expect(await page.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => departments.getAttribute('aria-expanded')).toBe('true');
    await expect(isFocused(departments)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => isFocused(unitNode(page, 'Secretariat'))).toBe(true);
    // Enter selects the unit focused from outside too.
    await unitNode(page, 'Liaison Bureau').evaluate((element: HTMLElement) => element.focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).textContent()).toBe('Liaison Bureau');
    expect(session.errors).toEqual([]);
  });

  it('acts on the outline row given focus by element.focus(), and keeps focus on it after folding it', async () => {
    const { page } = session;
    await openApp(page);
    await page.getByRole('button', { name: 'Outline' }).click();
    const outline = page.getByRole('navigation', { name: /^Outline/ });
    const departments = outlineButton(outline, 'Departments');
    await departments.evaluate((element: HTMLElement) => element.focus());
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => outline.getByRole('button', { name: 'Expand Departments', exact: true }).count()).toBe(1);
    await expect(outline.getByRole('button', { name: `Collapse ${NPC_TITLE}`, exact: true }).count()).resolves.toBe(1);
    await expect.poll(() => isFocused(departments)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => isFocused(outlineButton(outline, NPC_TITLE))).toBe(true);
    // Back in the chart, the unit last focused in the outline is the tree's tab stop.
    await departments.evaluate((element: HTMLElement) => element.focus());
    await page.getByRole('button', { name: 'Outline' }).click();
    await expect.poll(() => unitNode(page, 'Departments').getAttribute('tabindex')).toBe('0');
    expect(session.errors).toEqual([]);
  });

  it('makes the chart toolbar one tab stop with arrow keys inside, and never scrolls the page itself', async () => {
    const { page } = session;
    await openApp(page, '/?chart=npcsc-general-office&unit=liaison-bureau');
    const toolbar = page.getByRole('toolbar', { name: 'Chart view' });
    // The timeline's button comes with its code, which loads on demand: the toolbar is whole once it is there.
    await toolbar.locator('summary', { hasText: 'As of Today' }).waitFor();
    await toolbar.getByRole('button', { name: 'Zoom in' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(isFocused(toolbar.getByRole('button', { name: 'Zoom out' }))).resolves.toBe(true);
    // Tab leaves the toolbar for the tree in one step from any of its buttons, and Shift+Tab comes back to the same one.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('treeitem');
    await expect(toolbar.locator('[tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('Shift+Tab');
    await expect(isFocused(toolbar.getByRole('button', { name: 'Zoom out' }))).resolves.toBe(true);
    // The timeline's control loads with the first chart that has a past: End goes to it once it is there.
    await toolbar
      .locator('summary')
      .filter({ hasText: /^As of/ })
      .waitFor();
    await page.keyboard.press('End');
    // The last control is the timeline's (the office has a dated past); the export menu is just before it.
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('As of Today');
    await page.keyboard.press('ArrowLeft');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Export');
    // The export menu opens from the keyboard, and Escape closes it with focus back on it.
    await page.keyboard.press('Enter');
    await expect(toolbar.getByRole('button', { name: 'SVG, whole chart' }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(toolbar.getByRole('button', { name: 'SVG, whole chart' }).isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Export');
    // Arrow keys on a control that does not use them must not scroll the app out of the window.
    await toolbar.getByRole('button', { name: 'Fit to screen' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('PageDown');
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    for (const path of ['/?chart=npcsc-general-office&unit=liaison-bureau', '/?compare=npcsc-general-office,state-council-general-office']) {
      await openApp(page, path);
      await expect(page.evaluate(() => document.scrollingElement?.scrollHeight)).resolves.toBe(800);
    }
  });

  it('shows a card’s whole name as a tooltip when the card cut it short, wherever the pointer is on the card', async () => {
    const { page } = session;
    await openApp(page);
    const longName = 'An extraordinarily long unit name that certainly cannot fit on two lines of any card';
    await page
      .getByLabel('Chart file to import')
      .setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(`id,parentId,name\nr,,Head\na,r,${longName}\nb,r,Short\n`) });
    const card = unitNode(page, longName);
    await card.waitFor();
    await expect(card.locator('title').textContent()).resolves.toBe(longName);
    await expect(unitNode(page, 'Short').locator('title').count()).resolves.toBe(0);
    // The words let the pointer through to the box that holds the tooltip.
    const name = await card.locator('.node-name').boundingBox();
    if (!name) throw new Error('no name box');
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('class'), {
      x: name.x + name.width / 2,
      y: name.y + name.height / 2,
    });
    expect(hit).toBe('node-card');
  });

  it('jumps to a unit by its first letter, and home to the root', async () => {
    const { page } = session;
    await openApp(page);
    const root = unitNode(page, NPC_TITLE);
    await root.focus();
    await page.keyboard.press('f');
    await expect.poll(() => isFocused(unitNode(page, 'Foreign Affairs Bureau'))).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => isFocused(root)).toBe(true);
    expect(await page.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    await expect(root.getAttribute('tabindex')).resolves.toBe('0');
    expect(session.errors).toEqual([]);
  });

  it('opens the keyboard shortcuts with “?” as a modal dialog, and Escape gives focus back', async () => {
    const { page } = session;
    await openApp(page);
    const root = unitNode(page, NPC_TITLE);
    await root.focus();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog.isVisible()).resolves.toBe(false);

    await page.keyboard.press('?');
    await dialog.waitFor();
    await expect(dialog.evaluate((element) => element.matches(':modal'))).resolves.toBe(true);
    await expect(dialog.evaluate((element) => element.contains(document.activeElement))).resolves.toBe(true);
    await expect(dialog.getByRole('button', { name: 'Close' }).evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    // One row per command of the shortcuts table, the keys the handlers test written beside each.
    await expect(dialog.locator('dt').count()).resolves.toBe(SHORTCUTS.length);
    await expect(
      dialog
        .getByRole('definition')
        .filter({ hasText: /^Search$/ })
        .count(),
    ).resolves.toBe(1);
    await expect(dialog.locator('kbd').first().textContent()).resolves.toBe('/ or Ctrl+K');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Closed for real, not just hidden from the accessibility tree.
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
    // Back where the user was, not at the top of the page.
    await expect.poll(() => isFocused(root)).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('gives each name in the compare view’s outlines most of its row, however long the badge beside it', async () => {
    const { page } = session;
    await page.goto(session.url('/?compare=npcsc-general-office,state-council-general-office'));
    await page.getByRole('tree').nth(1).waitFor();
    await page.getByRole('button', { name: 'Outline' }).click();
    // Each side's outline is named after its side.
    const outlines = page.getByRole('navigation', { name: /^Org chart \((left|right)\): / });
    await outlines.nth(1).waitFor();
    for (const [nth, name] of [
      [0, "General Office of the Standing Committee of the National People's Congress"],
      [1, 'General Office of the State Council'],
    ] as const) {
      const outline = outlines.nth(nth);
      const [button, list] = await Promise.all([outlineButton(outline, name).boundingBox(), outline.boundingBox()]);
      if (!button || !list) throw new Error(`no outline row for ${name}`);
      // Before, a badge that would not wrap squeezed the top name into a column a tenth of the pane wide.
      expect(button.width).toBeGreaterThan(list.width * 0.45);
    }
    expect(session.errors).toEqual([]);
  });

  it('selects and folds units in the outline, and the chart shows the same selection', async () => {
    const { page } = session;
    await openApp(page);
    const toggle = page.getByRole('button', { name: 'Outline' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const outline = page.getByRole('navigation', { name: /^Outline/ });
    await outline.waitFor();
    await expect(page.getByRole('tree').count()).resolves.toBe(0);

    const liaison = outlineButton(outline, 'Liaison Bureau');
    await liaison.click();
    const heading = details(page).getByRole('heading', { level: 2 });
    await expect(heading.textContent()).resolves.toBe('Liaison Bureau');
    await expect(liaison.getAttribute('aria-current')).resolves.toBe('true');
    expect(await outline.locator('[aria-current="true"]').count()).toBe(1);

    // Folding Departments hides its units; the selection moves up to the fold.
    const fold = outline.getByRole('button', { name: 'Collapse Departments', exact: true });
    await expect(fold.getAttribute('aria-expanded')).resolves.toBe('true');
    await fold.click();
    const unfold = outline.getByRole('button', { name: 'Expand Departments', exact: true });
    await expect(unfold.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(liaison.count()).resolves.toBe(0);
    await expect(heading.textContent()).resolves.toBe('Departments');
    await expect(outlineButton(outline, 'Departments').getAttribute('aria-current')).resolves.toBe('true');

    // Unfold and choose the bureau again, then go back to the chart.
    await unfold.click();
    await liaison.click();
    await expect(liaison.getAttribute('aria-current')).resolves.toBe('true');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.getByRole('tree').waitFor();
    await expect(outline.count()).resolves.toBe(0);
    await expect(unitNode(page, 'Liaison Bureau').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(heading.textContent()).resolves.toBe('Liaison Bureau');
    expect(page.url()).toContain('unit=liaison-bureau');
    expect(session.errors).toEqual([]);
  });

  it('remembers a dark theme and the Chinese interface across a reload, and shows Chinese names first', async () => {
    const { page } = session;
    await openApp(page);
    const html = page.locator('html');
    await expect(html.getAttribute('data-theme')).resolves.toBe(null);
    await expect(html.getAttribute('lang')).resolves.toBe('en');

    await choose(page, 'Display', 'Theme', 'Dark');
    await expect.poll(() => html.getAttribute('data-theme')).toBe('dark');
    await choose(page, 'Display', 'Interface language', '中文');
    await expect.poll(() => html.getAttribute('lang')).toBe('zh-Hans');
    await page.getByRole('button', { name: '大纲' }).waitFor();

    await page.reload();
    await page.getByRole('tree').waitFor();
    await expect(html.getAttribute('data-theme')).resolves.toBe('dark');
    await expect(html.getAttribute('lang')).resolves.toBe('zh-Hans');
    await expect(page.getByRole('button', { name: '大纲' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '放大' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('complementary', { name: '详情' }).isVisible()).resolves.toBe(true);
    // The choices made before the reload show as chosen.
    await page.getByRole('button', { name: '显示' }).click();
    await expect(page.getByRole('group', { name: '主题' }).getByRole('radio', { name: '深色' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('group', { name: '界面语言' }).getByRole('radio', { name: '中文' }).isChecked()).resolves.toBe(true);

    // Unit names in Chinese: the card's accessible name gives the Chinese name before any English one.
    await choose(page, '显示', '机构名称', '中文');
    const card = unitNode(page, LIAISON_NATIVE);
    await card.waitFor();
    const label = (await card.getAttribute('aria-label')) ?? '';
    expect(label).toContain(LIAISON_NATIVE);
    expect(label).not.toContain('Liaison Bureau');
    expect(session.errors).toEqual([]);
    // The choices live in this browser context's storage: leave it as a fresh visitor's for the tests after this one.
    await page.evaluate(() => window.localStorage.clear());
  });

  describe('touch', () => {
    type TouchPoint = { x: number; y: number; id: number };
    const touch = (cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: TouchPoint[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p) => ({ x: p.x, y: p.y, id: p.id, radiusX: 1, radiusY: 1, force: 1 })) });

    /** Moves fingers from `from` to `to` in even steps, as a hand would. */
    async function gesture(cdp: CDPSession, from: TouchPoint[], to: TouchPoint[], steps = 10): Promise<void> {
      await touch(cdp, 'touchStart', from);
      for (let step = 1; step <= steps; step++) {
        const points = from.map((start, i) => {
          const end = to[i] ?? start;
          return { id: start.id, x: start.x + ((end.x - start.x) * step) / steps, y: start.y + ((end.y - start.y) * step) / steps };
        });
        await touch(cdp, 'touchMove', points);
      }
      await touch(cdp, 'touchEnd', []);
    }

    /** A point on the chart's empty canvas between the toolbar and the cards, in page pixels. */
    async function chartMiddle(page: Page): Promise<{ x: number; y: number }> {
      const box = await page.getByRole('tree').boundingBox();
      if (!box) throw new Error('the chart has no box');
      return { x: box.x + box.width / 2, y: box.y + box.height * 0.75 };
    }

    it('pans with one finger and zooms with a pinch', async () => {
      await withPage({ viewport: PHONE, hasTouch: true, isMobile: true }, async (page) => {
        await openApp(page);
        const cdp = await page.context().newCDPSession(page);
        const middle = await chartMiddle(page);
        const before = await settledTransform(page);

        await gesture(cdp, [{ ...middle, id: 1 }], [{ x: middle.x - 60, y: middle.y - 40, id: 1 }]);
        const panned = await settledTransform(page);
        expect(panned.k).toBe(before.k);
        expect(panned.x).toBeCloseTo(before.x - 60, 0);
        expect(panned.y).toBeCloseTo(before.y - 40, 0);

        await gesture(
          cdp,
          [
            { x: middle.x - 20, y: middle.y, id: 1 },
            { x: middle.x + 20, y: middle.y, id: 2 },
          ],
          [
            { x: middle.x - 80, y: middle.y, id: 1 },
            { x: middle.x + 80, y: middle.y, id: 2 },
          ],
        );
        const pinched = await settledTransform(page);
        expect(pinched.k).toBeGreaterThan(panned.k * 1.5);
        await cdp.detach();
      });
    });
  });

  it('keeps the chart large on a phone, raises the details sheet for a tapped unit, and makes every control at least 24 px', async () => {
    await withPage({ viewport: PHONE, hasTouch: true, isMobile: true }, async (page) => {
      await openApp(page);
      const handle = page.getByRole('button', { name: 'Show details' });
      await expect(handle.getAttribute('aria-expanded')).resolves.toBe('false');
      const area = await page.getByRole('region', { name: 'Chart' }).boundingBox();
      expect(area?.height ?? 0).toBeGreaterThanOrEqual(PHONE.height * 0.45);
      // The chart's toolbar keeps to one row of icons, its words kept for screen readers.
      const toolbar = page.getByRole('toolbar', { name: 'Chart view' });
      expect((await toolbar.boundingBox())?.height ?? Infinity).toBeLessThan(48);
      await expect(toolbar.getByRole('button', { name: 'Expand all' }).isVisible()).resolves.toBe(true);

      // Every control in the header and the chart's toolbar is a target of at least 24 × 24 px (WCAG 2.5.8).
      const small = await page.evaluate(() => {
        const controls = document.querySelectorAll<HTMLElement>(
          ':is(header, [role="toolbar"]) :is(button, a[href], input[type="radio"], summary, [role="button"], [role="radio"], [role="link"])',
        );
        const tooSmall: string[] = [];
        for (const control of controls) {
          const box = control.getBoundingClientRect();
          const style = getComputedStyle(control);
          if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
          if (box.width < 24 || box.height < 24) {
            const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.tagName;
            tooSmall.push(`${control.tagName.toLowerCase()} “${name}”: ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
          }
        }
        return { tooSmall, count: controls.length };
      });
      expect(small.count).toBeGreaterThan(5);
      expect(small.tooSmall).toEqual([]);

      // A card on the opening screen: at a phone's width the chart opens at a readable scale, the bureaus off to the side.
      await settledTransform(page);
      await unitNode(page, 'Departments').tap();
      const hide = page.getByRole('button', { name: 'Hide details' });
      await hide.waitFor();
      await expect(hide.getAttribute('aria-expanded')).resolves.toBe('true');
      const heading = details(page).getByRole('heading', { level: 2 });
      await expect(heading.textContent()).resolves.toBe('Departments');
      await expect(heading.isVisible()).resolves.toBe(true);
      await expect(unitNode(page, 'Departments').getAttribute('aria-selected')).resolves.toBe('true');
    });
  });

  it('zooms at once, without animation, when the user asks for reduced motion', async () => {
    await withPage({ reducedMotion: 'reduce' }, async (page) => {
      await openApp(page);
      const before = await settledTransform(page);
      // Every transform the view is drawn at from now on: an animated zoom draws a dozen in-between frames, a jump one.
      await page.evaluate(() => {
        const viewport = document.querySelector('svg[role="tree"] > g');
        if (!viewport) throw new Error('no viewport group');
        const seen: string[] = [];
        (window as unknown as { drawnTransforms: string[] }).drawnTransforms = seen;
        new MutationObserver(() => seen.push(viewport.getAttribute('transform') ?? '')).observe(viewport, { attributes: true, attributeFilter: ['transform'] });
      });
      await page.getByRole('button', { name: 'Zoom in' }).click();
      // One frame for React to draw, not the 200 ms the animated zoom takes.
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
      const after = await viewTransform(page);
      expect(after.k).toBeCloseTo(before.k * 1.4, 6);
      expect(await settledTransform(page)).toEqual(after);
      const drawn = await page.evaluate(() => (window as unknown as { drawnTransforms: string[] }).drawnTransforms);
      expect(drawn).toHaveLength(1);
    });
  });
});
