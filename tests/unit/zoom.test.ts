import { describe, expect, it } from 'vitest';

import {
  centreTransform,
  fitTransform,
  needsMinimap,
  OPENING_MIN_SCALE,
  OPENING_SCALE,
  openingTransform,
  READABLE_SCALE,
  reshapeTransform,
  revealTransform,
  zoomOutLimit,
  zoomPercent,
} from '../../src/engine/zoom.ts';

const VIEW = { width: 1000, height: 700, top: 68 };

describe('where the view goes after Expand all or Collapse all', () => {
  const current = { x: 120, y: -40, k: 0.8 };

  it('fits the whole chart when it is readable fitted', () => {
    const bounds = { minX: -600, minY: 0, maxX: 600, maxY: 900 };
    const view = reshapeTransform(bounds, { before: { x: 0, y: 0 }, after: { x: 0, y: 0 } }, current, VIEW.width, VIEW.height, VIEW.top);
    expect(view).toEqual(fitTransform(bounds, VIEW.width, VIEW.height, 1, VIEW.top));
    expect(view.k).toBeGreaterThanOrEqual(READABLE_SCALE);
  });

  it('keeps the zoom and the selected unit’s place on screen when the whole chart would be too small to read', () => {
    const bounds = { minX: -200_000, minY: 0, maxX: 200_000, maxY: 3000 };
    const before = { x: 300, y: 500 };
    const after = { x: -45_000, y: 500 };
    const view = reshapeTransform(bounds, { before, after }, current, VIEW.width, VIEW.height, VIEW.top);
    expect(view.k).toBe(current.k);
    // The unit is drawn at the same screen point as before the chart grew.
    expect(after.x * view.k + view.x).toBeCloseTo(before.x * current.k + current.x, 6);
    expect(after.y * view.k + view.y).toBeCloseTo(before.y * current.k + current.y, 6);
  });

  it('fits when the view is already zoomed out further than the fitted chart (Collapse all after zooming far out)', () => {
    const bounds = { minX: -20_000, minY: 0, maxX: 20_000, maxY: 3000 };
    const fitted = fitTransform(bounds, VIEW.width, VIEW.height, 1, VIEW.top);
    expect(fitted.k).toBeLessThan(READABLE_SCALE);
    const farOut = { x: 500, y: 100, k: fitted.k / 5 };
    expect(reshapeTransform(bounds, { before: { x: 0, y: 0 }, after: { x: 0, y: 0 } }, farOut, VIEW.width, VIEW.height, VIEW.top)).toEqual(fitted);
  });

  it('fits when the unit it would keep in place was not drawn before', () => {
    const bounds = { minX: -200_000, minY: 0, maxX: 200_000, maxY: 3000 };
    expect(reshapeTransform(bounds, { before: undefined, after: { x: 0, y: 0 } }, current, VIEW.width, VIEW.height, VIEW.top)).toEqual(
      fitTransform(bounds, VIEW.width, VIEW.height, 1, VIEW.top),
    );
  });
});

describe('the zoom read-out', () => {
  it('rounds to whole percent from 10 % up, and keeps a significant digit below, never saying 0 %', () => {
    expect(zoomPercent(0.85)).toBe('85%');
    expect(zoomPercent(3)).toBe('300%');
    expect(zoomPercent(0.1)).toBe('10%');
    expect(zoomPercent(0.025)).toBe('2.5%');
    expect(zoomPercent(0.0041)).toBe('0.4%');
    expect(zoomPercent(0.002)).toBe('0.2%');
  });
});

describe('how far out the view may zoom', () => {
  it('stops at half the fitted scale, so a chart never shrinks to a dot', () => {
    // 4,000 px wide in a 1,000 px view: fitted at (1000 − 64) / 4000 = 0.234, so the floor is 0.117.
    const medium = { minX: -2000, minY: 0, maxX: 2000, maxY: 1000 };
    expect(zoomOutLimit(medium, VIEW.width, VIEW.height, VIEW.top)).toBeCloseTo(0.117, 3);
  });

  it('never forces the floor above 25 %, however small the chart', () => {
    const small = { minX: -500, minY: 0, maxX: 500, maxY: 400 };
    expect(zoomOutLimit(small, VIEW.width, VIEW.height, VIEW.top)).toBe(0.25);
  });

  it('still lets a huge chart be seen whole', () => {
    const huge = { minX: -200_000, minY: 0, maxX: 200_000, maxY: 3000 };
    expect(zoomOutLimit(huge, VIEW.width, VIEW.height, VIEW.top)).toBeLessThanOrEqual(fitTransform(huge, VIEW.width, VIEW.height, 1, VIEW.top).k);
  });
});

