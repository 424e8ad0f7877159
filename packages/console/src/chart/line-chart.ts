import { escapeHtml } from '@pledge/render';
import { niceMax } from './scale.js';

/** One line of a {@link renderLineChart}: a label and one value per x position. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** What a line chart shows. */
export interface LineChartInput {
  /** Unique id prefix for the `<title>` and `<desc>` the SVG is labelled by. */
  readonly id: string;
  readonly title: string;
  /** A text summary for assistive technology (the numbers are in the table beside the chart). */
  readonly description: string;
  /** The x positions' labels, e.g. days; every series has one value per label. */
  readonly xLabels: readonly string[];
  /** At most six series are drawn (the palette has six colours); the rest stay in the table. */
  readonly series: readonly ChartSeries[];
}

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 34 };
/** Dash patterns by series, so lines differ without colour too. */
const DASHES = ['', '6 4', '2 3', '10 4 2 4', '1 5', '12 3'];
/** How many series the palette can tell apart. */
export const CHART_MAX_SERIES = DASHES.length;

/**
 * An accessible inline SVG line chart: `role="img"` labelled by its `<title>` and `<desc>`,
 * horizontal grid lines with values, a few x labels, one line per series with its own colour
 * and dash pattern. Deterministic: the same input gives the same markup. The legend is
 * separate ({@link renderLegend}) so it reflows as text on a phone.
 */
export function renderLineChart(input: LineChartInput): string {
  const id = escapeHtml(input.id);
  const n = input.xLabels.length;
  const drawn = input.series.slice(0, CHART_MAX_SERIES);
  const top = niceMax(Math.max(0, ...drawn.flatMap((s) => s.values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => PAD.top + plotH - (plotH * v) / top;
  const ticks = [0, 1, 2, 3, 4].map((k) => (top * k) / 4);
  const grid = ticks.map(
    (t) =>
      `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/>` +
      `<text x="${PAD.left - 6}" y="${fmt(y(t) + 4)}" text-anchor="end" font-size="12">${fmt(t)}</text>`,
  );
  const step = Math.max(1, Math.ceil(n / 6));
  const xTicks = input.xLabels
    .map((label, i) => ({ label, i }))
    .filter(({ i }) => i % step === 0 || i === n - 1)
    .map(
      ({ label, i }) =>
        `<text x="${fmt(x(i))}" y="${HEIGHT - 10}" text-anchor="${anchor(i, n)}" font-size="12">${escapeHtml(label)}</text>`,
    );
  const lines = drawn.map((series, k) => {
    const points = series.values.map((v, i) => `${fmt(x(i))},${fmt(y(v))}`).join(' ');
    const dash = DASHES[k] ? ` stroke-dasharray="${DASHES[k]}"` : '';
    return `<polyline class="series-${k + 1}" fill="none" stroke-width="2.5" stroke-linejoin="round"${dash} points="${points}"/>`;
  });
  return [
    `<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">`,
    `<title id="${id}-title">${escapeHtml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(input.description)}</desc>`,
    ...grid,
    `<line class="axis" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${fmt(y(0))}" y2="${fmt(y(0))}"/>`,
    ...xTicks,
    ...lines,
    '</svg>',
  ].join('');
}

/** The legend of a chart's series as a text list, each with a swatch in its colour and dash. */
export function renderLegend(series: readonly ChartSeries[]): string {
  const items = series.slice(0, CHART_MAX_SERIES).map((s, k) => {
    const dash = DASHES[k] ? ` stroke-dasharray="${DASHES[k]}"` : '';
    return (
      `<li><svg width="28" height="10" aria-hidden="true" focusable="false"><line class="series-${k + 1}" x1="0" x2="28" y1="5" y2="5" stroke-width="3"${dash}/></svg>` +
      `${escapeHtml(s.label)}</li>`
    );
  });
  return `<ul class="chart-legend">${items.join('')}</ul>`;
}

/** The first x label starts at its point and the last ends at it, so neither is clipped. */
function anchor(i: number, n: number): string {
  if (n > 1 && i === 0) return 'start';
  if (n > 1 && i === n - 1) return 'end';
  return 'middle';
}

function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}
