/**
 * The edit case (`BENCH_ONLY=edit`): on the 10k chart, imported and opened for
 * editing, the time from the key that makes an edit to the paint after it:
 * rename the top unit, add a child to it, move a branch of about 500 units to
 * another parent (cut on it, paste on the parent), and undo that move.
 * "Shown" is when the edit's announcement is in the DOM: the app sets the
 * edited chart and the announcement in one update, so React draws both in the
 * same commit; "paint" adds a double requestAnimationFrame, as the other cases.
 */
import { readFileSync } from 'node:fs';

const TARGET_MS = 50;

/** In the page: times from the next keydown matching `key` to the paint after a notice matching `notice` appears. */
function installEditProbe({ key, ctrl, notice }) {
  const pattern = new RegExp(notice);
  const probe = { t0: null };
  const start = (event) => {
    if (probe.t0 === null && event.key.toLowerCase() === key.toLowerCase() && (event.ctrlKey || event.metaKey) === ctrl) probe.t0 = event.timeStamp;
  };
  window.addEventListener('keydown', start, { capture: true });
  probe.result = new Promise((resolve) => {
    const check = () => {
      if (probe.t0 === null || !pattern.test(document.querySelector('.notice p')?.textContent ?? '')) return;
      observer.disconnect();
      window.removeEventListener('keydown', start, { capture: true });
      const shownMs = performance.now() - probe.t0;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ shownMs, paintMs: performance.now() - probe.t0 })));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  window.__benchEdit = probe;
}

async function timedKey(page, press, notice, withTimeout, timeoutMs) {
  const [key, ctrl] = press.startsWith('Control+') ? [press.slice('Control+'.length), true] : [press, false];
  await page.evaluate(installEditProbe, { key, ctrl, notice });
  await page.keyboard.press(press);
  return withTimeout(
    page.evaluate(() => window.__benchEdit.result),
    timeoutMs,
    `edit (${press})`,
  );
}

/** The unit whose branch is nearest 500 units, and a unit at depth 1 outside it to move it under. */
export function pickBranch(chartFile) {
  const chart = JSON.parse(readFileSync(chartFile, 'utf8'));
  const children = new Map();
  for (const unit of chart.units) {
    if (!unit.parentId) continue;
    if (!children.has(unit.parentId)) children.set(unit.parentId, []);
    children.get(unit.parentId).push(unit.id);
  }
  const root = chart.units.find((unit) => !unit.parentId);
  const byId = new Map(chart.units.map((unit) => [unit.id, unit]));
  const names = new Map();
  for (const unit of chart.units) names.set(unit.name, (names.get(unit.name) ?? 0) + 1);
  const below = new Map();
  const order = [];
  const stack = [root.id];
  while (stack.length > 0) {
    const id = stack.pop();
    order.push(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    below.set(
      id,
      (children.get(id) ?? []).reduce((sum, child) => sum + 1 + below.get(child), 0),
    );
  }
  const unique = (id) => names.get(byId.get(id).name) === 1;
  const branch = order.filter((id) => id !== root.id && unique(id)).sort((a, b) => Math.abs(below.get(a) - 500) - Math.abs(below.get(b) - 500))[0];
  const inBranch = new Set([branch]);
  for (const id of order) if (inBranch.has(byId.get(id).parentId)) inBranch.add(id);
  const target = (children.get(root.id) ?? []).find((id) => !inBranch.has(id) && id !== byId.get(branch).parentId && unique(id));
  return {
    branch: { id: branch, name: byId.get(branch).name, units: below.get(branch) + 1 },
    target: { id: target, name: byId.get(target).name },
  };
}

/** Finds a unit by the search box and chooses it: the app selects it and puts keyboard focus on its card. */
async function focusBySearch(page, unit) {
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.click();
  await box.fill(unit.name);
  const escaped = unit.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page
    .getByRole('option', { name: new RegExp(`^${escaped}( |$)`) })
    .first()
    .click();
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-id') === id, unit.id);
}

async function nameInDialog(page, name) {
  const field = page.getByRole('dialog').getByRole('textbox', { name: 'Name' });
  await field.waitFor();
  await field.fill(name);
}

export async function editCases(browser, baseUrl, sets, { newAppPage, importIntoApp, repeat, addCase, addError, withTimeout, log, runs, timeoutMs }) {
  const set = sets['10k'];
  const { branch, target } = pickBranch(set.file);
  log(`  moving “${branch.name}” (${branch.units} units) under “${target.name}”`);
  const measured = await repeat('edit 10k', runs, async (run) => {
    const { context, page, errors } = await newAppPage(browser, baseUrl);
    try {
      await importIntoApp(page, set);
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByRole('toolbar', { name: 'Edit tools' }).waitFor();
      const root = page.locator(`svg[role="tree"] [role="treeitem"][data-id="${set.rootId}"]`);
      const times = {};

      await root.evaluate((element) => element.focus());
      await page.keyboard.press('F2');
      await nameInDialog(page, 'Renamed top unit');
      times.rename = await timedKey(page, 'Enter', '^Renamed “', withTimeout, timeoutMs);

      await root.evaluate((element) => element.focus());
      await page.keyboard.press('Insert');
      await nameInDialog(page, 'Bench child unit');
      times.addChild = await timedKey(page, 'Enter', '^Added “Bench child unit”', withTimeout, timeoutMs);

      await focusBySearch(page, branch);
      await page.keyboard.press('Control+x');
      await focusBySearch(page, target);
      times.move = await timedKey(page, 'Control+v', '^Moved “', withTimeout, timeoutMs);
      const level = await page.locator(`[role="treeitem"][data-id="${branch.id}"]`).getAttribute('aria-level');
      const targetLevel = await page.locator(`[role="treeitem"][data-id="${target.id}"]`).getAttribute('aria-level');
      if (Number(level) !== Number(targetLevel) + 1) throw new Error(`the moved unit is at level ${level}, under a unit at level ${targetLevel}`);

      times.undo = await timedKey(page, 'Control+z', '^Undone', withTimeout, timeoutMs);
      if (errors.length > 0) throw new Error(`console errors: ${errors.join('; ')}`);
      log(
        `  edit run ${run}: ${Object.entries(times)
          .map(([name, t]) => `${name} ${t.paintMs.toFixed(1)}`)
          .join(', ')} ms to paint`,
      );
      return times;
    } finally {
      await context.close();
    }
  });
  if (measured.values.length === 0) return addError('edit.10k', 'edit', 'edit 10k', measured.errors.join('; '));
  const labels = {
    rename: 'edit 10k: rename → paint',
    addChild: 'edit 10k: add a child → paint',
    move: `edit 10k: move a ${branch.units}-unit branch → paint`,
    undo: 'edit 10k: undo the move → paint',
  };
  for (const [name, label] of Object.entries(labels)) {
    const shown = measured.values.map((times) => times[name].shownMs);
    addCase({
      id: `edit.${name}.10k`,
      group: 'edit',
      label,
      unit: 'ms',
      samples: measured.values.map((times) => times[name].paintMs),
      target: { op: '<', value: TARGET_MS, unit: 'ms' },
      notes: `from the keydown; shown (in the DOM) median ${shown.sort((a, b) => a - b)[Math.floor(shown.length / 2)].toFixed(1)} ms`,
      errors: measured.errors,
    });
  }
}
