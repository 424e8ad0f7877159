import { getRequest, type RequestActor, type RequestView, requestsDb } from '@pledge/requests';
import type { Runtime } from '../runtime.js';
import { ledgerSubjects } from './ledger-subjects.js';

/**
 * What an officer's assessment of an objection concluded: `compelling-grounds` (GDPR Art. 21(1):
 * grounds that override the person's interests, so processing may resume) or `objection-upheld`
 * (processing stays stopped for the person).
 */
export const ASSESSMENT_OUTCOMES = ['compelling-grounds', 'objection-upheld'] as const;
/** One of {@link ASSESSMENT_OUTCOMES}. */
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/** An assessment as the officer logs it. */
export interface ObjectionAssessment {
  outcome: AssessmentOutcome;
  /** The grounds weighed, in the officer's words (kept with the request, never in the ledger). */
  note: string;
}

/** Outcome of {@link assessObjection}. */
export type AssessObjectionResult =
  | { ok: true; request: RequestView; lifted: boolean }
  | {
      ok: false;
      code:
        | 'request.not-found'
        | 'request.not-an-objection'
        | 'request.not-verified'
        | 'request.text-required';
      path: string;
      message: string;
    };

/**
 * Logs an officer's assessment of a verified objection request as its `assess-objection` event.
 * Until one is logged, the objection recorded by `runLedgerRight` keeps legitimate-interest
 * processing stopped for the person (P0-53). With `compelling-grounds`, an `objection-lifted`
 * ledger event (actor `officer`) lets `decide` allow it again; with `objection-upheld` the
 * objection stays. Refusals are values naming the field.
 */
export async function assessObjection(
  rt: Runtime,
  id: string,
  assessment: ObjectionAssessment,
  actor: RequestActor,
  now: Date = new Date(),
): Promise<AssessObjectionResult> {
  const request = await getRequest(rt.store.db, id);
  if (!request) return { ok: false, code: 'request.not-found', path: 'id', message: 'no such request' };
  if (request.right !== 'objection') {
    return {
      ok: false,
      code: 'request.not-an-objection',
      path: 'id',
      message: 'the request is not an objection',
    };
  }
  if (request.verifiedAt === null) {
    return { ok: false, code: 'request.not-verified', path: 'id', message: 'the request is not verified' };
  }
  if (assessment.note.trim() === '') {
    return {
      ok: false,
      code: 'request.text-required',
      path: 'note',
      message: 'note must say the grounds weighed',
    };
  }
  const lifted = assessment.outcome === 'compelling-grounds';
  const seqs: number[] = [];
  if (lifted) {
    for (const subject of ledgerSubjects(request)) {
      const recorded = await rt.engine.record(subject, [
        { type: 'objection-lifted', method: 'officer-entry', source: 'officer', actor: 'officer' },
      ]);
      if (recorded.ok) seqs.push(...recorded.events.map((e) => e.seq));
    }
  }
  await requestsDb(rt.store.db)
    .insertInto('pledge_request_events')
    .values({
      request_id: id,
      at: now,
      action: 'assess-objection',
      from_state: request.state,
      to_state: request.state,
      actor_kind: actor.kind,
      actor_id: actor.id,
      detail: JSON.stringify({ outcome: assessment.outcome, note: assessment.note.trim(), ledgerSeqs: seqs }),
    })
    .execute();
  return { ok: true, request, lifted };
}
