/** Small DOM helpers shared by the feature folders. */

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
