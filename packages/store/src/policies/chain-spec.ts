import { CANONICAL_FORMAT, canonicalEncoding } from '../chain/canonical.js';
import type { ChainColumn, ChainSpec } from '../chain/types.js';

/** LISTEN/NOTIFY channel announcing the last sequence number after each publish. */
export const POLICY_CHANNEL = 'pledge_policies';

/**
 * A policy version's own columns, in canonical order (the chain adds seq, format,
 * recorded_at, which is the publication time, and the links). The manifest and its changes
 * are stored as the JSON text that is hashed, so the hash covers exactly what is stored.
 */
export const POLICY_COLUMNS = [
  { name: 'version', type: 'text' },
  { name: 'manifest_hash', type: 'text' },
  { name: 'manifest', type: 'text' },
  { name: 'changes', type: 'text' },
  { name: 'renewal_purposes', type: 'text[]' },
  { name: 'lint_accepted', type: 'text', nullable: true },
] as const satisfies readonly ChainColumn[];

/**
 * Published policy versions as a hash chain: every version, its manifest, its changes, the
 * lint errors accepted when it was published and its publication time are hashed, so an
 * edited, deleted, inserted or reordered version is found by verification. Rows published
 * before the chain existed were chained by migration `0004-policy-chain`, as they were then.
 */
export const POLICY_CHAIN: ChainSpec = {
  name: 'policies',
  table: 'pledge_policy_versions',
  head: { table: 'pledge_policy_head', id: 1 },
  channel: POLICY_CHANNEL,
  idColumn: 'version',
  words: { one: 'policy version', many: 'policy versions', chain: 'policy chain' },
  codec: {
    columns: POLICY_COLUMNS,
    current: CANONICAL_FORMAT,
    formats: { [CANONICAL_FORMAT]: canonicalEncoding(POLICY_COLUMNS) },
  },
};
