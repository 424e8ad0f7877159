import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { toAccessReview } from './read.js';
import type { AccessReview, ReviewRefusal } from './types.js';

/** What {@link createAccessReview} stores. */
export interface NewAccessReview {
  readonly from: Date;
  readonly to: Date;
  /** A console user id, or `cli`. */
  readonly createdBy: string;
  readonly findings: readonly unknown[];
  readonly summary: Readonly<Record<string, unknown>>;
  /** The actors with an access in the period, as `kind:id`. */
  readonly reviewedActors: readonly string[];
  readonly now: Date;
}

/**
 * Stores a new open review of a period that has ended. Refused (`review.period-invalid`,
 * `review.period-open`) when `from` is not before `to` or `to` is after `now`.
 */
export async function createAccessReview(
  db: Kysely<Database>,
  review: NewAccessReview,
): Promise<{ ok: true; review: AccessReview } | { ok: false; refusal: ReviewRefusal }> {
  if (!(review.from.getTime() < review.to.getTime())) {
    return {
      ok: false,
      refusal: { code: 'review.period-invalid', path: 'from', message: 'from must be before to' },
    };
  }
  if (review.to.getTime() > review.now.getTime()) {
    return {
      ok: false,
      refusal: {
        code: 'review.period-open',
        path: 'to',
        message: 'to must not be in the future: a review covers a period that has ended',
      },
    };
  }
  const row = await db
    .insertInto('pledge_access_reviews')
    .values({
      id: `rev_${randomBytes(9).toString('base64url')}`,
      period_from: review.from,
      period_to: review.to,
      created_by: review.createdBy,
      created_at: review.now,
      findings: JSON.stringify(review.findings),
      summary: JSON.stringify(review.summary),
      reviewed_actors: [...review.reviewedActors],
      status: 'open',
      signed_off_by: null,
      signed_off_at: null,
      sign_off_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ok: true, review: toAccessReview(row) };
}
