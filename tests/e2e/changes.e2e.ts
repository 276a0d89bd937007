/**
 * What changed between two versions, in the built app: two CSV exports of one
 * company imported and compared, each kind of change marked on the chart and
 * listed, the list used by keyboard alone and exported as CSV, a pairing undone,
 * the pair kept in the address; the NPC office of 2007 against today; charts
 * that share nothing; no axe violations.
 */
import { readFile } from 'node:fs/promises';

import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { cardName } from '../names.ts';
import { axeViolations, browserSession, settledTransform } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 860 } });
beforeEach(() => session.page.setDefaultTimeout(15_000));

const MARKUP_NAME = '<img src=x onerror=alert(1)>';

async function importAcme(page: Page): Promise<void> {
  await page.goto(session.url('/'));
  await page.getByRole('tree').waitFor();
  for (const year of ['2025', '2026']) {
    await page.getByLabel('Chart file to import').setInputFiles(`tests/fixtures/e2e/acme-${year}.csv`);
    await page.getByRole('tree', { name: `Org chart: acme-${year}` }).waitFor();
  }
}

const list = (page: Page) => page.getByRole('region', { name: 'List of changes' });
const legend = (page: Page) => page.getByRole('group', { name: 'Show one kind of change' });
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

async function openAcmeChanges(page: Page): Promise<void> {
  await importAcme(page);
  await page
    .locator('summary')
    .filter({ hasText: /^Your charts \(2\)$/ })
    .click();
  await page.getByRole('button', { name: 'Changes: acme-2025 and another chart' }).click();
  await page.getByRole('heading', { name: 'Changes from acme-2025 to acme-2026' }).waitFor();
  await list(page).waitFor();
}

