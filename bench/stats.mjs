/** Small statistics and table helpers for the benchmark. */

/** Linear-interpolated quantile (q in [0, 1]) of numbers; NaN for an empty list. */
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + ((sorted[hi] ?? sorted[lo]) - sorted[lo]) * (at - lo);
}

export const median = (values) => quantile(values, 0.5);

export function summarize(samples) {
  const finite = samples.filter((v) => Number.isFinite(v));
  return {
    median: round(median(finite)),
    min: round(finite.length ? Math.min(...finite) : Number.NaN),
    max: round(finite.length ? Math.max(...finite) : Number.NaN),
    p25: round(quantile(finite, 0.25)),
    p75: round(quantile(finite, 0.75)),
  };
}

export function round(value, digits = 2) {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "412 ms", "3.41 s", "8.3 ms", "0.41 ms", "96.1 MB", "71.2 KB", "0.21×". */
export function formatValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'ms') {
    if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
    if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
    if (value >= 100) return `${value.toFixed(0)} ms`;
    if (value >= 10) return `${value.toFixed(1)} ms`;
    return `${value.toFixed(2)} ms`;
  }
  if (unit === 'MB' || unit === 'KB') return `${value.toFixed(1)} ${unit}`;
  if (unit === '×') return `${value.toFixed(value < 10 ? 2 : 1)}×`;
  return `${value}${unit ? ` ${unit}` : ''}`;
}

function formatBare(value, unit) {
  return formatValue(value, unit).replace(/ (ms|s|MB|KB)$/, '');
}

export function formatSpread(spread, unit) {
  if (!spread || spread.min === null) return '';
  if (spread.min === spread.max) return formatBare(spread.min, unit);
  // Keep units when min and max land on different scales (ms vs s).
  const lo = formatValue(spread.min, unit);
  const hi = formatValue(spread.max, unit);
  const sameUnit = lo.split(' ')[1] === hi.split(' ')[1];
  return sameUnit ? `${formatBare(spread.min, unit)}–${formatBare(spread.max, unit)}` : `${lo}–${hi}`;
}

export function formatTarget(target) {
  if (!target) return '—';
  return `${target.op} ${formatValue(target.value, target.unit)}`;
}

export function meets(value, target) {
  if (!target || value === null || value === undefined) return null;
  switch (target.op) {
    case '<':
      return value < target.value;
    case '≤':
      return value <= target.value;
    case '>':
      return value > target.value;
    case '≥':
      return value >= target.value;
    default:
      return null;
  }
}

/** A plain-text table: columns padded to their widest cell. */
export function renderTable(header, rows) {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...String(r[i] ?? '')].length)));
  const pad = (cells) =>
    cells
      .map((c, i) => {
        const text = String(c ?? '');
        return text + ' '.repeat(Math.max(0, widths[i] - [...text].length));
      })
      .join('  ')
      .trimEnd();
  return [pad(header), pad(header.map((_, i) => '─'.repeat(widths[i]))), ...rows.map(pad)].join('\n');
}
