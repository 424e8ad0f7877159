import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying a webhook's timestamp and signature. */
export const SIGNATURE_HEADER = 'pledge-signature';

/** How old a signed webhook may be when checked, by default (five minutes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Signs a webhook body: HMAC-SHA256 over `<unix seconds>.<body>` with the shared secret.
 * The header value is `t=<unix seconds>,v1=<hex signature>`.
 */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/** Why a signature was refused. */
export type WebhookSignatureProblem = 'missing' | 'malformed' | 'stale' | 'mismatch';

/**
 * Checks a `pledge-signature` header against the raw body, as a receiver does: the signature
 * must match (compared in constant time) and the timestamp be within `toleranceSeconds` of `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | undefined,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): { ok: true } | { ok: false; code: WebhookSignatureProblem } {
  if (!header) return { ok: false, code: 'missing' };
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, code: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return { ok: false, code: 'stale' };
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return { ok: false, code: 'mismatch' };
  return { ok: true };
}

function hmac(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
