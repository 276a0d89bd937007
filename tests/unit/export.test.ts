import { describe, expect, it } from 'vitest';

import { layoutChart } from '../../src/engine/layout.ts';
import { chartToSvg, pngSize } from '../../src/engine/svgExport.ts';
import { zh } from '../../src/i18n/zh.ts';
import { indexChart } from '../../src/model/tree.ts';
import { chartOf, loadBundledIndex } from './helpers.ts';

describe('exporting the chart', () => {
  it('writes every unit of the whole chart into the SVG, Chinese names included, however the screen is zoomed', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const svg = chartToSvg(index, layoutChart(index, new Set()), new Set());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const unit of index.byId.values()) {
      for (const word of unit.name.replace(/'/g, '&apos;').split(' ')) expect(svg).toContain(word);
    }
    expect(svg).toContain('全国人大常委会办公厅联络局');
    expect(svg).toContain('xml:lang="zh-Hans"');
    // A card whose English name takes two lines shows its Chinese name in the kind line, as on screen.
    expect(svg).toContain('Office · <tspan xml:lang="zh-Hans">全国人民代表大会常务委员会办公厅</tspan>');
    expect(svg).toContain('机关纪委');
    expect(svg).not.toContain('foreignObject');
  });

  it('gives the State Council’s Secretary-General a line of their own on the top card, whole, as on screen', () => {
    const index = loadBundledIndex('state-council-general-office.json');
    const svg = chartToSvg(index, layoutChart(index, new Set()), new Set());
    expect(svg).toMatch(/>Wu Zhenglong 吴政隆<\/text>/);
    expect(svg).not.toContain('Wu Zhenglon…');
  });

  it('reads as the screen does: the names the user chose, and kinds in the interface language', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const layout = layoutChart(index, new Set());
    const chinese = chartToSvg(index, layout, new Set(), { names: 'native', kindLabels: zh.kinds });
    expect(chinese).toContain('<text font-size="14" font-weight="600" fill="#1b1f24" xml:lang="zh-Hans"><tspan');
    expect(chinese).toContain('全国人大常委会办公厅联络局');
    expect(chinese).not.toContain('Liaison Bureau');
    expect(chinese).toContain(`>${zh.kinds.department}</text>`);
    expect(chinese).not.toContain('>Department</text>');
    const english = chartToSvg(index, layout, new Set(), { names: 'en' });
    expect(english).toContain('Liaison Bureau');
    expect(english).not.toContain('联络局');
    expect(english).toContain('>Department</text>');
  });

  it('keeps a name made of markup as text', () => {
    const result = indexChart(chartOf([{ id: 'root', name: '<img src=x onerror=alert(1)>' }]));
    if (!result.ok) throw new Error('bad chart');
    const svg = chartToSvg(result.index, layoutChart(result.index, new Set()), new Set());
    expect(svg).toContain('&lt;img');
    expect(svg).not.toContain('<img');
  });

  it('leaves out what is outside the current view, and shows folded units with their counts', () => {
    const index = loadBundledIndex('npcsc-general-office.json');
    const layout = layoutChart(index, new Set(['affiliated-institutions']));
    const root = layout.positionOf.get(index.rootId);
    if (!root) throw new Error('no root');
    const clip = { minX: root.x - 200, maxX: root.x + 200, minY: root.y - 60, maxY: root.y + 60 };
    const svg = chartToSvg(index, layout, new Set(['affiliated-institutions']), { clip });
    expect(svg).toContain('Secretary-General: Liu Qi');
    expect(svg).not.toContain('Liaison Bureau');
    expect(chartToSvg(index, layout, new Set(['affiliated-institutions']))).toContain('+8');
  });

  it('scales a PNG down only as far as browsers allow, never cropping it', () => {
    expect(pngSize(1000, 800)).toEqual({ width: 2000, height: 1600, scale: 2 });
    const wide = pngSize(200_000, 1_400);
    expect(wide.width).toBeLessThanOrEqual(16_000);
    expect(wide.height / wide.width).toBeCloseTo(1_400 / 200_000, 3);
    const big = pngSize(12_000, 12_000);
    expect(big.width * big.height).toBeLessThanOrEqual(120_000_000);
  });
});
