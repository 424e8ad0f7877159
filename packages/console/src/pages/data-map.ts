import { escapeHtml } from '@pledge/render';
import { layoutColumns } from '../graph/layout.js';
import { renderColumnGraph } from '../graph/svg.js';
import { renderConsolePage } from '../layout/page.js';
import type { ConsolePageContext } from './context.js';
import type { DataMapModel } from './data-map-model.js';

/**
 * `GET /console/data-map`: where personal data lives and where it goes, drawn as a graph in
 * three columns (datasets → categories → recipients) with the same facts as tables below it.
 */
export function renderDataMap(model: DataMapModel, ctx: ConsolePageContext): string {
  const names = new Map(model.categories.map((c) => [c.id, c.name]));
  const name = (id: string) => names.get(id) ?? id;
  const layout = layoutColumns({
    columns: [
      {
        heading: 'Datasets',
        nodes: model.datasets.map((d) => ({
          key: `d:${d.id}`,
          label: d.id,
          sub: d.kind,
          className: 'dataset',
        })),
      },
      {
        heading: 'Categories',
        nodes: model.categories.map((c) => ({
          key: `c:${c.id}`,
          label: c.name,
          ...(c.sensitive ? { sub: 'sensitive' } : {}),
          className: c.sensitive ? 'category sensitive' : 'category',
        })),
      },
      {
        heading: 'Recipients',
        nodes: model.recipients.map((r) => ({
          key: `r:${r.id}`,
          label: r.name,
          sub: [r.kind, r.country].filter(Boolean).join(' · '),
          className: 'recipient',
        })),
      },
    ],
    edges: [
      ...model.datasets.flatMap((d) => d.categories.map((c) => ({ from: `d:${d.id}`, to: `c:${c}` }))),
      ...model.recipients.flatMap((r) => r.categories.map((c) => ({ from: `c:${c}`, to: `r:${r.id}` }))),
    ],
  });
  const graph = renderColumnGraph(layout, {
    id: 'data-map',
    title: `Data map of policy version ${model.version}`,
    description: `${model.datasets.length} datasets hold ${model.categories.length} categories of personal data, disclosed to ${model.recipients.length} recipients. The tables below list every link.`,
  });
  const body = [
    `<p class="page-lead">Datasets, the categories of personal data they hold and the recipients each category flows to, as policy version ${escapeHtml(model.version)} declares them.</p>`,
    '<div class="graph-wrap scroll" role="region" aria-label="Data map graph" tabindex="0">',
    graph,
    '</div>',
    '<p class="hint">Sensitive categories are outlined in orange. Scroll the graph sideways on a narrow screen; the tables say the same.</p>',
    datasetTable(model, name),
    recipientTable(model, name),
    transferTable(model, name),
  ].join('\n');
  return renderConsolePage({
    title: 'Data map',
    user: ctx.user,
    active: 'data-map',
    csrfToken: ctx.csrfToken,
    body,
  });
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '<span class="muted">none</span>' : items.map(escapeHtml).join(', ');
}

function table(label: string, head: readonly string[], rows: readonly string[]): string {
  return (
    `<div class="scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0"><table>` +
    `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

function datasetTable(model: DataMapModel, name: (id: string) => string): string {
  if (model.datasets.length === 0)
    return '<h2>Datasets</h2><p class="muted">The manifest declares no dataset.</p>';
  const rows = model.datasets.map(
    (d) =>
      `<tr><th scope="row"><code>${escapeHtml(d.id)}</code>${d.description ? `<br><span class="muted">${escapeHtml(d.description)}</span>` : ''}</th>` +
      `<td>${escapeHtml(d.kind)}</td><td>${list(d.categories.map(name))}</td></tr>`,
  );
  return `<h2>Datasets</h2>${table('Datasets', ['Dataset', 'Datastore', 'Categories held'], rows)}`;
}

function recipientTable(model: DataMapModel, name: (id: string) => string): string {
  if (model.recipients.length === 0)
    return '<h2>Recipients</h2><p class="muted">The manifest declares no recipient.</p>';
  const rows = model.recipients.map((r) => {
    const missing = r.contractsRequired.filter((k) => !r.contractsOnFile.includes(k));
    const contracts =
      r.contractsRequired.length === 0
        ? '<span class="muted">none required</span>'
        : missing.length === 0
          ? `<span class="badge ok">on file</span> ${list(r.contractsRequired)}`
          : `<span class="badge danger">missing</span> ${list(missing)}`;
    return (
      `<tr><th scope="row">${escapeHtml(r.name)}<br><code>${escapeHtml(r.id)}</code></th><td>${escapeHtml(r.kind)}</td>` +
      `<td>${escapeHtml(r.country ?? '—')}</td><td>${list(r.categories.map(name))}</td><td>${list(r.purposes)}</td><td>${contracts}</td></tr>`
    );
  });
  return `<h2>Recipients</h2>${table('Recipients', ['Recipient', 'Kind', 'Country', 'Categories received', 'Purposes', 'Contracts'], rows)}`;
}

function transferTable(model: DataMapModel, name: (id: string) => string): string {
  if (model.transfers.length === 0)
    return '<h2>Transfers abroad</h2><p class="muted">The manifest declares no transfer abroad.</p>';
  const rows = model.transfers.map(
    (t) =>
      `<tr><th scope="row"><code>${escapeHtml(t.id)}</code></th><td>${escapeHtml(t.to)}</td><td>${list(t.recipients)}</td>` +
      `<td>${t.categories.length === 0 ? 'any' : list(t.categories.map(name))}</td><td>${list(t.mechanisms)}</td></tr>`,
  );
  return `<h2>Transfers abroad</h2>${table('Transfers abroad', ['Transfer', 'To', 'Recipients', 'Categories', 'Mechanisms'], rows)}`;
}
