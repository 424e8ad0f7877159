import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Appended, type AppendOptions, appendInTransaction } from '../chain/append.js';
import { arrayLiteral } from '../chain/insert.js';
import { lockHead } from '../chain/read.js';
import type { Database } from '../db/schema.js';
import { subjectHash } from '../ledger/hash.js';
import { DEREGISTRATION_CHAIN } from './chain-spec.js';

/** Who deregistered and under which request (ids, never personal values). */
export interface DeregistrationInput {
  /** The operator, key or process that ran it, e.g. `cli`. */
  actor: string;
  /** The erasure request that removed the account's data, when there was one. */
  requestId?: string;
}

/** What {@link recordDeregistration} wrote. */
export interface RecordedDeregistration {
  /** One tombstone per distinct identifier, in the order given. */
  tombstones: Array<Appended & { id: string }>;
  /** Links from an identifier to a ledger pseudonym deleted (zero when an erasure already did). */
  unlinked: number;
}

/**
 * Closes accounts for good in the store, in one transaction: deletes the link from each
 * identifier to its ledger pseudonym (the events stay, and nobody can join them to the person
 * again) and appends a tombstone per identifier to the deregistration chain, holding only the
 * identifier's keyed hash, the actor and the request id. Signing up again under the same
 * identifier gets a new random pseudonym; {@link wasDeregistered} answers from the tombstones.
 */
export async function recordDeregistration(
  db: Kysely<Database>,
  key: string,
  identifiers: readonly string[],
  input: DeregistrationInput,
  options: AppendOptions = {},
): Promise<RecordedDeregistration> {
  const hashes = [...new Set(identifiers)].map((identifier) => subjectHash(key, identifier));
  if (hashes.length === 0) return { tombstones: [], unlinked: 0 };
  return db.transaction().execute(async (trx) => {
    // The head lock orders this against a restore checking the tombstones (restore.ts).
    await lockHead<Database>(trx, DEREGISTRATION_CHAIN);
    const deleted = await trx
      .deleteFrom('pledge_subject_map')
      .where(sql<boolean>`subject_hash = any(${arrayLiteral(hashes)}::text[])`)
      .executeTakeFirst();
    const ids = hashes.map(() => randomUUID());
    const rows = hashes.map((hash, i) => ({
      id: ids[i] as string,
      subject_hash: hash,
      actor: input.actor,
      request_id: input.requestId ?? null,
    }));
    const appended = await appendInTransaction<Database>(trx, DEREGISTRATION_CHAIN, rows, options);
    return {
      tombstones: appended.map((a, i) => ({ ...a, id: ids[i] as string })),
      unlinked: Number(deleted.numDeletedRows),
    };
  });
}

/**
 * Whether an identifier was ever deregistered: one indexed read of the tombstones by keyed
 * hash. Says nothing else (not when, not whether the identifier signed up again).
 */
export async function wasDeregistered(
  db: Kysely<Database>,
  key: string,
  identifier: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('pledge_deregistrations')
    .select('seq')
    .where('subject_hash', '=', subjectHash(key, identifier))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The time of the latest tombstone of each keyed hash that has one. */
export async function latestTombstones<T>(
  db: Kysely<T>,
  hashes: readonly string[],
): Promise<Map<string, Date>> {
  const found = new Map<string, Date>();
  if (hashes.length === 0) return found;
  const rows = await sql<{ subject_hash: string; at: Date }>`
    SELECT subject_hash, max(recorded_at) AS at FROM pledge_deregistrations
    WHERE subject_hash = any(${arrayLiteral([...new Set(hashes)])}::text[])
    GROUP BY subject_hash`.execute(db);
  for (const row of rows.rows) found.set(row.subject_hash, new Date(row.at));
  return found;
}
