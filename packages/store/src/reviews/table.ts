import type { ColumnType } from 'kysely';

/** One access review as stored (see `docs/access-reviews.md`). */
export interface AccessReviewTable {
  id: string;
  /** The period reviewed: from (inclusive) to (exclusive). */
  period_from: ColumnType<Date, Date | string, never>;
  period_to: ColumnType<Date, Date | string, never>;
  /** Who opened it: a console user id, or `cli`. */
  created_by: string;
  created_at: ColumnType<Date, Date | string, never>;
  /** The findings and totals as JSON (codes, actor ids and subject hashes: no personal value). */
  findings: ColumnType<unknown, string, never>;
  summary: ColumnType<unknown, string, never>;
  /** Every actor with an access in the period, as `kind:id`: none of them may sign off. */
  reviewed_actors: ColumnType<string[], string[], never>;
  /** `open` or `signed-off`. */
  status: string;
  signed_off_by: string | null;
  signed_off_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  sign_off_note: string | null;
}
