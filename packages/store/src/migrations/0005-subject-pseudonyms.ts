import { type Kysely, sql } from 'kysely';

/**
 * Pseudonyms: ledger events name a subject by a random pseudonym, and the only link from a
 * person to it is `pledge_subject_map` (keyed hash of the identifier → pseudonym), which
 * forgetting a subject deletes. Events written before this migration keep their keyed hash
 * as their pseudonym (the chain hashes that column, so it cannot change): a map row is made
 * for each, and old data keeps reading and verifying as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledge_subject_map')
    .addColumn('subject_hash', 'text', (c) => c.primaryKey())
    .addColumn('pseudonym', 'text', (c) => c.notNull().unique())
    .execute();
  await sql`INSERT INTO pledge_subject_map (subject_hash, pseudonym)
    SELECT DISTINCT subject_hash, subject_hash FROM pledge_ledger_events
    ON CONFLICT DO NOTHING`.execute(db);
}

/** Drops the map (events keep their pseudonyms; the link to them is lost). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pledge_subject_map').ifExists().execute();
}
