/** axe-core in the page under test: the WCAG 2.2 AA rules every end-to-end state is held to. */
import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA violations on the page, as "rule: targets" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // The built app's Content-Security-Policy forbids inline scripts; evaluating axe's source is allowed.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: { id: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.map(String).join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
  }, AXE_TAGS);
}
