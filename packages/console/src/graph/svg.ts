import { escapeHtml } from '@pledge/render';
import { type ColumnGraphLayout, GRAPH, type PlacedNode } from './layout.js';

/** Longest label drawn in a node before it is shortened (the full text is in its tooltip and the list). */
const MAX_LABEL = 28;

/**
 * Draws a placed column graph as an inline SVG: `role="img"` labelled by its title and a
 * description, edges as curves from the right of one node to the left of the next, nodes as
 * boxes with a label, an optional second line and the full text as a tooltip.
 */
export function renderColumnGraph(
  layout: ColumnGraphLayout,
  labels: { id: string; title: string; description: string },
): string {
  const byKey = new Map(layout.nodes.map((n) => [n.key, n]));
  const edges = layout.edges.map((edge) => {
    const a = byKey.get(edge.from) as PlacedNode;
    const b = byKey.get(edge.to) as PlacedNode;
    const x1 = a.x + GRAPH.nodeWidth;
    const y1 = a.y + GRAPH.nodeHeight / 2;
    const x2 = b.x;
    const y2 = b.y + GRAPH.nodeHeight / 2;
    const mid = (x1 + x2) / 2;
    return `<path class="edge" d="M${x1} ${y1}C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}"/>`;
  });
  const nodes = layout.nodes.map((n) => {
    const full = n.sub ? `${n.label} (${n.sub})` : n.label;
    const labelY = n.sub ? n.y + 17 : n.y + GRAPH.nodeHeight / 2 + 4.5;
    const sub = n.sub
      ? `<text class="sub" x="${n.x + 10}" y="${n.y + 32}">${escapeHtml(shorten(n.sub))}</text>`
      : '';
    return (
      `<g class="node ${escapeHtml(n.className)}"><title>${escapeHtml(full)}</title>` +
      `<rect x="${n.x}" y="${n.y}" width="${GRAPH.nodeWidth}" height="${GRAPH.nodeHeight}" rx="6"/>` +
      `<text x="${n.x + 10}" y="${labelY}">${escapeHtml(shorten(n.label))}</text>${sub}</g>`
    );
  });
  const headings = layout.headings.map(
    (h) =>
      `<text class="head" x="${h.x}" y="${GRAPH.margin + 14}">${escapeHtml(h.text.toUpperCase())}</text>`,
  );
  const id = escapeHtml(labels.id);
  return [
    `<svg class="graph" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}">`,
    `<title id="${id}-title">${escapeHtml(labels.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(labels.description)}</desc>`,
    ...headings,
    ...edges,
    ...nodes,
    '</svg>',
  ].join('');
}

/** Shortens a label to {@link MAX_LABEL} units of width, a wide (CJK) character counting two. */
function shorten(text: string): string {
  let width = 0;
  let out = '';
  for (const char of text) {
    width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
    if (width > MAX_LABEL - 1) return `${out}…`;
    out += char;
  }
  return text;
}
