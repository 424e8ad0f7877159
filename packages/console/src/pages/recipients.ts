import type { ConsoleUser } from '@pledge/auth';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../layout/page.js';

/** One recipient as the page shows it (the register's entry, in plain values). */
export interface RecipientRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Contracts it needs: any one of `anyOf`, from `rule` (manifest, P0-19, P0-23, P1-24). */
  readonly requirements: readonly { anyOf: readonly string[]; rule: string; satisfied: boolean }[];
  readonly contracts: readonly {
    kind: string;
    signedOn: string;
    expiresOn?: string;
    inForce: boolean;
    mediaType: string;
    size: number;
  }[];
  readonly inspections: readonly { kind: string; outcome: string; performedOn: string }[];
  readonly endedOn?: string;
  /** What the register finds missing (codes). */
  readonly flags: readonly string[];
  /** Where it takes notices of completed erasure, rectification and restriction requests. */
  readonly contact?: { readonly webhookUrl?: string; readonly email?: string };
}

/** One logged disclosure decision (the subject only as its keyed hash). */
export interface DisclosureRow {
  readonly at: string;
  readonly recipient: string;
  readonly subjectHash: string;
  readonly purpose: string;
  readonly categories: readonly string[];
  readonly basis: string;
  readonly legalReference?: string;
  readonly allowed: boolean;
  readonly codes: readonly string[];
  readonly actor: string;
}

/** What the recipients page is drawn from. */
export interface RecipientsPageModel {
  readonly user: ConsoleUser;
  readonly csrfToken?: string;
  /** The user may record inspections and end engagements (`recipients:manage`). */
  readonly canManage: boolean;
  readonly recipients: readonly RecipientRow[];
  /** Most recent first. */
  readonly disclosures: readonly DisclosureRow[];
  /** The vocabularies of the inspection form. */
  readonly inspectionKinds: readonly string[];
  readonly inspectionOutcomes: readonly string[];
  /** Today, `YYYY-MM-DD`: the forms' default date. */
  readonly today: string;
}

const PAGE_CSS = [
  '<style>',
  '.flag{color:var(--p-danger);font-weight:700}',
  '.ok{color:var(--p-ok)}',
  '.table-wrap{overflow-x:auto}',
  '.recipient{border-top:1px solid var(--p-border);padding-top:var(--p-space-2)}',
  '.recipient form{display:flex;flex-wrap:wrap;gap:var(--p-space-1) var(--p-space-2);align-items:end;margin:var(--p-space-1) 0}',
  '</style>',
].join('');

const FLAG_TEXT: Readonly<Record<string, string>> = {
  'contract-missing': 'Contract missing',
  'contract-expired': 'Contract expired',
  'security-inspection-missing': 'No passed security inspection (P1-24)',
  'audit-missing': 'No logged audit or appraisal (P0-28)',
  'engagement-ended': 'Engagement ended',
};

/**
 * The recipients page: each recipient with its kind, the contracts it needs against those on
 * file (missing ones flagged), its inspections, and the disclosure log; with
 * `recipients:manage`, forms to record an inspection and to end an engagement (each carrying
 * the CSRF token). Pure: HTML from the model, every value escaped.
 */
export function renderRecipientsPage(model: RecipientsPageModel): string {
  const flagged = model.recipients.filter((r) => r.flags.length > 0).length;
  const body = [
    PAGE_CSS,
    `<p>${model.recipients.length} recipients; ${flagged} flagged. Contracts are filed with <code>pledge recipients contract add</code> or <code>POST /v1/recipients/:id/contracts</code>.</p>`,
    '<h2>Register</h2>',
    ...model.recipients.map((r) => recipientSection(r, model)),
    '<h2>Disclosure log</h2>',
    disclosureTable(model.disclosures),
  ].join('\n');
  return renderConsolePage({
    title: 'Recipients',
    user: model.user,
    active: 'recipients',
    ...(model.csrfToken !== undefined ? { csrfToken: model.csrfToken } : {}),
    body,
  });
}

