import { type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * A table whose rows workers lease: it has `lease_owner text` and `heartbeat_at timestamptz`
 * columns and a text key. Times are the database's (`now()`), so workers on machines whose
 * clocks disagree still agree on whose lease is stale.
 */
export interface LeaseTable {
  table: string;
  /** Key column; default `id`. */
  key?: string;
}

/** More to do in the statement that takes a lease. */
export interface TakeLeaseOptions {
  /** Extra assignments, e.g. sql`status = 'running', attempts = attempts + 1`. */
  set?: RawBuilder<unknown>;
  /** An extra condition on the row, e.g. sql`status <> 'completed'`. */
  where?: RawBuilder<unknown>;
}

function staleBefore(staleAfterMs: number): RawBuilder<Date> {
  return sql<Date>`now() - make_interval(secs => ${staleAfterMs / 1000})`;
}

/**
 * The statement that takes row `id` for `worker` (see {@link takeLease}), to run alone or to
 * embed, e.g. as a CTE with `returning *` so the leased row is read in the same round trip.
 */
export function leaseStatement(
  on: LeaseTable,
  id: string,
  worker: string,
  staleAfterMs: number,
  options: TakeLeaseOptions = {},
): RawBuilder<unknown> {
  const extraSet = options.set ? sql`, ${options.set}` : sql``;
  const extraWhere = options.where ? sql` and (${options.where})` : sql``;
  return sql`update ${sql.table(on.table)}
    set lease_owner = ${worker}, heartbeat_at = now()${extraSet}
    where ${sql.ref(on.key ?? 'id')} = ${id}${extraWhere}
      and (lease_owner is null or lease_owner = ${worker} or heartbeat_at < ${staleBefore(staleAfterMs)})`;
}

/**
 * Takes row `id` for `worker`: only when no other worker holds it with a heartbeat newer
 * than `staleAfterMs`. Returns false when another worker has it (or the row does not match).
 */
export async function takeLease<T>(
  db: Kysely<T>,
  on: LeaseTable,
  id: string,
  worker: string,
  staleAfterMs: number,
  options: TakeLeaseOptions = {},
): Promise<boolean> {
  const result = await leaseStatement(on, id, worker, staleAfterMs, options).execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** Refreshes the heartbeat; false when the lease was taken over (this worker must stop). */
export async function renewLease<T>(
  db: Kysely<T>,
  on: LeaseTable,
  id: string,
  worker: string,
): Promise<boolean> {
  const result = await sql`update ${sql.table(on.table)} set heartbeat_at = now()
    where ${sql.ref(on.key ?? 'id')} = ${id} and lease_owner = ${worker}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/**
 * Keys of rows held by a worker whose heartbeat is older than `staleAfterMs` (it died),
 * among those matching `where` (e.g. sql`status = 'running'`).
 */
export async function staleLeases<T>(
  db: Kysely<T>,
  on: LeaseTable,
  staleAfterMs: number,
  where?: RawBuilder<unknown>,
): Promise<string[]> {
  const key = on.key ?? 'id';
  const extraWhere = where ? sql` and (${where})` : sql``;
  const result = await sql<{ key: string }>`select ${sql.ref(key)} as key from ${sql.table(on.table)}
    where heartbeat_at < ${staleBefore(staleAfterMs)}${extraWhere}`.execute(db);
  return result.rows.map((row) => row.key);
}
