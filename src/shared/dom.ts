/** Small DOM helpers shared by the feature folders. */
import { type KeyboardEvent as ReactKeyboardEvent, type RefObject, useEffect, useMemo } from 'react';

/** Inputs that take no typed text: "/" pressed on one of them still means "search". */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range', 'image']);

/**
 * Whether keystrokes or a paste aimed at `target` are someone typing text, so
 * global shortcuts (`/`, paste-to-import) must leave them alone. Buttons,
 * radios and checkboxes are inputs too, but nobody types into them.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  if (element.tagName === 'INPUT') return !NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  return element.isContentEditable || ['TEXTAREA', 'SELECT'].includes(element.tagName);
}

/**
 * Ends the start-up layout shortcut: index.html's data-starting leaves the details panel's lower sections out of the
 * first layout (styles.css), each counted at a guessed height. Called at the first idle moment, and before anything
 * scrolls the panel to a target, which must be placed by the sections' real heights.
 */
export function layOutWholePage(): void {
  document.documentElement.removeAttribute('data-starting');
}

/**
 * Runs `task` once the page is idle after start-up, so code split out of the
 * first download (parsers, the pinyin dictionary) is ready before it is needed.
 */
export function whenIdle(task: () => void, timeout = 2000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, timeout);
  return () => window.clearTimeout(handle);
}

/**
 * The WAI-ARIA toolbar pattern on a role="toolbar" element: one tab stop for
 * the whole bar (the control used last), and Left/Right, Home/End to move
 * between its controls. Controls are found by `itemSelector` each time, so
 * ones added or disabled later are handled.
 */
export function useRovingToolbar(ref: RefObject<HTMLElement | null>, itemSelector: string): void {
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const items = () => [...bar.querySelectorAll<HTMLElement>(itemSelector)].filter((item) => !(item as HTMLButtonElement).disabled);
    const makeCurrent = (current: HTMLElement) => {
      for (const item of items()) item.tabIndex = item === current ? 0 : -1;
    };
    /** Exactly one tab stop: the current one if still usable, else the first control (e.g. after a button was disabled or added). */
    const settle = () => {
      const list = items();
      const current = list.filter((item) => item.tabIndex === 0);
      const keep = current.length === 1 ? current[0] : list[0];
      if (keep) makeCurrent(keep);
    };
    settle();
    const observer = new MutationObserver(settle);
    observer.observe(bar, { subtree: true, childList: true, attributeFilter: ['disabled'] });
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      if (items().includes(target)) makeCurrent(target);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Alt+← is the browser's Back, Shift+Home selects: keys with modifiers are not the toolbar's.
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const list = items();
      const at = list.indexOf(document.activeElement as HTMLElement);
      if (at < 0) return;
      const next =
        event.key === 'ArrowRight'
          ? list[(at + 1) % list.length]
          : event.key === 'ArrowLeft'
            ? list[(at - 1 + list.length) % list.length]
            : event.key === 'Home'
              ? list[0]
              : event.key === 'End'
                ? list[list.length - 1]
                : undefined;
      if (!next) return;
      event.preventDefault();
      makeCurrent(next);
      next.focus();
    };
    bar.addEventListener('focusin', onFocusIn);
    bar.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      bar.removeEventListener('focusin', onFocusIn);
      bar.removeEventListener('keydown', onKeyDown);
    };
  }, [ref, itemSelector]);
}

type WindowHandlers = { readonly [K in keyof WindowEventMap]?: (event: WindowEventMap[K]) => void };

/** Adds listeners to the window; returns what removes them all (an effect's clean-up). */
export function listenOnWindow(handlers: WindowHandlers): () => void {
  const entries = Object.entries(handlers) as [string, EventListener][];
  for (const [type, handler] of entries) window.addEventListener(type, handler);
  return () => {
    for (const [type, handler] of entries) window.removeEventListener(type, handler);
  };
}

/**
 * A menu made of <details>: `close` shuts it and gives focus back to its
 * summary (so focus is not lost when the chosen option disappears), and
 * `onKeyDown`, put on the <details>, closes it on Escape. A click or focus
 * anywhere else closes it too, as other menus do.
 */
export function useDetailsMenu(ref: RefObject<HTMLDetailsElement | null>): { close: () => void; onKeyDown: (event: ReactKeyboardEvent) => void } {
  useEffect(() => {
    const onOutside = (event: Event) => {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    return listenOnWindow({ pointerdown: onOutside, focusin: onOutside });
  }, [ref]);
  return useMemo(() => {
    const close = () => {
      const details = ref.current;
      if (!details?.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    return {
      close,
      onKeyDown: (event: ReactKeyboardEvent) => {
        if (event.key !== 'Escape' || !ref.current?.open) return;
        event.stopPropagation();
        close();
      },
    };
  }, [ref]);
}
