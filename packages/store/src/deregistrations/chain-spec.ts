import { CANONICAL_FORMAT, canonicalEncoding } from '../chain/canonical.js';
import type { ChainColumn, ChainSpec } from '../chain/types.js';

/** LISTEN/NOTIFY channel announcing the last sequence number after each append. */
export const DEREGISTRATION_CHANNEL = 'pledge_deregistrations';

/**
 * A tombstone's own columns, in canonical order (the chain adds seq, format, recorded_at, which
 * is the time of the deregistration, and the links). No column holds a personal value or a
 * pseudonym: the identifier only as its keyed hash, so a later sign-up or restore can be
 * checked, and nothing that joins the old ledger events to anyone.
 */
export const DEREGISTRATION_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'subject_hash', type: 'text' },
  { name: 'actor', type: 'text' },
  { name: 'request_id', type: 'text', nullable: true },
] as const satisfies readonly ChainColumn[];

/**
 * Deregistrations as a hash chain of tombstones: append-only proof that an account was closed
 * for good, when and by whom, which verification and signed checkpoints protect like the
 * consent ledger.
 */
export const DEREGISTRATION_CHAIN: ChainSpec = {
  name: 'deregistrations',
  table: 'pledge_deregistrations',
  head: { table: 'pledge_deregistrations_head', id: 1 },
  channel: DEREGISTRATION_CHANNEL,
  idColumn: 'id',
  words: { one: 'tombstone', many: 'tombstones', chain: 'deregistration log' },
  codec: {
    columns: DEREGISTRATION_COLUMNS,
    current: CANONICAL_FORMAT,
    formats: { [CANONICAL_FORMAT]: canonicalEncoding(DEREGISTRATION_COLUMNS) },
  },
};
