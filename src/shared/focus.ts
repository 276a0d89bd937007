/** Keyboard focus asked for from outside a view (a search result chosen), carried out by the view once drawn. */
import { useEffect } from 'react';

import { type PaneId, useStore } from '../store/store.ts';

/**
 * When the pane has a focus request, focuses what `find` returns as soon as it exists, then clears the request.
 * Runs after every render of the view, since the target may appear a few renders later (a chart still loading).
 */
export function useFocusRequest(
  pane: PaneId,
  find: () => HTMLElement | SVGElement | null | undefined,
  options: { readonly scrollToCentre?: boolean } = {},
): void {
  const requested = useStore((s) => s.panes[pane].focusRequested);
  const requestFocus = useStore((s) => s.requestFocus);
  useEffect(() => {
    if (!requested) return;
    const element = find();
    if (!element) return;
    element.focus({ preventScroll: true });
    // A list scrolls the target to its middle, where the chart's view request centres it too.
    if (options.scrollToCentre) element.scrollIntoView({ block: 'center' });
    requestFocus(pane, true);
  });
}
