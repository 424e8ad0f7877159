import { type Kysely, sql } from 'kysely';
import { createChainTables } from '../chain/create-tables.js';
import { DEREGISTRATION_CHAIN } from '../deregistrations/chain-spec.js';

/**
 * Deregistration tombstones (see `DEREGISTRATION_CHAIN`): their chained table and head, and an
 * index on the identifier's keyed hash for the "was this identifier deregistered" check.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createChainTables(db, DEREGISTRATION_CHAIN);
  await sql`CREATE INDEX pledge_deregistrations_subject ON pledge_deregistrations (subject_hash, seq)`.execute(
    db,
  );
}

/** Drops the tombstones. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE pledge_deregistrations`.execute(db);
  await sql`DROP TABLE pledge_deregistrations_head`.execute(db);
}
