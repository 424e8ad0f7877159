import type { ReviewFinding } from '@pledge/engine';
import { escapeHtml } from '@pledge/render';

import { formatInstant } from '../../layout/time.js';

export { formatInstant };

/** A review period: from (inclusive) to (exclusive). */
export function formatPeriod(from: Date, to: Date): string {
  return `${formatInstant(from)} to ${formatInstant(to)}`;
}

/** What each finding code means, for the reviewer. */
export const FINDING_TITLES: Readonly<Record<ReviewFinding['code'], string>> = {
  'review.volume-outlier': 'Unusual volume',
  'review.lookup-without-request': 'Lookup without an open request',
  'review.outside-hours': 'Access outside working hours',
};

/** One finding's details as escaped HTML. */
export function findingDetails(finding: ReviewFinding): string {
  switch (finding.code) {
    case 'review.volume-outlier':
      return `${finding.count} accesses; median ${finding.median}, flagged above ${finding.threshold}`;
    case 'review.lookup-without-request':
      return `${finding.count} lookup(s) of subject <code>${escapeHtml(finding.subject)}</code>, ${escapeHtml(formatInstant(finding.first))} to ${escapeHtml(formatInstant(finding.last))}`;
    case 'review.outside-hours':
      return `${finding.count} access(es), ${escapeHtml(formatInstant(finding.first))} to ${escapeHtml(formatInstant(finding.last))}`;
  }
}
