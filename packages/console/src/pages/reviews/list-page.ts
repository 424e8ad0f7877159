import type { ConsoleUser } from '@pledge/auth';
import type { ReviewStatus, TypedAccessReview } from '@pledge/engine';
import { escapeHtml } from '@pledge/render';
import { renderConsolePage } from '../../layout/page.js';
import { reviewBanner } from './banner.js';
import { formatInstant, formatPeriod } from './format.js';

/** A refused form: the field and why (no personal data). */
export interface FormProblem {
  readonly path: string;
  readonly message: string;
}

/** What the reviews page is drawn from. */
export interface ReviewsPageModel {
  readonly user: ConsoleUser;
  readonly csrfToken: string;
  readonly status: ReviewStatus;
  /** Every review, the latest period first. */
  readonly reviews: readonly TypedAccessReview[];
  /** The open-a-review form as sent, with why it was refused. */
  readonly form?: { readonly from?: string; readonly to?: string; readonly problem?: FormProblem };
}

function statusLine(status: ReviewStatus): string {
  if (status.every === undefined) {
    return '<p class="muted">The manifest sets no review interval (<code>security.accessReviewEvery</code>).</p>';
  }
  const next = status.nextDueAt ? ` Next review due by ${escapeHtml(formatInstant(status.nextDueAt))}.` : '';
  return `<p>Accesses are reviewed every ${status.every.amount} ${escapeHtml(status.every.unit)}.${next}</p>`;
}

function reviewRow(review: TypedAccessReview): string {
  const findings = review.findings.length;
  const state =
    review.status === 'signed-off'
      ? `<span class="ok">signed off</span> ${escapeHtml(formatInstant(review.signedOffAt ?? review.createdAt))}`
      : '<span class="warn">open</span>';
  return [
    '<tr>',
    `<td><a href="/console/reviews/${encodeURIComponent(review.id)}">${escapeHtml(formatPeriod(review.from, review.to))}</a></td>`,
    `<td>${state}</td>`,
    `<td>${findings}</td>`,
    `<td>${Number(review.summary.accesses)}</td>`,
    '</tr>',
  ].join('');
}

function openForm(model: ReviewsPageModel): string {
  const problem = model.form?.problem;
  const error = (field: string) =>
    problem?.path === field ? ` aria-invalid="true" aria-describedby="review-problem"` : '';
  return [
    '<form method="post" action="/console/reviews" class="card">',
    '<h2>Open a review</h2>',
    problem ? `<p id="review-problem" class="error" role="alert">${escapeHtml(problem.message)}</p>` : '',
    `<input type="hidden" name="csrf" value="${escapeHtml(model.csrfToken)}">`,
    '<label for="review-from">From (inclusive, UTC)</label>',
    `<input id="review-from" name="from" type="date" required value="${escapeHtml(model.form?.from ?? '')}"${error('from')}>`,
    '<label for="review-to">To (exclusive, UTC)</label>',
    `<input id="review-to" name="to" type="date" required value="${escapeHtml(model.form?.to ?? '')}"${error('to')}>`,
    '<p><button type="submit">Open review</button></p>',
    '</form>',
  ].join('\n');
}

/** The reviews page: the due/overdue banner, the interval, every review and a form to open one. */
export function renderReviewsPage(model: ReviewsPageModel): string {
  const table =
    model.reviews.length === 0
      ? '<p class="muted">No review yet.</p>'
      : [
          '<div class="scroll"><table>',
          '<caption class="visually-hidden">Access reviews</caption>',
          '<thead><tr><th scope="col">Period</th><th scope="col">Status</th><th scope="col">Findings</th><th scope="col">Accesses</th></tr></thead>',
          `<tbody>${model.reviews.map(reviewRow).join('')}</tbody>`,
          '</table></div>',
        ].join('\n');
  return renderConsolePage({
    title: 'Access reviews',
    user: model.user,
    active: 'reviews',
    csrfToken: model.csrfToken,
    body: [reviewBanner(model.status), statusLine(model.status), table, openForm(model)].join('\n'),
  });
}
