// @vitest-environment jsdom
/** The unit form and the edit toolbar, found as a user finds them: by role and name. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { EditTools } from '../../src/edit/EditTools.tsx';
import { UnitEditForm } from '../../src/edit/UnitEditForm.tsx';
import { loadChart } from '../../src/model/load.ts';
import { startEditing, useEditStore } from '../../src/store/editing.ts';
import { readyIndex, useStore } from '../../src/store/store.ts';
import { chartOf, shownNotice } from '../unit/helpers.ts';

function openOwnChart(): void {
  const loaded = loadChart(
    chartOf([
      { id: 'top', name: 'Ministry' },
      { id: 'a', parentId: 'top', name: 'Bureau A' },
    ]),
    'test',
  );
  if (!loaded.ok) throw new Error('fixture');
  useStore.getState().setCatalog([{ id: 'test', title: 'Test chart', origin: 'imported' }]);
  useStore.getState().setChartSlot('test', { status: 'ready', index: loaded.index });
  useStore.getState().openChart('test', 'a');
  startEditing('test');
}

const form = () => screen.getByRole('form', { name: 'Edit Bureau A' });
const unitA = () => readyIndex(useStore.getState(), 'test')?.byId.get('a');

// jsdom has <dialog> but not its modal methods: open and close it as the browser would, minus the top layer.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};

describe('the unit form', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
    useEditStore.setState(useEditStore.getInitialState(), true);
    useEditStore.temporal.getState().clear();
    openOwnChart();
  });
  afterEach(cleanup);

  it('saves a leader with a cited source, a kind and a position as one step to undo', async () => {
    const user = userEvent.setup();
    render(<UnitEditForm />);
    await user.type(within(form()).getByRole('combobox', { name: 'Kind' }), 'department');
    await user.type(within(form()).getByRole('textbox', { name: 'Position' }), 'Director-General');
    await user.click(within(form()).getByRole('button', { name: 'Add a leader' }));
    await user.type(within(form()).getByRole('textbox', { name: 'Post 1' }), 'Director');
    await user.type(within(form()).getByRole('textbox', { name: 'Name 1' }), 'Li Wei');
    await user.type(within(form()).getByRole('textbox', { name: 'Source title (Post 1)' }), 'State media report');
    await user.type(within(form()).getByRole('textbox', { name: 'Source address (Post 1)' }), 'https://example.org/report');
    await user.click(within(form()).getByRole('button', { name: 'Apply changes' }));
    expect(unitA()).toMatchObject({
      kind: 'department',
      leaders: [{ title: 'Director', name: 'Li Wei', cite: { source: 'source-state-media-report' } }],
      facts: [{ key: 'position', value: 'Director-General' }],
    });
    expect(shownNotice()).toBe('Saved the changes to “Bureau A”.');
    expect(useEditStore.temporal.getState().pastStates).toHaveLength(1);
  });

  it('refuses an empty name with why, and keeps the chart as it was', async () => {
    const user = userEvent.setup();
    render(<UnitEditForm />);
    const before = unitA();
    await user.clear(within(form()).getByRole('textbox', { name: 'Name' }));
    await user.click(within(form()).getByRole('button', { name: 'Apply changes' }));
    expect(shownNotice()).toBe('Not done: a unit needs a name.');
    expect(unitA()).toBe(before);
  });

  it('follows an undo from the toolbar', async () => {
    const user = userEvent.setup();
    render(
      <>
        <EditTools />
        <UnitEditForm />
      </>,
    );
    const tools = screen.getByRole('toolbar', { name: 'Edit tools' });
    expect(within(tools).getByRole('button', { name: 'Undo' })).toBeDisabled();
    const name = within(form()).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Bureau of Letters');
    await user.click(within(form()).getByRole('button', { name: 'Apply changes' }));
    expect(unitA()?.name).toBe('Bureau of Letters');
    await user.click(within(tools).getByRole('button', { name: 'Undo' }));
    expect(unitA()?.name).toBe('Bureau A');
    expect(within(screen.getByRole('form', { name: 'Edit Bureau A' })).getByRole('textbox', { name: 'Name' })).toHaveValue('Bureau A');
  });

  it('renames from the toolbar in a dialog that says why an empty name is refused', async () => {
    const user = userEvent.setup();
    render(<EditTools />);
    await user.click(within(screen.getByRole('toolbar', { name: 'Edit tools' })).getByRole('button', { name: 'Rename' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename Bureau A' });
    const field = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(field);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Not done: a unit needs a name.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.type(field, 'Bureau of Letters');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(unitA()?.name).toBe('Bureau of Letters');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks what becomes of the units below a unit before deleting it', async () => {
    const user = userEvent.setup();
    useStore.getState().select('top');
    render(<EditTools />);
    await user.click(within(screen.getByRole('toolbar', { name: 'Edit tools' })).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Ministry' });
    // The top unit's only unit below can take its place; the branch cannot all go.
    expect(within(dialog).getByRole('button', { name: 'Delete it, and make “Bureau A” the top unit' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete it with the 1 unit below it' }));
    expect(shownNotice()).toBe('Not done: a chart has exactly one top unit.');
    expect(readyIndex(useStore.getState(), 'test')?.rootId).toBe('top');
  });
});
