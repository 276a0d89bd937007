/**
 * One headless Chromium per test file, a fresh page per test, and a record of
 * anything the page logged as an error so tests can assert a clean console.
 */
import { readFileSync } from 'node:fs';

import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

import { findChromium } from '../../scripts/ensure-chromium.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far in this test. */
  readonly errors: string[];
  url(path?: string): string;
  /**
   * Runs `run` on a page in a context of its own (touch, a phone's screen or a colour scheme need one), 1280 × 800
   * unless `options` say otherwise; any console error or uncaught exception there fails the test.
   */
  withPage(options: BrowserContextOptions, run: (page: Page) => Promise<void>): Promise<void>;
}

/** `options` for each test's context: the viewport (1280 × 800 unless given), touch, a phone's screen. */
export function browserSession(options: BrowserContextOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` for what to install.');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('browser did not start');
    errors.length = 0;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterEach(async () => {
    await context?.close();
  });

  return {
    get page() {
      if (!page) throw new Error('no page: use the session inside a test');
      return page;
    },
    get context() {
      if (!context) throw new Error('no context: use the session inside a test');
      return context;
    },
    errors,
    url: (path = '/') => new URL(path, baseUrl).toString(),
    async withPage(pageOptions, run) {
      if (!browser) throw new Error('browser did not start');
      const ownContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...pageOptions });
      const pageErrors: string[] = [];
      try {
        const ownPage = await ownContext.newPage();
        ownPage.setDefaultTimeout(10_000);
        ownPage.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(message.text());
        });
        ownPage.on('pageerror', (error) => pageErrors.push(error.message));
        await run(ownPage);
      } finally {
        await ownContext.close();
      }
      expect(pageErrors).toEqual([]);
    },
  };
}

/** Reads the chart's current pan/zoom from the drawn viewport group. */
export async function viewTransform(page: Page): Promise<{ x: number; y: number; k: number }> {
  const transform = await page.locator('svg[role="tree"] > g').first().getAttribute('transform');
  const match = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(transform ?? '');
  if (!match) throw new Error(`unexpected viewport transform: ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]), k: Number(match[3]) };
}

/** The view transform once any animated move has finished (two reads 150 ms apart agree). */
export async function settledTransform(page: Page): Promise<{ x: number; y: number; k: number }> {
  let previous = await viewTransform(page);
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.waitForTimeout(150);
    const current = await viewTransform(page);
    if (current.x === previous.x && current.y === previous.y && current.k === previous.k) return current;
    previous = current;
  }
  throw new Error('the view never stopped moving');
}

/**
 * Records, from the page's very start, every layout shift inside `<main>` (the charts, panels and timeline; not the
 * header): call before `goto`, read with `shiftsInMain`. Each entry names the element that moved.
 */
export async function recordShiftsInMain(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const moved: string[] = [];
    (window as unknown as { __shiftsInMain: string[] }).__shiftsInMain = moved;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { sources?: { node?: Node | null }[] })[]) {
        for (const source of entry.sources ?? []) {
          const element = source.node instanceof Element ? source.node : (source.node?.parentElement ?? null);
          if (element?.closest('main')) moved.push(`${element.tagName.toLowerCase()}.${element.className}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The elements inside `<main>` that moved since the page started, once the frames painted so far are reported. */
export async function shiftsInMain(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        // Shifts are reported after the frame that made them: wait out two more.
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve((window as unknown as { __shiftsInMain: string[] }).__shiftsInMain))));
      }),
  );
}

/**
 * Holds back every request whose address matches `pattern` by `ms`, as a slow network would. Returns how many were
 * held so far, for the test to check it held something (a renamed file would otherwise pass untested).
 */
export async function delayRequests(page: Page, pattern: RegExp, ms: number): Promise<() => number> {
  let held = 0;
  await page.route(pattern, async (route) => {
    held += 1;
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
  return () => held;
}

/** A chunk of the built app's code by the start of its file name (`TimelineBar` for `/assets/TimelineBar-AbC12.js`). */
export const chunkFile = (chunk: string) => new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`);

/** A node of Chromium's own accessibility tree, what screen readers are given. */
export interface AxNode {
  readonly role?: { value: string };
  readonly name?: { value: string };
  readonly description?: { value: string };
  readonly ignored?: boolean;
  readonly properties?: { name: string; value: { value: unknown } }[];
}

/** The page's whole accessibility tree as Chromium builds it (not Playwright's own ARIA reading). */
export async function accessibilityTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }).nodes;
  } finally {
    await cdp.detach();
  }
}

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
// Best practice too: its landmark-unique rule is what tells the compare view's two sides' landmarks apart.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's WCAG 2.2 AA and best-practice violations on the page, as "rule: targets" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // The built app's Content-Security-Policy forbids inline scripts; evaluating axe's source is allowed.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: { id: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.map(String).join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
  }, AXE_TAGS);
}

/** The search field, first opening the header's Menu where it sits behind one (phones); `press` taps or clicks. */
export async function searchField(page: Page, press: (target: Locator) => Promise<void> = (target) => target.click()): Promise<Locator> {
  const field = page.getByRole('combobox', { name: 'Search' });
  const menu = page.getByRole('button', { name: 'Menu' });
  if (!(await field.isVisible()) && (await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await press(menu);
  await field.waitFor({ state: 'visible' });
  return field;
}
