import { timingSafeEqual } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import { keyedHash, limitsOf, type VerificationContext } from './context.js';
import { recordVerification, type VerificationRecord } from './results.js';
import { type ChallengeTable, verificationDb } from './schema.js';

/** A code typed by the person. */
export interface CheckCodeInput {
  challengeId: string;
  code: string;
}

/** Why a code was not accepted. A wrong code and an unknown challenge answer alike. */
export type CheckCodeRefusal =
  | { ok: false; code: 'code-wrong'; path: 'code'; attemptsLeft: number }
  | { ok: false; code: 'code-expired'; path: 'code' }
  | { ok: false; code: 'attempts-exhausted'; path: 'code' }
  | { ok: false; code: 'code-malformed'; path: 'code' };

/** The answer to {@link checkCode}. */
export type CheckCodeResult = { ok: true; verification: VerificationRecord } | CheckCodeRefusal;

/**
 * Checks a one-time code. Each try counts (atomically, so parallel guesses cannot exceed
 * the limit); the 5th wrong one locks the challenge. Success and lock-out are recorded as
 * the request's verification result.
 */
export async function checkCode<T>(
  ctx: VerificationContext<T>,
  input: CheckCodeInput,
): Promise<CheckCodeResult> {
  const limits = limitsOf(ctx);
  if (!/^[0-9]{6}$/.test(input.code.trim())) return { ok: false, code: 'code-malformed', path: 'code' };
  const now = ctx.clock.now();
  const db = verificationDb(ctx.db);
  const claimed = await sql<Selectable<ChallengeTable>>`
    update pledge_verification_challenges set attempts = attempts + 1
    where id = ${input.challengeId} and status = 'pending' and attempts < ${limits.maxAttempts}
    returning *`.execute(db);
  const challenge = claimed.rows[0];
  if (!challenge) {
    const row = await db
      .selectFrom('pledge_verification_challenges')
      .select(['status', 'attempts'])
      .where('id', '=', input.challengeId)
      .executeTakeFirst();
    if (row?.status === 'locked' || (row && row.attempts >= limits.maxAttempts))
      return { ok: false, code: 'attempts-exhausted', path: 'code' };
    if (row?.status === 'expired' || row?.status === 'verified')
      return { ok: false, code: 'code-expired', path: 'code' };
    return { ok: false, code: 'code-wrong', path: 'code', attemptsLeft: limits.maxAttempts - 1 };
  }
  const method = challenge.channel === 'sms' ? 'sms-code' : 'email-code';
  const base = {
    requestRef: challenge.request_ref,
    method,
    subjectHash: challenge.address_hash,
    evidence: challenge.id,
    at: now,
  } as const;
  if (new Date(challenge.expires_at).getTime() <= now.getTime()) {
    await setStatus(ctx, challenge.id, 'expired');
    return { ok: false, code: 'code-expired', path: 'code' };
  }
  const expected = Buffer.from(challenge.code_hash, 'hex');
  const given = Buffer.from(keyedHash(ctx.secret, `code:${challenge.id}`, input.code.trim()), 'hex');
  if (timingSafeEqual(expected, given)) {
    await setStatus(ctx, challenge.id, 'verified');
    const verification = await recordVerification(ctx.db, { ...base, outcome: 'verified', code: null });
    return { ok: true, verification };
  }
  if (challenge.attempts >= limits.maxAttempts) {
    await setStatus(ctx, challenge.id, 'locked');
    await recordVerification(ctx.db, { ...base, outcome: 'failed', code: 'attempts-exhausted' });
    return { ok: false, code: 'attempts-exhausted', path: 'code' };
  }
  return {
    ok: false,
    code: 'code-wrong',
    path: 'code',
    attemptsLeft: limits.maxAttempts - challenge.attempts,
  };
}

async function setStatus<T>(ctx: VerificationContext<T>, id: string, status: string): Promise<void> {
  await verificationDb(ctx.db)
    .updateTable('pledge_verification_challenges')
    .set({ status })
    .where('id', '=', id)
    .execute();
}
