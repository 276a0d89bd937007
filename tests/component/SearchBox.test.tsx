// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { useStore } from '../../src/store/store.ts';
import { cardName } from '../names.ts';
import { startApp, useFreshApp } from './harness.tsx';

const searchField = () => screen.getByRole('combobox', { name: 'Search' });
/** The search engine is a dynamic import loaded on first focus or keystroke, so the first results can take a moment. */
const findOptions = () => screen.findAllByRole('option', {}, { timeout: 10_000 });
/**
 * The option whose text starts with `name`. (jsdom's accessible-name computation drops the spaces
 * between the highlighted and plain pieces of a result, "Liaison" + " Bureau" → "LiaisonBureau",
 * so options are matched on their text here; the end-to-end tests match Chromium's accessible names.)
 */
async function optionNamed(name: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const option = screen.getAllByRole('option').find((element) => element.textContent?.startsWith(name));
      if (!option) throw new Error(`no option for “${name}”`);
      return option;
    },
    { timeout: 10_000 },
  );
}
const details = () => screen.getByRole('complementary', { name: 'Details' });

// The first search loads the engine (and its pinyin dictionary) with a dynamic import.
describe('<SearchBox /> in the app', { timeout: 20_000 }, () => {
  useFreshApp();

  it('is a combobox named “Search” that is collapsed until there are results to show', async () => {
    const user = userEvent.setup();
    await startApp();
    const field = searchField();
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).toHaveAttribute('aria-autocomplete', 'list');
    expect(screen.queryByRole('listbox')).toBeNull();

    await user.click(field);
    // Focus alone, with nothing typed, opens nothing.
    expect(field).toHaveAttribute('aria-expanded', 'false');

    await user.type(field, 'bureau');
    const options = await findOptions();
    expect(options.length).toBeGreaterThan(1);
    expect(field).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    expect(field).toHaveAttribute('aria-controls', listbox.id);
    expect(within(listbox).getAllByRole('option')).toHaveLength(options.length);
  });

  it('moves the active option with the arrow keys, wrapping at both ends', async () => {
    const user = userEvent.setup();
    await startApp();
    const field = searchField();
    await user.type(field, 'bureau');
    const options = await findOptions();
    const first = options[0];
    const second = options[1];
    const last = options[options.length - 1];
    if (!first || !second || !last) throw new Error('expected several results for “bureau”');

    // The first result is active as soon as the list opens.
    expect(field).toHaveAttribute('aria-activedescendant', first.id);
    expect(first).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-activedescendant', second.id);
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(first).toHaveAttribute('aria-selected', 'false');
    expect(screen.getAllByRole('option', { selected: true })).toEqual([second]);

    await user.keyboard('{ArrowUp}');
    expect(field).toHaveAttribute('aria-activedescendant', first.id);
    expect(first).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowUp}');
    expect(field).toHaveAttribute('aria-activedescendant', last.id);
    expect(last).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-activedescendant', first.id);
  });

  it('chooses the active option with Enter: its chart opens with the unit selected, and the address follows', async () => {
    const user = userEvent.setup();
    await startApp();
    const field = searchField();
    await user.type(field, 'China Government');
    const target = await optionNamed('China Government Network Operation Center');
    // Make sure Enter takes the active option, wherever the target sits in the list.
    const options = screen.getAllByRole('option');
    for (let i = 0; i < options.indexOf(target); i++) await user.keyboard('{ArrowDown}');
    expect(target).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Enter}');
    const main = useStore.getState().panes.main;
    expect(main.chartId).toBe('state-council-general-office');
    expect(main.selectedId).toBe('china-government-network-operation-center');
    expect(window.location.search).toBe('?chart=state-council-general-office&unit=china-government-network-operation-center');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).toHaveValue('China Government Network Operation Center');
    expect(screen.queryByRole('listbox')).toBeNull();

    const unit = await screen.findByRole('treeitem', { name: cardName('China Government Network Operation Center') });
    expect(unit).toHaveAttribute('aria-selected', 'true');
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('China Government Network Operation Center');
    // Keyboard focus goes on to the unit, where the arrow keys carry on; "/" brings it back to the search.
    await waitFor(() => expect(unit).toHaveFocus());
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('treeitem', { name: cardName('Directly affiliated institutions') })).toHaveFocus();
    await user.keyboard('/');
    expect(field).toHaveFocus();
  });

  it('chooses an option clicked with the mouse', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.type(searchField(), 'liaison');
    await user.click(await optionNamed('Liaison Bureau'));
    expect(useStore.getState().panes.main.selectedId).toBe('liaison-bureau');
    expect(window.location.search).toBe('?chart=npcsc-general-office&unit=liaison-bureau');
    expect(within(details()).getByRole('heading', { level: 2 })).toHaveTextContent('Liaison Bureau');
  });

  it('closes the list with Escape and clears the text with a second Escape', async () => {
    const user = userEvent.setup();
    await startApp();
    const field = searchField();
    await user.type(field, 'bureau');
    const first = (await findOptions())[0];
    expect(field).toHaveAttribute('aria-expanded', 'true');

    await user.keyboard('{Escape}');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(field).not.toHaveAttribute('aria-activedescendant');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(field).toHaveValue('bureau');
    // Nothing was chosen.
    expect(useStore.getState().panes.main.selectedId).toBeNull();

    // Arrow Down opens the list again, on the option that was active (not the one after it).
    await user.keyboard('{ArrowDown}');
    expect(field).toHaveAttribute('aria-expanded', 'true');
    expect(field).toHaveAttribute('aria-activedescendant', first?.id);
    expect(screen.getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Escape}');
    await user.keyboard('{Escape}');
    expect(field).toHaveValue('');
  });

  it('focuses the field with “/” or Ctrl+K from the page, even from the chart switch, but leaves “/” to a control that takes typing', async () => {
    const user = userEvent.setup();
    await startApp();
    const field = searchField();
    expect(field).not.toHaveFocus();
    await user.keyboard('/');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('');

    // From a radio button of the chart switch.
    const radio = screen.getByRole('radio', { name: 'State Council General Office, General Office of the State Council' });
    await user.click(radio);
    expect(radio).toHaveFocus();
    await user.keyboard('/');
    expect(field).toHaveFocus();

    await user.click(radio);
    await user.keyboard('{Control>}k{/Control}');
    expect(field).toHaveFocus();

    // A control that takes typed keys keeps "/": here the type-ahead of a compare picker.
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const picker = await screen.findByRole('combobox', { name: 'Left' });
    picker.focus();
    await user.keyboard('/');
    expect(picker).toHaveFocus();
  });

  it('says plainly when nothing matches, with a hint of what to try', async () => {
    const user = userEvent.setup();
    await startApp();
    const field = searchField();
    await user.type(field, 'zzqqxx');
    const message = await screen.findByText('No unit matches “zzqqxx”.', {}, { timeout: 10_000 });
    const status = message.closest('[role="status"]');
    if (!(status instanceof HTMLElement)) throw new Error('the no-match message is not in a status region');
    expect(status).toBeVisible();
    expect(status).toHaveTextContent(/Try fewer words/);
    expect(status).toHaveTextContent(/pinyin \(e\.g\. guowuyuan\)/);
    expect(status).toHaveTextContent(/initials \(gwy\)/);
    // The field points at the message, so screen readers hear it.
    expect(field.getAttribute('aria-describedby')).toBe(status.id);
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('wraps the matched part of each result in <mark>', async () => {
    const user = userEvent.setup();
    await startApp();
    await user.type(searchField(), 'liaison');
    const option = await optionNamed('Liaison Bureau');
    const marks = option.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['Liaison']);

    // A Chinese query marks the Chinese characters it matched.
    await user.clear(searchField());
    await user.type(searchField(), '联络局');
    const chinese = await optionNamed('Liaison Bureau');
    await waitFor(() => expect([...chinese.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['联络局']));
  });
});
