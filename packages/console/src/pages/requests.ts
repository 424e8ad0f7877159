import type { ConsoleUser } from '@pledge/auth';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../layout/page.js';

/** One request in the queue: no contact address, no identity value. */
export interface RequestQueueRow {
  readonly id: string;
  readonly right: string;
  readonly state: string;
  readonly jurisdiction: string | null;
  readonly channel: string;
  readonly receivedAt: string;
  /** ISO instant, or null while the clock waits for verification. */
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly extended: boolean;
  readonly duplicateOf: string | null;
  readonly feeChargeable: boolean;
  /** The steps its state allows (`verify`, `clarify`, `resume`, `extend`, `deny`, `complete`). */
  readonly steps: readonly string[];
  /** Its checklist: stores no connector reaches (completing waits for every line). */
  readonly manualTasks?: readonly ManualTaskRow[];
  /** How Pledge carries it out: the DSR job, why it stopped, the plan awaiting approval. */
  readonly execution?: RequestExecutionRow;
}

/** Where the execution of a request stands (no identity value). */
export interface RequestExecutionRow {
  /** The DSR job's status (`queued`, `running`, `needs-review`, `completed`, `partial`, `failed`, ...). */
  readonly dsrStatus?: string;
  /** Why it waits or stopped, for the officer. */
  readonly note?: string;
  /** The plan an officer may approve ("approve plan"). */
  readonly plan?: {
    readonly stage: 'before-run' | 'needs-review';
    readonly kind: string;
    readonly collections: ReadonlyArray<{ dataset: string; collection: string; rows: number | null }>;
    readonly rootsMatched: number | null;
  };
}

/** One line of a request's checklist of manual tasks. */
export interface ManualTaskRow {
  readonly id: string;
  readonly label: string;
  readonly done: boolean;
  readonly evidence: string | null;
  /** Who ticked it: a user's e-mail or an actor id. */
  readonly doneBy: string | null;
  readonly doneAt: string | null;
}

/** What the request queue page is drawn from. */
export interface RequestsPageModel {
  readonly user: ConsoleUser;
  readonly csrfToken?: string;
  /** Soonest due first. */
  readonly requests: readonly RequestQueueRow[];
  /** The vocabularies of the forms. */
  readonly verifiedBy: readonly string[];
  readonly extensionReasons: readonly string[];
  readonly denialGrounds: readonly string[];
  /** The policy's complaint route, prefilled in the denial form. */
  readonly complaintRoute: string;
}

const PAGE_CSS = [
  '<style>',
  '.flag{color:var(--p-danger);font-weight:700}',
  '.table-wrap{overflow-x:auto}',
  '.steps form{display:flex;flex-wrap:wrap;gap:var(--p-space-1) var(--p-space-2);align-items:end;margin:var(--p-space-1) 0}',
  '</style>',
].join('');

function options(values: readonly string[]): string {
  return values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
}

function checklist(r: RequestQueueRow, model: RequestsPageModel): string {
  const tasks = r.manualTasks ?? [];
  if (tasks.length === 0) return '';
  const open = tasks.filter((t) => !t.done).length;
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken ?? '')}">`;
  const items = tasks
    .map((t) => {
      if (t.done) {
        return `<li>&#10003; ${escapeHtml(t.label)}: ${escapeHtml(t.evidence ?? '')} <span class="muted">(${escapeHtml(t.doneBy ?? '-')}, ${escapeHtml(t.doneAt ?? '-')})</span></li>`;
      }
      const action = `/console/requests/${encodeURIComponent(r.id)}/tasks/${encodeURIComponent(t.id)}`;
      return (
        `<li>${escapeHtml(t.label)}<form method="post" action="${escapeHtml(action)}" aria-label="Tick task ${escapeHtml(t.id.slice(0, 8))}">${csrf}` +
        '<label>Evidence <input name="evidence" required maxlength="2000"></label><button type="submit">Mark done</button></form></li>'
      );
    })
    .join('');
  return `<details class="steps"${open > 0 ? ' open' : ''}><summary>Manual tasks: ${open} of ${tasks.length} open</summary><ul>${items}</ul></details>`;
}

function executionCell(r: RequestQueueRow, model: RequestsPageModel): string {
  const e = r.execution;
  if (!e) return '';
  const status = e.dsrStatus ? `<p>DSR job: <strong>${escapeHtml(e.dsrStatus)}</strong></p>` : '';
  const note = e.note ? `<p class="muted">${escapeHtml(e.note)}</p>` : '';
  if (!e.plan) return status + note;
  const plan = e.plan;
  const short = escapeHtml(r.id.slice(0, 8));
  const items = plan.collections
    .map(
      (c) =>
        `<li>${escapeHtml(`${c.dataset}.${c.collection}`)}${c.rows === null ? '' : `: ${c.rows} rows`}</li>`,
    )
    .join('');
  const roots =
    plan.rootsMatched === null
      ? ''
      : `<p>Accounts matched: <strong>${plan.rootsMatched}</strong></p><input type="hidden" name="roots" value="${plan.rootsMatched}">`;
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken ?? '')}">`;
  const action = `/console/requests/${encodeURIComponent(r.id)}/approve`;
  return (
    status +
    note +
    `<details class="steps" open><summary>Plan of ${short} (${escapeHtml(plan.kind)})</summary>` +
    `<ul>${items || '<li>No datastore step (the ledger is written)</li>'}</ul>` +
    `<form method="post" action="${escapeHtml(action)}" aria-label="Approve plan ${short}">${csrf}${roots}<button type="submit">Approve plan</button></form></details>`
  );
}

