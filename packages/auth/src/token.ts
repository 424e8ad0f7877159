import { createHash, randomBytes } from 'node:crypto';
import type { KeyKind } from './scopes.js';

/** How a key's secret starts, per kind: recognisable in a leaked file or a secret scanner. */
export const TOKEN_PREFIXES: Readonly<Record<KeyKind, string>> = { secret: 'pledge_sk_', site: 'pledge_pk_' };

/** Random bytes in a secret (256 bits). */
const SECRET_BYTES = 32;

/** A new secret: the kind's prefix and 32 random bytes in base64url (43 characters). */
export function generateToken(kind: KeyKind): string {
  return `${TOKEN_PREFIXES[kind]}${randomBytes(SECRET_BYTES).toString('base64url')}`;
}

/** The SHA-256 digest (hex) under which a secret is stored and looked up. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A short public id for a key (`key_` and 12 random base64url characters). */
export function generateKeyId(): string {
  return `key_${randomBytes(9).toString('base64url')}`;
}
