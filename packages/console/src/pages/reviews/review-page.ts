import type { ConsoleUser } from '@pledge/auth';
import type { TypedAccessReview } from '@pledge/engine';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../../layout/page.js';
import { FINDING_TITLES, findingDetails, formatInstant, formatPeriod } from './format.js';
import type { FormProblem } from './list-page.js';

/** What one review's page is drawn from. */
export interface ReviewPageModel {
  readonly user: ConsoleUser;
  readonly csrfToken: string;
  readonly review: TypedAccessReview;
  /** A refused sign-off: why, and the note as sent. */
  readonly signOff?: { readonly note?: string; readonly problem?: FormProblem };
}

/** Whether the user is among the actors a review covers (and so may not sign it off). */
export function isReviewed(review: TypedAccessReview, user: ConsoleUser): boolean {
  return review.reviewedActors.includes(`user:${user.id}`);
}

function findingsTable(review: TypedAccessReview): string {
  if (review.findings.length === 0) return '<p class="ok">No unusual pattern found in this period.</p>';
  const rows = review.findings.map(
    (f) =>
      `<tr><td>${escapeHtml(FINDING_TITLES[f.code])} <span class="muted">(${escapeHtml(f.code)})</span></td>` +
      `<td>${escapeHtml(f.actor.kind)} <code>${escapeHtml(f.actor.id)}</code></td><td>${findingDetails(f)}</td></tr>`,
  );
  return [
    '<div class="scroll"><table>',
    '<caption class="visually-hidden">Findings</caption>',
    '<thead><tr><th scope="col">Finding</th><th scope="col">Actor</th><th scope="col">Details</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

function summary(review: TypedAccessReview): string {
  const s = review.summary;
  const actions = Object.entries(s.byAction)
    .map(([action, count]) => `${escapeHtml(action)}: ${count}`)
    .join(', ');
  return [
    '<dl>',
    `<dt>Period</dt><dd>${escapeHtml(formatPeriod(review.from, review.to))}</dd>`,
    `<dt>Accesses</dt><dd>${s.accesses} in ${s.entries} audit entries, by ${s.actors} actors, of ${s.subjects} subjects</dd>`,
    `<dt>By action</dt><dd>${actions || 'none'}</dd>`,
    `<dt>Opened</dt><dd>${escapeHtml(formatInstant(review.createdAt))}</dd>`,
    '</dl>',
  ].join('\n');
}

function signOffSection(model: ReviewPageModel): string {
  const { review, user } = model;
  if (review.status === 'signed-off') {
    const note = review.note ? `<p>Note: ${escapeHtml(review.note)}</p>` : '';
    return `<section class="card"><h2>Signed off</h2><p>By <code>${escapeHtml(review.signedOffBy ?? '')}</code> on ${escapeHtml(formatInstant(review.signedOffAt ?? review.createdAt))}.</p>${note}</section>`;
  }
  const problem = model.signOff?.problem;
  const alert = problem
    ? `<p id="sign-problem" class="error" role="alert">${escapeHtml(problem.message)}</p>`
    : '';
  if (isReviewed(review, user)) {
    return `<section class="card"><h2>Sign-off</h2>${alert}<p class="warn">You accessed personal data in this period, so someone else must sign this review off.</p></section>`;
  }
  return [
    `<form method="post" action="/console/reviews/${encodeURIComponent(review.id)}/sign" class="card">`,
    '<h2>Sign-off</h2>',
    alert,
    `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken)}">`,
    '<label for="sign-note">Note (what you checked and any follow-up; no personal data)</label>',
    `<textarea id="sign-note" name="note" rows="4" maxlength="2000"${problem ? ' aria-describedby="sign-problem"' : ''}>${escapeHtml(model.signOff?.note ?? '')}</textarea>`,
    '<p><button type="submit">Sign off this review</button></p>',
    '</form>',
  ].join('\n');
}

/** One review: its summary, findings, and the sign-off form (or who signed it off). */
export function renderReviewPage(model: ReviewPageModel): string {
  return renderConsolePage({
    title: `Access review ${formatPeriod(model.review.from, model.review.to)}`,
    user: model.user,
    active: 'reviews',
    csrfToken: model.csrfToken,
    body: [
      '<p><a href="/console/reviews">All reviews</a></p>',
      summary(model.review),
      '<h2>Findings</h2>',
      findingsTable(model.review),
      signOffSection(model),
    ].join('\n'),
  });
}
