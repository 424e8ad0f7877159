import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ChainColumn, ChainRecord, ChainSpec, ChainValue } from './types.js';

/** A timestamptz column rendered in canonical form (UTC, microseconds). */
function canonicalTimeSql(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

function columnSql(column: ChainColumn): RawBuilder<unknown> {
  if (column.type === 'timestamptz') return sql`${canonicalTimeSql(column.name)} AS ${sql.ref(column.name)}`;
  if (column.type === 'uuid') return sql`${sql.ref(column.name)}::text AS ${sql.ref(column.name)}`;
  return sql.ref(column.name);
}

/**
 * Records after `afterSeq` (and at most `upTo`, when given), oldest first, at most `limit`,
 * exactly as stored (timestamps in canonical form): what verification hashes and what a
 * change feed can follow.
 */
export async function chainRecordsSince<T>(
  db: Kysely<T>,
  spec: ChainSpec,
  afterSeq: number,
  limit: number,
  upTo?: number,
): Promise<ChainRecord[]> {
  const columns = sql.join([
    sql.ref('seq'),
    sql.ref('format'),
    sql`${canonicalTimeSql('recorded_at')} AS recorded_at`,
    sql.ref('prev_hash'),
    sql.ref('hash'),
    ...spec.codec.columns.map(columnSql),
  ]);
  const { rows } = await sql<Record<string, unknown>>`SELECT ${columns} FROM ${sql.table(spec.table)}
    WHERE seq > ${afterSeq}${upTo === undefined ? sql`` : sql` AND seq <= ${upTo}`}
    ORDER BY seq LIMIT ${limit}`.execute(db);
  return rows.map((row) => {
    const values: Record<string, ChainValue> = {};
    for (const column of spec.codec.columns) values[column.name] = (row[column.name] ?? null) as ChainValue;
    return {
      seq: Number(row.seq),
      format: Number(row.format),
      recordedAt: String(row.recorded_at),
      prevHash: String(row.prev_hash),
      hash: String(row.hash),
      values,
    };
  });
}

/** The chain head, or undefined when its row is missing. */
export async function readHead<T>(
  db: Kysely<T>,
  spec: ChainSpec,
): Promise<{ seq: number; hash: string } | undefined> {
  const { rows } = await sql<{
    seq: number;
    hash: string;
  }>`SELECT seq, hash FROM ${sql.table(spec.head.table)}
    WHERE id = ${spec.head.id}`.execute(db);
  const row = rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** The chain head, locked until the transaction `trx` ends. */
export async function lockHead<T>(trx: Kysely<T>, spec: ChainSpec): Promise<{ seq: number; hash: string }> {
  const { rows } = await sql<{
    seq: number;
    hash: string;
  }>`SELECT seq, hash FROM ${sql.table(spec.head.table)}
    WHERE id = ${spec.head.id} FOR UPDATE`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`chain ${spec.name} has no head row`);
  return { seq: Number(row.seq), hash: row.hash };
}

/** The highest sequence number stored, 0 for an empty chain. */
export async function lastStoredSeq<T>(db: Kysely<T>, spec: ChainSpec): Promise<number> {
  const { rows } = await sql<{
    seq: number | null;
  }>`SELECT max(seq) AS seq FROM ${sql.table(spec.table)}`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}
