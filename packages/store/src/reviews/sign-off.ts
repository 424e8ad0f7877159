import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { toAccessReview } from './read.js';
import { type AccessReview, REVIEW_NOTE_MAX, type ReviewRefusal } from './types.js';

/** What {@link signOffAccessReview} needs. */
export interface ReviewSignOff {
  readonly id: string;
  /** The reviewer as `kind:id` (see `actorLabel`), e.g. `user:u_123`. */
  readonly reviewer: string;
  readonly note?: string;
  readonly now: Date;
  /**
   * Actors found in the audit log for the period now (as `kind:id`), besides those stored when
   * the review was opened: an access recorded late still bars its actor from signing.
   */
  readonly alsoReviewed?: readonly string[];
  /** Runs in the sign-off's transaction after the update (e.g. to write an audit entry). */
  readonly onSigned?: (trx: Transaction<Database>, review: AccessReview) => Promise<void>;
}

const refuse = (code: ReviewRefusal['code'], path: string, message: string) =>
  ({ ok: false, refusal: { code, path, message } }) as const;

/**
 * Signs a review off, or refuses with a stable code: `review.not-found`,
 * `review.already-signed`, `review.reviewer-reviewed` (the reviewer is among the actors the
 * review covers), `review.overlaps-signed` (another signed-off review covers part of the
 * period), `review.note-too-long`. Sign-offs are serialised by a table lock, so two
 * overlapping reviews signed at once cannot both succeed.
 */
export async function signOffAccessReview(
  db: Kysely<Database>,
  signOff: ReviewSignOff,
): Promise<{ ok: true; review: AccessReview } | { ok: false; refusal: ReviewRefusal }> {
  if ((signOff.note?.length ?? 0) > REVIEW_NOTE_MAX) {
    return refuse('review.note-too-long', 'note', `the note must be at most ${REVIEW_NOTE_MAX} characters`);
  }
  return db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE pledge_access_reviews IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const row = await trx
      .selectFrom('pledge_access_reviews')
      .selectAll()
      .where('id', '=', signOff.id)
      .executeTakeFirst();
    if (!row) return refuse('review.not-found', 'id', 'no access review has this id');
    if (row.status === 'signed-off')
      return refuse('review.already-signed', 'id', 'the review is signed off already');
    const reviewed = new Set([...row.reviewed_actors, ...(signOff.alsoReviewed ?? [])]);
    if (reviewed.has(signOff.reviewer)) {
      return refuse(
        'review.reviewer-reviewed',
        'by',
        'the reviewer accessed personal data in this period: someone not among the reviewed must sign off',
      );
    }
    const overlapping = await trx
      .selectFrom('pledge_access_reviews')
      .select('id')
      .where('status', '=', 'signed-off')
      .where('period_from', '<', row.period_to)
      .where('period_to', '>', row.period_from)
      .executeTakeFirst();
    if (overlapping) {
      return refuse(
        'review.overlaps-signed',
        'id',
        `the signed-off review ${overlapping.id} covers part of the same period`,
      );
    }
    const updated = await trx
      .updateTable('pledge_access_reviews')
      .set({
        status: 'signed-off',
        signed_off_by: signOff.reviewer,
        signed_off_at: signOff.now,
        sign_off_note: signOff.note ?? null,
      })
      .where('id', '=', signOff.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const review = toAccessReview(updated);
    await signOff.onSigned?.(trx, review);
    return { ok: true, review } as const;
  });
}
