// @vitest-environment jsdom
/**
 * The details panel after a first look (issue 19): a search hit marked where it
 * is, the panel first in the tab order with its fold control under the name,
 * the parent body shown when the chart holds it, and an imported table's cells
 * read as people write them.
 */
import { readFileSync } from 'node:fs';

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { importText } from '../../src/model/importFile.ts';
import { chooseLanguage } from '../../src/store/prefs.ts';
import { useStore } from '../../src/store/store.ts';
import { cardName } from '../names.ts';
import { startApp, useFreshApp } from './harness.tsx';

const details = () => screen.getByRole('complementary', { name: 'Details' });
const marks = () => [...details().querySelectorAll('mark')].map((mark) => mark.textContent);

/** Types `query` in the search and chooses the option whose text starts with `name` (jsdom drops spaces between highlighted pieces). */
async function searchAndChoose(user: ReturnType<typeof userEvent.setup>, query: string, name: string): Promise<void> {
  const field = screen.getByRole('combobox', { name: 'Search' });
  await user.clear(field);
  await user.type(field, query);
  const option = await waitFor(
    () => {
      const found = screen.getAllByRole('option').find((element) => element.textContent?.startsWith(name));
      if (!found) throw new Error(`no option for “${name}”`);
      return found;
    },
    { timeout: 10_000 },
  );
  await user.pointer({ keys: '[MouseLeft>]', target: option });
}

