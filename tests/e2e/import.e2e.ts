import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import type { Download, Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { cardName, escapeRegExp } from '../names.ts';
import { browserSession } from './browser.ts';

const session = browserSession({ viewport: { width: 1280, height: 800 } });
// A missing element fails its own step, with its locator in the message, well before the test's time runs out.
beforeEach(() => session.page.setDefaultTimeout(15_000));

const ARTIFACTS = 'tests/e2e/.artifacts';
const D3_CSV = 'tests/fixtures/realdata/d3-org-chart-org.csv';
const DUPLICATE_ID_CSV = 'tests/fixtures/e2e/duplicate-id.csv';
const BROKEN_JSON = 'tests/fixtures/e2e/broken.json';
const MARKUP_CSV = 'tests/fixtures/e2e/markup-name.csv';
const SMALL_TEAM_CSV = 'tests/fixtures/e2e/small-team.csv';
const NPC_TITLE = "General Office of the Standing Committee of the National People's Congress";
const MARKUP_NAME = '<img src=x onerror=alert(1)>';

/** Depth of every row of the d3-org-chart sample (root 0). Its last three columns (id, parentId, size) never contain commas. */
function d3Depths(): Map<string, number> {
  const parentOf = new Map<string, string>();
  for (const line of readFileSync(D3_CSV, 'utf8').split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const id = cells[cells.length - 3] ?? '';
    parentOf.set(id, cells[cells.length - 2] ?? '');
  }
  const depths = new Map<string, number>();
  for (const id of parentOf.keys()) {
    let depth = 0;
    for (let at = parentOf.get(id); at; at = parentOf.get(at)) depth++;
    depths.set(id, depth);
  }
  return depths;
}

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(session.url(path));
  await page.getByRole('tree').waitFor();
}

/** The treeitem whose accessible name starts with `name` followed by a comma or the end. */
const unitNode = (page: Page, name: string) => page.getByRole('treeitem', { name: cardName(name) });
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const fileInput = (page: Page) => page.getByLabel('Chart file to import');
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const yourCharts = (page: Page) => page.locator('summary').filter({ hasText: /^Your charts \(\d+\)$/ });

async function importFile(page: Page, file: string, chartTitle: string): Promise<void> {
  await fileInput(page).setInputFiles(file);
  await page.getByRole('tree', { name: `Org chart: ${chartTitle}` }).waitFor();
}

