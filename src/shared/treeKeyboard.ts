/**
 * The tree keyboard (WAI-ARIA tree pattern) shared by the chart and the
 * outline: arrow keys, Home/End, type-ahead, and focus that follows the DOM.
 * A unit given focus by any means (Tab, a click, a screen reader's or a
 * script's element.focus()) becomes the pane's roving focus, and keys act on
 * the unit that has focus, never on a remembered one.
 */
import { type FocusEvent, type KeyboardEvent, useCallback, useEffect, useRef } from 'react';

import { type OrgIndex, treeKeyAction } from '../model/tree.ts';
import { type NameDisplay, type PaneId, useStore } from '../store/store.ts';
import { listenOnWindow } from './dom.ts';
import { useTypeAhead } from './typeAhead.ts';

export interface TreeKeyboardOptions {
  readonly pane: PaneId;
  readonly index: OrgIndex;
  /** The units on screen, top-down (visiblePreorder). */
  readonly order: readonly string[];
  readonly collapsed: ReadonlySet<string>;
  readonly nameMode: NameDisplay;
  /** The unit a DOM element stands for (the element or one inside it), or null. */
  readonly unitOf: (element: Element) => string | null;
  /** The drawn element of a unit, to give focus back to after a fold. */
  readonly elementOf: (unitId: string) => HTMLElement | SVGElement | null | undefined;
  /** Moves keyboard focus to a unit (the view draws and focuses it). */
  readonly moveFocus: (unitId: string) => void;
  /** The view's own keys (select, zoom); true when the key was used. */
  readonly otherKeys?: (event: KeyboardEvent<Element>, currentId: string) => boolean;
}

export interface TreeKeyboard {
  readonly onKeyDown: (event: KeyboardEvent<Element>) => void;
  readonly onFocus: (event: FocusEvent<Element>) => void;
  readonly onPointerDown: () => void;
}

export function useTreeKeyboard({ pane, index, order, collapsed, nameMode, unitOf, elementOf, moveFocus, otherKeys }: TreeKeyboardOptions): TreeKeyboard {
  const setFocused = useStore((s) => s.setFocused);
  const setCollapsed = useStore((s) => s.setCollapsed);
  const typeAhead = useTypeAhead(index, order, nameMode);

  // Focus that comes with a pointer press waits for the click (which selects, and so focuses, the unit): taken at once,
  // it would pan a half-hidden card into view under a drag that starts on it.
  const pointerHeld = useRef(false);
  useEffect(() => {
    const release = () => {
      pointerHeld.current = false;
    };
    return listenOnWindow({ pointerup: release, pointercancel: release });
  }, []);
  const onPointerDown = useCallback(() => {
    pointerHeld.current = true;
  }, []);

  const follow = useCallback(
    (unitId: string) => {
      if (useStore.getState().panes[pane].focusedId !== unitId) setFocused(unitId, pane);
    },
    [pane, setFocused],
  );

  const onFocus = useCallback(
    (event: FocusEvent<Element>) => {
      const unitId = unitOf(event.target);
      if (unitId !== null && !pointerHeld.current) follow(unitId);
    },
    [unitOf, follow],
  );

  /** A unit just folded or unfolded by key: focus stays on it, even if its element was drawn anew. */
  const refocusAfterFold = useRef<string | null>(null);
  useEffect(() => {
    const unitId = refocusAfterFold.current;
    if (unitId === null) return;
    refocusAfterFold.current = null;
    const element = elementOf(unitId);
    if (element && element !== document.activeElement) element.focus({ preventScroll: true });
  }, [collapsed, elementOf]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<Element>) => {
      const focused = unitOf(event.target as Element);
      const stored = useStore.getState().panes[pane].focusedId;
      const current = focused !== null && order.includes(focused) ? focused : stored !== null && order.includes(stored) ? stored : index.rootId;
      if (focused !== null) follow(focused);
      let next: string | undefined;
      const action = treeKeyAction(event.key, index, order, collapsed, current);
      if (action !== undefined) {
        if (action && 'fold' in action) {
          refocusAfterFold.current = action.fold;
          setCollapsed(action.fold, action.collapsed, pane);
        } else if (action) next = action.focus;
      } else if (!otherKeys?.(event, current)) {
        // Type-ahead: a letter or digit jumps to the next unit on screen whose name starts with what was typed.
        const target = typeAhead(event, current);
        if (target === null) return;
        next = target;
      }
      event.preventDefault();
      if (next !== undefined) moveFocus(next);
    },
    [unitOf, order, pane, index, follow, collapsed, otherKeys, typeAhead, setCollapsed, moveFocus],
  );

  return { onKeyDown, onFocus, onPointerDown };
}
