// @vitest-environment jsdom
import { readFileSync } from 'node:fs';

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { useStore } from '../../src/store/store.ts';
import { cardName } from '../names.ts';
import { startApp, useFreshApp } from './harness.tsx';

const NPC = 'npcsc-general-office';
const STATE_COUNCIL = 'state-council-general-office';
const NPC_TITLE = "General Office of the Standing Committee of the National People's Congress";

const unitIn = (tree: HTMLElement, name: string) => within(tree).getByRole('treeitem', { name: cardName(name) });
const leftTree = () => screen.getByRole('tree', { name: /^Org chart \(left\)/ });
const rightTree = () => screen.getByRole('tree', { name: /^Org chart \(right\)/ });
const comparisonTable = () => screen.getByRole('table', { name: /^Comparison of / });
/** A row of the comparison table, by the start of its heading. */
const rowFor = (label: RegExp) => within(comparisonTable()).getByRole('row', { name: label });
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell');
const compareButton = () => screen.getByRole('button', { name: 'Compare' });

// Both charts load, lay out and compare in jsdom, which takes a few seconds on a busy machine.
describe('<CompareView /> in the app', { timeout: 20_000 }, () => {
  useFreshApp();

  it('opens from a compare link with both charts, named for their side, and their pickers set', async () => {
    await startApp(`?compare=${NPC},${STATE_COUNCIL}`);
    expect(screen.getAllByRole('tree')).toHaveLength(2);
    expect(leftTree()).toHaveAccessibleName('Org chart (left): NPC Standing Committee');
    expect(rightTree()).toHaveAccessibleName('Org chart (right): State Council');
    expect(screen.getByRole('region', { name: 'Left: NPC Standing Committee' })).toContainElement(leftTree());
    expect(screen.getByRole('region', { name: 'Right: State Council' })).toContainElement(rightTree());
    const toolbar = screen.getByRole('toolbar', { name: 'Compare' });
    expect(within(toolbar).getByRole('combobox', { name: 'Left' })).toHaveValue(NPC);
    expect(within(toolbar).getByRole('combobox', { name: 'Right' })).toHaveValue(STATE_COUNCIL);
    expect(within(toolbar).getByRole('checkbox', { name: 'Link views' })).not.toBeChecked();
    expect(compareButton()).toHaveAttribute('aria-pressed', 'true');
    // Each side has its own details panel, showing its root.
    expect(within(screen.getByRole('complementary', { name: 'Details: NPC Standing Committee' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      NPC_TITLE,
    );
    expect(within(screen.getByRole('complementary', { name: 'Details: State Council' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      'General Office of the State Council',
    );
    expect(window.location.search).toBe(`?compare=${NPC},${STATE_COUNCIL}`);
  });

  it('tabulates formation, parent body and head side by side, says “not stated” where a source is silent, and says what the offices share first, then what differs', async () => {
    await startApp(`?compare=${NPC},${STATE_COUNCIL}`);
    expect(comparisonTable()).toHaveAccessibleName('Comparison of NPC Standing Committee and State Council');
    expect(
      within(comparisonTable())
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Aspect', 'NPC Standing Committee', 'State Council']);

    const formed = cellsOf(rowFor(/^Formed/));
    expect(formed[0]).toHaveTextContent(/^27 September 1954 \(\d+ years\)$/);
    expect(formed[1]).toHaveTextContent(/^27 September 1949 \(\d+ years\)$/);
    // Different years, the same day: said as what they share, before what divides them (issue: compare says what the
    // offices share first).
    expect(rowFor(/^Formed/)).toHaveClass('is-alike');
    expect(within(rowFor(/^Formed/)).getByRole('rowheader')).toHaveTextContent('Formed · alike: both formed on 27 September');
    expect(within(rowFor(/^Head\b/)).getByRole('rowheader')).toHaveTextContent('Head · alike: both headed by a Secretary-General');
    expect(within(rowFor(/^Headquarters/)).getByRole('rowheader')).toHaveTextContent('alike: both in Xicheng District');
    expect(rowFor(/^Parent body/)).toHaveClass('differs');
    const rowNames = within(comparisonTable())
      .getAllByRole('rowheader')
      .map((th) => th.textContent ?? '');
    const firstDiffering = rowNames.findIndex((name) => name.includes('· differs'));
    expect(rowNames.slice(0, firstDiffering).every((name) => name.includes('· alike') || name.includes('· same'))).toBe(true);
    expect(rowNames.slice(firstDiffering).some((name) => name.includes('· alike') || name.includes('· same'))).toBe(false);

    const parent = cellsOf(rowFor(/^Parent body/));
    expect(parent[0]).toHaveTextContent("Standing Committee of the National People's Congress");
    expect(parent[1]).toHaveTextContent(/^not stated$/);
    expect(within(parent[1] as HTMLElement).getByText('not stated')).toHaveClass('not-stated');

    const head = cellsOf(rowFor(/^Head\b/));
    expect(head[0]).toHaveTextContent('Secretary-General: Liu Qi');
    expect(head[1]).toHaveTextContent('Secretary-General of the State Council: Wu Zhenglong');

    const deputies = cellsOf(rowFor(/^Deputies/));
    // Leaders are named like units, by the Names setting (both, by default).
    expect(
      within(deputies[1] as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Wang Zhijun 王志军']);
    expect(head[0]).toHaveTextContent(/^Secretary-General: Liu Qi 刘奇$/);
    expect(within(deputies[0] as HTMLElement).getAllByRole('listitem')).toHaveLength(5);

    // Counts of units by kind and by group heading.
    expect(screen.getByRole('rowheader', { name: 'Departments: 12 vs 0' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Directly affiliated institutions: 8 vs 1' })).toBeInTheDocument();
    // The headings themselves are not counted as units.
    expect(screen.queryByRole('rowheader', { name: 'Directly affiliated institutions: 1 vs 1' })).toBeNull();
  });

  it('marks no row as differing when a chart is compared with itself, and pairs every unit', async () => {
    const user = userEvent.setup();
    await startApp(`?compare=${NPC},${STATE_COUNCIL}`);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Right' }), NPC);
    await waitFor(() => expect(comparisonTable()).toHaveAccessibleName('Comparison of NPC Standing Committee and NPC Standing Committee'));
    expect(window.location.search).toBe(`?compare=${NPC},${NPC}`);
    const rows = within(comparisonTable()).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row).not.toHaveClass('differs');
      expect(row).not.toHaveTextContent('differs');
    }
    expect(screen.getAllByText('Every unit has a counterpart.')).toHaveLength(2);
  });

  it('lists counterparts, the roots first, and selects a unit on its own side from the tables', async () => {
    const user = userEvent.setup();
    await startApp(`?compare=${NPC},${STATE_COUNCIL}`);
    const counterparts = screen.getByRole('heading', { name: 'Counterparts' }).nextElementSibling as HTMLElement;
    const pairs = within(counterparts).getAllByRole('listitem');
    // Names as the Display setting says (both, by default): the English name, then the Chinese one.
    expect(pairs[0]).toHaveTextContent(
      `${NPC_TITLE} 全国人民代表大会常务委员会办公厅 ↔ General Office of the State Council 中华人民共和国国务院办公厅 (both are the top of their chart)`,
    );
    expect(
      pairs.some((pair) => /^Directly affiliated institutions 直属事业单位 ↔ Directly affiliated institutions 直属事业单位/.test(pair.textContent ?? '')),
    ).toBe(true);

    // Units with no counterpart carry a badge in the chart and are listed per side.
    const onlyLeft = screen.getByRole('heading', { name: 'Only in NPC Standing Committee' }).nextElementSibling as HTMLElement;
    expect(within(onlyLeft).getByRole('button', { name: /^Liaison Bureau\b/ })).toBeInTheDocument();
    const onlyRight = screen.getByRole('heading', { name: 'Only in State Council' }).nextElementSibling as HTMLElement;
    expect(within(onlyRight).getByRole('button', { name: /^China Government Network Operation Center\b/ })).toBeInTheDocument();

    await user.click(within(onlyLeft).getByRole('button', { name: /^Liaison Bureau\b/ }));
    const leftDetails = screen.getByRole('complementary', { name: 'Details: NPC Standing Committee' });
    expect(within(leftDetails).getByRole('heading', { level: 2 })).toHaveTextContent('Liaison Bureau');
    expect(unitIn(leftTree(), 'Liaison Bureau')).toHaveAttribute('aria-selected', 'true');
    expect(unitIn(leftTree(), 'Liaison Bureau')).toHaveAccessibleName(/, Unique$/);
    expect(useStore.getState().view).toBe('compare');
    expect(useStore.getState().panes.main.selectedId).toBeNull();
    expect(window.location.search).toBe(`?compare=${NPC},${STATE_COUNCIL}&left=liaison-bureau`);
    // The right side keeps its own selection.
    expect(within(screen.getByRole('complementary', { name: 'Details: State Council' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      'General Office of the State Council',
    );
  });

  it('lights up the counterpart in the other chart when a unit in the tables is pointed at', async () => {
    await startApp(`?compare=${NPC},${STATE_COUNCIL}`);
    const rightGroup = unitIn(rightTree(), 'Directly affiliated institutions');
    expect(rightGroup).not.toHaveClass('is-highlighted');
    const counterparts = screen.getByRole('heading', { name: 'Counterparts' }).nextElementSibling as HTMLElement;
    const pair = within(counterparts)
      .getAllByRole('listitem')
      .find((item) => /^Directly affiliated institutions 直属事业单位 ↔/.test(item.textContent ?? ''));
    if (!pair) throw new Error('no counterpart pair for the affiliated institutions');
    const leftButton = within(pair).getAllByRole('button')[0] as HTMLElement;

    fireEvent.mouseEnter(leftButton);
    await waitFor(() => expect(unitIn(rightTree(), 'Directly affiliated institutions')).toHaveClass('is-highlighted'));
    expect(unitIn(rightTree(), 'General Office of the State Council')).not.toHaveClass('is-highlighted');
    fireEvent.mouseLeave(leftButton);
    await waitFor(() => expect(unitIn(rightTree(), 'Directly affiliated institutions')).not.toHaveClass('is-highlighted'));
    // With nothing pointed at, the counterpart of what is selected on the other side (its root) lights up.
    expect(unitIn(rightTree(), 'General Office of the State Council')).toHaveClass('is-highlighted');
  });

  it('swaps the sides and links the views', async () => {
    const user = userEvent.setup();
    await startApp(`?compare=${NPC},${STATE_COUNCIL}&right=china-government-network-operation-center`);
    await user.click(screen.getByRole('button', { name: 'Swap sides' }));
    expect(leftTree()).toHaveAccessibleName('Org chart (left): State Council');
    expect(rightTree()).toHaveAccessibleName('Org chart (right): NPC Standing Committee');
    expect(useStore.getState().panes.left.selectedId).toBe('china-government-network-operation-center');
    expect(window.location.search).toBe(`?compare=${STATE_COUNCIL},${NPC}&left=china-government-network-operation-center`);

    await user.click(screen.getByRole('checkbox', { name: 'Link views' }));
    expect(useStore.getState().linkedViews).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Link views' }));
    expect(useStore.getState().linkedViews).toBe(false);
  });

  it('closes back to the chart that was on screen before', async () => {
    const user = userEvent.setup();
    await startApp(`?chart=${STATE_COUNCIL}`);
    await user.click(compareButton());
    expect(screen.getAllByRole('tree')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Close compare' }));
    expect(screen.getAllByRole('tree')).toHaveLength(1);
    expect(screen.getByRole('tree')).toHaveAccessibleName('Org chart: General Office of the State Council');
    expect(compareButton()).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByRole('table', { name: /^Comparison of / })).toBeNull();
    expect(window.location.search).toBe(`?chart=${STATE_COUNCIL}`);
  });

  // A compare view opened from a link has never shown a chart in the main pane: closing it must pick one.
  it('closes a compare view opened from a link to the chart that was on the left', async () => {
    const user = userEvent.setup();
    await startApp(`?compare=${NPC},${STATE_COUNCIL}`);
    await user.click(screen.getByRole('button', { name: 'Close compare' }));
    expect(compareButton()).toHaveAttribute('aria-pressed', 'false');
    expect(await screen.findByRole('tree', { name: `Org chart: ${NPC_TITLE}` })).toBeInTheDocument();
    expect(screen.queryByText('Loading chart…')).toBeNull();
    expect(window.location.search).toBe(`?chart=${NPC}`);
  });

  it('opens from the header with the chart on screen on the left, even an imported one', async () => {
    const user = userEvent.setup();
    await startApp(`?chart=${STATE_COUNCIL}`);
    await user.click(compareButton());
    expect(useStore.getState().view).toBe('compare');
    expect(leftTree()).toHaveAccessibleName('Org chart (left): State Council');
    expect(rightTree()).toHaveAccessibleName('Org chart (right): NPC Standing Committee');
    expect(window.location.search).toBe(`?compare=${STATE_COUNCIL},${NPC}`);

    // A chart the user brought goes on the left, beside the first bundled office.
    await user.click(screen.getByRole('button', { name: 'Close compare' }));
    const file = new File([readFileSync('tests/fixtures/e2e/small-team.csv')], 'small-team.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Chart file to import'), file);
    await screen.findByRole('tree', { name: 'Org chart: small-team' }, { timeout: 5000 });
    await user.click(compareButton());
    expect(leftTree()).toHaveAccessibleName('Org chart (left): small-team');
    expect(rightTree()).toHaveAccessibleName('Org chart (right): NPC Standing Committee');
    expect(window.location.search).toBe(`?compare=small-team,${NPC}`);
  });
});

describe('<CompareView /> in Chinese', { timeout: 20_000 }, () => {
  useFreshApp();

  it('says its own words in the interface language around the sources’ English, and names units as the Display setting says', async () => {
    const user = userEvent.setup();
    await startApp(`?compare=${NPC},${STATE_COUNCIL}`);
    await user.click(screen.getByRole('button', { name: 'Display' }));
    const settings = () => within(screen.getByRole('group', { name: '显示设置' }));
    await user.click(within(screen.getByRole('group', { name: 'Display settings' })).getByRole('radio', { name: '中文' }));
    const table = await screen.findByRole('table', { name: /的对比$/ });
    const cells = (label: RegExp) => within(within(table).getByRole('row', { name: label })).getAllByRole('cell');

    expect(cells(/^成立时间/)[0]).toHaveTextContent(/^1954年9月27日（\d+ 年）$/);
    // Units of a kind are named as the Display setting says: English and Chinese by default.
    expect(
      within(cells(/^内设机构/)[0] as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toContain('Liaison Bureau 全国人大常委会办公厅联络局');
    const functions = cells(/^职能/)[1] as HTMLElement;
    expect(functions).toHaveTextContent(/^10 项职能/);
    // The functions are the source's English, marked so a Chinese voice does not read them.
    expect(within(functions).getByRole('list')).toHaveAttribute('lang', 'en');
    const type = cells(/^性质 \/ 管辖范围/)[0] as HTMLElement;
    expect(type).toHaveTextContent(/^性质：/);
    expect(type.textContent).not.toMatch(/Type|Jurisdiction/);
    const onlyRight = cells(/^仅右侧有/)[1] as HTMLElement;
    expect(onlyRight).toHaveTextContent(/^正式名称；另见：5 个机构/);
    expect(within(onlyRight).getAllByRole('listitem')[0]).toHaveTextContent('正式名称：General Office of the State Council');
    // Facts with a well-known key are labelled in the interface language in the details panel too.
    const details = within(screen.getByRole('complementary', { name: /国务院办公厅$/ }));
    expect(details.getByText('性质').tagName).toBe('DT');
    expect(details.queryByText('Type')).toBeNull();
    expect(
      within(onlyRight)
        .getAllByRole('listitem')
        .some((item) => item.textContent === '另见：Office of the Premier of China'),
    ).toBe(true);

    const counterparts = screen.getByRole('heading', { name: '对应机构' }).nextElementSibling as HTMLElement;
    const first = within(counterparts).getAllByRole('listitem')[0] as HTMLElement;
    expect(first).toHaveTextContent('（均为图表的顶层机构）');
    expect(first).toHaveTextContent('全国人民代表大会常务委员会办公厅');

    // English names only: the Chinese names leave the tables.
    await user.click(settings().getByRole('radio', { name: '英文' }));
    expect(first).not.toHaveTextContent('全国人民代表大会常务委员会办公厅');
    expect(first).toHaveTextContent(`${NPC_TITLE} ↔ General Office of the State Council`);
    expect(cells(/^副职/)[1]).toHaveTextContent(/^1 位副职Wang Zhijun$/);
    expect(cells(/^负责人/)[0]).toHaveTextContent(/^Secretary-General: Liu Qi$/);
  });
});
