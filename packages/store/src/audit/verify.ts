import type { Kysely } from 'kysely';
import type { ChainVerification } from '../chain/types.js';
import { type VerifyOptions, verifyChain } from '../chain/verify.js';
import type { Database } from '../db/schema.js';
import { AUDIT_CHAIN } from './chain-spec.js';

/**
 * Walks the whole audit log in order, recomputing every entry's hash and link, and reports
 * every fault: an edited, deleted, inserted or reordered entry, and a log longer or shorter
 * than its head says. With `anchors` (signed checkpoints, see `verifyWithCheckpoints`) a
 * rewritten, truncated or wiped log is found too.
 */
export function verifyAudit(db: Kysely<Database>, options: VerifyOptions = {}): Promise<ChainVerification> {
  return verifyChain(db, AUDIT_CHAIN, options);
}
