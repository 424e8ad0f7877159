import { describe, expect, it } from 'vitest';
import { CHART_MAX_SERIES, niceMax, renderLegend, renderLineChart } from '../src/index.js';

describe('niceMax', () => {
  it('gives a top with four whole-number ticks that reaches the largest value', () => {
    expect(niceMax(0)).toBe(4);
    expect(niceMax(3)).toBe(4);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(97)).toBe(100);
    expect(niceMax(1234)).toBe(2000);
    for (const max of [5, 9, 17, 41, 99, 101, 333, 12345]) {
      const top = niceMax(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(Number.isInteger(top / 4)).toBe(true);
    }
  });
});

describe('renderLineChart', () => {
  const input = {
    id: 'c',
    title: 'Consents <per> day',
    description: 'Totals & more',
    xLabels: ['03-01', '03-02', '03-03'],
    series: [
      { label: 'Marketing <b>', values: [1, 4, 2] },
      { label: 'Analytics', values: [0, 0, 8] },
    ],
  };

  it('is an image labelled by its escaped title and description, one line per series', () => {
    const svg = renderLineChart(input);
    expect(svg).toContain('role="img" aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">Consents &lt;per&gt; day</title>');
    expect(svg).toContain('<desc id="c-desc">Totals &amp; more</desc>');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    // The top of the axis is 8, the largest value: its point sits on the top grid line.
    expect(svg).toContain('>8</text>');
    expect(renderLineChart(input)).toBe(svg);
  });

  it('draws at most the palette size and escapes legend labels', () => {
    const many = Array.from({ length: CHART_MAX_SERIES + 2 }, (_, i) => ({ label: `p${i}`, values: [i, i] }));
    const svg = renderLineChart({ ...input, series: many });
    expect(svg.match(/<polyline /g)).toHaveLength(CHART_MAX_SERIES);
    expect(renderLegend(input.series)).toContain('Marketing &lt;b&gt;');
  });
});
