import { escapeHtml } from '@pledge/render';
import { type FormNotice, noticeHtml } from '../layout/notice.js';
import { renderConsolePage } from '../layout/page.js';
import { timeHtml } from '../layout/time.js';
import type { ConsolePageContext } from './context.js';

/** One API key as the keys page lists it (never its secret: only its digest is stored). */
export interface KeyRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly scopes: readonly string[];
  readonly origins: readonly string[];
  /** ISO time. */
  readonly createdAt: string;
  /** ISO time, when revoked. */
  readonly revokedAt?: string;
}

/** One dataset's connector as the page shows it: the variable's name, never its value. */
export interface ConnectorRow {
  readonly dataset: string;
  readonly kind: string;
  /** The environment variable the manifest names for the connection, if any. */
  readonly variable?: string;
  /** Whether that variable is set in the server's environment. */
  readonly configured: boolean;
  /** The outcome of a connection check just run. */
  readonly check?: { readonly ok: boolean; readonly message: string };
}

/** What the keys and connectors page is drawn from. */
export interface KeysPageModel {
  readonly keys: readonly KeyRow[];
  readonly connectors: readonly ConnectorRow[];
  /** Every scope, in the order the form offers them. */
  readonly scopes: readonly string[];
  /** Scopes this user may grant (the others are shown disabled, with the reason). */
  readonly grantable: readonly string[];
  readonly notice?: FormNotice;
  /** A key just created: its secret is shown this once. */
  readonly created?: { readonly name: string; readonly secret: string };
}

const csrfInput = (ctx: ConsolePageContext): string =>
  `<input type="hidden" name="csrf" value="${escapeHtml(ctx.csrfToken)}">`;

function noticeOf(model: KeysPageModel): string {
  const parts: string[] = [];
  if (model.notice) parts.push(noticeHtml(model.notice));
  if (model.created) {
    parts.push(
      `<div class="card secret" role="status"><h2>Key “${escapeHtml(model.created.name)}” created</h2>` +
        '<p>Copy the secret now: only its digest is stored, and it is never shown again.</p>' +
        `<p><code class="secret-value">${escapeHtml(model.created.secret)}</code></p></div>`,
    );
  }
  return parts.join('\n');
}

function keyRow(key: KeyRow, ctx: ConsolePageContext): string {
  const state = key.revokedAt
    ? `<span class="badge danger">revoked</span> ${timeHtml(key.revokedAt)}`
    : '<span class="badge ok">active</span>';
  const revoke = key.revokedAt
    ? ''
    : `<form method="post" action="/console/keys/${encodeURIComponent(key.id)}/revoke" aria-label="Revoke ${escapeHtml(key.name)}">` +
      `${csrfInput(ctx)}<button type="submit" class="secondary">Revoke</button></form>`;
  const origins =
    key.origins.length > 0 ? escapeHtml(key.origins.join(', ')) : '<span class="muted">any</span>';
  return (
    `<tr><td>${escapeHtml(key.name)}</td><td><span class="badge">${escapeHtml(key.kind)}</span></td>` +
    `<td>${key.scopes.map((s) => `<code>${escapeHtml(s)}</code>`).join(' ')}</td><td>${origins}</td>` +
    `<td>${timeHtml(key.createdAt)}</td><td>${state}</td><td>${revoke}</td></tr>`
  );
}

function keysTable(model: KeysPageModel, ctx: ConsolePageContext): string {
  if (model.keys.length === 0)
    return '<p class="muted">No API key yet: the API answers only in development mode.</p>';
  return (
    '<div class="scroll" role="region" aria-label="API keys" tabindex="0"><table>' +
    '<caption>API keys, oldest first</caption><thead><tr><th scope="col">Name</th><th scope="col">Kind</th>' +
    '<th scope="col">Scopes</th><th scope="col">Origins</th><th scope="col">Created</th><th scope="col">State</th>' +
    `<th scope="col">Change</th></tr></thead><tbody>${model.keys.map((k) => keyRow(k, ctx)).join('')}</tbody></table></div>`
  );
}

