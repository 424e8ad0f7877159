import type { ConsoleUser } from '@pledge/auth';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../layout/page.js';
import { timeHtml } from '../layout/time.js';

/** One ledger event as the lookup shows it (no identifier: the subject is its pseudonym). */
export interface SubjectEventView {
  seq: number;
  type: string;
  purposes: readonly string[];
  categories: readonly string[];
  method: string;
  source: string;
  occurredAt: Date;
}

/** A purpose's consent as the subject's latest event about it left it. */
export interface PurposeStateView {
  id: string;
  name: string;
  /** The latest event naming the purpose, if any. */
  last?: { type: string; at: Date };
}

/** What the subject lookup page is drawn from. */
export interface SubjectsPageModel {
  user: ConsoleUser;
  csrfToken: string;
  /** Refusals of the form, by field (`identifier`, `reason`). */
  errors?: ReadonlyArray<{ field: 'identifier' | 'reason'; message: string }>;
  /** The reason typed, shown again after a refusal (the identifier never is). */
  reason?: string;
  /** The lookup's answer, after a valid lookup (recorded in the audit log before it is drawn). */
  result?: { pseudonym: string; purposes: readonly PurposeStateView[]; events: readonly SubjectEventView[] };
}

const list = (values: readonly string[]) => (values.length === 0 ? '—' : escapeHtml(values.join(', ')));

function form(model: SubjectsPageModel): string {
  const error = (field: 'identifier' | 'reason') => model.errors?.find((e) => e.field === field);
  const described = (field: 'identifier' | 'reason') =>
    error(field) ? ` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const message = (field: 'identifier' | 'reason') => {
    const e = error(field);
    return e ? `<p class="error" id="${field}-error">${escapeHtml(e.message)}</p>` : '';
  };
  return [
    '<form method="post" action="/console/subjects" class="stack">',
    `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken)}">`,
    '<p><label for="identifier">Subject identifier</label>',
    `<input id="identifier" name="identifier" type="text" required maxlength="256" autocomplete="off"${described('identifier')}></p>`,
    message('identifier'),
    '<p><label for="reason">Reason for the lookup (recorded in the access audit)</label>',
    `<input id="reason" name="reason" type="text" required minlength="3" maxlength="500" value="${escapeHtml(model.reason ?? '')}"${described('reason')}></p>`,
    message('reason'),
    '<p><button type="submit">Look up</button></p>',
    '</form>',
  ].join('\n');
}

function result(r: NonNullable<SubjectsPageModel['result']>): string {
  const purposes = r.purposes
    .map(
      (p) =>
        `<tr><th scope="row">${escapeHtml(p.name)} <span class="muted">(${escapeHtml(p.id)})</span></th>` +
        `<td>${p.last ? escapeHtml(p.last.type) : 'no event'}</td><td>${p.last ? timeHtml(p.last.at, { seconds: true }) : '—'}</td></tr>`,
    )
    .join('\n');
  const events = r.events
    .map(
      (e) =>
        `<tr><td>${e.seq}</td><td>${timeHtml(e.occurredAt, { seconds: true })}</td><td>${escapeHtml(e.type)}</td>` +
        `<td>${list(e.purposes)}</td><td>${list(e.categories)}</td><td>${escapeHtml(e.method)} / ${escapeHtml(e.source)}</td></tr>`,
    )
    .join('\n');
  return [
    '<section aria-labelledby="result-heading">',
    '<h2 id="result-heading">Result</h2>',
    `<p>Pseudonym <code>${escapeHtml(r.pseudonym)}</code>. This lookup was recorded in the access audit with your reason.</p>`,
    '<h3>Consent by purpose</h3>',
    '<div class="scroll" role="region" aria-label="Consent by purpose" tabindex="0"><table><thead><tr><th scope="col">Purpose</th><th scope="col">Latest event</th><th scope="col">When</th></tr></thead>',
    `<tbody>${purposes}</tbody></table></div>`,
    `<h3>Ledger events (${r.events.length})</h3>`,
    r.events.length === 0
      ? '<p>No ledger events for this subject.</p>'
      : '<div class="scroll" role="region" aria-label="Ledger events" tabindex="0"><table><thead><tr><th scope="col">Seq</th><th scope="col">Occurred</th><th scope="col">Type</th>' +
        '<th scope="col">Purposes</th><th scope="col">Categories</th><th scope="col">Method / source</th></tr></thead>' +
        `<tbody>${events}</tbody></table></div>`,
    '</section>',
  ].join('\n');
}

/**
 * The subject lookup page: a form asking for the identifier and a required reason, and,
 * after a lookup, the subject's consent per purpose and ledger events under its pseudonym.
 * The identifier is never written back into the page.
 */
export function renderSubjectsPage(model: SubjectsPageModel): string {
  const body = [
    '<p>Look up one data subject. Every lookup is recorded in the access audit with your name and reason.</p>',
    form(model),
    model.result ? result(model.result) : '',
  ].join('\n');
  return renderConsolePage({
    title: 'Subject lookup',
    user: model.user,
    active: 'subjects',
    body,
    csrfToken: model.csrfToken,
  });
}
