import type { Kysely } from 'kysely';
import type { ChainVerification } from '../chain/types.js';
import { type VerifyOptions, verifyChain } from '../chain/verify.js';
import type { Database } from '../db/schema.js';
import { POLICY_CHAIN } from './chain-spec.js';

/**
 * Walks every published policy version in order, recomputing each record's hash (its label,
 * manifest, changes, accepted lint errors and publication time) and link, and reports every
 * fault: an edited, deleted, inserted or reordered version, and a chain longer or shorter
 * than its head says (see `verifyChain`).
 */
export function verifyPolicies(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  return verifyChain(db, POLICY_CHAIN, options);
}
