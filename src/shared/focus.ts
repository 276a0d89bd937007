/** Keyboard focus asked for from outside a view (a search result chosen), carried out by the view once its target is drawn. */
import { useCallback, useEffect, useReducer, useRef } from 'react';

/**
 * Returns `request`, which a view hands to the store as its `focus` (see registerPaneView): it focuses what `find`
 * returns as soon as that exists. Checked after every render, since the target may appear a few renders later
 * (a unit in a branch just unfolded, a page of rows not drawn yet).
 */
export function usePendingFocus(find: () => HTMLElement | SVGElement | null | undefined, options: { readonly scrollToCentre?: boolean } = {}): () => void {
  const pending = useRef(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!pending.current) return;
    const element = find();
    if (!element) return;
    pending.current = false;
    element.focus({ preventScroll: true });
    // A list scrolls the target to its middle, where the chart's view move centres it too.
    if (options.scrollToCentre) element.scrollIntoView({ block: 'center' });
  });
  return useCallback(() => {
    pending.current = true;
    rerender();
  }, []);
}
