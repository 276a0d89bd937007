// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import { loadChart } from '../../src/model/load.ts';
import { startPreferences } from '../../src/store/prefs.ts';
import { useStore } from '../../src/store/store.ts';
import { cardName } from '../names.ts';
import { chartOf } from '../unit/helpers.ts';
import { startApp, useFreshApp } from './harness.tsx';

const details = () => screen.getByRole('complementary', { name: 'Details' });
const outline = () => screen.getByRole('navigation', { name: /^Outline/ });

describe('the outline, the selection announcer and the display settings', () => {
  useFreshApp();
  let stopPreferences: () => void = () => undefined;
  afterEach(() => {
    stopPreferences();
    stopPreferences = () => undefined;
    window.localStorage.clear();
    document.documentElement.removeAttribute('data-theme');
    document.documentElement.lang = 'en';
  });

  it('shows the chart as nested lists that select and fold like the chart', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    // The outline's code loads when it is first shown.
    await screen.findByRole('navigation', { name: /^Outline/ });
    expect(screen.getByRole('button', { name: 'Outline' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('tree')).toBeNull();
    const list = within(outline());
    // The same tree: the office, its two groups, twelve departments and eight institutions.
    expect(list.getAllByRole('listitem')).toHaveLength(23);

    await user.click(list.getByRole('button', { name: /^Liaison Bureau/ }));
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('Liaison Bureau');
    expect(list.getByRole('button', { name: /^Liaison Bureau/ })).toHaveAttribute('aria-current', 'true');
    expect(window.location.search).toBe('?chart=npcsc-general-office&unit=liaison-bureau');

    const fold = list.getByRole('button', { name: 'Collapse Departments' });
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    await user.click(fold);
    expect(list.queryByRole('button', { name: /^Research Office/ })).toBeNull();
    expect(list.getByRole('button', { name: 'Expand Departments' })).toHaveAttribute('aria-expanded', 'false');

    // Back in the chart, the fold and the selection carried over.
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    expect(screen.getByRole('treeitem', { name: cardName('Departments') })).toHaveAttribute('aria-expanded', 'false');
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('Departments');
  });

  it('lists a long expanded chart a thousand units at a time, always reaching the unit asked for', async () => {
    const user = userEvent.setup();
    await startApp();
    // A flat chart: one head and 1,009 units under it, 1,010 in all.
    const units = [{ id: 'head', name: 'Head office' }, ...Array.from({ length: 1009 }, (_, i) => ({ id: `u${i}`, parentId: 'head', name: `Unit ${i}` }))];
    const loaded = loadChart({ ...chartOf(units), id: 'wide', title: 'Wide chart' }, 'wide.json');
    if (!loaded.ok) throw new Error('the test chart did not load');
    const store = useStore.getState();
    store.setCatalog([...store.catalog, { id: 'wide', title: 'Wide chart', origin: 'imported' }]);
    store.setChartSlot('wide', { status: 'ready', index: loaded.index });
    store.openChart('wide');
    useStore.getState().expandAll();
    // Queried within the header and counted through the DOM: role queries over a thousand rows would make the test slow, not stricter.
    const outlineToggle = () => within(document.querySelector('.app-header') as HTMLElement).getByRole('button', { name: 'Outline' });
    await user.click(outlineToggle());
    await screen.findByRole('navigation', { name: /^Outline/ });
    const rows = () => outline().querySelectorAll('li').length;
    expect(rows()).toBe(1000);
    await user.click(screen.getByText('Show 10 more units (10 not shown yet)', { selector: 'button' }));
    expect(rows()).toBe(1010);
    // Focus goes to the first unit just shown, not to the page (the button is gone).
    expect(document.activeElement?.textContent).toBe('Unit 999');
    expect(screen.queryByText(/more units/, { selector: 'button' })).toBeNull();

    // The keyboard reaches past the rows drawn: End goes to the last unit, drawing what it needs.
    await user.click(outlineToggle());
    await user.click(outlineToggle());
    expect(rows()).toBe(1000);
    (outline().querySelector('[data-outline-id="head"]') as HTMLElement).focus();
    await user.keyboard('{End}');
    expect(rows()).toBe(1010);
    expect(document.activeElement?.textContent).toBe('Unit 1008');
  });

  it('puts keyboard focus on the unit chosen in the search, in the outline too', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    await screen.findByRole('navigation', { name: /^Outline/ });
    await user.type(screen.getByRole('combobox', { name: 'Search' }), 'Liaison');
    // The search engine loads on first use; the first option is the best match.
    await waitFor(() => expect(screen.getAllByRole('option')[0]?.textContent).toMatch(/^Liaison Bureau/), { timeout: 10_000 });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(outline()).getByRole('button', { name: /^Liaison Bureau/ })).toHaveFocus());
  });

  it('moves through the outline with arrow keys and type-ahead', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    // The outline's code loads when it is first shown.
    await screen.findByRole('navigation', { name: /^Outline/ });
    const list = within(outline());
    list.getByRole('button', { name: /^General Office of the Standing Committee/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(list.getByRole('button', { name: /^Departments/ }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(list.getByRole('button', { name: /^Secretariat/ }));
    await user.keyboard('l');
    expect(document.activeElement).toBe(list.getByRole('button', { name: /^Liaison Bureau/ }));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(list.getByRole('button', { name: /^Departments/ }));
  });

  it('makes the details a lowerable sheet only in the main view, not beside each compared chart', async () => {
    await startApp();
    expect(within(details()).getByRole('button', { name: 'Show details' })).toHaveAttribute('aria-expanded', 'false');
    useStore.getState().openCompare('npcsc-general-office', 'state-council-general-office');
    await screen.findAllByRole('complementary', { name: /^Details: / });
    expect(screen.queryByRole('button', { name: /^(Show|Hide) details$/ })).toBeNull();
  });

  it('folds the selected unit from the details panel too, for those who cannot reach the button under its card', async () => {
    const user = userEvent.setup();
    await startApp('?chart=npcsc-general-office&unit=departments');
    const fold = within(details()).getByRole('checkbox', { name: 'Collapsed in the chart' });
    expect(fold).not.toBeChecked();
    await user.click(fold);
    expect(screen.getByRole('treeitem', { name: cardName('Departments') })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('treeitem', { name: cardName('Liaison Bureau') })).toBeNull();
    expect(within(details()).getByRole('checkbox', { name: 'Collapsed in the chart' })).toBeChecked();
    await user.click(within(details()).getByRole('checkbox', { name: 'Collapsed in the chart' }));
    expect(screen.getByRole('treeitem', { name: cardName('Liaison Bureau') })).toBeInTheDocument();
  });

  it('reads a hint once, as the description of its control, not again as loose text', async () => {
    const user = userEvent.setup();
    await startApp();
    const importButton = screen.getByRole('button', { name: 'Import…' });
    expect(importButton).toHaveAccessibleDescription('Import a chart from a JSON, CSV or TSV file. You can also drop a file on the page or paste a table.');
    expect(screen.getByText(/^Import a chart from a JSON/)).not.toBeVisible();

    // The outline's timeline strip: today's hint describes the date field and is not shown.
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    const dateField = await screen.findByRole('textbox', { name: 'As of: Date' });
    expect(dateField).toHaveAccessibleDescription('A year (2008), a month (2008-07) or a day (2008-07-10); Enter to show it');
    expect(screen.getByText(/^A year \(2008\)/)).not.toBeVisible();
  });

  it('announces a new selection politely, and nothing on first load', async () => {
    const user = userEvent.setup();
    await startApp();
    const live = within(details()).getByRole('status');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('');
    await user.click(screen.getByRole('treeitem', { name: cardName('Liaison Bureau') }));
    await waitFor(() => expect(live).toHaveTextContent('Selected: Liaison Bureau, Department, level 3, 3 of 12.'));
  });

  it('switches the interface to Chinese and remembers it, with the page language following', async () => {
    const user = userEvent.setup();
    stopPreferences = await startPreferences();
    await startApp();
    await user.click(screen.getByRole('button', { name: 'Display' }));
    const settings = within(screen.getByRole('group', { name: 'Display settings' }));
    await user.click(settings.getByRole('radio', { name: '中文' }));
    await screen.findByRole('button', { name: '大纲' });
    expect(document.documentElement.lang).toBe('zh-Hans');
    expect(screen.getByRole('complementary', { name: '详情' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '放大' })).toBeInTheDocument();
    // The offices are named in Chinese in the switch too; the shown words lead their accessible names.
    const office = screen.getByRole('radio', { name: /^国务院办公厅, General Office of the State Council$/ });
    expect(office.closest('label')).toHaveTextContent(/^国务院办公厅$/);
    expect(office.closest('label')).toHaveAttribute('lang', 'zh-Hans');
    // The source's English text is marked as English, so a Chinese screen reader voice does not read it.
    expect(within(screen.getByRole('complementary', { name: '详情' })).getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'en');
    // The kinds of source are the interface's words too.
    const panel = within(screen.getByRole('complementary', { name: '详情' }));
    expect(panel.getAllByText(/^（网页）$/).length).toBeGreaterThan(0);
    expect(panel.queryAllByText(/\(web page\)/)).toEqual([]);
    expect(JSON.parse(window.localStorage.getItem('org-chart-preferences') ?? '{}')).toMatchObject({ language: 'zh' });
  });

  it('follows the theme the user picks, and shows Chinese names first when asked', async () => {
    const user = userEvent.setup();
    stopPreferences = await startPreferences();
    await startApp();
    await user.click(screen.getByRole('button', { name: 'Display' }));
    const settings = within(screen.getByRole('group', { name: 'Display settings' }));
    await user.click(settings.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.click(settings.getByRole('radio', { name: 'System' }));
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await user.click(settings.getByRole('radio', { name: 'Chinese' }));
    const liaison = screen.getByRole('treeitem', { name: cardName('全国人大常委会办公厅联络局') });
    expect(liaison.getAttribute('aria-label')).not.toContain('Liaison Bureau');
    expect(liaison.querySelector('.node-name')).toHaveAttribute('lang', 'zh-Hans');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Display settings' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Display' }));
  });
});
