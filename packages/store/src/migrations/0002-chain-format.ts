import { type Kysely, sql } from 'kysely';

/**
 * Versioned ledger records: every existing row is format 1 (its hash leaves out the
 * recording time) and keeps verifying as such; new rows are written in format 2 by the
 * application, which also sets `recorded_at` itself (no database default), so the hash can
 * cover it. A row inserted without a format is read as format 1.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE pledge_ledger_events ADD COLUMN format smallint NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE pledge_ledger_events ALTER COLUMN recorded_at DROP DEFAULT`.execute(db);
}

/** Drops the format column; only safe while every row is format 1. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE pledge_ledger_events ALTER COLUMN recorded_at SET DEFAULT now()`.execute(db);
  await sql`ALTER TABLE pledge_ledger_events DROP COLUMN format`.execute(db);
}
