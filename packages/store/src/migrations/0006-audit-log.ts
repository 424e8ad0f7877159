import { type Kysely, sql } from 'kysely';
import { AUDIT_CHAIN } from '../audit/chain-spec.js';
import { createChainTables } from '../chain/create-tables.js';

/**
 * The access audit log (see `AUDIT_CHAIN`): its chained table and head, and indexes for the
 * console's and reviews' filters (time, actor, subject).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createChainTables(db, AUDIT_CHAIN);
  await sql`CREATE INDEX pledge_audit_entries_recorded_at ON pledge_audit_entries (recorded_at)`.execute(db);
  await sql`CREATE INDEX pledge_audit_entries_actor ON pledge_audit_entries (actor_id, seq)`.execute(db);
  await sql`CREATE INDEX pledge_audit_entries_subject ON pledge_audit_entries (subject, seq)`.execute(db);
}

/** Drops the audit log. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE pledge_audit_entries`.execute(db);
  await sql`DROP TABLE pledge_audit_head`.execute(db);
}
