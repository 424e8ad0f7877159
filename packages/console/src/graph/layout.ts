/** A node of a column graph, placed. */
export interface PlacedNode {
  readonly key: string;
  readonly column: number;
  readonly label: string;
  readonly sub?: string;
  readonly className: string;
  readonly x: number;
  readonly y: number;
}

/** An edge between two placed nodes, by key. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

/** Columns of nodes in order, and edges from one column to the next. */
export interface ColumnGraphInput {
  readonly columns: readonly {
    readonly heading: string;
    readonly nodes: readonly { key: string; label: string; sub?: string; className: string }[];
  }[];
  readonly edges: readonly GraphEdge[];
}

/** The sizes of the layout, in SVG user units. */
export const GRAPH = {
  nodeWidth: 210,
  nodeHeight: 40,
  rowGap: 12,
  columnGap: 90,
  headerHeight: 30,
  margin: 12,
} as const;

/** A placed column graph: every node's position, the edges between placed nodes, the size. */
export interface ColumnGraphLayout {
  readonly headings: readonly { text: string; x: number }[];
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly GraphEdge[];
  readonly width: number;
  readonly height: number;
}

/**
 * Places nodes in fixed columns, top to bottom in the order given: the layout depends only on
 * the input, so the same manifest always draws the same map. Edges naming a missing node are
 * dropped.
 */
export function layoutColumns(input: ColumnGraphInput): ColumnGraphLayout {
  const step = GRAPH.nodeWidth + GRAPH.columnGap;
  const nodes = input.columns.flatMap((column, c) =>
    column.nodes.map((node, r) => ({
      ...node,
      column: c,
      x: GRAPH.margin + c * step,
      y: GRAPH.margin + GRAPH.headerHeight + r * (GRAPH.nodeHeight + GRAPH.rowGap),
    })),
  );
  const keys = new Set(nodes.map((n) => n.key));
  const rows = Math.max(1, ...input.columns.map((c) => c.nodes.length));
  return {
    headings: input.columns.map((column, c) => ({ text: column.heading, x: GRAPH.margin + c * step })),
    nodes,
    edges: input.edges.filter((e) => keys.has(e.from) && keys.has(e.to)),
    width:
      GRAPH.margin * 2 +
      input.columns.length * GRAPH.nodeWidth +
      (input.columns.length - 1) * GRAPH.columnGap,
    height: GRAPH.margin * 2 + GRAPH.headerHeight + rows * (GRAPH.nodeHeight + GRAPH.rowGap) - GRAPH.rowGap,
  };
}
