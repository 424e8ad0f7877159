import type { ConsentSource, LedgerEventType } from '@pledge/core';
import type { RequestActor, RequestRight, RequestView } from '@pledge/requests';
import type { Runtime } from '../runtime.js';
import { ledgerSubjects } from './ledger-subjects.js';

/**
 * What carrying out a right outside the datastores did: `done` (the effect is recorded, the
 * request may complete, `evidence` says where), or `manual` (an officer handles it; the request
 * stays for the console queue).
 */
export type LedgerRightOutcome =
  | { readonly kind: 'done'; readonly evidence: string }
  | { readonly kind: 'manual'; readonly reason: string };

/** The ledger event each ledger right records; the other rights are not the ledger's. */
const EVENT_OF_RIGHT: Partial<Record<RequestRight, LedgerEventType>> = {
  withdrawal: 'consent-withdrawn',
  'opt-out-sale-share': 'opt-out',
  objection: 'objection',
};

/** Where the request came from, in the ledger's words. */
const SOURCE_OF_CHANNEL: Readonly<Record<string, ConsentSource>> = {
  'privacy-center': 'web',
  api: 'api',
  'officer-letter': 'paper',
  'officer-call': 'phone',
  cli: 'cli',
  email: 'email',
};

/** States in which a request has been verified and is not yet closed. */
const RUNNABLE = new Set(['verified', 'in-progress', 'extended']);

/**
 * Carries out a verified request whose right lives in the ledger and the decision engine rather
 * than in the datastores: withdrawal of consent, opt-out of sale or sharing, objection to
 * legitimate-interest processing. Each is recorded through the engine as the person's own event
 * (method `dsr`, the request's channel as source), for every purpose (an opt-out: every sale or
 * sharing purpose), under each ledger identifier of the request. From then on `decide` denies the
 * purposes concerned; earlier events stay as they are (a withdrawal is not retroactive, P0-48).
 * An objection stops legitimate-interest processing until an officer's assessment lifts it (see
 * `assessObjection`). Other rights, an unverified request or one without an identifier are `manual`.
 * Running it again records the events again, which narrows nothing further: a retry is safe.
 */
export async function runLedgerRight(
  rt: Runtime,
  request: RequestView,
  _actor: RequestActor,
): Promise<LedgerRightOutcome> {
  const type = EVENT_OF_RIGHT[request.right];
  if (type === undefined) return { kind: 'manual', reason: `${request.right} is handled by an officer` };
  if (request.verifiedAt === null || !RUNNABLE.has(request.state)) {
    return { kind: 'manual', reason: `request is ${request.state}, not verified and open` };
  }
  const subjects = ledgerSubjects(request);
  if (subjects.length === 0) return { kind: 'manual', reason: 'request names no ledger identifier' };
  const jurisdiction = rt.engine.policy.manifest.policy.jurisdictions.find((j) => j === request.jurisdiction);
  const seqs: number[] = [];
  for (const subject of subjects) {
    const recorded = await rt.engine.record(subject, [
      {
        type,
        method: 'dsr',
        source: SOURCE_OF_CHANNEL[request.channel] ?? 'api',
        actor: 'subject',
        ...(jurisdiction ? { jurisdiction } : {}),
      },
    ]);
    if (!recorded.ok) return { kind: 'manual', reason: `ledger refused the event (${recorded.code})` };
    seqs.push(...recorded.events.map((e) => e.seq));
  }
  return { kind: 'done', evidence: `request ${request.id}: ledger ${type} event seq ${seqs.join(', ')}` };
}