/** Opens the chart toolbar's Export menu, picks an option and returns what the browser downloaded. */
async function exportAs(page: Page, option: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByRole('toolbar', { name: 'Chart view' }).locator('summary').filter({ hasText: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: option, exact: true }).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** True when the SVG text parses as XML in the browser. */
async function isWellFormedSvg(page: Page, svg: string): Promise<boolean> {
  return page.evaluate((text) => {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    return parsed.getElementsByTagName('parsererror').length === 0 && parsed.documentElement.localName === 'svg';
  }, svg);
}

/** The name on each card of an exported SVG: the lines (tspans) of its name text joined by spaces. */
async function svgCardNames(page: Page, svg: string): Promise<string[]> {
  return page.evaluate((text) => {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    return [...parsed.querySelectorAll('text')]
      .filter((element) => element.querySelector('tspan') !== null)
      .map((element) => [...element.querySelectorAll('tspan')].map((line) => line.textContent ?? '').join(' '));
  }, svg);
}

const chartRadio = (page: Page, title: string) => page.getByRole('group', { name: 'Chart' }).getByRole('radio', { name: title, exact: true });
const isSelected = (locator: Locator) => locator.getAttribute('aria-selected');

describe('importing and exporting charts in a real browser', () => {
  it('imports the 1,516-person d3-org-chart sample, and finds and selects someone deep inside it', async () => {
    const { page } = session;
    await openApp(page);
    await importFile(page, D3_CSV, 'd3-org-chart-org');

    // Told once the chart is saved, just after it is drawn.
    await notice(page, 'Imported “d3-org-chart-org.csv”: 1,516 units.').waitFor();
    await expect(unitNode(page, 'Ian Devling').count()).resolves.toBe(1);
    await expect(isSelected(unitNode(page, 'Ian Devling'))).resolves.toBe('true');
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Ian Devling');
    await expect(chartRadio(page, 'd3-org-chart-org').isChecked()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('chart')).toBe('d3-org-chart-org');

    // Someone at depth 3 or more: a result whose path has the chart and at least two people above them.
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill('Yoshi Nagase');
    // Many people share that name in this sample: the list, cut short, says how many match in all.
    await page.getByRole('option').first().waitFor();
    await expect(page.getByRole('option').count()).resolves.toBe(12);
    const namesakes = readFileSync(D3_CSV, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('Yoshi Nagase,')).length;
    expect(namesakes).toBeGreaterThan(12);
    const moreNote = page.getByRole('status').filter({ hasText: /^The best 12 of \d+ matches\. Type more to narrow them down\.$/ });
    await moreNote.waitFor();
    expect(Number(/of (\d+)/.exec((await moreNote.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(namesakes);
    // The arrow keys scroll the list: the last option, when reached, is in sight above the note.
    for (let presses = 0; presses < 11; presses++) await page.keyboard.press('ArrowDown');
    const last = page.getByRole('option').nth(11);
    await expect(last.getAttribute('aria-selected')).resolves.toBe('true');
    await expect
      .poll(async () => {
        const [option, note, popup] = await Promise.all([last.boundingBox(), moreNote.boundingBox(), page.locator('.search-popup').boundingBox()]);
        return option !== null && note !== null && popup !== null && option.y >= popup.y && option.y + option.height <= note.y + 1;
      })
      .toBe(true);
    await page.keyboard.press('ArrowDown');
    const deep = page.getByRole('option', { name: /^Yoshi Nagase .*› .*› / }).first();
    await deep.waitFor();
    for (let presses = 0; presses < 12 && (await deep.getAttribute('aria-selected')) !== 'true'; presses++) await page.keyboard.press('ArrowDown');
    await expect(deep.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');

    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).not.toBeNull();
    const unitId = new URL(page.url()).searchParams.get('unit') ?? '';
    expect(d3Depths().get(unitId)).toBeGreaterThanOrEqual(3);
    const chosen = page.locator(`[role="treeitem"][data-id="${unitId}"]`);
    await expect(chosen.getAttribute('aria-label')).resolves.toMatch(cardName('Yoshi Nagase'));
    await expect(isSelected(chosen)).resolves.toBe('true');
    await expect(page.getByRole('treeitem', { selected: true }).count()).resolves.toBe(1);
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Yoshi Nagase');
    const path = details(page).getByRole('navigation', { name: 'Path' });
    await expect(path.getByRole('button', { name: 'Ian Devling' }).count()).resolves.toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('refuses a CSV with a duplicate id, and invalid JSON, with specific messages, leaving the chart on screen as it was', async () => {
    const { page } = session;
    await openApp(page);
    await expect(page.getByRole('treeitem').count()).resolves.toBe(23);
    const before = page.url();

    await fileInput(page).setInputFiles(DUPLICATE_ID_CSV);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Import failed. duplicate-id.csv: 1 id is used by more than one row; each row needs its own id:');
    await expect(alert.textContent()).resolves.toContain('“2” in row 2 (line 3), row 3 (line 4)');

    await fileInput(page).setInputFiles(BROKEN_JSON);
    await expect.poll(() => alert.textContent()).toContain('Import failed. broken.json is not valid JSON');

    // Nothing changed: same chart, same units, same address, no new chart to pick.
    await expect(page.getByRole('tree').getAttribute('aria-label')).resolves.toBe(`Org chart: ${NPC_TITLE}`);
    await expect(page.getByRole('treeitem').count()).resolves.toBe(23);
    await expect(unitNode(page, 'Liaison Bureau').count()).resolves.toBe(1);
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe(NPC_TITLE);
    await expect(page.getByRole('group', { name: 'Chart' }).getByRole('radio').count()).resolves.toBe(2);
    await expect(yourCharts(page).count()).resolves.toBe(0);
    expect(page.url()).toBe(before);
    // The message can be dismissed.
    await alert.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  it('lists each problem of a bad file on its own line, and wraps a name that is one very long word', async () => {
    const { page } = session;
    await openApp(page);
    mkdirSync(ARTIFACTS, { recursive: true });
    const wrongShape = `${ARTIFACTS}/wrong-shape.json`;
    writeFileSync(wrongShape, JSON.stringify({ format: 'org-chart', version: 1, units: 'nope' }));
    await fileInput(page).setInputFiles(wrongShape);
    const message = page.getByRole('alert').locator('p');
    await expect.poll(() => message.textContent()).toMatch(/wrong-shape\.json: id: .*\nwrong-shape\.json: title: .*\nwrong-shape\.json: units: /s);
    const lines = await message.evaluate((element) => element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));
    expect(Math.round(lines)).toBeGreaterThanOrEqual(3);

    const longName = 'Department'.repeat(40);
    const longCsv = `${ARTIFACTS}/long-name.csv`;
    writeFileSync(longCsv, `id,parentId,name\nroot,,Head office\nlong,root,${longName}\n`);
    await importFile(page, longCsv, 'long-name');
    await page.getByRole('treeitem', { name: new RegExp(`(^|, )${longName.slice(0, 30)}`) }).click();
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe(longName);
    // The panel does not scroll sideways: the name wraps inside it.
    const overflow = await details(page).evaluate((panel) => panel.scrollWidth - panel.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(session.errors).toEqual([]);
  });

  it('tells every kind of problem in a table at once, in the interface language, in a message that scrolls from the keyboard', async () => {
    const { page } = session;
    await openApp(page);
    mkdirSync(ARTIFACTS, { recursive: true });
    // Six rows with no id, six unknown parents, six duplicated ids, and a loop.
    const rows = ['boss,,Boss', 'loop1,loop2,L1', 'loop2,loop1,L2'];
    for (let i = 0; i < 6; i++) rows.push(`,boss,Nobody ${i}`, `orphan${i},ghost${i},O${i}`, `twin${i},boss,T${i}`, `twin${i},boss,T${i} again`);
    const messy = `${ARTIFACTS}/messy.csv`;
    writeFileSync(messy, `id,parentId,name\n${rows.join('\n')}\n`);
    await fileInput(page).setInputFiles(messy);
    const message = page.getByRole('alert').locator('p');
    await expect.poll(() => message.textContent()).toContain('Import failed. messy.csv: 6 rows have no id:');
    const english = (await message.textContent()) ?? '';
    for (const heading of [
      '6 ids are used by more than one row',
      '6 rows name a parent that is not another row of the table:',
      'the parent links form 1 cycle',
    ]) {
      expect(english).toContain(`messy.csv: ${heading}`);
    }
    expect(english).toContain('• “loop1” → “loop2” → “loop1” (rows 2, 3)');

    // Long lists scroll inside the message instead of pushing the chart off the screen; Tab reaches it and the keys scroll it.
    const box = await message.evaluate((element) => ({ scrollHeight: element.scrollHeight, clientHeight: element.clientHeight }));
    expect(box.scrollHeight).toBeGreaterThan(box.clientHeight);
    expect(box.clientHeight).toBeLessThanOrEqual(800 / 3 + 1);
    await message.focus();
    await page.keyboard.press('End');
    await expect.poll(() => message.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);

    // Switching the interface to Chinese rewords the message on screen.
    await page.getByRole('button', { name: 'Display' }).click();
    await page.getByRole('group', { name: 'Interface language' }).getByRole('radio', { name: '中文', exact: true }).check();
    await expect.poll(() => message.textContent()).toContain('导入失败。“messy.csv”：6 行没有编号（id）：');
    const chinese = (await message.textContent()) ?? '';
    expect(chinese).toContain('“messy.csv”：6 个编号被多行使用');
    expect(chinese).toContain('• 第 5 行（文件第 6 行）：“orphan0”的上级是“ghost0”，但没有编号为“ghost0”的行');
    expect(chinese).not.toMatch(/\brows?\b|\bline\b/);
    // Nothing was imported, and the chart is as it was.
    await expect(page.getByRole('treeitem').count()).resolves.toBe(23);
    expect(session.errors).toEqual([]);
  });

  it('keeps an imported chart after a reload, listed in the header and under Your charts', async () => {
    const { page } = session;
    await openApp(page);
    await importFile(page, D3_CSV, 'd3-org-chart-org');
    // Saving to IndexedDB is done once the success message is shown.
    await notice(page, 'Imported “d3-org-chart-org.csv”').waitFor();

    await page.reload();
    // The link to the imported chart works after a reload.
    await page.getByRole('tree', { name: 'Org chart: d3-org-chart-org' }).waitFor();
    await expect(unitNode(page, 'Ian Devling').count()).resolves.toBe(1);

    // Back to a bundled chart, then open it again from both places it is listed.
    await chartRadio(page, `NPCSC General Office, ${NPC_TITLE}`).check();
    await page.getByRole('tree', { name: `Org chart: ${NPC_TITLE}` }).waitFor();
    await expect(chartRadio(page, 'd3-org-chart-org').count()).resolves.toBe(1);
    await chartRadio(page, 'd3-org-chart-org').check();
    await page.getByRole('tree', { name: 'Org chart: d3-org-chart-org' }).waitFor();

    await chartRadio(page, `NPCSC General Office, ${NPC_TITLE}`).check();
    await page.getByRole('tree', { name: `Org chart: ${NPC_TITLE}` }).waitFor();
    await expect(yourCharts(page).textContent()).resolves.toBe('Your charts (1)');
    await yourCharts(page).click();
    const list = page.getByRole('list', { name: 'Your charts' });
    await list.getByRole('button', { name: 'd3-org-chart-org', exact: true }).click();
    await page.getByRole('tree', { name: 'Org chart: d3-org-chart-org' }).waitFor();
    await expect(unitNode(page, 'Ian Devling').count()).resolves.toBe(1);
    expect(new URL(page.url()).searchParams.get('chart')).toBe('d3-org-chart-org');
    expect(session.errors).toEqual([]);
  });

  it('keeps the header to the bundled charts and one imported chart, however many are imported', async () => {
    const { page } = session;
    await openApp(page);
    // Every name in the switch is shown whole, the active one (in bold) included.
    const cutShort = () =>
      page
        .getByRole('group', { name: 'Chart' })
        .locator('label')
        .evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent));
    await expect(cutShort()).resolves.toEqual([]);
    await importFile(page, D3_CSV, 'd3-org-chart-org');
    await importFile(page, SMALL_TEAM_CSV, 'small-team');
    const radios = page.getByRole('group', { name: 'Chart' }).getByRole('radio');
    await expect(radios.count()).resolves.toBe(3);
    await expect(chartRadio(page, 'small-team').isChecked()).resolves.toBe(true);
    await expect(chartRadio(page, 'd3-org-chart-org').count()).resolves.toBe(0);
    await expect(yourCharts(page).textContent()).resolves.toBe('Your charts (2)');
    await expect(cutShort()).resolves.toEqual([]);

    // The other one opens from Your charts, and takes the imported chart's place in the header.
    await yourCharts(page).click();
    await page.getByRole('list', { name: 'Your charts' }).getByRole('button', { name: 'd3-org-chart-org', exact: true }).click();
    await page.getByRole('tree', { name: 'Org chart: d3-org-chart-org' }).waitFor();
    await expect(radios.count()).resolves.toBe(3);
    await expect(chartRadio(page, 'd3-org-chart-org').isChecked()).resolves.toBe(true);
    await expect(chartRadio(page, 'small-team').count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('renames and deletes an imported chart from Your charts, asking before it deletes', async () => {
    const { page } = session;
    await openApp(page);
    await importFile(page, SMALL_TEAM_CSV, 'small-team');
    await notice(page, 'Imported “small-team.csv”: 3 units.').waitFor();

    await yourCharts(page).click();
    const list = page.getByRole('list', { name: 'Your charts' });
    await list.getByRole('button', { name: 'Rename small-team' }).click();
    const newName = list.getByRole('textbox', { name: 'New name for small-team' });
    await expect(newName.inputValue()).resolves.toBe('small-team');
    // A name another chart has (here the State Council's, in the switch) is refused, saying why.
    await newName.fill('state council');
    await expect(list.getByRole('alert').textContent()).resolves.toBe(
      'Another chart is already called “state council”: choose a name of its own, so the two can be told apart.',
    );
    await expect(list.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await expect(newName.getAttribute('aria-invalid')).resolves.toBe('true');
    // Escape leaves the name field with focus on its Rename button (not lost to the page), and a second Escape closes the menu.
    await newName.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Rename small-team');
    await page.keyboard.press('Escape');
    await expect(list.isVisible()).resolves.toBe(false);
    // A click elsewhere closes the menu too.
    await yourCharts(page).click();
    await expect(list.isVisible()).resolves.toBe(true);
    await page.getByRole('complementary', { name: 'Details' }).click({ position: { x: 20, y: 300 } });
    await expect.poll(() => list.isVisible()).toBe(false);

    await yourCharts(page).click();
    await list.getByRole('button', { name: 'Rename small-team' }).click();
    await newName.fill('Wang Wei’s team');
    await list.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => chartRadio(page, 'Wang Wei’s team').count()).toBe(1);
    await expect(list.getByRole('button', { name: 'Wang Wei’s team', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('tree').getAttribute('aria-label')).resolves.toBe('Org chart: Wang Wei’s team');
    // The new name is saved too.
    await page.reload();
    await page.getByRole('tree', { name: 'Org chart: Wang Wei’s team' }).waitFor();
    await expect(chartRadio(page, 'small-team').count()).resolves.toBe(0);

    // Saying no to the question keeps the chart.
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await yourCharts(page).click();
    await list.getByRole('button', { name: 'Delete Wang Wei’s team' }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('Delete “Wang Wei’s team” from this browser?');
    await expect(chartRadio(page, 'Wang Wei’s team').count()).resolves.toBe(1);

    // Saying yes deletes it, shows a bundled chart instead, and it stays deleted.
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await list.getByRole('button', { name: 'Delete Wang Wei’s team' }).click();
    await notice(page, 'Chart deleted.').waitFor();
    expect(dialogs).toHaveLength(2);
    await expect(chartRadio(page, 'Wang Wei’s team').count()).resolves.toBe(0);
    await expect(yourCharts(page).count()).resolves.toBe(0);
    await page.getByRole('tree', { name: `Org chart: ${NPC_TITLE}` }).waitFor();
    await expect(page.getByRole('treeitem').count()).resolves.toBe(23);
    await page.reload();
    await page.getByRole('tree').waitFor();
    await expect(page.getByRole('group', { name: 'Chart' }).getByRole('radio').count()).resolves.toBe(2);
    await expect(yourCharts(page).count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('exports the NPC chart as an SVG with its names escaped and its Chinese intact, and as a JSON chart file', async () => {
    const { page } = session;
    await openApp(page);
    const { download, bytes } = await exportAs(page, 'SVG, whole chart');
    expect(download.suggestedFilename()).toBe('npcsc-general-office.svg');
    expect(bytes.length).toBeGreaterThan(1000);
    const svg = bytes.toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    await expect(isWellFormedSvg(page, svg)).resolves.toBe(true);
    // The root's name, with its apostrophe escaped.
    expect(svg).toContain('<title>General Office of the Standing Committee of the National People&apos;s Congress</title>');
    expect(svg).toContain('Liaison Bureau');
    // Chinese survives the trip: the office's Chinese name begins the Foreign Affairs Bureau's, and the Liaison Bureau's is whole.
    expect(svg).toContain('全国人民代表大会常务委员会办公厅');
    expect(svg).toContain('全国人大常委会办公厅联络局');

    const json = await exportAs(page, 'JSON (chart file)');
    expect(json.download.suggestedFilename()).toBe('npcsc-general-office.json');
    const chart = JSON.parse(json.bytes.toString('utf8')) as {
      format: string;
      id: string;
      title: string;
      units: { name: string; nativeName?: { text: string } }[];
    };
    expect(chart.format).toBe('org-chart');
    expect(chart.id).toBe('npcsc-general-office');
    expect(chart.title).toBe(NPC_TITLE);
    // The whole file, its past included (the two Bureaus of Secretaries of 2007), not only today's 23 units: it opens
    // again with its timeline.
    expect(chart.units).toHaveLength(JSON.parse(readFileSync('public/data/npcsc-general-office.json', 'utf8')).units.length);
    expect(chart.units.map((unit) => unit.name)).toEqual(expect.arrayContaining(['Second Bureau of Secretaries', 'Letters and Calls Bureau']));
    expect(chart.units[0]?.nativeName?.text).toBe('全国人民代表大会常务委员会办公厅');
    expect(session.errors).toEqual([]);
  });

  it('exports the chart as a CSV table, UTF-8 with its Chinese intact, that imports back as the same chart', async () => {
    const { page } = session;
    await openApp(page);
    const { download, bytes } = await exportAs(page, 'CSV (table of units)');
    expect(download.suggestedFilename()).toBe('npcsc-general-office.csv');
    // A byte order mark, so Excel reads the Chinese names as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.startsWith('id,parentId,name,nativeName,kind')).toBe(true);
    expect(lines).toHaveLength(24);
    expect(text).toContain('liaison-bureau,departments,Liaison Bureau,全国人大常委会办公厅联络局,department');

    const path = `${ARTIFACTS}/exported-npc.csv`;
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path, bytes);
    await importFile(page, path, 'exported-npc');
    await expect(page.getByRole('treeitem').count()).resolves.toBe(23);
    await expect(page.getByRole('treeitem', { name: cardName('Liaison Bureau') }).count()).resolves.toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('exports the whole 1,516-person chart, expanded, as a PNG with something drawn in it', async () => {
    const { page } = session;
    await openApp(page);
    await importFile(page, D3_CSV, 'd3-org-chart-org');
    await page.getByRole('button', { name: 'Expand all' }).click();

    const { download, bytes } = await exportAs(page, 'PNG, whole chart');
    expect(download.suggestedFilename()).toBe('d3-org-chart-org.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    // The expanded chart is very wide and shallow, so the picture is too: scaled to fit the widest canvas browsers allow.
    expect(width).toBeGreaterThanOrEqual(400);
    expect(height).toBeGreaterThanOrEqual(50);
    // Within what browsers can draw.
    expect(width).toBeLessThanOrEqual(16_384);
    expect(height).toBeLessThanOrEqual(16_384);
    // A blank (all white) PNG this size compresses to a few kilobytes.
    expect(bytes.length).toBeGreaterThan(20_000);

    // Decoded, a good share of it is not white.
    const inked = await page.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = Math.max(1, Math.round((400 * bitmap.height) / bitmap.width));
      const context = canvas.getContext('2d');
      if (!context) return -1;
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let notWhite = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 240 || (data[i + 1] ?? 255) < 240 || (data[i + 2] ?? 255) < 240) notWhite++;
      return notWhite / (data.length / 4);
    }, bytes.toString('base64'));
    expect(inked).toBeGreaterThan(0.02);
    expect(session.errors).toEqual([]);
  });

  it('shows a name made of markup as plain text, runs none of it, and escapes it in the SVG export', async () => {
    const { page } = session;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openApp(page);
    await importFile(page, MARKUP_CSV, 'markup-name');

    const node = unitNode(page, MARKUP_NAME);
    await expect(node.count()).resolves.toBe(1);
    await expect(node.getAttribute('aria-label')).resolves.toMatch(new RegExp(`^${escapeRegExp(MARKUP_NAME)}, Engineer(,|$)`));
    await expect(unitNode(page, '<script>alert(2)</script> & "Sons"').count()).resolves.toBe(1);
    await node.click();
    await expect(details(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe(MARKUP_NAME);
    // Nothing was turned into an element.
    await expect(page.locator('img[src="x"], img[onerror]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => [...document.querySelectorAll('script')].some((script) => script.textContent?.includes('alert(2)')))).resolves.toBe(false);

    // Search shows it as text too.
    await page.getByRole('combobox', { name: 'Search' }).fill('onerror');
    const result = page.getByRole('option', { name: new RegExp(`^${escapeRegExp(MARKUP_NAME)}`) });
    await result.waitFor();
    await expect(result.locator('mark').allTextContents()).resolves.toEqual(['onerror']);
    await expect(page.locator('img[src="x"], img[onerror]').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');

    const { bytes } = await exportAs(page, 'SVG, whole chart');
    const svg = bytes.toString('utf8');
    await expect(isWellFormedSvg(page, svg)).resolves.toBe(true);
    expect(svg).toContain('&lt;img src=x');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    // Read back, the card's lines spell the name exactly.
    await expect(svgCardNames(page, svg)).resolves.toEqual(expect.arrayContaining([MARKUP_NAME, '<script>alert(2)</script> & "Sons"']));

    expect(dialogs).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe('importing by dropping a file and by pasting a table', () => {
  it('imports a file dropped anywhere on the page', async () => {
    const { page } = session;
    await openApp(page);
    const csv = readFileSync(SMALL_TEAM_CSV, 'utf8');
    // Playwright cannot drag a file from the desktop: build the same drop event a browser would fire.
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-team.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await expect(page.getByText('Drop a JSON, CSV or TSV file to import it as a chart').isVisible()).resolves.toBe(true);
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect(page.getByRole('radio', { name: 'dropped-team' }).isChecked()).resolves.toBe(true);
    await expect(page.getByText('Drop a JSON, CSV or TSV file to import it as a chart').count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('imports a table pasted onto the page, but not text pasted into the search field', async () => {
    const { page } = session;
    await openApp(page);
    const paste = (selector: string, text: string) =>
      page.evaluate(
        ({ selector, text }) => {
          const transfer = new DataTransfer();
          transfer.setData('text/plain', text);
          const target = document.querySelector(selector) ?? document.body;
          target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
        },
        { selector, text },
      );
    await paste('input[role="combobox"]', 'id,parentId,name\na,,Should not import');
    await expect(page.getByRole('radio', { name: 'Pasted chart' }).count()).resolves.toBe(0);

    await paste('body', 'id\tparentId\tname\nboss\t\tAda Boss\nhelper\tboss\tBen Helper');
    await expect(page.getByRole('radio', { name: 'Pasted chart' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('treeitem', { name: cardName('Ben Helper') }).count()).resolves.toBe(1);
    // Imports run in order: had the search field's paste imported too, there would be two charts by now.
    await expect(yourCharts(page).textContent()).resolves.toBe('Your charts (1)');
  });
});
