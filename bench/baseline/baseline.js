// The d3-org-chart baseline, driven by bench/run.mjs through `window.baseline`.
// Animations are off (duration 0); the cards are plain HTML like the library's demos.

const d3 = window.d3;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
/** Resolves after the frame that shows the current DOM has been painted. */
const afterPaint = async () => {
  await nextFrame();
  return nextFrame();
};

const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

let chart = null;
let rows = null;
let text = null;

window.baseline = {
  /** Fetches the CSV (not timed). */
  async fetch(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    text = await response.text();
    return text.length;
  },

  /** Times csvParse, then data → render → painted. */
  async load() {
    const t0 = performance.now();
    rows = d3.csvParse(text);
    const t1 = performance.now();
    chart = new d3.OrgChart()
      .container('#chart')
      .svgHeight(window.innerHeight)
      .data(rows)
      .nodeWidth(() => 250)
      .nodeHeight(() => 80)
      .duration(0)
      .nodeContent(
        (d) =>
          `<div style="width:${d.width}px;height:${d.height}px;box-sizing:border-box;padding:10px 12px;border:1px solid #d0d4dc;border-radius:8px;background:#fff;font-size:12px;overflow:hidden">` +
          `<div style="color:#667;text-transform:uppercase;font-size:10px">${escapeHtml(d.data.positionName || d.data.kind)}</div>` +
          `<div style="font-weight:600;font-size:14px;margin-top:4px">${escapeHtml(d.data.name)}</div>` +
          `<div style="color:#889">${escapeHtml(d.data.nativeName)}</div></div>`,
      )
      .render();
    const t2 = performance.now();
    const painted = await afterPaint();
    return {
      parseMs: t1 - t0,
      renderMs: t2 - t1,
      totalMs: painted - t1,
      withParseMs: painted - t0,
      rows: rows.length,
      nodesInDom: document.querySelectorAll('.node').length,
    };
  },

  /**
   * The cold floor of the same work: CSV text in the page → d3.csvParse → bare d3.stratify() + d3.tree() → the root
   * and its children drawn as plain HTML cards → painted. Run once in a fresh page, so it is as cold as a first import.
   */
  async floor() {
    const t0 = performance.now();
    const parsed = d3.csvParse(text);
    const root = d3
      .stratify()
      .id((d) => d.id)
      .parentId((d) => d.parentId || null)(parsed);
    d3.tree().nodeSize([280, 140])(root);
    const shown = [root, ...(root.children ?? [])];
    const container = document.getElementById('chart');
    container.innerHTML = shown
      .map(
        (d) =>
          `<div class="node" style="position:absolute;left:${640 + d.x - 125}px;top:${40 + d.y}px;width:250px;height:80px;box-sizing:border-box;padding:10px 12px;border:1px solid #d0d4dc;border-radius:8px;background:#fff;font-size:12px;overflow:hidden">` +
          `<div style="font-weight:600;font-size:14px">${escapeHtml(d.data.name)}</div><div style="color:#889">${escapeHtml(d.data.positionName || d.data.kind)}</div></div>`,
      )
      .join('');
    const painted = await afterPaint();
    return { totalMs: painted - t0, rows: parsed.length, nodesInDom: shown.length };
  },

  /** chart.expandAll(), then painted. */
  async expandAll() {
    const t0 = performance.now();
    chart.expandAll();
    const painted = await afterPaint();
    return { ms: painted - t0, nodesInDom: document.querySelectorAll('.node').length };
  },

  async fit() {
    chart.fit({ animate: false });
    await afterPaint();
    await afterPaint();
  },

  k() {
    return chart.getChartState().lastTransform.k;
  },

  /** The root card's box on screen. */
  rootRect() {
    const root = chart.getChartState().root;
    const node = d3
      .selectAll('.node')
      .filter((d) => d.id === root.id)
      .node();
    if (!node) return null;
    const r = node.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  },
};