function stepForms(r: RequestQueueRow, model: RequestsPageModel): string {
  if (r.steps.length === 0) return '';
  const path = `/console/requests/${encodeURIComponent(r.id)}`;
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken ?? '')}">`;
  const short = escapeHtml(r.id.slice(0, 8));
  const form = (step: string, label: string, fields: string, button: string) =>
    r.steps.includes(step)
      ? `<form method="post" action="${escapeHtml(`${path}/${step}`)}" aria-label="${escapeHtml(label)} ${short}">${csrf}${fields}<button type="submit">${escapeHtml(button)}</button></form>`
      : '';
  return [
    `<details class="steps"><summary>Act on ${short}</summary>`,
    form(
      'verify',
      'Verify',
      `<label>Verified by <select name="method">${options(model.verifiedBy)}</select></label>`,
      'Mark verified',
    ),
    form(
      'clarify',
      'Ask to clarify',
      '<label>Question <input name="question" required maxlength="2000"></label>',
      'Ask',
    ),
    form('resume', 'Resume', '', 'Resume'),
    form(
      'extend',
      'Extend',
      `<label>Reason <select name="reason">${options(model.extensionReasons)}</select></label><label>Note <input name="note" maxlength="2000"></label>`,
      'Extend deadline',
    ),
    form(
      'deny',
      'Deny',
      `<label>Ground <select name="ground">${options(model.denialGrounds)}</select></label><label>Complaint route <input name="complaintRoute" required maxlength="2000" value="${escapeHtml(model.complaintRoute)}"></label>`,
      'Deny',
    ),
    form(
      'complete',
      'Complete',
      '<label>Note <input name="note" maxlength="2000"></label>',
      'Mark completed',
    ),
    '</details>',
  ].join('');
}

/**
 * The request queue: every request by due date, soonest first, with its right, state, channel
 * and flags (overdue, extended, duplicate, fee allowed), and forms for the steps its state
 * allows (each carrying the CSRF token). No contact address or identity value is shown. Pure:
 * HTML from the model, every value escaped.
 */
export function renderRequestsPage(model: RequestsPageModel): string {
  const overdue = model.requests.filter((r) => r.overdue).length;
  const head =
    '<tr><th scope="col">Request</th><th scope="col">Right</th><th scope="col">State</th><th scope="col">Due</th>' +
    '<th scope="col">Law</th><th scope="col">Channel</th><th scope="col">Received</th><th scope="col">Flags</th><th scope="col">Steps</th></tr>';
  const rows = model.requests
    .map((r) => {
      const flags = [
        r.overdue ? '<span class="flag">overdue</span>' : '',
        r.extended ? 'extended' : '',
        r.duplicateOf ? `duplicate of ${escapeHtml(r.duplicateOf.slice(0, 8))}` : '',
        r.feeChargeable ? 'fee allowed' : '',
      ]
        .filter(Boolean)
        .join(', ');
      return (
        `<tr><td><code>${escapeHtml(r.id.slice(0, 8))}</code></td><td>${escapeHtml(r.right)}</td><td>${escapeHtml(r.state)}</td>` +
        `<td>${r.dueAt ? escapeHtml(r.dueAt) : '<span class="muted">waits for verification</span>'}</td>` +
        `<td>${escapeHtml(r.jurisdiction ?? '-')}</td><td>${escapeHtml(r.channel)}</td><td>${escapeHtml(r.receivedAt)}</td>` +
        `<td>${flags}</td><td>${executionCell(r, model)}${checklist(r, model)}${stepForms(r, model)}</td></tr>`
      );
    })
    .join('');
  const table =
    model.requests.length === 0
      ? '<p>No request yet.</p>'
      : `<div class="table-wrap" tabindex="0" role="region" aria-label="Request queue table"><table><caption>Soonest due first</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
  return renderConsolePage({
    title: 'Requests',
    user: model.user,
    active: 'requests',
    ...(model.csrfToken !== undefined ? { csrfToken: model.csrfToken } : {}),
    body: [
      PAGE_CSS,
      `<p>${model.requests.length} requests; ${overdue} overdue. Deadlines and states: docs/requests.md.</p>`,
      table,
    ].join('\n'),
  });
}
