import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ChainRecord, ChainSpec } from './types.js';

/** One row to insert: exactly the record that is hashed, so the hash covers what is stored. */
export type ChainRowToInsert = ChainRecord;

/**
 * A text[] value as a PostgreSQL array literal: `unnest` flattens nested arrays, so each
 * row's list travels as one literal and is cast back per row.
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

interface Column {
  name: string;
  /** SQL type of the parameter array's elements. */
  type: string;
  /** Cast per row after unnest (lists travel as literals). */
  cast?: string;
  values: unknown[];
}

/**
 * Inserts rows with one array parameter per column; with `head`, the same statement moves
 * the chain head and notifies listeners (data-modifying CTEs always run).
 */
export async function insertChainRows<T>(
  db: Kysely<T>,
  spec: ChainSpec,
  rows: readonly ChainRowToInsert[],
  head?: { seq: number; hash: string },
): Promise<void> {
  const columns: Column[] = [
    { name: 'seq', type: 'bigint', values: rows.map((r) => r.seq) },
    ...spec.codec.columns.map((c): Column => {
      const values = rows.map((r) => r.values[c.name] ?? null);
      return c.type === 'text[]'
        ? {
            name: c.name,
            type: 'text',
            cast: 'text[]',
            values: values.map((v) => arrayLiteral(v as string[])),
          }
        : { name: c.name, type: c.type, values };
    }),
    { name: 'recorded_at', type: 'timestamptz', values: rows.map((r) => r.recordedAt) },
    { name: 'prev_hash', type: 'text', values: rows.map((r) => r.prevHash) },
    { name: 'hash', type: 'text', values: rows.map((r) => r.hash) },
    { name: 'format', type: 'smallint', values: rows.map((r) => r.format) },
  ];
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const selected = sql.join(
    columns.map(
      (c): RawBuilder<unknown> =>
        c.cast ? sql`u.${sql.ref(c.name)}::${sql.raw(c.cast)}` : sql`u.${sql.ref(c.name)}`,
    ),
  );
  const arrays = sql.join(columns.map((c) => sql`${c.values}::${sql.raw(c.type)}[]`));
  const insert = sql`INSERT INTO ${sql.table(spec.table)} (${names})
    SELECT ${selected} FROM unnest(${arrays}) AS u(${names})`;
  if (!head) {
    await insert.execute(db);
    return;
  }
  await sql`WITH inserted AS (${insert}),
      moved AS (UPDATE ${sql.table(spec.head.table)} SET seq = ${head.seq}, hash = ${head.hash} WHERE id = ${spec.head.id})
    SELECT pg_notify(${spec.channel}, ${String(head.seq)})`.execute(db);
}
