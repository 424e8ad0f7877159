import type { ConsoleUser } from '@pledge/auth';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../layout/page.js';
import { timeHtml } from '../layout/time.js';

/** One audit entry as the audit page shows it: who, what, whose (pseudonym), why; no personal values. */
export interface AuditEntryView {
  seq: number;
  recordedAt: Date;
  action: string;
  actor: { kind: string; id: string };
  subject: string | null;
  categories: readonly string[];
  purpose: string | null;
  reason: string | null;
  count: number;
  windowStart: Date | null;
}

/** The filters of the audit page, as given (strings from the query). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** What the audit page is drawn from. */
export interface AuditPageModel {
  user: ConsoleUser;
  /** Every action the filter offers (the store's `AUDIT_ACTIONS`). */
  actions: readonly string[];
  filters: AuditFilters;
  /** Refusals of the filters, by field. */
  errors?: ReadonlyArray<{ field: keyof AuditFilters; message: string }>;
  entries: readonly AuditEntryView[];
  /** The query string of the next page, when there is one. */
  next?: string;
}

function filterForm(model: AuditPageModel): string {
  const f = model.filters;
  const error = (field: keyof AuditFilters) => model.errors?.find((e) => e.field === field);
  const attrs = (field: keyof AuditFilters) =>
    error(field) ? ` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const message = (field: keyof AuditFilters) => {
    const e = error(field);
    return e ? `<p class="error" id="${field}-error">${escapeHtml(e.message)}</p>` : '';
  };
  const options = ['', ...model.actions]
    .map(
      (a) =>
        `<option value="${escapeHtml(a)}"${a === (f.action ?? '') ? ' selected' : ''}>${a === '' ? 'any' : escapeHtml(a)}</option>`,
    )
    .join('');
  return [
    '<form method="get" action="/console/audit" class="filters">',
    `<p><label for="actor">Actor id</label><input id="actor" name="actor" type="text" maxlength="200" value="${escapeHtml(f.actor ?? '')}"${attrs('actor')}></p>`,
    message('actor'),
    `<p><label for="action">Action</label><select id="action" name="action"${attrs('action')}>${options}</select></p>`,
    message('action'),
    `<p><label for="from">From (UTC)</label><input id="from" name="from" type="date" value="${escapeHtml(f.from ?? '')}"${attrs('from')}></p>`,
    message('from'),
    `<p><label for="to">To (UTC, inclusive)</label><input id="to" name="to" type="date" value="${escapeHtml(f.to ?? '')}"${attrs('to')}></p>`,
    message('to'),
    '<p><button type="submit">Filter</button></p>',
    '</form>',
  ].join('\n');
}

function row(e: AuditEntryView): string {
  const cells = [
    String(e.seq),
    '',
    e.action,
    `${e.actor.kind}: ${e.actor.id}`,
    e.subject ?? '—',
    e.categories.length > 0 ? e.categories.join(', ') : '—',
    e.purpose ?? '—',
    e.reason ?? '—',
    e.windowStart ? `${e.count} in the minute from ${e.windowStart.toISOString()}` : String(e.count),
  ];
  const html = cells.map((c) => `<td>${escapeHtml(c)}</td>`);
  html[1] = `<td>${timeHtml(e.recordedAt, { seconds: true })}</td>`;
  return `<tr>${html.join('')}</tr>`;
}

/**
 * The access audit page: filters (actor, action, from, to) and the matching entries, oldest
 * first, a page at a time. Entries name subjects by pseudonym only.
 */
export function renderAuditPage(model: AuditPageModel): string {
  const headings = [
    'Seq',
    'Recorded',
    'Action',
    'Actor',
    'Subject (pseudonym)',
    'Categories',
    'Purpose',
    'Reason',
    'Count',
  ];
  const table =
    model.entries.length === 0
      ? '<p>No audit entries match.</p>'
      : [
          '<div class="scroll" role="region" aria-label="Audit entries" tabindex="0"><table>',
          `<thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
          `<tbody>${model.entries.map(row).join('\n')}</tbody>`,
          '</table></div>',
        ].join('\n');
  const next = model.next ? `<p><a href="/console/audit?${escapeHtml(model.next)}">Next page</a></p>` : '';
  const body = [
    '<p>Every read and write of personal data through Pledge, hash-chained (verify with <code>pledge audit verify</code>).</p>',
    filterForm(model),
    table,
    next,
  ].join('\n');
  return renderConsolePage({ title: 'Access audit', user: model.user, active: 'audit', body });
}
