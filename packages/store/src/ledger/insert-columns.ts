import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ChainFields } from './hash.js';

/** LISTEN/NOTIFY channel announcing the last sequence number after each append. */
export const LEDGER_CHANNEL = 'pledge_ledger';

/** Ledger rows held column by column, the shape `unnest` takes. */
export interface LedgerColumns {
  seq: number[];
  id: string[];
  subjectHash: string[];
  type: string[];
  purposes: string[];
  categories: string[];
  consentMode: (string | null)[];
  method: string[];
  source: string[];
  jurisdiction: (string | null)[];
  policyVersion: string[];
  policyHash: string[];
  noticeHash: (string | null)[];
  actor: string[];
  signal: (string | null)[];
  occurredAt: Date[];
  prevHash: string[];
  hash: string[];
}

/** Columns with no rows. */
export function emptyColumns(): LedgerColumns {
  return {
    seq: [],
    id: [],
    subjectHash: [],
    type: [],
    purposes: [],
    categories: [],
    consentMode: [],
    method: [],
    source: [],
    jurisdiction: [],
    policyVersion: [],
    policyHash: [],
    noticeHash: [],
    actor: [],
    signal: [],
    occurredAt: [],
    prevHash: [],
    hash: [],
  };
}

/**
 * A text[] value as a PostgreSQL array literal: `unnest` flattens nested arrays, so each
 * row's list travels as one literal and is cast back per row.
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Appends one row. */
export function pushRow(columns: LedgerColumns, fields: ChainFields, prevHash: string, hash: string): void {
  columns.seq.push(fields.seq);
  columns.id.push(fields.id);
  columns.subjectHash.push(fields.subjectHash);
  columns.type.push(fields.type);
  columns.purposes.push(arrayLiteral(fields.purposes));
  columns.categories.push(arrayLiteral(fields.categories));
  columns.consentMode.push(fields.consentMode);
  columns.method.push(fields.method);
  columns.source.push(fields.source);
  columns.jurisdiction.push(fields.jurisdiction);
  columns.policyVersion.push(fields.policyVersion);
  columns.policyHash.push(fields.policyHash);
  columns.noticeHash.push(fields.noticeHash);
  columns.actor.push(fields.actor);
  columns.signal.push(fields.signal);
  columns.occurredAt.push(fields.occurredAt);
  columns.prevHash.push(prevHash);
  columns.hash.push(hash);
}

/** Rows `from` to `to` (exclusive). */
export function sliceColumns(columns: LedgerColumns, from: number, to: number): LedgerColumns {
  const out = {} as Record<keyof LedgerColumns, unknown[]>;
  for (const [name, values] of Object.entries(columns) as Array<[keyof LedgerColumns, unknown[]]>) {
    out[name] = values.slice(from, to);
  }
  return out as unknown as LedgerColumns;
}

/**
 * Inserts the rows with one array parameter per column; with `head`, the same statement
 * moves the chain head and notifies listeners (data-modifying CTEs always run).
 */
export async function insertColumns(
  db: Kysely<Database>,
  c: LedgerColumns,
  head?: { seq: number; hash: string },
): Promise<void> {
  const insert = sql`INSERT INTO pledge_ledger_events (seq, id, subject_hash, type, purposes, categories, consent_mode,
      method, source, jurisdiction, policy_version, policy_hash, notice_hash, actor, signal, occurred_at, prev_hash, hash)
    SELECT u.seq, u.id, u.subject_hash, u.type, u.purposes::text[], u.categories::text[], u.consent_mode, u.method,
      u.source, u.jurisdiction, u.policy_version, u.policy_hash, u.notice_hash, u.actor, u.signal, u.occurred_at,
      u.prev_hash, u.hash
    FROM unnest(${c.seq}::bigint[], ${c.id}::uuid[], ${c.subjectHash}::text[], ${c.type}::text[], ${c.purposes}::text[],
      ${c.categories}::text[], ${c.consentMode}::text[], ${c.method}::text[], ${c.source}::text[], ${c.jurisdiction}::text[],
      ${c.policyVersion}::text[], ${c.policyHash}::text[], ${c.noticeHash}::text[], ${c.actor}::text[], ${c.signal}::text[],
      ${c.occurredAt.map((d) => d.toISOString())}::timestamptz[], ${c.prevHash}::text[], ${c.hash}::text[])
      AS u(seq, id, subject_hash, type, purposes, categories, consent_mode, method, source, jurisdiction, policy_version,
        policy_hash, notice_hash, actor, signal, occurred_at, prev_hash, hash)`;
  if (!head) {
    await insert.execute(db);
    return;
  }
  await sql`WITH inserted AS (${insert}),
      moved AS (UPDATE pledge_ledger_head SET seq = ${head.seq}, hash = ${head.hash} WHERE id = 1)
    SELECT pg_notify(${LEDGER_CHANNEL}, ${String(head.seq)})`.execute(db);
}
