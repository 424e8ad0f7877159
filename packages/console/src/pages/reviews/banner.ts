import type { ReviewStatus } from '@pledge/engine';
import { escapeHtml } from '@pledge/render';
import { formatInstant } from './format.js';

/**
 * The access-review banner for the dashboard and the reviews page: an alert when a review is
 * overdue (P0-31), a notice when one is due soon, nothing otherwise. Escaped HTML.
 */
export function reviewBanner(status: ReviewStatus): string {
  if (!status.due || status.nextDueAt === undefined) return '';
  const when = escapeHtml(formatInstant(status.nextDueAt));
  const last = status.lastSignedAt
    ? ` The last review was signed off on ${escapeHtml(formatInstant(status.lastSignedAt))}.`
    : ' No review has been signed off yet.';
  if (status.overdue) {
    return `<div class="card review-banner" role="alert"><strong class="error">Access review overdue</strong>: it was due by ${when}.${last} <a href="/console/reviews">Review the accesses</a></div>`;
  }
  return `<div class="card review-banner" role="status"><strong class="warn">Access review due</strong> by ${when}.${last} <a href="/console/reviews">Review the accesses</a></div>`;
}