function createForm(model: KeysPageModel, ctx: ConsolePageContext): string {
  const boxes = model.scopes.map((scope) => {
    const allowed = model.grantable.includes(scope);
    const hint = allowed ? '' : ' <span class="muted">(reads personal data: the owner grants it)</span>';
    return `<label><input type="checkbox" name="scope-${escapeHtml(scope)}" value="yes"${allowed ? '' : ' disabled'}> <code>${escapeHtml(scope)}</code>${hint}</label>`;
  });
  return [
    '<h2 id="create-key">Create a key</h2>',
    `<form method="post" action="/console/keys" aria-labelledby="create-key">${csrfInput(ctx)}`,
    '<label>Name <input type="text" name="name" required maxlength="100"></label>',
    '<label>Kind <select name="kind"><option value="secret">secret (servers)</option><option value="site">site (browsers: consent only)</option></select></label>',
    `<fieldset><legend>Scopes</legend>${boxes.join('')}</fieldset>`,
    '<label>Origins of a site key, comma-separated <input type="text" name="origins" maxlength="2000" placeholder="https://shop.example"></label>',
    '<button type="submit">Create key</button>',
    '</form>',
  ].join('\n');
}

function connectorRow(row: ConnectorRow, ctx: ConsolePageContext): string {
  const variable = row.variable
    ? `<code>${escapeHtml(row.variable)}</code>`
    : '<span class="muted">none named</span>';
  const configured = row.configured
    ? '<span class="badge ok">set</span>'
    : '<span class="badge warn">not set</span>';
  const check = row.check
    ? `<span class="badge ${row.check.ok ? 'ok' : 'danger'}">${row.check.ok ? 'reachable' : 'failed'}</span> ${escapeHtml(row.check.message)}`
    : '';
  const button = row.configured
    ? `<form method="post" action="/console/keys/connectors/${encodeURIComponent(row.dataset)}/check" aria-label="Check ${escapeHtml(row.dataset)}">` +
      `${csrfInput(ctx)}<button type="submit" class="secondary">Check connection</button></form>`
    : '';
  return (
    `<tr><td>${escapeHtml(row.dataset)}</td><td>${escapeHtml(row.kind)}</td><td>${variable}</td>` +
    `<td>${configured}</td><td>${button}${check}</td></tr>`
  );
}

function connectorsTable(model: KeysPageModel, ctx: ConsolePageContext): string {
  if (model.connectors.length === 0) return '<p class="muted">The policy in force declares no dataset.</p>';
  return (
    '<div class="scroll" role="region" aria-label="Connectors" tabindex="0"><table>' +
    '<caption>Datasets of the policy in force and their connections</caption><thead><tr><th scope="col">Dataset</th>' +
    '<th scope="col">Datastore</th><th scope="col">Connection variable</th><th scope="col">In the environment</th>' +
    `<th scope="col">Check</th></tr></thead><tbody>${model.connectors.map((c) => connectorRow(c, ctx)).join('')}</tbody></table></div>`
  );
}

/**
 * The keys and connectors page (`connectors:manage`): every API key with its scopes and
 * state, forms to create one (its secret shown once) and revoke one; every dataset's
 * connector with the name of its connection variable (never its value), whether it is set,
 * and a connection check. Pure: HTML from the model, every value escaped.
 */
export function renderKeysPage(model: KeysPageModel, ctx: ConsolePageContext): string {
  const body = [
    '<style>.secret-value{word-break:break-all;user-select:all}fieldset label{display:block}</style>',
    noticeOf(model),
    '<p class="page-lead">Keys let applications call the API, each with the scopes its work needs. Connections to datastores come from environment variables the manifest names; their values never reach this page.</p>',
    '<h2 id="keys">API keys</h2>',
    keysTable(model, ctx),
    createForm(model, ctx),
    '<h2 id="connectors">Connectors</h2>',
    connectorsTable(model, ctx),
  ].join('\n');
  return renderConsolePage({
    title: 'Keys and connectors',
    user: ctx.user,
    active: 'keys',
    csrfToken: ctx.csrfToken,
    body,
  });
}
