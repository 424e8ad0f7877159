import type { ReviewRefusal } from '@pledge/store';
import type { ReviewPeriod } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date (`YYYY-MM-DD`, midnight UTC) or an ISO instant with its offset; undefined otherwise. */
export function parseReviewInstant(text: string): Date | undefined {
  const value = text.trim();
  if (!DATE.test(value) && !INSTANT.test(value)) return undefined;
  const at = new Date(DATE.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/**
 * Reads a review period from text (a form or the command line): `from` inclusive, `to`
 * exclusive, each a date (midnight UTC) or an ISO instant. Refused with
 * `review.period-invalid` and the field when one is missing, malformed or `from` is not
 * before `to`.
 */
export function parseReviewPeriod(
  from: string | undefined,
  to: string | undefined,
): { ok: true; period: ReviewPeriod } | { ok: false; refusal: ReviewRefusal } {
  const read = (value: string | undefined, path: 'from' | 'to') => {
    const at = value === undefined ? undefined : parseReviewInstant(value);
    return (
      at ?? {
        code: 'review.period-invalid' as const,
        path,
        message: `${path} must be a date (YYYY-MM-DD) or an ISO instant`,
      }
    );
  };
  const start = read(from, 'from');
  if (!(start instanceof Date)) return { ok: false, refusal: start };
  const end = read(to, 'to');
  if (!(end instanceof Date)) return { ok: false, refusal: end };
  if (start.getTime() >= end.getTime()) {
    return {
      ok: false,
      refusal: { code: 'review.period-invalid', path: 'to', message: 'to must be after from' },
    };
  }
  return { ok: true, period: { from: start, to: end } };
}
