import type { ConsoleUser } from '@pledge/auth';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../layout/page.js';

/** One outbox message: never its body, never its recipient's address. */
export interface OutboxRow {
  readonly id: string;
  readonly status: string;
  readonly channel: string;
  readonly template: string | null;
  /** `e-mail address`, `phone number`, `webhook endpoint`. */
  readonly recipientKind: string;
  readonly attempts: number;
  /** ISO instant, or null when nothing more is planned (sent, failed). */
  readonly nextAttemptAt: string | null;
  /** The last failure in plain words (see {@link errorInWords}), or null. */
  readonly lastError: string | null;
  readonly createdAt: string;
  /** Failed or held: the page offers "retry now". */
  readonly retryable: boolean;
}

/** One message received at the contact address. */
export interface InboxRow {
  readonly id: string;
  readonly from: string;
  readonly subject: string;
  readonly receivedAt: string;
  readonly size: number;
  /** The request opened from it, if one was. */
  readonly requestRef: string | null;
  /** When the policy promises a reply (its reply deadline for general questions); null when it sets none. */
  readonly replyDueAt?: string | null;
  /** Whether that reply deadline has passed. */
  readonly replyOverdue?: boolean;
}

/** What the outbox page is drawn from. */
export interface OutboxPageModel {
  readonly user: ConsoleUser;
  readonly csrfToken?: string;
  /** Newest first. */
  readonly outbox: readonly OutboxRow[];
  /** Newest first. */
  readonly inbox: readonly InboxRow[];
  /** The rights and jurisdictions the "turn into a request" form offers. */
  readonly rights: readonly string[];
  readonly jurisdictions: readonly string[];
  /** Whether an SMTP server is configured (held mail waits for one). */
  readonly smtpConfigured: boolean;
}

const PAGE_CSS = [
  '<style>',
  '.table-wrap{overflow-x:auto}',
  '.row-form{display:flex;flex-wrap:wrap;gap:var(--p-space-1) var(--p-space-2);align-items:end;margin:var(--p-space-1) 0}',
  '</style>',
].join('');

const WORDS: readonly (readonly [RegExp, string])[] = [
  [/no SMTP server configured/i, 'No mail server is configured; the message waits for one.'],
  [/no webhook secret/i, 'No webhook secret is configured.'],
  [/no SMS gateway/i, 'No SMS gateway is configured.'],
  [/ECONNREFUSED|connect/i, 'The server could not be reached (connection refused).'],
  [/timeout|timed out|ETIMEDOUT/i, 'The server did not answer in time.'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/i, 'The server name could not be resolved.'],
  [/certificate|TLS|SSL/i, 'The secure connection to the server failed (certificate or TLS).'],
  [/\b5\d\d\b/, 'The receiver refused the message permanently (a 5xx answer).'],
  [/\b4\d\d\b/, 'The receiver refused the message for now (a 4xx answer).'],
];

/**
 * A transport's last error in plain words. The raw text can quote an address or a server's
 * answer about it, so the page shows only the kind of failure.
 */
