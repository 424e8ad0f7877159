import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccessReviewTable } from './table.js';
import type { AccessReview, ReviewState } from './types.js';

/** Reads a stored row into an {@link AccessReview}. */
export function toAccessReview(row: Selectable<AccessReviewTable>): AccessReview {
  return {
    id: row.id,
    from: row.period_from,
    to: row.period_to,
    createdBy: row.created_by,
    createdAt: row.created_at,
    findings: row.findings as readonly unknown[],
    summary: row.summary as Readonly<Record<string, unknown>>,
    reviewedActors: row.reviewed_actors,
    status: row.status as ReviewState,
    ...(row.signed_off_by === null ? {} : { signedOffBy: row.signed_off_by }),
    ...(row.signed_off_at === null ? {} : { signedOffAt: row.signed_off_at }),
    ...(row.sign_off_note === null ? {} : { note: row.sign_off_note }),
  };
}

/** One review by id, or undefined. */
export async function getAccessReview(db: Kysely<Database>, id: string): Promise<AccessReview | undefined> {
  const row = await db
    .selectFrom('pledge_access_reviews')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAccessReview(row) : undefined;
}

/** Every review, the latest period first. */
export async function listAccessReviews(db: Kysely<Database>): Promise<AccessReview[]> {
  const rows = await db
    .selectFrom('pledge_access_reviews')
    .selectAll()
    .orderBy('period_to', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toAccessReview);
}

/** The signed-off review whose period ends last, or undefined when none was ever signed. */
export async function lastSignedReview(db: Kysely<Database>): Promise<AccessReview | undefined> {
  const row = await db
    .selectFrom('pledge_access_reviews')
    .selectAll()
    .where('status', '=', 'signed-off')
    .orderBy('period_to', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toAccessReview(row) : undefined;
}
