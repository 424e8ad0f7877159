import type { ChainSpec } from '../chain/types.js';
import { LEDGER_CHAIN } from '../ledger/chain-spec.js';

/**
 * Every hash chain of the store, each checkpointed: the one list. A new chain (policy
 * versions, ...) is added here and is then signed and verified like the ledger.
 */
export const CHECKPOINTED_CHAINS: readonly ChainSpec[] = [LEDGER_CHAIN];
