import type { BenchTable } from './types.js';

/** Renders a table as aligned plain text (numbers right-aligned, text left-aligned). */
export function formatTable(table: BenchTable): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const numeric = /^[-+]?[\d,.]+(\s?[a-zµ×%/]*)?$|^[\d.]+×$/i;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric.test(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    table.title,
    line(table.columns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.rows.map(line),
  ].join('\n');
}

/** A count with thousands separators, e.g. `1,234,567`. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.round(value).toLocaleString('en-US');
}

/** A duration in ns, shown in ns, µs or ms. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : 1)} µs`;
  return `${(ns / 1_000_000).toFixed(2)} ms`;
}

/** A ratio, e.g. `12.3×`. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}