export function errorInWords(lastError: string | null): string | null {
  if (lastError === null || lastError === '') return null;
  return WORDS.find(([pattern]) => pattern.test(lastError))?.[1] ?? 'Sending failed for another reason.';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function options(values: readonly string[], blank?: string): string {
  const first = blank === undefined ? '' : `<option value="">${escapeHtml(blank)}</option>`;
  return first + values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('');
}

function outboxTable(model: OutboxPageModel, csrf: string): string {
  if (model.outbox.length === 0) return '<p>No message yet.</p>';
  const head =
    '<tr><th scope="col">Message</th><th scope="col">Status</th><th scope="col">Channel</th><th scope="col">Template</th>' +
    '<th scope="col">Recipient</th><th scope="col">Attempts</th><th scope="col">Next attempt</th><th scope="col">Last error</th><th scope="col">Action</th></tr>';
  const rows = model.outbox
    .map((m) => {
      const short = escapeHtml(m.id.slice(0, 8));
      const action = m.retryable
        ? `<form class="row-form" method="post" action="/console/outbox/${escapeHtml(encodeURIComponent(m.id))}/retry" aria-label="Retry ${short}">${csrf}<button type="submit">Retry now</button></form>`
        : '';
      return (
        `<tr><td><code>${short}</code></td><td>${escapeHtml(m.status)}</td><td>${escapeHtml(m.channel)}</td>` +
        `<td>${escapeHtml(m.template ?? '-')}</td><td>${escapeHtml(m.recipientKind)}</td><td>${m.attempts}</td>` +
        `<td>${m.nextAttemptAt ? escapeHtml(m.nextAttemptAt) : '-'}</td><td>${escapeHtml(m.lastError ?? '-')}</td><td>${action}</td></tr>`
      );
    })
    .join('');
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="Outbox table"><table><caption>Messages sent or waiting, newest first</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function replyDue(m: InboxRow): string {
  if (!m.replyDueAt) return '-';
  return m.replyOverdue
    ? `<strong class="overdue">${escapeHtml(m.replyDueAt)} (overdue)</strong>`
    : escapeHtml(m.replyDueAt);
}

function inboxTable(model: OutboxPageModel, csrf: string): string {
  if (model.inbox.length === 0) return '<p>No message received yet.</p>';
  const head =
    '<tr><th scope="col">From</th><th scope="col">Subject</th><th scope="col">Received</th><th scope="col">Size</th><th scope="col">Reply due</th><th scope="col">Request</th></tr>';
  const rows = model.inbox
    .map((m) => {
      const short = escapeHtml(m.id.slice(0, 8));
      const request = m.requestRef
        ? `opened as <code>${escapeHtml(m.requestRef.slice(0, 8))}</code>`
        : `<form class="row-form" method="post" action="/console/inbox/${escapeHtml(encodeURIComponent(m.id))}/request" aria-label="Turn ${short} into a request">${csrf}` +
          `<label>Right <select name="right" required>${options(model.rights)}</select></label>` +
          `<label>Jurisdiction <select name="jurisdiction">${options(model.jurisdictions, 'not stated')}</select></label>` +
          '<button type="submit">Turn into a request</button></form>';
      return (
        `<tr><td>${escapeHtml(m.from)}</td><td>${escapeHtml(m.subject || '(no subject)')}</td><td>${escapeHtml(m.receivedAt)}</td>` +
        `<td>${m.size} bytes</td><td>${replyDue(m)}</td><td>${request}</td></tr>`
      );
    })
    .join('');
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="Inbox table"><table><caption>Messages received at the contact address, newest first</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

/**
 * The outbox and inbox: every stored message with its status, channel, template, kind of
 * recipient, attempts, next attempt and last error in words (never a body, never an address
 * it goes to), with "retry now" for failed or held ones; and every message received at the
 * contact address (sender, subject, time, size) with a form turning it into a request. Pure:
 * HTML from the model, every value escaped.
 */
export function renderOutboxPage(model: OutboxPageModel): string {
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken ?? '')}">`;
  const held = model.outbox.filter((m) => m.status === 'held').length;
  const failed = model.outbox.filter((m) => m.status === 'failed').length;
  return renderConsolePage({
    title: 'Outbox and inbox',
    user: model.user,
    active: 'outbox',
    ...(model.csrfToken !== undefined ? { csrfToken: model.csrfToken } : {}),
    body: [
      PAGE_CSS,
      '<h2>Outbox</h2>',
      `<p>${plural(model.outbox.length, 'message')}; ${held} held, ${failed} failed. ${
        model.smtpConfigured
          ? 'A mail server is configured.'
          : 'No mail server is configured: e-mail is held here.'
      } Bodies are never shown; one-time codes are erased once sent.</p>`,
      outboxTable(model, csrf),
      '<h2>Inbox</h2>',
      `<p>${plural(model.inbox.length, 'message')} received at the contact address. Each is a possible request.</p>`,
      inboxTable(model, csrf),
    ].join('\n'),
  });
}
