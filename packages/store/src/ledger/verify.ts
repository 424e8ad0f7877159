import type { Kysely } from 'kysely';
import type { ChainFault, ChainFaultReport } from '../chain/types.js';
import { type VerifyOptions, verifyChain } from '../chain/verify.js';
import type { Database } from '../db/schema.js';
import { LEDGER_CHAIN } from './chain-spec.js';

/** What is wrong with a bad event. */
export type LedgerFault = ChainFault;

/**
 * Outcome of {@link verifyLedger}. When broken, `fault`, `seq`, `id` and `message` name the
 * first bad event, `events` counts the events verified before it, and `faults` lists every fault found (up to `maxFaults`; `faultCount` counts
 * them all).
 */
export type LedgerVerification =
  | { ok: true; events: number; headSeq: number; headHash: string }
  | {
      ok: false;
      events: number;
      fault: LedgerFault;
      seq: number;
      id?: string;
      message: string;
      faults: ChainFaultReport[];
      faultCount: number;
    };

/**
 * Walks the whole ledger in sequence order, in batches, recomputing every hash (format 1
 * events as written then, format 2 events over every stored column) and link, and reports
 * every fault: edited events, gaps (events deleted), broken links (events inserted or
 * moved), format tampering, and a chain longer or shorter than its head says.
 */
export async function verifyLedger(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<LedgerVerification> {
  const result = await verifyChain(db, LEDGER_CHAIN, options);
  if (result.ok)
    return { ok: true, events: result.records, headSeq: result.headSeq, headHash: result.headHash };
  const first = result.faults[0] as ChainFaultReport;
  return {
    ok: false,
    events: result.intact,
    fault: first.fault,
    seq: first.seq,
    ...(first.id ? { id: first.id } : {}),
    message: first.message,
    faults: result.faults,
    faultCount: result.faultCount,
  };
}