function recipientSection(r: RecipientRow, model: RecipientsPageModel): string {
  const id = escapeHtml(r.id);
  const flags =
    r.flags.length === 0
      ? '<p class="ok">Nothing missing.</p>'
      : `<ul aria-label="Flags">${r.flags.map((f) => `<li class="flag">${escapeHtml(FLAG_TEXT[f] ?? f)}</li>`).join('')}</ul>`;
  const required =
    r.requirements.length === 0
      ? '<li>None required</li>'
      : r.requirements
          .map(
            (q) =>
              `<li>${escapeHtml(q.anyOf.join(' or '))} <span class="muted">(${escapeHtml(q.rule)})</span>: ` +
              (q.satisfied ? '<span class="ok">on file</span>' : '<span class="flag">missing</span>') +
              '</li>',
          )
          .join('');
  const contracts =
    r.contracts.length === 0
      ? '<li>None on file</li>'
      : r.contracts
          .map(
            (c) =>
              `<li>${escapeHtml(c.kind)}, signed ${escapeHtml(c.signedOn)}` +
              (c.expiresOn ? `, expires ${escapeHtml(c.expiresOn)}` : '') +
              ` (${escapeHtml(c.mediaType)}, ${c.size} bytes)` +
              (c.inForce ? '' : ' <span class="flag">not in force</span>') +
              '</li>',
          )
          .join('');
  const inspections =
    r.inspections.length === 0
      ? '<li>None recorded</li>'
      : r.inspections
          .map(
            (i) => `<li>${escapeHtml(i.kind)} on ${escapeHtml(i.performedOn)}: ${escapeHtml(i.outcome)}</li>`,
          )
          .join('');
  return [
    `<section class="recipient" aria-labelledby="r-${id}">`,
    `<h3 id="r-${id}">${escapeHtml(r.name)} <span class="muted">(${id}, ${escapeHtml(r.kind)})</span></h3>`,
    r.endedOn ? `<p>Engagement ended on ${escapeHtml(r.endedOn)}.</p>` : '',
    flags,
    `<h4>Contracts required</h4><ul>${required}</ul>`,
    `<h4>Contracts on file</h4><ul>${contracts}</ul>`,
    `<h4>Inspections and appraisals</h4><ul>${inspections}</ul>`,
    `<h4>Notices</h4>${contactText(r)}`,
    model.canManage ? manageForms(r, model) : '',
    '</section>',
  ].join('\n');
}

function options(values: readonly string[]): string {
  return values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
}

function manageForms(r: RecipientRow, model: RecipientsPageModel): string {
  const id = escapeHtml(r.id);
  const path = `/console/recipients/${encodeURIComponent(r.id)}`;
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken ?? '')}">`;
  const today = escapeHtml(model.today);
  const inspection = [
    `<form method="post" action="${escapeHtml(path)}/inspections" aria-label="Record an inspection of ${id}">`,
    csrf,
    `<label>Kind <select name="kind">${options(model.inspectionKinds)}</select></label>`,
    `<label>Outcome <select name="outcome">${options(model.inspectionOutcomes)}</select></label>`,
    `<label>Date <input type="date" name="performedOn" value="${today}" required></label>`,
    '<button type="submit">Record inspection</button>',
    '</form>',
  ].join('');
  const end = r.endedOn
    ? ''
    : [
        `<form method="post" action="${escapeHtml(path)}/end" aria-label="End the engagement with ${id}">`,
        csrf,
        `<label>Last day <input type="date" name="endedOn" value="${today}" required></label>`,
        '<button type="submit" class="secondary">End engagement and request deletion</button>',
        '</form>',
      ].join('');
  const contact = [
    `<form method="post" action="${escapeHtml(path)}/contact" aria-label="Notice contact of ${id}">`,
    csrf,
    `<label>Webhook URL <input type="url" name="webhookUrl" maxlength="2000" value="${escapeHtml(r.contact?.webhookUrl ?? '')}"></label>`,
    `<label>E-mail <input type="email" name="email" maxlength="320" value="${escapeHtml(r.contact?.email ?? '')}"></label>`,
    '<button type="submit">Save notice contact</button>',
    '</form>',
  ].join('');
  return inspection + contact + end;
}

function contactText(r: RecipientRow): string {
  const c = r.contact;
  if (!c?.webhookUrl && !c?.email)
    return '<p class="muted">No contact: notices are held in the outbox for an officer to forward.</p>';
  const parts = [
    c.webhookUrl
      ? `webhook <code>${escapeHtml(c.webhookUrl)}</code> (signed with PLEDGE_WEBHOOK_SECRET)`
      : '',
    c.email ? `e-mail ${escapeHtml(c.email)}${c.webhookUrl ? ' (when no webhook)' : ''}` : '',
  ].filter(Boolean);
  return `<p>${parts.join('; ')}</p>`;
}

function disclosureTable(rows: readonly DisclosureRow[]): string {
  if (rows.length === 0) return '<p>No disclosure logged yet.</p>';
  const head =
    '<tr><th scope="col">When</th><th scope="col">Recipient</th><th scope="col">Subject (hash)</th><th scope="col">Purpose</th>' +
    '<th scope="col">Categories</th><th scope="col">Basis</th><th scope="col">Decision</th><th scope="col">By</th></tr>';
  const body = rows
    .map((d) => {
      const basis = d.legalReference
        ? `${escapeHtml(d.basis)}: ${escapeHtml(d.legalReference)}`
        : escapeHtml(d.basis);
      const decision = d.allowed
        ? '<span class="ok">allowed</span>'
        : `<span class="flag">refused</span> ${escapeHtml(d.codes.join(', '))}`;
      return (
        `<tr><td>${escapeHtml(d.at)}</td><td>${escapeHtml(d.recipient)}</td><td><code>${escapeHtml(d.subjectHash.slice(0, 12))}…</code></td>` +
        `<td>${escapeHtml(d.purpose)}</td><td>${escapeHtml(d.categories.join(', '))}</td><td>${basis}</td><td>${decision}</td><td>${escapeHtml(d.actor)}</td></tr>`
      );
    })
    .join('');
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="Disclosure log table"><table><caption>Most recent first</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}
