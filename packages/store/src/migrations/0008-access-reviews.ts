import { type Kysely, sql } from 'kysely';

/**
 * Access reviews: a period of the access audit log, its findings (codes, actor ids and subject
 * hashes as JSON, no personal value), the actors reviewed, and the sign-off. Which reviews may
 * be signed is checked by `signOffReview` under a table lock (two signed periods never overlap).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledge_access_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_from', 'timestamptz', (c) => c.notNull())
    .addColumn('period_to', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('reviewed_actors', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'signed-off')`))
    .addColumn('signed_off_by', 'text')
    .addColumn('signed_off_at', 'timestamptz')
    .addColumn('sign_off_note', 'text')
    .addCheckConstraint('pledge_access_reviews_period', sql`period_from < period_to`)
    .addCheckConstraint(
      'pledge_access_reviews_signed',
      sql`(status = 'open') = (signed_off_by is null and signed_off_at is null)`,
    )
    .execute();
  await db.schema
    .createIndex('pledge_access_reviews_period_to')
    .on('pledge_access_reviews')
    .columns(['status', 'period_to'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pledge_access_reviews').ifExists().execute();
}
