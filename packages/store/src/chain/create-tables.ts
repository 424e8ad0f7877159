import { type Kysely, sql } from 'kysely';
import { GENESIS_HASH } from './canonical.js';
import type { ChainSpec } from './types.js';

/**
 * Creates a chain's record table (the chain's own columns around the codec's, nothing
 * defaulted, so every stored value is one the application wrote and hashed) and its head
 * row. For a migration of a new chain; the consent ledger's tables predate it.
 */
export async function createChainTables<T>(db: Kysely<T>, spec: ChainSpec): Promise<void> {
  const columns = spec.codec.columns.map(
    (c) => sql`${sql.ref(c.name)} ${sql.raw(c.type)}${c.nullable ? sql`` : sql` NOT NULL`}`,
  );
  await sql`CREATE TABLE ${sql.table(spec.table)} (
      seq bigint PRIMARY KEY,
      ${sql.join(columns)},
      recorded_at timestamptz NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      format smallint NOT NULL
    )`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS ${sql.table(spec.head.table)} (
      id integer PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL)`.execute(db);
  await sql`INSERT INTO ${sql.table(spec.head.table)} (id, seq, hash)
    VALUES (${spec.head.id}, 0, ${GENESIS_HASH})`.execute(db);
}
