/**
 * What a first visit shows in the built app, on a desktop screen and on a phone
 * with touch: a clean bill from the browser (robots.txt, the Content-Security-Policy,
 * passive touch listeners), the header naming the General Offices, and a phone
 * header that leaves the screen to the chart.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { browserSession } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 800 } });

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const SCREENS = [
  { screen: '1280 × 800', options: DESKTOP },
  { screen: '390 × 844 with touch', options: PHONE },
];

/** A page in a context of its own (touch and a phone's screen need one); any console error or uncaught exception fails the test. */
async function withPage(options: BrowserContextOptions, run: (page: Page) => Promise<void>): Promise<void> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext(options);
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await run(page);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
}

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
