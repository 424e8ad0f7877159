import { type CompiledPolicy, type Decision, decide, type SubjectState } from '@pledge/decide';
import type { DecideBody } from '@pledge/protocol';
import type { LedgerEvent } from '@pledge/store';
import { decisionRequest } from './decision-request.js';

/** The part of the engine a batch reads: the policy in force, a subject's events, and state. */
export interface BatchSource {
  readonly policy: { readonly compiled: CompiledPolicy };
  events(subject: string): Promise<LedgerEvent[]>;
  stateFromEvents(events: readonly LedgerEvent[], facts: DecideBody['facts']): SubjectState;
}

/**
 * Decides every request against one policy version, reading each distinct subject's events
 * once. The policy is taken after the reads, with no await until the end, so every decision of
 * the batch (and the renewal check inside `stateFromEvents`) uses the same version.
 */
export async function decideBatch(engine: BatchSource, requests: readonly DecideBody[]): Promise<Decision[]> {
  const subjects = [...new Set(requests.flatMap((r) => (r.subject === undefined ? [] : [r.subject])))];
  const events = new Map<string, LedgerEvent[]>();
  await Promise.all(
    subjects.map(async (subject) => {
      events.set(subject, await engine.events(subject));
    }),
  );
  const { compiled } = engine.policy;
  return requests.map((r) => {
    const state = engine.stateFromEvents(
      r.subject === undefined ? [] : (events.get(r.subject) ?? []),
      r.facts,
    );
    return decide(compiled, decisionRequest(r), state);
  });
}
