import { roleAllows } from '@pledge/auth';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../layout/page.js';
import type { ConsolePageContext } from './context.js';
import type { PoliciesModel, PolicyVersionModel, PolicyVersionRow } from './policies-model.js';
import { acceptedTable, diffTable, lintSummary, lintTable } from './policy-tables.js';
import { publishForm } from './publish.js';

/** `GET /console/policies`: every published version, newest first, and (to publishers) the publish form. */
export function renderPolicies(model: PoliciesModel, ctx: ConsolePageContext): string {
  const rows = model.versions.map(
    (v) =>
      `<tr><th scope="row"><a href="/console/policies/${v.seq}">${escapeHtml(v.version)}</a>` +
      `${v.inForce ? ' <span class="badge ok">in force</span>' : ''}</th>` +
      `<td class="num">${v.seq}</td><td>${escapeHtml(when(v.publishedAt))}</td>` +
      `<td class="num">${v.changes}${v.material > 0 ? ` <span class="badge warn">${v.material} material</span>` : ''}</td>` +
      `<td class="num">${v.acceptedLint}</td><td><code>${escapeHtml(shortHash(v.hash))}</code></td></tr>`,
  );
  const publish = roleAllows(ctx.user.role, 'policies:publish')
    ? [
        '<h2 id="publish">Publish a new version</h2>',
        '<p>Paste the new manifest. The next step shows what changes against the version in force and its lint report; nothing is published before you confirm.</p>',
        publishForm(ctx, ''),
      ].join('\n')
    : '<p class="muted">Publishing needs the <code>policies:publish</code> permission (owner, privacy officer).</p>';
  const body = [
    '<p class="page-lead">Every published version of the policy, with what changed and its lint report.</p>',
    '<div class="scroll" role="region" aria-label="Policy versions" tabindex="0"><table>',
    '<caption>Published versions, newest first</caption>',
    '<thead><tr><th scope="col">Version</th><th scope="col" class="num">Seq</th><th scope="col">Published (UTC)</th>',
    '<th scope="col" class="num">Changes</th><th scope="col" class="num">Lint accepted</th><th scope="col">Manifest hash</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
    publish,
  ].join('\n');
  return renderConsolePage({
    title: 'Policies',
    user: ctx.user,
    active: 'policies',
    csrfToken: ctx.csrfToken,
    body,
  });
}

/** `GET /console/policies/:seq`: one version, its changes against the previous one and its lint report. */
export function renderPolicyVersion(model: PolicyVersionModel, ctx: ConsolePageContext): string {
  const v: PolicyVersionRow = model.version;
  const against = model.previous
    ? `against version <a href="/console/policies/${model.previous.seq}">${escapeHtml(model.previous.version)}</a>`
    : '';
  const body = [
    model.justPublished
      ? '<p class="notice ok" role="status">Published: this version is now in force.</p>'
      : '',
    '<p><a href="/console/policies">All versions</a></p>',
    '<dl>',
    `<dt>Status</dt><dd>${v.inForce ? '<span class="badge ok">in force</span>' : '<span class="badge">superseded</span>'}</dd>`,
    `<dt>Published</dt><dd>${escapeHtml(when(v.publishedAt))} UTC (seq ${v.seq})</dd>`,
    `<dt>Manifest hash</dt><dd><code>${escapeHtml(v.hash)}</code></dd>`,
    `<dt>Consents to renew</dt><dd>${model.renewalPurposes.length === 0 ? 'none' : model.renewalPurposes.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}</dd>`,
    '</dl>',
    `<h2 id="changes">Changes ${against}</h2>`,
    model.previous
      ? diffTable(model.diff, `Changes from ${model.previous.version} to ${v.version}`)
      : '<p class="muted">The first version: nothing to compare with.</p>',
    '<h2 id="lint">Lint report</h2>',
    `<p>${escapeHtml(lintSummary(model.lint))}.</p>`,
    lintTable(model.lint, `Lint findings of version ${v.version}`),
    acceptedTable(model.acceptedLint),
  ].join('\n');
  return renderConsolePage({
    title: `Policy version ${v.version}`,
    user: ctx.user,
    active: 'policies',
    csrfToken: ctx.csrfToken,
    body,
  });
}

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function shortHash(hash: string): string {
  return hash.length > 19 ? `${hash.slice(0, 19)}…` : hash;
}
