// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { startApp, useFreshApp } from './harness.tsx';

// The outline's code cannot be fetched, as when the network drops or the site was updated since the page loaded.
vi.mock('../../src/outline/OutlineView.tsx', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('a part of the app whose code cannot be loaded', () => {
  useFreshApp();

  it('says so in its place, offers a reload, and leaves the rest of the app working', async () => {
    const user = userEvent.setup();
    // React reports the caught error on the console; that is expected here.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startApp();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/This view could not be loaded/);
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    // The header and the details still work, and the chart comes back when the outline is turned off.
    expect(screen.getByRole('complementary', { name: 'Details' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Outline' }));
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    consoleError.mockRestore();
  });
});
