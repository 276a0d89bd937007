import { describe, expect, it } from 'vitest';

import { cullingWindowKey, cullUnits, LOD_CARD_LIMIT } from '../../src/engine/culling.ts';
import { createLayoutMemo, layoutChart } from '../../src/engine/layout.ts';
import { buildSpatialGrid } from '../../src/engine/spatial.ts';
import { applyViewMove, unitBox, type ViewMove } from '../../src/engine/viewMoves.ts';
import type { ViewTransform, ZoomController } from '../../src/engine/zoom.ts';
import { indexChart, type OrgIndex } from '../../src/model/tree.ts';
import { chartOf } from './helpers.ts';

function indexOf(units: Parameters<typeof chartOf>[0]): OrgIndex {
  const result = indexChart(chartOf(units));
  if (!result.ok) throw new Error('not a tree');
  return result.index;
}

/** A controller that records what it was asked to do, starting from `start`. */
function recordingController(start: ViewTransform = { x: 0, y: 0, k: 1 }) {
  const calls: [string, ...unknown[]][] = [];
  let current = start;
  const controller = {
    jumpTo: (t: ViewTransform) => {
      calls.push(['jumpTo', t]);
      current = t;
    },
    fitToScreen: (...args: unknown[]) => calls.push(['fitToScreen', ...args]),
    centerBox: (...args: unknown[]) => calls.push(['centerBox', ...args]),
    reveal: (...args: unknown[]) => calls.push(['reveal', ...args]),
    current: () => current,
  } as unknown as ZoomController;
  return { controller, calls };
}

// A top unit with 3 departments of 4 teams each.
const index = indexOf([
  { id: 'top' },
  ...['a', 'b', 'c'].flatMap((d) => [{ id: d, parentId: 'top' }, ...[1, 2, 3, 4].map((n) => ({ id: `${d}${n}`, parentId: d }))]),
]);
const screen = { width: 1200, height: 800, top: 68 };

describe('view moves', () => {
  const context = (move: ViewMove, layout = layoutChart(index, new Set()), drawn = layout) => ({
    move,
    context: { layout, drawn, anchorId: 'top', rootId: 'top', screen, wholeChartScale: 0.65, animate: true },
  });

  it('keeps a folded unit where it was on screen while the chart re-forms around it', () => {
    const before = layoutChart(index, new Set());
    const after = layoutChart(index, new Set(['a']));
    const { controller, calls } = recordingController({ x: 100, y: 50, k: 0.5 });
    const { move, context: c } = context({ kind: 'keep', id: 'a' }, after, before);
    applyViewMove(controller, move, c);
    const [, t] = calls[0] as [string, ViewTransform];
    const was = before.positionOf.get('a');
    const now = after.positionOf.get('a');
    expect(now && was && now.x * t.k + t.x).toBeCloseTo((was?.x ?? 0) * 0.5 + 100);
    expect(now && was && now.y * t.k + t.y).toBeCloseTo((was?.y ?? 0) * 0.5 + 50);
  });

  it('centres and reveals a unit by its box, and leaves the view alone for a unit not drawn', () => {
    const layout = layoutChart(index, new Set(['a']));
    const { controller, calls } = recordingController();
    applyViewMove(controller, { kind: 'center', id: 'b2' }, context({ kind: 'center', id: 'b2' }, layout).context);
    applyViewMove(controller, { kind: 'reveal', id: 'c' }, context({ kind: 'reveal', id: 'c' }, layout).context);
    applyViewMove(controller, { kind: 'center', id: 'a1' }, context({ kind: 'center', id: 'a1' }, layout).context);
    const b2 = layout.positionOf.get('b2');
    const c = layout.positionOf.get('c');
    expect(b2 && c).toBeTruthy();
    if (!b2 || !c) return;
    expect(calls).toEqual([
      ['centerBox', unitBox(b2), undefined, true],
      ['reveal', unitBox(c)],
    ]);
  });

  it('opens a small chart whole, the same view however often it is applied', () => {
    const { controller, calls } = recordingController();
    const { move, context: c } = context({ kind: 'open' });
    applyViewMove(controller, move, c);
    applyViewMove(controller, move, c);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual(calls[1]);
    expect((calls[0]?.[1] as ViewTransform).k).toBeLessThanOrEqual(1);
  });
});

describe('culling', () => {
  const layout = layoutChart(index, new Set());
  const grid = buildSpatialGrid(layout.nodes);

  it('draws the cards near the screen, the selected one wherever it is, and the lines down to their children', () => {
    const top = layout.positionOf.get('top');
    if (!top) throw new Error('no top');
    // A small screen over the top unit only.
    const key = cullingWindowKey({ x: 200 - top.x, y: 100 - top.y, k: 1 }, 400, 200);
    const culled = cullUnits(layout, grid, index.childrenOf, key, false, ['c4']);
    expect(culled.levelOfDetail).toBe(false);
    expect(culled.cardIds).toContain('top');
    expect(culled.cardIds).toContain('c4');
    expect(culled.cardIds).not.toContain('a1');
    // The top's children get their lines even when their cards are culled.
    for (const id of ['a', 'b', 'c']) expect(culled.linkIds).toContain(id);
  });

  it('draws boxes on the canvas instead when too many cards, or too small, to read, keeping the selected one a card', () => {
    const fitted = cullingWindowKey({ x: 0, y: 0, k: 0.01 }, 1200, 800);
    const small = cullUnits(layout, grid, index.childrenOf, fitted, true, ['b', 'missing']);
    expect(small).toMatchObject({ levelOfDetail: true, cardIds: ['b'], linkIds: [], rails: [] });
    const wide = indexOf([{ id: 'r' }, ...Array.from({ length: LOD_CARD_LIMIT + 1 }, (_, i) => ({ id: `u${i}`, parentId: 'r' }))]);
    const wideLayout = layoutChart(wide, new Set());
    const b = wideLayout.bounds;
    const everything = cullingWindowKey({ x: -b.minX * 0.001, y: -b.minY * 0.001, k: 0.001 }, 1200, 800);
    expect(cullUnits(wideLayout, buildSpatialGrid(wideLayout.nodes), wide.childrenOf, everything, false, ['r']).levelOfDetail).toBe(true);
  });
});

describe('the layout memo', () => {
  it('lays a chart out once for the same folds and orientation, again when either changes', () => {
    const layoutOf = createLayoutMemo();
    const folds = new Set(['a']);
    const first = layoutOf(index, folds, 'top-down');
    expect(layoutOf(index, folds, 'top-down')).toBe(first);
    expect(layoutOf(index, new Set(['a']), 'top-down')).not.toBe(first);
    expect(layoutOf(index, folds, 'left-right')).not.toBe(first);
  });
});
