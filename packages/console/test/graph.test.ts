import { describe, expect, it } from 'vitest';
import { GRAPH, layoutColumns, renderColumnGraph } from '../src/index.js';

const input = {
  columns: [
    { heading: 'Datasets', nodes: [{ key: 'd:app', label: 'app', className: 'dataset' }] },
    {
      heading: 'Categories',
      nodes: [
        { key: 'c:email', label: 'Email', className: 'category' },
        {
          key: 'c:loc',
          label: '精确位置信息与设备标识符以及更多非常长的名称',
          className: 'category sensitive',
          sub: 'sensitive',
        },
      ],
    },
    { heading: 'Recipients', nodes: [{ key: 'r:ads', label: 'Ads <Inc>', className: 'recipient' }] },
  ],
  edges: [
    { from: 'd:app', to: 'c:email' },
    { from: 'c:email', to: 'r:ads' },
    { from: 'c:missing', to: 'r:ads' },
  ],
};

describe('column graph', () => {
  it('places nodes in fixed columns and rows, and drops edges to unknown nodes', () => {
    const layout = layoutColumns(input);
    const loc = layout.nodes.find((n) => n.key === 'c:loc');
    expect(loc).toMatchObject({ column: 1, x: GRAPH.margin + GRAPH.nodeWidth + GRAPH.columnGap });
    expect(loc?.y).toBe(GRAPH.margin + GRAPH.headerHeight + GRAPH.nodeHeight + GRAPH.rowGap);
    expect(layout.edges).toHaveLength(2);
    expect(layout.width).toBe(GRAPH.margin * 2 + 3 * GRAPH.nodeWidth + 2 * GRAPH.columnGap);
    expect(layoutColumns(input)).toEqual(layout);
  });

  it('draws a labelled image, escapes labels and shortens long ones (full text in the tooltip)', () => {
    const svg = renderColumnGraph(layoutColumns(input), { id: 'g', title: 'Map', description: 'd' });
    expect(svg).toContain('aria-labelledby="g-title g-desc"');
    expect(svg).toContain('Ads &lt;Inc&gt;');
    expect(svg).toContain('<title>精确位置信息与设备标识符以及更多非常长的名称 (sensitive)</title>');
    expect(svg).toMatch(/>精确位置信息与设备标识符以…<\/text>/);
    expect(svg.match(/<path class="edge"/g)).toHaveLength(2);
  });
});
