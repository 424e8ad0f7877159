import { createHmac, createPrivateKey, type KeyObject, randomBytes, sign } from 'node:crypto';

/**
 * The key an application signs identity tokens with: a secret it shares with Pledge
 * (`PLEDGE_VERIFY_SECRET`), or its Ed25519 private key (Pledge holds only the public key).
 */
export type VerificationTokenKey = { hmacSecret: string } | { ed25519PrivateKey: string | KeyObject };

/** What the token says. */
export interface VerificationTokenInput {
  /** The signed-in user, as the application and the consent ledger know them. */
  subject: string;
  key: VerificationTokenKey;
  /** Lifetime in seconds: default 300, at most 600 (Pledge refuses longer ones). */
  ttlSeconds?: number;
  /** Who it is for (Pledge checks it when configured): the privacy center's URL, say. */
  audience?: string;
  /** Issue time; default now. */
  now?: Date;
}

/**
 * Issues a short-lived token proving that the application signed this user in, for the
 * privacy center to accept instead of a one-time code: `pv1.<alg>.<claims>.<signature>`,
 * base64url, verified by `verifyIdentityToken` of `@pledge/requests`. Each token works once.
 */
export function issueVerificationToken(input: VerificationTokenInput): string {
  const ttl = input.ttlSeconds ?? 300;
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > 600) throw new RangeError('ttlSeconds must be 1..600');
  if (!input.subject) throw new RangeError('subject must not be empty');
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const claims = {
    sub: input.subject,
    iat,
    exp: iat + ttl,
    jti: randomBytes(16).toString('base64url'),
    ...(input.audience ? { aud: input.audience } : {}),
  };
  const alg = 'hmacSecret' in input.key ? 'hs256' : 'ed25519';
  const signed = `pv1.${alg}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  let signature: Buffer;
  if ('hmacSecret' in input.key) {
    signature = createHmac('sha256', input.key.hmacSecret).update(signed).digest();
  } else {
    const k = input.key.ed25519PrivateKey;
    signature = sign(null, Buffer.from(signed), typeof k === 'string' ? createPrivateKey(k) : k);
  }
  return `${signed}.${signature.toString('base64url')}`;
}
