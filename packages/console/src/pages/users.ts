import { escapeHtml } from '@pledge/render';
import { type FormNotice, noticeHtml } from '../layout/notice.js';
import { renderConsolePage } from '../layout/page.js';
import type { ConsolePageContext } from './context.js';

/** One console user as the users page lists them (never a password or second-factor secret). */
export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  /** A TOTP second factor is enrolled. */
  readonly secondFactor: boolean;
  /** The user's confidentiality obligation is on record (P1-53). */
  readonly confidentiality: boolean;
  /** `YYYY-MM-DD` the account was disabled, if it was. */
  readonly disabledOn?: string;
}

/** One recorded role change, most recent first in the model. */
export interface RoleChangeRow {
  /** ISO time. */
  readonly at: string;
  /** Whose role: the user's e-mail (console users are staff, listed on this page anyway). */
  readonly user: string;
  /** Who changed it: a user's e-mail, or the tool (`cli`). */
  readonly actor: string;
  readonly from?: string;
  readonly to: string;
}

/** What the users page is drawn from. */
export interface UsersPageModel {
  readonly users: readonly UserRow[];
  /** Every role, in the order the forms offer them. */
  readonly roles: readonly string[];
  /** Roles that read personal data (they count against the cap and need confidentiality on record). */
  readonly personalDataRoles: readonly string[];
  /** The manifest's `security.personalDataAccessCap`, if it sets one. */
  readonly personalDataCap?: number;
  readonly history: readonly RoleChangeRow[];
  /** The outcome of the form just posted. */
  readonly notice?: FormNotice;
  /** Shown once, right after a user was created: never stored in the clear, never shown again. */
  readonly secret?: {
    readonly email: string;
    readonly temporaryPassword?: string;
    readonly otpauthUri?: string;
  };
  /** The create form's values to keep after a refusal. */
  readonly form?: { readonly email?: string; readonly name?: string; readonly role?: string };
}

const PAGE_CSS = [
  '<style>',
  '.users-table form{display:flex;flex-wrap:wrap;gap:var(--p-space-1);align-items:center;margin:0}',
  '.secret code{word-break:break-all;user-select:all}',
  '</style>',
].join('');

const yesNo = (value: boolean): string =>
  value ? '<span class="badge ok">yes</span>' : '<span class="badge warn">no</span>';

function roleOptions(roles: readonly string[], selected: string | undefined): string {
  return roles
    .map(
      (r) => `<option value="${escapeHtml(r)}"${r === selected ? ' selected' : ''}>${escapeHtml(r)}</option>`,
    )
    .join('');
}

function secretOf(secret: UsersPageModel['secret']): string {
  if (!secret) return '';
  const parts = [
    `<div class="card secret" role="status"><h2>Created ${escapeHtml(secret.email)}</h2>`,
    '<p>Hand these over now: they are shown this once. The password is stored only as its hash; the setup secret is never shown again.</p>',
  ];
  if (secret.temporaryPassword) {
    parts.push(`<p>Temporary password: <code>${escapeHtml(secret.temporaryPassword)}</code></p>`);
  }
  if (secret.otpauthUri) {
    parts.push(
      `<p>Second-factor setup (add to an authenticator app): <code>${escapeHtml(secret.otpauthUri)}</code></p>`,
    );
  }
  parts.push('</div>');
  return parts.join('');
}

function userRow(model: UsersPageModel, user: UserRow, ctx: ConsolePageContext): string {
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(ctx.csrfToken)}">`;
  const base = `/console/users/${encodeURIComponent(user.id)}`;
  const who = escapeHtml(user.email);
  const roleForm = user.disabledOn
    ? ''
    : `<form method="post" action="${base}/role" aria-label="Change the role of ${who}">${csrf}` +
      `<label>Role <select name="role">${roleOptions(model.roles, user.role)}</select></label>` +
      (user.confidentiality
        ? ''
        : '<label><input type="checkbox" name="confidentialityAcknowledged" value="yes"> confidentiality on record</label>') +
      '<button type="submit" class="secondary">Change role</button></form>';
  const disableForm =
    user.disabledOn || user.id === ctx.user.id
      ? ''
      : `<form method="post" action="${base}/disable" aria-label="Disable ${who}">${csrf}` +
        '<button type="submit" class="secondary">Disable</button></form>';
  const disabled = user.disabledOn
    ? `<span class="badge danger">${escapeHtml(user.disabledOn)}</span>`
    : 'no';
  return (
    `<tr><td>${who}</td><td>${escapeHtml(user.name)}</td><td><span class="badge">${escapeHtml(user.role)}</span></td>` +
    `<td>${yesNo(user.secondFactor)}</td><td>${yesNo(user.confidentiality)}</td><td>${disabled}</td>` +
    `<td>${roleForm}${disableForm}</td></tr>`
  );
}

