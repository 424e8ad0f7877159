import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { keyedHash, limitsOf, normaliseAddress, type VerificationContext } from './context.js';
import { verificationDb } from './schema.js';

/** Channels a one-time code can go by. */
export const CODE_CHANNELS = ['email', 'sms'] as const;

/** One of {@link CODE_CHANNELS}. */
export type CodeChannel = (typeof CODE_CHANNELS)[number];

/** What to verify. */
export interface StartCodeInput {
  channel: CodeChannel;
  /** An e-mail address or an E.164 phone number (`+8613800138000`). */
  address: string;
  /** The asker's IP address, for the per-IP limit (kept only as a keyed hash). */
  ip?: string;
  /** The request this verifies. */
  requestRef?: string;
  /** Language of the message (tag or `Accept-Language`). */
  locale?: string;
}

/**
 * The answer to {@link startCodeVerification}. `sent` is the same whether or not the
 * address is known: the caller shows "if the address is yours, a code is on its way".
 */
export type StartCodeResult =
  | { ok: true; status: 'sent'; challengeId: string; expiresAt: Date }
  | { ok: false; code: 'address-invalid'; path: 'address' | 'channel' }
  | { ok: false; code: 'rate-limited'; path: 'address' | 'ip'; retryAfterSeconds: number };

const EMAIL = /^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]{1,253}\.[A-Za-z0-9-]{2,63}$/;
const PHONE = /^\+[1-9][0-9]{6,14}$/;

/**
 * Sends a six-digit one-time code to an e-mail address (through the outbox) or a phone
 * (through the SMS gateway webhook). The code is stored only as a keyed hash, expires
 * (15 minutes by default) and allows 5 tries; codes per address and per IP are limited.
 */
export async function startCodeVerification<T>(
  ctx: VerificationContext<T>,
  input: StartCodeInput,
): Promise<StartCodeResult> {
  if (!(CODE_CHANNELS as readonly string[]).includes(input.channel)) {
    return { ok: false, code: 'address-invalid', path: 'channel' };
  }
  const address = input.channel === 'email' ? normaliseAddress(input.address) : input.address.trim();
  if (!(input.channel === 'email' ? EMAIL : PHONE).test(address)) {
    return { ok: false, code: 'address-invalid', path: 'address' };
  }
  const limits = limitsOf(ctx);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - limits.windowMs);
  const db = verificationDb(ctx.db);
  const addressHash = keyedHash(ctx.secret, `address:${input.channel}`, address);
  const ipHash = input.ip ? keyedHash(ctx.secret, 'ip', input.ip) : null;
  const retryAfterSeconds = Math.ceil(limits.windowMs / 1000);
  const counted = await db
    .selectFrom('pledge_verification_challenges')
    .select([
      sql<number>`count(*) filter (where address_hash = ${addressHash})`.as('by_address'),
      sql<number>`count(*) filter (where ip_hash = ${ipHash})`.as('by_ip'),
    ])
    .where('created_at', '>', since)
    .where((eb) =>
      ipHash
        ? eb.or([eb('address_hash', '=', addressHash), eb('ip_hash', '=', ipHash)])
        : eb('address_hash', '=', addressHash),
    )
    .executeTakeFirstOrThrow();
  if (Number(counted.by_address) >= limits.perAddress) {
    return { ok: false, code: 'rate-limited', path: 'address', retryAfterSeconds };
  }
  if (ipHash && Number(counted.by_ip) >= limits.perIp) {
    return { ok: false, code: 'rate-limited', path: 'ip', retryAfterSeconds };
  }
  const known = ctx.isKnown ? await ctx.isKnown(address, input.channel) : true;
  const challengeId = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // An unknown address gets a challenge no code can pass (its code is never sent): the
  // answer and the rows written are the same as for a known one.
  const codeHash = known
    ? keyedHash(ctx.secret, `code:${challengeId}`, code)
    : keyedHash(ctx.secret, 'void', randomUUID());
  const expiresAt = new Date(now.getTime() + limits.codeTtlMs);
  await db
    .insertInto('pledge_verification_challenges')
    .values({
      id: challengeId,
      channel: input.channel,
      address_hash: addressHash,
      ip_hash: ipHash,
      code_hash: codeHash,
      request_ref: input.requestRef ?? null,
      status: 'pending',
      attempts: 0,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  if (known) {
    // Stored in the outbox now, delivered after the answer: the time the answer takes does
    // not depend on the mail server, so it does not tell a known address from an unknown one.
    await ctx.notifier.sendTemplate(
      {
        channel: input.channel,
        to: address,
        template: 'verification-code',
        ...(input.locale ? { locale: input.locale } : {}),
        vars: { code, minutes: String(Math.round(limits.codeTtlMs / 60_000)) },
        ...(input.requestRef ? { ref: input.requestRef } : {}),
      },
      { background: true },
    );
  }
  return { ok: true, status: 'sent', challengeId, expiresAt };
}
