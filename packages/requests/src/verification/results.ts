import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { verificationDb } from './schema.js';

/** How a person, or an agent for them, was verified. */
export const VERIFICATION_METHODS = [
  'email-code',
  'sms-code',
  'signed-token',
  'agent-authorisation',
] as const;

/** One of {@link VERIFICATION_METHODS}. */
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** A recorded verification outcome (evidence for the request file). */
export interface VerificationRecord {
  id: string;
  requestRef: string | null;
  method: VerificationMethod;
  outcome: 'verified' | 'failed';
  /** The refusal code when failed. */
  code: string | null;
  /** Keyed hash of the address or subject verified; never the identifier itself. */
  subjectHash: string | null;
  /** What was checked: a challenge id, a token id, an authorisation id. */
  evidence: string | null;
  at: Date;
}

/** Records an outcome. */
export async function recordVerification<T>(
  db: Kysely<T>,
  record: Omit<VerificationRecord, 'id'>,
): Promise<VerificationRecord> {
  const id = randomUUID();
  await verificationDb(db)
    .insertInto('pledge_verification_results')
    .values({
      id,
      request_ref: record.requestRef,
      method: record.method,
      outcome: record.outcome,
      code: record.code,
      subject_hash: record.subjectHash,
      evidence: record.evidence,
      at: record.at,
    })
    .execute();
  return { id, ...record };
}

/** The outcomes recorded for a request, oldest first. */
export async function verificationHistory<T>(
  db: Kysely<T>,
  requestRef: string,
): Promise<VerificationRecord[]> {
  const rows = await verificationDb(db)
    .selectFrom('pledge_verification_results')
    .selectAll()
    .where('request_ref', '=', requestRef)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    requestRef: r.request_ref,
    method: r.method as VerificationMethod,
    outcome: r.outcome as VerificationRecord['outcome'],
    code: r.code,
    subjectHash: r.subject_hash,
    evidence: r.evidence,
    at: new Date(r.at),
  }));
}

/**
 * Whether a request's person is verified: the latest successful verification, or
 * `undefined`. A request that needs verification is fulfilled only when this returns one.
 */
export async function requestVerification<T>(
  db: Kysely<T>,
  requestRef: string,
): Promise<VerificationRecord | undefined> {
  const history = await verificationHistory(db, requestRef);
  return history.filter((r) => r.outcome === 'verified').at(-1);
}