describe('the changes between two versions', () => {
  it('marks and lists each kind of change between two CSV exports of one company, and keeps markup as text', async () => {
    const { page } = session;
    await openAcmeChanges(page);
    expect(new URL(page.url()).searchParams.get('changes')).toBe('acme-2025,acme-2026');

    for (const count of ['2 added', '1 removed', '1 moved', '1 renamed', '1 changed']) {
      await expect(legend(page).getByRole('button', { name: count }).isVisible()).resolves.toBe(true);
    }
    // On the chart: each change by word (the card's badge is in its name), the removed unit kept where it stood.
    const card = (name: string) => page.getByRole('treeitem', { name: cardName(name) });
    await expect(card('Legal').getAttribute('aria-label')).resolves.toMatch(/, Added/);
    await expect(card('Receivables').getAttribute('aria-label')).resolves.toMatch(/, Removed/);
    await expect(card('IT').getAttribute('aria-label')).resolves.toMatch(/, Moved, moved from under Operations & Logistics/);
    await expect(card('Operations & Logistics').getAttribute('aria-label')).resolves.toMatch(/, Renamed, was “Operations”/);
    await expect(card('People').getAttribute('aria-label')).resolves.toMatch(/, Changed/);
    // The removed unit hangs under its old parent, faded.
    await expect(page.locator('[data-id="4"]').getAttribute('class')).resolves.toContain('tone-removed');
    // A name with markup is a name: drawn and listed as text, never run.
    await expect(card(MARKUP_NAME).count()).resolves.toBe(1);
    await expect(
      list(page)
        .getByRole('button', { name: new RegExp(`^${MARKUP_NAME.replace(/[()]/g, '\\$&')}`) })
        .count(),
    ).resolves.toBe(1);
    expect(await page.locator('img').count()).toBe(0);

    for (const [group, row] of [
      ['Added (2)', 'Legal'],
      ['Removed (1)', 'Receivables'],
      ['Moved (1)', 'IT'],
      ['Renamed (1)', 'Operations & Logistics'],
      ['Changed (1)', 'People'],
    ] as const) {
      const section = list(page).getByRole('region', { name: group });
      await expect(section.getByRole('button', { name: new RegExp(`^${row.replace('&', '\\&')} `) }).count()).resolves.toBe(1);
    }

    // A filter shows one kind only, in the list and on the chart.
    await legend(page).getByRole('button', { name: '1 moved' }).click();
    await expect(legend(page).getByRole('button', { name: '1 moved' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => list(page).getByRole('heading').allTextContents()).toEqual(['→Moved (1)']);
    await expect(card('Legal').getAttribute('aria-label')).resolves.not.toMatch(/Added/);
    await legend(page).getByRole('button', { name: 'All' }).click();

    // The panel says how a pair was matched; treating it as two units makes one removed and one added, and back.
    await list(page)
      .getByRole('button', { name: /^Operations & Logistics / })
      .click();
    await expect(details(page).getByRole('heading', { name: 'Operations & Logistics', level: 2 }).isVisible()).resolves.toBe(true);
    await expect(details(page).getByText('Matched by its id.').isVisible()).resolves.toBe(true);
    await details(page).getByRole('button', { name: 'Treat as different units' }).click();
    await legend(page).getByRole('button', { name: '3 added' }).waitFor();
    await expect(legend(page).getByRole('button', { name: '2 removed' }).isVisible()).resolves.toBe(true);
    await expect(legend(page).getByRole('button', { name: '0 renamed' }).isVisible()).resolves.toBe(true);
    await details(page)
      .getByRole('button', { name: /^Pair again/ })
      .click();
    await legend(page).getByRole('button', { name: '1 renamed' }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('works from the keyboard alone: a row of the list selects its unit and centres it on the chart', async () => {
    const { page } = session;
    await openAcmeChanges(page);
    const first = list(page).getByRole('button', { name: /^Legal / });
    await first.evaluate((element: HTMLElement) => element.focus());
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^<img src=x onerror=alert\(1\)>/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(details(page).getByRole('heading', { name: 'Receivables', level: 2 }).isVisible()).resolves.toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('4');
    await expect(details(page).getByText('Not in the later version: shown faded where it stood.').isVisible()).resolves.toBe(true);
    // Brought into the middle of the chart (the middle of what the toolbar leaves clear, so within its middle third),
    // measured once the animated move has ended.
    await settledTransform(page);
    const chart = await page.getByRole('tree', { name: /^Changes from/ }).boundingBox();
    const box = await page.locator('[role="treeitem"][data-id="4"]').boundingBox();
    expect(chart && box).toBeTruthy();
    if (chart && box) {
      expect(Math.abs(box.x + box.width / 2 - (chart.x + chart.width / 2))).toBeLessThan(chart.width / 6);
      expect(Math.abs(box.y + box.height / 2 - (chart.y + chart.height / 2))).toBeLessThan(chart.height / 6);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('exports the list as CSV, and a reload brings the same changes back', async () => {
    const { page } = session;
    await openAcmeChanges(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export list (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('changes-acme-2025-acme-2026.csv');
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('change,id,name before,name after,parent before,parent after,field,before,after');
    expect(lines).toContain('added,9,,Legal,,Acme Corp,,,');
    expect(lines).toContain('removed,4,Receivables,,Finance,,,,');
    expect(lines).toContain('moved,6,IT,IT,Operations,Acme Corp,parent,Operations,Acme Corp');
    expect(lines).toContain('renamed,5,Operations,Operations & Logistics,Acme Corp,Acme Corp,name,Operations,Operations & Logistics');
    expect(lines).toContain('changed,8,People,People,Acme Corp,Acme Corp,fact:Position,People Director,Chief People Officer');
    // A name a spreadsheet would run as a formula is written as text (the same rule as the chart's CSV).
    expect(text).not.toMatch(/\n=|,=/);

    await page.reload();
    // The heading comes from the address alone; the legend, once the changes are worked out again.
    await page.getByRole('heading', { name: 'Changes from acme-2025 to acme-2026' }).waitFor();
    await legend(page).getByRole('button', { name: '2 added' }).waitFor();
    await page.getByRole('button', { name: 'Close changes' }).click();
    await page.getByRole('tree', { name: 'Org chart: acme-2026' }).waitFor();
    expect(new URL(page.url()).searchParams.get('chart')).toBe('acme-2026');
  });

  it('lists the Research Office as added between the NPC office of 2007 and today, from the timeline', async () => {
    const { page } = session;
    await page.goto(session.url('/?chart=npcsc-general-office&asof=2007'));
    await page.getByRole('tree').waitFor();
    await page
      .getByRole('toolbar', { name: 'Chart view' })
      .locator('summary')
      .filter({ hasText: /^As of/ })
      .click();
    await page.getByRole('button', { name: 'Changes from 2007 to today' }).click();
    await page.getByRole('heading', { name: 'NPCSC General Office: changes from 2007 to today' }).waitFor();
    const added = list(page).getByRole('region', { name: /^Added/ });
    await added.getByRole('button', { name: /^Research Office / }).waitFor();
    await expect(added.getByRole('button', { name: /^Research Office / }).count()).resolves.toBe(1);
    const removed = list(page).getByRole('region', { name: /^Removed/ });
    await expect(removed.getByRole('button', { name: /^First Bureau of Secretaries / }).count()).resolves.toBe(1);
    const params = new URL(page.url()).searchParams;
    expect([params.get('changes'), params.get('from'), params.get('to')]).toEqual(['npcsc-general-office', '2007', null]);
    expect(await axeViolations(page)).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('says plainly when two charts share nothing, instead of listing everything as added and removed', async () => {
    const { page } = session;
    await importAcme(page);
    await page
      .locator('summary')
      .filter({ hasText: /^Your charts \(2\)$/ })
      .click();
    await page.getByRole('button', { name: 'Changes: acme-2026 and another chart' }).click();
    await page.getByRole('combobox', { name: 'To' }).selectOption({ label: 'General Office of the State Council' });
    // The other chart is fetched and compared after the choice: wait for the verdict, as a reader would.
    await page.getByRole('status').filter({ hasText: 'have no unit in common' }).waitFor();
    await expect(list(page).count()).resolves.toBe(0);
  });
});
