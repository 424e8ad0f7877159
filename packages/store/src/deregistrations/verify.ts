import type { Kysely } from 'kysely';
import type { ChainVerification } from '../chain/types.js';
import { type VerifyOptions, verifyChain } from '../chain/verify.js';
import type { Database } from '../db/schema.js';
import { DEREGISTRATION_CHAIN } from './chain-spec.js';

/** Walks the deregistration tombstones in order and reports every edited, deleted, inserted or reordered one. */
export function verifyDeregistrations(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  return verifyChain(db, DEREGISTRATION_CHAIN, options);
}
