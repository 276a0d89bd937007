/**
 * The view a chart just shown will open at, while its 'open' move waits for the pane to be drawn (see the store's
 * registerPaneView). What the first commit draws from the view (the cards culled, the viewport's transform, the zoom
 * level) reads it in place of the pane's transform, which is still the one before: so the move, applied before paint,
 * changes nothing on screen, and the page is laid out once for its first frame instead of twice.
 */
import { createContext, useCallback, useContext } from 'react';

import type { ViewTransform } from '../engine/zoom.ts';
import { type AppState, type PaneId, useStore } from '../store/store.ts';

export const OpeningViewContext = createContext<ViewTransform | null>(null);

/** A value of the pane's transform, or of the opening view while there is one: `openingHere` where known (the component that works it out, above its own provider), else the context's. */
export function usePaneTransform<T>(pane: PaneId, pick: (transform: ViewTransform) => T, openingHere?: ViewTransform | null): T {
  const fromContext = useContext(OpeningViewContext);
  const opening = openingHere === undefined ? fromContext : openingHere;
  return useStore(useCallback((s: AppState) => pick(opening ?? s.panes[pane].transform), [pane, opening, pick]));
}