describe('the details panel', { timeout: 20_000 }, () => {
  useFreshApp();

  describe('a search hit is marked in the panel, whichever field it matched', () => {
    it('marks the function that matched, the ninth of ten', async () => {
      const user = userEvent.setup();
      await startApp();
      await searchAndChoose(user, 'overseas stock', 'General Office of the State Council');
      await waitFor(() => expect(marks()).toEqual(['overseas stock']));
      const functions = within(details()).getByRole('heading', { name: 'Functions' }).nextElementSibling as HTMLElement;
      expect(within(functions).getAllByRole('listitem')[8]?.querySelector('mark')).toHaveTextContent('overseas stock');
    });

    it('finds the unit that runs gov.cn by its cited fact, and marks that fact', async () => {
      const user = userEvent.setup();
      await startApp();
      await searchAndChoose(user, 'gov.cn', 'China Government Network Operation Center');
      await waitFor(() => expect(marks()).toEqual(['gov.cn']));
      const panel = within(details());
      expect(panel.getByText('Runs').nextElementSibling).toHaveTextContent(/^gov\.cn Source \[\d · Infobox\]$/);
      expect(panel.getByRole('link', { name: 'English Wikipedia: Gov.cn' })).toHaveAttribute('href', 'https://en.wikipedia.org/wiki/Gov.cn');
      // The office whose function names the site is still found, and marked there.
      await searchAndChoose(user, 'gov.cn', 'General Office of the State Council');
      await waitFor(() => expect(marks()).toEqual(['gov.cn']));
      expect(details().querySelector('mark')?.closest('li')).toHaveTextContent(/^The General Office runs gov\.cn/);
    });

    it('marks a leader, a fact and an editorial note, and lets go of the marks when another unit is chosen', async () => {
      const user = userEvent.setup();
      await startApp();
      await searchAndChoose(user, 'Hu Xiaoli', 'General Office of the Standing Committee');
      await waitFor(() => expect(marks()).toEqual(['Hu Xiaoli']));
      expect(details().querySelector('mark')?.closest('dd')).toBeInTheDocument();

      await searchAndChoose(user, 'Zhongnanhai', 'General Office of the State Council');
      await waitFor(() => expect(marks()).toEqual(['Zhongnanhai']));
      expect(details().querySelector('mark')?.closest('dd')).toHaveTextContent(/^2 Fuyou Street/);

      // Notes are searched too.
      await searchAndChoose(user, 'Association of Theoretical Research', 'General Office of the Standing Committee');
      await waitFor(() => expect(marks()).toEqual(['Association of Theoretical Research']));
      expect(within(details()).getByRole('heading', { name: 'Notes' }).nextElementSibling).toContainElement(details().querySelector('mark'));

      await user.click(within(details()).getByRole('button', { name: 'Departments' }));
      expect(marks()).toEqual([]);
    });

    it('raises the lowered bottom sheet to show a hit, even on the unit already selected', async () => {
      const user = userEvent.setup();
      await startApp('?chart=state-council-general-office');
      const handle = within(details()).getByRole('button', { name: 'Show details' });
      expect(handle).toHaveAttribute('aria-expanded', 'false');
      await searchAndChoose(user, 'overseas stock', 'General Office of the State Council');
      await waitFor(() => expect(within(details()).getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true'));
      expect(marks()).toEqual(['overseas stock']);
    });
  });

  describe('focus order follows reading order', () => {
    it('is itself the first tab stop after the chart, named and scrollable by keyboard', async () => {
      const user = userEvent.setup();
      await startApp('?chart=state-council-general-office');
      const tree = screen.getByRole('tree');
      const focused = within(tree)
        .getAllByRole('treeitem')
        .find((item) => item.getAttribute('tabindex') === '0');
      act(() => focused?.focus());
      // Past the chart's own controls (its toolbar and anything after the tree) to the panel.
      for (let i = 0; i < 10 && !details().contains(document.activeElement) && document.activeElement !== details(); i++) await user.tab();
      expect(document.activeElement).toBe(details());
      expect(details()).toHaveAttribute('tabindex', '0');
      await user.tab();
      // On a phone-less layout the sheet handle is not drawn; in jsdom it is there, then the fold control under the name.
      if (document.activeElement?.classList.contains('sheet-handle')) await user.tab();
      expect(document.activeElement).toBe(within(details()).getByRole('checkbox', { name: 'Collapsed in the chart' }));
    });

    it('puts the fold control under the unit’s name, before its facts, leaders and functions', async () => {
      await startApp('?chart=state-council-general-office');
      const panel = details();
      const fold = within(panel).getByRole('checkbox', { name: 'Collapsed in the chart' });
      const facts = within(panel).getByRole('heading', { name: 'Facts' });
      expect(fold.compareDocumentPosition(facts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(within(panel).getByRole('heading', { level: 2 }).compareDocumentPosition(fold) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });
  });

  describe('parent body', () => {
    it('names the office that lists a unit, where the chart holds it, and goes there', async () => {
      const user = userEvent.setup();
      await startApp('?chart=npcsc-general-office&unit=liaison-bureau');
      const row = within(details()).getByText('Parent body').parentElement as HTMLElement;
      expect(row).not.toHaveClass('is-missing');
      const office = within(row).getByRole('button', { name: "General Office of the Standing Committee of the National People's Congress" });
      // Cited to the source's list of the office's departments, where the unit is listed.
      expect(row).toHaveTextContent(/Source \[1 · Organization\]$/);
      await user.click(office);
      expect(useStore.getState().panes.main.selectedId).toBeNull();
      expect(
        await screen.findByRole('treeitem', { name: cardName("General Office of the Standing Committee of the National People's Congress") }),
      ).toHaveAttribute('aria-selected', 'true');
    });

    it('still says “not stated” where the source truly says nothing', async () => {
      await startApp('?chart=state-council-general-office');
      const row = within(details()).getByText('Parent body').parentElement as HTMLElement;
      expect(row).toHaveClass('is-missing');
      expect(row).toHaveTextContent('Not stated in the source');
      // The office that the source names as a parent body keeps it.
      act(() => useStore.getState().openChart('npcsc-general-office'));
      await waitFor(() =>
        expect(within(details()).getByText('Parent body').parentElement).toHaveTextContent(/Standing Committee of the National People's Congress/),
      );
    });
  });

  describe('an imported table’s details', () => {
    /** Starts the app, imports `text` as a chart of one's own and opens it, waiting for `heading` in the panel. */
    async function openImported(fileName: string, text: string, heading: string): Promise<void> {
      await startApp();
      const outcome = importText(fileName, text);
      if (!outcome.ok) throw new Error(`${fileName} did not import`);
      const store = useStore.getState();
      const id = outcome.index.chart.id;
      store.setCatalog([...store.catalog, { id, title: outcome.index.chart.title, origin: 'imported' }]);
      store.setChartSlot(id, { status: 'ready', index: outcome.index });
      act(() => useStore.getState().openChart(id));
      await within(details()).findByRole('heading', { level: 2, name: heading });
    }

    const openOracleSample = () => openImported('oracle-hr.csv', readFileSync('tests/fixtures/realdata/oracle-hr.csv', 'utf8'), 'Steven King');

    it('writes column names as labels, keeping the column’s own name on hover', async () => {
      await openOracleSample();
      const label = within(details()).getByText('Department name');
      expect(label.tagName).toBe('DT');
      expect(label).toHaveAttribute('title', 'department_name');
      expect(within(details()).getByText('Job ID')).toHaveAttribute('title', 'job_id');
      expect(within(details()).queryByText('department_name')).toBeNull();
    });

    it('writes dates in the interface language and an address by its host', async () => {
      await openOracleSample();
      const hired = within(details()).getByText('16 July 2003 at 19:00 UTC');
      expect(hired.tagName).toBe('TIME');
      expect(hired).toHaveAttribute('datetime', '2003-07-16T19:00:00.000Z');
      const image = within(details()).getByRole('link', { name: 'bumbeishvili.github.io/…' });
      expect(image).toHaveAttribute('href', 'https://bumbeishvili.github.io/avatars/avatars/portrait12.png');
      expect(image).toHaveAttribute('title', 'https://bumbeishvili.github.io/avatars/avatars/portrait12.png');

      await act(() => chooseLanguage('zh'));
      await waitFor(() => expect(screen.getByRole('complementary', { name: '详情' })).toHaveTextContent('2003年7月16日 19:00 UTC'));
    });

    it('gives a date of forming in the future no “years ago”', async () => {
      const text = JSON.stringify({
        format: 'org-chart',
        version: 1,
        id: 'planned-office',
        title: 'Planned office',
        units: [{ id: 'planned', name: 'Planned office', facts: [{ key: 'formed', label: 'Formed', value: '2999-01-01' }] }],
      });
      await openImported('planned.json', text, 'Planned office');
      const formed = within(details()).getByText('Formed').nextElementSibling;
      expect(formed).toHaveTextContent(/^1 January 2999$/);
    });

    it('wraps at word boundaries, not anywhere', () => {
      const css = readFileSync('src/styles.css', 'utf8');
      expect(css).not.toMatch(/\.panel\s*\{[^}]*overflow-wrap:\s*anywhere/);
      expect(css).not.toMatch(/\.facts dd,\s*\.leaders dd\s*\{[^}]*overflow-wrap:\s*anywhere/);
    });
  });
});
