import { AUDIT_CHAIN } from '../audit/chain-spec.js';
import type { ChainSpec } from '../chain/types.js';
import { DEREGISTRATION_CHAIN } from '../deregistrations/chain-spec.js';
import { LEDGER_CHAIN } from '../ledger/chain-spec.js';
import { POLICY_CHAIN } from '../policies/chain-spec.js';

/**
 * Every hash chain of the store, each checkpointed: the one list (the consent ledger, the
 * published policy versions, the access audit log and the deregistration tombstones). A new chain is added here and is then signed and verified like
 * the ledger.
 */
export const CHECKPOINTED_CHAINS: readonly ChainSpec[] = [
  LEDGER_CHAIN,
  POLICY_CHAIN,
  AUDIT_CHAIN,
  DEREGISTRATION_CHAIN,
];
