// @vitest-environment jsdom
/** The header's way into editing, found by role and name: New chart, Edit (a toggle) and Make an editable copy. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { EditControls } from '../../src/edit/EditControls.tsx';
import { useEditStore } from '../../src/store/editing.ts';
import { readyIndex, useStore } from '../../src/store/store.ts';
import { loadBothOfficesIntoStore } from '../unit/helpers.ts';

describe('the header’s edit controls', () => {
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
    useEditStore.setState(useEditStore.getInitialState(), true);
    loadBothOfficesIntoStore();
    useStore.getState().openChart('npcsc-general-office');
  });
  afterEach(cleanup);

  it('offers a bundled office only as an editable copy, which is then edited in its place', async () => {
    const user = userEvent.setup();
    render(<EditControls />);
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Make an editable copy' }));
    const copy = useStore.getState().catalog.find((entry) => entry.origin === 'imported');
    expect(copy?.title).toBe('NPC (copy)');
    expect(useStore.getState().panes.main.chartId).toBe(copy?.id);
    const edit = screen.getByRole('button', { name: 'Edit' });
    expect(edit).toHaveAttribute('aria-pressed', 'true');
    // Done editing: the same button, pressed again.
    await user.click(edit);
    expect(edit).toHaveAttribute('aria-pressed', 'false');
    expect(useEditStore.getState().chartId).toBeNull();
  });

  it('starts a new chart of one top unit, open for editing', async () => {
    const user = userEvent.setup();
    render(<EditControls />);
    await user.click(screen.getByRole('button', { name: 'New chart' }));
    const chartId = useStore.getState().panes.main.chartId;
    expect(useStore.getState().catalog.find((entry) => entry.id === chartId)?.title).toBe('New chart');
    expect(readyIndex(useStore.getState(), chartId)?.byId.size).toBe(1);
    expect(useEditStore.getState().chartId).toBe(chartId);
    // A second one is told apart by its name.
    await user.click(screen.getByRole('button', { name: 'New chart' }));
    expect(
      useStore
        .getState()
        .catalog.filter((entry) => entry.origin === 'imported')
        .map((entry) => entry.title),
    ).toEqual(['New chart', 'New chart (2)']);
  });
});