function createForm(model: UsersPageModel, ctx: ConsolePageContext): string {
  const form = model.form ?? {};
  return [
    '<h2 id="create">Create a user</h2>',
    `<form method="post" action="/console/users" aria-labelledby="create"><input type="hidden" name="csrf" value="${escapeHtml(ctx.csrfToken)}">`,
    `<label>E-mail <input type="email" name="email" required value="${escapeHtml(form.email ?? '')}"></label>`,
    `<label>Name <input type="text" name="name" required maxlength="200" value="${escapeHtml(form.name ?? '')}"></label>`,
    // Least privilege by default: the first role that reads no personal data.
    `<label>Role <select name="role">${roleOptions(model.roles, form.role ?? model.roles.find((r) => !model.personalDataRoles.includes(r)))}</select></label>`,
    '<label><input type="checkbox" name="confidentialityAcknowledged" value="yes"> Their confidentiality obligation is on record</label>',
    '<label><input type="checkbox" name="totp" value="yes" checked> Set up a second factor now</label>',
    '<button type="submit">Create user</button>',
    '</form>',
  ].join('\n');
}

function historyTable(history: readonly RoleChangeRow[]): string {
  if (history.length === 0) return '<p class="muted">No role was ever granted.</p>';
  const rows = history.map(
    (h) =>
      `<tr><td>${escapeHtml(h.at.slice(0, 19).replace('T', ' '))}</td><td>${escapeHtml(h.user)}</td>` +
      `<td>${escapeHtml(h.from ?? '(created)')}</td><td>${escapeHtml(h.to)}</td><td>${escapeHtml(h.actor)}</td></tr>`,
  );
  return (
    '<div class="scroll" role="region" aria-label="Role changes" tabindex="0"><table>' +
    '<caption>Role changes, most recent first (UTC)</caption>' +
    '<thead><tr><th scope="col">When</th><th scope="col">User</th><th scope="col">From</th><th scope="col">To</th><th scope="col">By</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

/**
 * The users page (`users:manage`): every console user with their role, second factor,
 * confidentiality on record and whether disabled; forms to create a user (the temporary
 * password and second-factor setup shown once), change a role (a refusal, such as the
 * manifest's cap on holders of roles reading personal data, shown with its code) and
 * disable; and the role-change history. Every form carries the session's CSRF token. Pure:
 * HTML from the model, every value escaped.
 */
export function renderUsersPage(model: UsersPageModel, ctx: ConsolePageContext): string {
  const cap =
    model.personalDataCap === undefined
      ? 'The policy in force sets no cap on holders of roles that read personal data.'
      : `The policy in force allows at most ${model.personalDataCap} active holders of roles that read personal data (security.personalDataAccessCap).`;
  const table =
    model.users.length === 0
      ? '<p class="muted">No console user yet.</p>'
      : '<div class="scroll users-table" role="region" aria-label="Console users" tabindex="0"><table>' +
        '<caption>Console users</caption><thead><tr><th scope="col">E-mail</th><th scope="col">Name</th><th scope="col">Role</th>' +
        '<th scope="col">Second factor</th><th scope="col">Confidentiality on record</th><th scope="col">Disabled</th><th scope="col">Change</th></tr></thead>' +
        `<tbody>${model.users.map((u) => userRow(model, u, ctx)).join('')}</tbody></table></div>`;
  const body = [
    PAGE_CSS,
    noticeHtml(model.notice),
    secretOf(model.secret),
    `<p class="page-lead">Who can use the console and with which role. Roles reading personal data (${escapeHtml(model.personalDataRoles.join(', '))}) need the user's confidentiality obligation on record. ${escapeHtml(cap)}</p>`,
    table,
    createForm(model, ctx),
    '<h2 id="history">Role history</h2>',
    historyTable(model.history),
  ].join('\n');
  return renderConsolePage({
    title: 'Users and roles',
    user: ctx.user,
    active: 'users',
    csrfToken: ctx.csrfToken,
    body,
  });
}
