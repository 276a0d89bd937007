import { describe, expect, it } from 'vitest';

import { layoutChart, linkPathData } from '../../src/engine/layout.ts';
import { loadBundledIndex } from './helpers.ts';

describe('link geometry', () => {
  it('is points for the canvas, and an SVG path of horizontal and vertical steps built from them', () => {
    expect(linkPathData([10, 20, 10, 40, 60, 40, 60, 70])).toBe('M10,20V40H60V70');
    // A step of no length is left out; a slanted one (never made by layout) is still drawn.
    expect(linkPathData([0, 0, 30, 0, 30, 0, 30, 50, 40, 60])).toBe('M0,0H30V50L40,60');
  });

  it('joins each child to its parent along the axes, in both orientations', () => {
    const index = loadBundledIndex('state-council-general-office.json');
    for (const orientation of ['top-down', 'left-right'] as const) {
      const layout = layoutChart(index, new Set(), orientation);
      for (const link of layout.links) {
        const points = link.points;
        expect(points.length % 2).toBe(0);
        for (let i = 2; i + 1 < points.length; i += 2) expect(points[i] === points[i - 2] || points[i + 1] === points[i - 1]).toBe(true);
        expect(linkPathData(points).startsWith(`M${points[0]},${points[1]}`)).toBe(true);
      }
    }
  });
});
