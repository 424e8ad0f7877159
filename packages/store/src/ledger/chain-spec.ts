import { CANONICAL_FORMAT, canonicalEncoding } from '../chain/canonical.js';
import type { ChainColumn, ChainRecord, ChainSpec } from '../chain/types.js';

/** LISTEN/NOTIFY channel announcing the last sequence number after each append. */
export const LEDGER_CHANNEL = 'pledge_ledger';

/** The ledger's own columns, in canonical order (the chain adds seq, format, recorded_at, links). */
export const LEDGER_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'subject_hash', type: 'text' },
  { name: 'type', type: 'text' },
  { name: 'purposes', type: 'text[]' },
  { name: 'categories', type: 'text[]' },
  { name: 'consent_mode', type: 'text', nullable: true },
  { name: 'method', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'jurisdiction', type: 'text', nullable: true },
  { name: 'policy_version', type: 'text' },
  { name: 'policy_hash', type: 'text' },
  { name: 'notice_hash', type: 'text', nullable: true },
  { name: 'actor', type: 'text' },
  { name: 'signal', type: 'text', nullable: true },
  { name: 'occurred_at', type: 'timestamptz' },
] as const satisfies readonly ChainColumn[];

/**
 * Format 1, the ledger's first encoding (rows written before the format column existed):
 * a JSON array of the event's fields, `occurred_at` to the millisecond, and the previous
 * hash. It leaves out the recording time; format 2 covers it.
 */
function ledgerFormat1(record: ChainRecord): string {
  const v = record.values;
  const occurredAt = String(v.occurred_at);
  return JSON.stringify([
    record.seq,
    v.id,
    v.subject_hash,
    v.type,
    v.purposes,
    v.categories,
    v.consent_mode ?? null,
    v.method,
    v.source,
    v.jurisdiction ?? null,
    v.policy_version,
    v.policy_hash,
    v.notice_hash ?? null,
    v.actor,
    v.signal ?? null,
    `${occurredAt.slice(0, 23)}Z`,
    record.prevHash,
  ]);
}

/** The consent ledger as a hash chain: format 1 rows verify as written, new rows are format 2. */
export const LEDGER_CHAIN: ChainSpec = {
  name: 'ledger',
  table: 'pledge_ledger_events',
  head: { table: 'pledge_ledger_head', id: 1 },
  channel: LEDGER_CHANNEL,
  idColumn: 'id',
  words: { one: 'event', many: 'events', chain: 'ledger' },
  codec: {
    columns: LEDGER_COLUMNS,
    current: CANONICAL_FORMAT,
    formats: { 1: ledgerFormat1, [CANONICAL_FORMAT]: canonicalEncoding(LEDGER_COLUMNS) },
  },
};