describe('where a chart opens', () => {
  const phone = { width: 390, height: 700, top: 60 };
  const topUnit = { x: 0, top: 0 };

  it('shows a small chart whole, never above 100 %', () => {
    const bounds = { minX: -300, minY: 0, maxX: 300, maxY: 400 };
    const view = openingTransform(bounds, topUnit, VIEW);
    expect(view).toEqual(fitTransform(bounds, VIEW.width, VIEW.height, 1, VIEW.top));
    expect(view.k).toBe(1);
  });

  it('shows a chart whole when it is readable whole (about 70 % and up)', () => {
    // 1,300 px wide in a 1,000 px view: (1000 − 64) / 1300 = 0.72.
    const bounds = { minX: -650, minY: 0, maxX: 650, maxY: 500 };
    const view = openingTransform(bounds, topUnit, VIEW);
    expect(view.k).toBeCloseTo(0.72, 2);
    expect(view).toEqual(fitTransform(bounds, VIEW.width, VIEW.height, 1, VIEW.top));
  });

  it('opens a chart too wide to read whole at its top unit, readable, just under the toolbar', () => {
    // oracle-hr's shape: fitted it would be about 26 %.
    const bounds = { minX: -1800, minY: 0, maxX: 1800, maxY: 1400 };
    expect(fitTransform(bounds, VIEW.width, VIEW.height, 1, VIEW.top).k).toBeLessThan(OPENING_MIN_SCALE);
    const root = { x: 40, top: 10 };
    for (const view of [VIEW, phone]) {
      const opened = openingTransform(bounds, root, view);
      expect(opened.k).toBe(OPENING_SCALE);
      expect(opened.k).toBeGreaterThanOrEqual(0.7);
      // The top unit's top centre lands at the top centre of the screen, just below the toolbar.
      expect(root.x * opened.k + opened.x).toBeCloseTo(view.width / 2, 6);
      expect(root.top * opened.k + opened.y).toBeCloseTo(view.top, 6);
      expect(needsMinimap(bounds, view)).toBe(true);
    }
  });

  it('is the same view however many times it is worked out (StrictMode runs effects twice)', () => {
    const bounds = { minX: -1800, minY: 0, maxX: 1800, maxY: 1400 };
    expect(openingTransform(bounds, topUnit, phone)).toEqual(openingTransform(bounds, topUnit, phone));
  });

  it('needs no minimap for a chart that opens whole', () => {
    expect(needsMinimap({ minX: -650, minY: 0, maxX: 650, maxY: 500 }, VIEW)).toBe(false);
  });
});

describe('bringing a unit into view clear of the toolbar and the minimap', () => {
  const screen = { width: 880, height: 700, top: 70 };
  const minimap = { x: 880 - 12 - 180, y: 700 - 30 - 120, width: 180, height: 120 };
  const onScreen = (box: { minX: number; minY: number; maxX: number; maxY: number }, t: { x: number; y: number; k: number }) => ({
    x: box.minX * t.k + t.x,
    y: box.minY * t.k + t.y,
    width: (box.maxX - box.minX) * t.k,
    height: (box.maxY - box.minY) * t.k,
  });
  const overlaps = (a: ReturnType<typeof onScreen>, b: typeof minimap) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('moves a card under the toolbar down below it', () => {
    const card = { minX: 100, minY: 0, maxX: 364, maxY: 76 };
    const current = { x: 0, y: 20, k: 1 };
    const view = revealTransform(card, current, screen);
    expect(onScreen(card, view).y).toBeGreaterThanOrEqual(screen.top);
    expect(view.x).toBe(current.x);
  });

  it('leaves a card in the clear alone', () => {
    const card = { minX: 100, minY: 200, maxX: 364, maxY: 276 };
    const current = { x: 0, y: 0, k: 1 };
    expect(revealTransform(card, current, { ...screen, obstacles: [minimap] })).toEqual(current);
  });

  it('moves a card from under the minimap by the shorter way, and not under the toolbar', () => {
    const card = { minX: 650, minY: 560, maxX: 914, maxY: 636 };
    const view = revealTransform(card, { x: -100, y: 0, k: 1 }, { ...screen, obstacles: [minimap] });
    const box = onScreen(card, view);
    expect(overlaps(box, minimap)).toBe(false);
    expect(box.y).toBeGreaterThanOrEqual(screen.top);
    expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
  });

  it('centres a unit in the part of the screen below the toolbar, clear of the minimap', () => {
    const card = { minX: -132, minY: -38, maxX: 132, maxY: 38 };
    const view = centreTransform(card, 1, screen);
    const box = onScreen(card, view);
    expect(box.y + box.height / 2).toBeCloseTo((Math.max(32, screen.top) + screen.height - 32) / 2, 6);
    // A small window: the centred card would reach under the minimap, so it moves up off it.
    const small = { width: 500, height: 400, top: 70, obstacles: [{ x: 500 - 192, y: 400 - 150, width: 180, height: 120 }] };
    const moved = onScreen(card, centreTransform(card, 1, small));
    expect(moved.y).toBeGreaterThanOrEqual(small.top);
    expect(overlaps(onScreen(card, centreTransform(card, 1, { ...small, obstacles: [] })), small.obstacles[0] as typeof minimap)).toBe(true);
    expect(overlaps(moved, small.obstacles[0] as typeof minimap)).toBe(false);
  });
});
