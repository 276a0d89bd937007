// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { loadChart } from '../../src/model/load.ts';
import { useStore } from '../../src/store/store.ts';
import { cardName, foldButtonSelector } from '../names.ts';
import { chartOf } from '../unit/helpers.ts';
import { startApp, useFreshApp } from './harness.tsx';

const details = () => screen.getByRole('complementary', { name: 'Details' });
const node = (name: string) => screen.getByRole('treeitem', { name: cardName(name) });

describe('<App />', () => {
  useFreshApp();

  it('opens on the NPC Standing Committee’s General Office with its root selected and described', async () => {
    await startApp();
    expect(screen.getByRole('tree', { name: /General Office of the Standing Committee/ })).toBeInTheDocument();
    expect(screen.getAllByRole('treeitem')).toHaveLength(23);
    const panel = within(details());
    expect(panel.getByRole('heading', { level: 2, name: /General Office of the Standing Committee/ })).toBeInTheDocument();
    // Today's Secretary-General among the leaders (the section Through time lists every holder of the post too).
    expect(within(panel.getByRole('region', { name: 'Leaders' })).getByText('Liu Qi')).toBeInTheDocument();
    expect(node("General Office of the Standing Committee of the National People's Congress")).toHaveAttribute('aria-selected', 'true');
    // With both names shown (the default), the top card carries its Chinese name and its head: its name says each once, after the unit's name.
    expect(
      screen.getByRole('treeitem', {
        name: /^General Office of the Standing Committee of the National People's Congress, Office, 全国人民代表大会常务委员会办公厅, /,
      }),
    ).toHaveAccessibleName(/Secretary-General: Liu Qi 刘奇/);
    expect(window.location.search).toBe('?chart=npcsc-general-office');
  });

  it('selects a unit on click and shows what the source says and does not say', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.click(node('Party Branch of the NPCSC'));
    const panel = within(details());
    expect(panel.getByRole('heading', { level: 2 })).toHaveTextContent('Party Branch of the NPCSC');
    expect(panel.getByText('机关党委')).toHaveAttribute('lang', 'zh-Hans');
    // The NPC's own name for it, in the notes (and among its other names, Through time).
    expect(within(panel.getByRole('region', { name: 'Notes' })).getByText(/Party Committee of the NPC Departments/)).toBeInTheDocument();
    expect(panel.getByText('The source names no leaders for this unit.')).toBeInTheDocument();
    // Formed, location and jurisdiction: its parent body is the office that lists it (see DetailsPanel.test.tsx).
    expect(panel.getAllByText('Not stated in the source')).toHaveLength(3);
    expect(window.location.search).toBe('?chart=npcsc-general-office&unit=party-branch-of-the-npcsc');
  });

  it('moves between units through the panel’s child links and breadcrumbs', async () => {
    const user = userEvent.setup();
    await startApp('?chart=npcsc-general-office&unit=affiliated-institutions');
    const panel = within(details());
    await user.click(panel.getByRole('button', { name: "National People's Congress of China" }));
    expect(panel.getByRole('heading', { level: 2 })).toHaveTextContent("National People's Congress of China");
    expect(panel.getByText(/most likely the General Office's magazine/)).toBeInTheDocument();
    await user.click(within(panel.getByRole('navigation', { name: 'Path' })).getByRole('button', { name: /General Office of the Standing Committee/ }));
    expect(panel.getByRole('heading', { level: 2 })).toHaveTextContent(/General Office of the Standing Committee/);
  });

  it('collapses a group from its toggle, hiding its units and showing the count', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.click(document.querySelector(foldButtonSelector('affiliated-institutions')) as Element);
    expect(node('Directly affiliated institutions')).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('treeitem', { name: cardName("National People's Congress Library") })).toBeNull();
    expect(document.querySelector(foldButtonSelector('affiliated-institutions'))).toHaveTextContent('+8');
  });

  it('switches office from the header', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.click(screen.getByRole('radio', { name: 'State Council General Office, General Office of the State Council' }));
    await waitFor(() => expect(screen.getAllByRole('treeitem')).toHaveLength(3));
    expect(within(within(details()).getByRole('region', { name: 'Leaders' })).getByText('Wu Zhenglong')).toBeInTheDocument();
    expect(window.location.search).toBe('?chart=state-council-general-office');
  });

  it('shows a chart file’s problems in an alert and keeps the other chart usable', async () => {
    const user = userEvent.setup();
    await startApp('?chart=state-council-general-office', { 'data/state-council-general-office.json': '{"format":"org-chart"' }, false);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('state-council-general-office.json: (file): not valid JSON');
    await user.click(screen.getByRole('radio', { name: /Standing Committee of the National People's Congress/ }));
    expect(await screen.findByRole('tree')).toBeInTheDocument();
  });

  it('shows a fact that is a web address as a link, any other scheme as plain text, and odd keys and kinds as written', async () => {
    await startApp();
    const chart = chartOf([{ id: 'ceo', name: 'Wang Wei' }]);
    const facts = [
      { label: 'profileUrl', value: 'https://example.com/people/wang-wei' },
      { label: 'trap', value: 'javascript:alert(1)' },
      // Keys and kinds come from the file: ones that name Object's own members must not find them.
      { key: '__proto__', label: 'Odd key', value: 'one' },
      { key: 'constructor', label: 'Other key', value: 'two' },
    ];
    const loaded = loadChart(
      { ...chart, id: 'team', title: 'Team', units: [{ id: 'ceo', name: 'Wang Wei', nativeName: { text: '王伟' }, kind: '__proto__', facts }] },
      'team.json',
    );
    if (!loaded.ok) throw new Error('the test chart did not load');
    const store = useStore.getState();
    store.setCatalog([...store.catalog, { id: 'team', title: 'Team', origin: 'imported' }]);
    store.setChartSlot('team', { status: 'ready', index: loaded.index });
    act(() => store.openChart('team'));
    const panel = within(await screen.findByRole('complementary', { name: 'Details' }));
    const link = await panel.findByRole('link', { name: 'example.com/…' });
    expect(link).toHaveAttribute('href', 'https://example.com/people/wang-wei');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(panel.getByText('javascript:alert(1)').closest('a')).toBeNull();
    expect(panel.getByText('Odd key').tagName).toBe('DT');
    expect(panel.getByText('Other key').tagName).toBe('DT');
    expect(panel.getByText('__proto__')).toBeInTheDocument();

    // Chinese names first: the English name goes under the heading, with no citation label when the file cites none.
    act(() => useStore.getState().setPreferences({ names: 'native' }));
    expect(panel.getByRole('heading', { level: 2 })).toHaveTextContent('王伟');
    expect(panel.getByText('Wang Wei')).toBeInTheDocument();
    expect(panel.queryByText(/source of the Chinese name/)).toBeNull();
  });
});
