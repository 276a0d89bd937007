import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { cardName } from '../names.ts';
import { axeViolations, browserSession, searchField, settledTransform, viewTransform } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 800 } });
beforeEach(() => session.page.setDefaultTimeout(15_000));

const unitNode = (page: Page, name: string) => page.getByRole('treeitem', { name: cardName(name) });
const editTools = (page: Page) => page.getByRole('toolbar', { name: 'Edit tools' });
const announced = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
/** A refusal is a warning: an alert, read out at once. */
const refused = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(session.url(path));
  await page.getByRole('tree').waitFor();
}

/** Focuses a unit's card as a keyboard user's Tab and arrows would, and presses `key` on it. */
async function pressOn(page: Page, name: string, key: string): Promise<void> {
  await unitNode(page, name).evaluate((element: SVGElement) => element.focus());
  await expect.poll(() => unitNode(page, name).evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press(key);
}

/** Types a name into the open name dialog and confirms with Enter. */
async function nameIt(page: Page, name: string): Promise<void> {
  const field = page.getByRole('dialog').getByRole('textbox', { name: 'Name' });
  await field.waitFor();
  await field.fill(name);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** A new chart with a top unit "Ministry", two bureaus under it and a section under the first, all by keyboard. */
async function buildMinistry(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: 'New chart' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tree', { name: 'Org chart: New chart' }).waitFor();
  await editTools(page).waitFor();
  // Keyboard focus is on the new chart's top unit, ready for F2 or Insert.
  await expect.poll(() => unitNode(page, 'New organization').evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('F2');
  await nameIt(page, 'Ministry');
  await pressOn(page, 'Ministry', 'Insert');
  await nameIt(page, 'Bureau A');
  await expect.poll(() => unitNode(page, 'Bureau A').evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Shift+Enter');
  await nameIt(page, 'Bureau B');
  await pressOn(page, 'Bureau A', 'Control+Enter');
  await nameIt(page, 'Section A1');
  await unitNode(page, 'Section A1').waitFor();
}

describe('editing a chart', () => {
  it('builds a three-level chart from nothing by keyboard alone, each step announced', async () => {
    const { page } = session;
    await buildMinistry(page);
    await expect.poll(() => announced(page, 'Added “Section A1” under “Bureau A”.').count()).toBe(1);
    await expect(unitNode(page, 'Section A1').getAttribute('aria-level')).resolves.toBe('3');
    await expect(unitNode(page, 'Bureau B').getAttribute('aria-level')).resolves.toBe('2');
    expect(await axeViolations(page)).toEqual([]);
    // The address follows the unit just made.
    expect(page.url()).toContain('section-a1');

    // Search and the outline follow at once; the outline takes the same keys.
    const search = await searchField(page);
    await search.fill('Section A1');
    await page.getByRole('option', { name: /^Section A1( |$)/ }).waitFor();
    await search.press('Escape');
    await page.getByRole('button', { name: 'Outline' }).click();
    const row = page.locator('[data-outline-id="section-a1"]');
    await row.evaluate((element: HTMLElement) => element.focus());
    await page.keyboard.press('Insert');
    await nameIt(page, 'Desk');
    await page.locator('[data-outline-id="desk"]').waitFor();
    await page.getByRole('button', { name: 'Outline' }).click();
    await expect.poll(() => unitNode(page, 'Desk').getAttribute('aria-level')).toBe('4');
    // A unit with nothing below goes at once, and keyboard focus goes to its parent.
    await pressOn(page, 'Desk', 'Delete');
    await announced(page, 'Deleted “Desk”.').waitFor();
    await expect.poll(() => unitNode(page, 'Section A1').evaluate((element) => element === document.activeElement)).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('moves a branch by cut and paste, refuses one under its own descendant, and undoes and redoes across a reload', async () => {
    const { page } = session;
    await buildMinistry(page);
    await pressOn(page, 'Bureau A', 'Control+x');
    // The cut unit is marked on the chart until it is pasted.
    await page.locator('.drag-source').waitFor();
    await pressOn(page, 'Section A1', 'Control+v');
    await refused(page, 'Not moved: “Section A1” is under “Bureau A”, which cannot go under its own descendant.').waitFor();
    await expect(unitNode(page, 'Bureau A').getAttribute('aria-level')).resolves.toBe('2');
    await pressOn(page, 'Bureau B', 'Control+v');
    await announced(page, 'Moved “Bureau A” under “Bureau B”.').waitFor();
    await expect.poll(() => unitNode(page, 'Section A1').getAttribute('aria-level')).toBe('4');
    // The toolbar says when the edit and its undo history are in the browser's storage.
    await editTools(page).getByText('Saved in this browser').waitFor();

    await page.reload();
    await page.getByRole('tree').waitFor();
    await expect.poll(() => unitNode(page, 'Section A1').getAttribute('aria-level')).toBe('4');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await editTools(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => unitNode(page, 'Section A1').getAttribute('aria-level')).toBe('3');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => unitNode(page, 'Section A1').getAttribute('aria-level')).toBe('4');
    expect(session.errors).toEqual([]);
  });

  it('deletes a unit lifting its units up, exports the edited chart, and stays free of axe violations with the form and a dialog open', async () => {
    const { page } = session;
    await buildMinistry(page);
    await pressOn(page, 'Bureau A', 'Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete Bureau A' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete it, and move its 1 unit below up to Ministry' }).click();
    await announced(page, 'Deleted “Bureau A”; the units below it are now under “Ministry”.').waitFor();
    await expect.poll(() => unitNode(page, 'Section A1').getAttribute('aria-level')).toBe('2');

    // The form in the details panel: a leader with a source.
    await unitNode(page, 'Bureau B').click();
    const form = page.getByRole('form', { name: 'Edit Bureau B' });
    await form.getByRole('button', { name: 'Add a leader' }).click();
    await form.getByRole('textbox', { name: 'Post 1' }).fill('Director');
    await form.getByRole('textbox', { name: 'Name 1' }).fill('Wang Fang');
    await form.getByRole('button', { name: 'Apply changes' }).click();
    await announced(page, 'Saved the changes to “Bureau B”.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('toolbar', { name: 'Chart view' }).locator('summary').filter({ hasText: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON (chart file)', exact: true }).click()]);
    const path = await download.path();
    const exported = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(path, 'utf8'))) as {
      units: { id: string; name: string; parentId?: string; leaders?: { name: string }[] }[];
    };
    expect(exported.units.map((unit) => unit.name).sort()).toEqual(['Bureau B', 'Ministry', 'Section A1']);
    expect(exported.units.find((unit) => unit.name === 'Bureau B')?.leaders).toEqual([{ title: 'Director', name: 'Wang Fang' }]);
    expect(session.errors).toEqual([]);
  });

  it('tells a tab whose chart another tab changed, and keeps its own version as a copy', async () => {
    const { page, context } = session;
    await buildMinistry(page);
    const other = await context.newPage();
    other.setDefaultTimeout(15_000);
    await other.goto(page.url());
    await unitNode(other, 'Section A1').waitFor();
    await other.getByRole('button', { name: 'Edit', exact: true }).click();
    await pressOn(other, 'Bureau B', 'F2');
    await nameIt(other, 'Bureau Two');

    const alert = page.getByRole('alert').filter({ hasText: '“New chart” was changed in another tab.' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await page.getByRole('tree', { name: 'Org chart: New chart (mine)' }).waitFor();
    await unitNode(page, 'Bureau B').waitFor();
    // The original now holds the other tab's version; this tab's is kept beside it, nothing overwritten.
    await page
      .locator('summary')
      .filter({ hasText: /^Your charts/ })
      .click();
    await page.getByRole('list', { name: 'Your charts' }).getByRole('button', { name: 'New chart', exact: true }).click();
    await page.getByRole('tree', { name: 'Org chart: New chart' }).waitFor();
    await unitNode(page, 'Bureau Two').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('shows another tab’s edits in a tab that has not edited the chart, and reloads them in one that has', async () => {
    const { page, context } = session;
    await buildMinistry(page);
    const other = await context.newPage();
    other.setDefaultTimeout(15_000);
    await other.goto(page.url());
    await unitNode(other, 'Section A1').waitFor();
    // This tab edits on; the other, which has changed nothing, follows.
    await pressOn(page, 'Bureau B', 'Insert');
    await nameIt(page, 'Office B1');
    await unitNode(other, 'Office B1').waitFor();
    await announced(other, '“New chart” was updated from another tab.').waitFor();
    // Now the other tab edits too: this one, which has edits of its own, is told and reloads.
    await other.getByRole('button', { name: 'Edit', exact: true }).click();
    await pressOn(other, 'Office B1', 'F2');
    await nameIt(other, 'Office of B');
    const alert = page.getByRole('alert').filter({ hasText: '“New chart” was changed in another tab.' });
    await alert.getByRole('button', { name: 'Reload' }).click();
    await unitNode(page, 'Office of B').waitFor();
    await alert.waitFor({ state: 'detached' });
    expect(session.errors).toEqual([]);
  });

  it('moves a branch by drag and drop, outlining the drop target and scrolling near an edge; Escape cancels and a drop on its own branch is refused', async () => {
    const { page } = session;
    await buildMinistry(page);
    const centre = async (name: string) => {
      const box = await unitNode(page, name).locator('rect.node-card').boundingBox();
      if (!box) throw new Error(`${name} is not drawn`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const drag = async (from: string, to: string) => {
      const start = await centre(from);
      const end = await centre(to);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + 10, start.y + 10, { steps: 2 });
      await page.mouse.move(end.x, end.y, { steps: 6 });
    };
    const before = await settledTransform(page);

    // Escape drops nothing.
    await drag('Bureau A', 'Bureau B');
    await page.locator('.drop-target').waitFor();
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await announced(page, 'Move cancelled.').waitFor();
    await expect(unitNode(page, 'Bureau A').getAttribute('aria-level')).resolves.toBe('2');
    // Dragging a card is not panning the chart.
    expect(await settledTransform(page)).toEqual(before);

    // Held near an edge, the view scrolls; Escape puts everything back where it was (no move).
    await drag('Bureau A', 'Bureau B');
    const svgBox = await page.locator('svg[role="tree"]').boundingBox();
    if (!svgBox) throw new Error('no chart');
    await page.mouse.move(svgBox.x + 6, svgBox.y + svgBox.height / 2, { steps: 4 });
    await expect.poll(async () => (await viewTransform(page)).x).toBeGreaterThan(before.x + 40);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await expect(unitNode(page, 'Bureau A').getAttribute('aria-level')).resolves.toBe('2');

    // Onto its own child: outlined as refused, and refused with why.
    await drag('Bureau A', 'Section A1');
    await page.locator('.drop-target.is-refused').waitFor();
    await page.mouse.up();
    await refused(page, 'Not moved: “Section A1” is under “Bureau A”, which cannot go under its own descendant.').waitFor();

    await drag('Bureau A', 'Bureau B');
    await page.locator('.drop-target:not(.is-refused)').waitFor();
    await page.mouse.up();
    await announced(page, 'Moved “Bureau A” under “Bureau B”.').waitFor();
    await expect.poll(() => unitNode(page, 'Section A1').getAttribute('aria-level')).toBe('4');
    await page.keyboard.press('Control+z');
    await expect.poll(() => unitNode(page, 'Section A1').getAttribute('aria-level')).toBe('3');
    expect(session.errors).toEqual([]);
  });

  it('tells when the browser’s storage is full, keeps the edit on screen, and still exports it', async () => {
    const { page } = session;
    // A full disk, from the moment the test says so: every write to IndexedDB is refused as the browser refuses it.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if ((window as unknown as { storageFull?: boolean }).storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openApp(page);
    await page.getByRole('button', { name: 'New chart' }).click();
    await editTools(page).waitFor();
    await page.evaluate(() => {
      (window as unknown as { storageFull?: boolean }).storageFull = true;
    });
    await pressOn(page, 'New organization', 'F2');
    await nameIt(page, 'Ministry');
    await page.getByRole('alert').filter({ hasText: 'The browser’s storage is full, so the chart could not be saved.' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'You can still export it from the Export menu.' }).waitFor();
    await unitNode(page, 'Ministry').waitFor();
    await page.getByRole('toolbar', { name: 'Chart view' }).locator('summary').filter({ hasText: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (table of units)', exact: true }).click()]);
    const text = await import('node:fs/promises').then(async (fs) => fs.readFile(await download.path(), 'utf8'));
    expect(text).toContain('Ministry');
  });
});
