import { createHmac, createPublicKey, type KeyObject, timingSafeEqual, verify } from 'node:crypto';
import { keyedHash, type VerificationContext } from './context.js';
import { recordVerification, type VerificationRecord } from './results.js';
import { verificationDb } from './schema.js';

/**
 * Keys Pledge accepts identity tokens under: the HMAC secret the application shares with
 * Pledge, or the application's Ed25519 public key (PEM or KeyObject).
 */
export interface IdentityTokenKeys {
  hmacSecret?: string;
  ed25519PublicKey?: string | KeyObject;
}

/** The longest a token may live, issued to expiry: ten minutes. */
export const IDENTITY_TOKEN_MAX_TTL_SECONDS = 600;

/** Why a token was refused. */
export type IdentityTokenRefusal = {
  ok: false;
  code: 'token-malformed' | 'token-signature' | 'token-expired' | 'token-replayed' | 'token-audience';
  path: 'token';
};

/** The answer to {@link verifyIdentityToken}. */
export type IdentityTokenResult =
  | { ok: true; subject: string; verification: VerificationRecord }
  | IdentityTokenRefusal;

interface Claims {
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  aud?: string;
}

/**
 * Verifies a token the application issued with `issueVerificationToken` of `@pledge/sdk`
 * for a signed-in user: `pv1.<hs256|ed25519>.<claims>.<signature>` (base64url). The
 * signature must match a configured key, the token be current (clock skew 60 s, at most
 * ten minutes long), unused (each verifies once) and, when `audience` is given, for it.
 * The result is recorded for the request.
 */
export async function verifyIdentityToken<T>(
  ctx: VerificationContext<T>,
  keys: IdentityTokenKeys,
  token: string,
  options: { requestRef?: string; audience?: string } = {},
): Promise<IdentityTokenResult> {
  const refuse = (code: IdentityTokenRefusal['code']): IdentityTokenRefusal => ({
    ok: false,
    code,
    path: 'token',
  });
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'pv1' || token.length > 4096) return refuse('token-malformed');
  const [, alg, payload = '', signature = ''] = parts;
  const signed = Buffer.from(`pv1.${alg}.${payload}`);
  const sig = Buffer.from(signature, 'base64url');
  if (alg === 'hs256') {
    if (!keys.hmacSecret) return refuse('token-signature');
    const expected = createHmac('sha256', keys.hmacSecret).update(signed).digest();
    if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) return refuse('token-signature');
  } else if (alg === 'ed25519') {
    if (!keys.ed25519PublicKey) return refuse('token-signature');
    const key =
      typeof keys.ed25519PublicKey === 'string'
        ? createPublicKey(keys.ed25519PublicKey)
        : keys.ed25519PublicKey;
    let good = false;
    try {
      good = verify(null, signed, key, sig);
    } catch {
      good = false;
    }
    if (!good) return refuse('token-signature');
  } else {
    return refuse('token-malformed');
  }
  const claims = parseClaims(payload);
  if (!claims) return refuse('token-malformed');
  const now = ctx.clock.now().getTime() / 1000;
  if (claims.exp - claims.iat > IDENTITY_TOKEN_MAX_TTL_SECONDS) return refuse('token-malformed');
  if (claims.iat > now + 60 || claims.exp <= now - 60) return refuse('token-expired');
  if (options.audience && claims.aud !== options.audience) return refuse('token-audience');
  const used = await verificationDb(ctx.db)
    .insertInto('pledge_verification_tokens_used')
    .values({ jti: claims.jti, expires_at: new Date((claims.exp + 60) * 1000) })
    .onConflict((oc) => oc.column('jti').doNothing())
    .executeTakeFirst();
  if (Number(used.numInsertedOrUpdatedRows ?? 0) !== 1) return refuse('token-replayed');
  const verification = await recordVerification(ctx.db, {
    requestRef: options.requestRef ?? null,
    method: 'signed-token',
    outcome: 'verified',
    code: null,
    subjectHash: keyedHash(ctx.secret, 'subject', claims.sub),
    evidence: claims.jti,
    at: ctx.clock.now(),
  });
  return { ok: true, subject: claims.sub, verification };
}

function parseClaims(payload: string): Claims | undefined {
  try {
    const c: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof c !== 'object' || c === null) return undefined;
    const { sub, iat, exp, jti, aud } = c as Record<string, unknown>;
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 512) return undefined;
    if (!Number.isInteger(iat) || !Number.isInteger(exp) || (exp as number) <= (iat as number))
      return undefined;
    if (typeof jti !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(jti)) return undefined;
    if (aud !== undefined && typeof aud !== 'string') return undefined;
    return { sub, iat: iat as number, exp: exp as number, jti, ...(aud ? { aud: aud as string } : {}) };
  } catch {
    return undefined;
  }
}
