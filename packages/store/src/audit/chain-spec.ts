import { CANONICAL_FORMAT, canonicalEncoding } from '../chain/canonical.js';
import type { ChainColumn, ChainSpec } from '../chain/types.js';

/** LISTEN/NOTIFY channel announcing the last sequence number after each append. */
export const AUDIT_CHANNEL = 'pledge_audit';

/**
 * An audit entry's own columns, in canonical order (the chain adds seq, format, recorded_at
 * and the links). No column holds a personal value: the subject is its pseudonym.
 */
export const AUDIT_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'actor_kind', type: 'text' },
  { name: 'actor_id', type: 'text' },
  { name: 'subject', type: 'text', nullable: true },
  { name: 'categories', type: 'text[]' },
  { name: 'purpose', type: 'text', nullable: true },
  { name: 'reason', type: 'text', nullable: true },
  { name: 'request_id', type: 'text', nullable: true },
  { name: 'count', type: 'integer' },
  { name: 'window_start', type: 'timestamptz', nullable: true },
] as const satisfies readonly ChainColumn[];

/**
 * The access audit log as a hash chain: every read and write of personal data through Pledge
 * is an entry, hashed with who, whose (pseudonym), which categories, why and when, so an
 * edited, deleted, inserted or reordered entry is found by verification, and signed
 * checkpoints find a rewritten, truncated or wiped log.
 */
export const AUDIT_CHAIN: ChainSpec = {
  name: 'audit',
  table: 'pledge_audit_entries',
  head: { table: 'pledge_audit_head', id: 1 },
  channel: AUDIT_CHANNEL,
  idColumn: 'id',
  words: { one: 'audit entry', many: 'audit entries', chain: 'audit log' },
  codec: {
    columns: AUDIT_COLUMNS,
    current: CANONICAL_FORMAT,
    formats: { [CANONICAL_FORMAT]: canonicalEncoding(AUDIT_COLUMNS) },
  },
};
