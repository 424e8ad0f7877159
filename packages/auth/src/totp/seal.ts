import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The version prefix of a sealed secret (AES-256-GCM under a key derived from the deployment's key). */
const PREFIX = 'v1:';
const INFO = 'pledge console totp secret v1';

/**
 * The key that seals second-factor secrets: derived (HKDF-SHA256) from a key held outside the
 * database (the deployment's subject key), so a copy of the database alone yields no secret
 * that computes a user's one-time codes.
 */
function sealingKey(key: string): Buffer {
  if (key.length === 0) throw new Error('a sealing key is required for second-factor secrets');
  return Buffer.from(hkdfSync('sha256', Buffer.from(key, 'utf8'), Buffer.alloc(0), INFO, 32));
}

/** Seals a TOTP secret for storage: `v1:` + base64url(nonce ‖ ciphertext ‖ tag); `aad` binds it to its user. */
export function sealTotpSecret(secret: string, key: string, aad: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
}

/**
 * Opens a sealed TOTP secret, or undefined when it does not open under this key (another
 * deployment's key, a value copied from another user, an edited value). A value without the
 * prefix is refused too: secrets are never stored in the clear.
 */
export function openTotpSecret(stored: string, key: string, aad: string): string | undefined {
  if (!stored.startsWith(PREFIX)) return undefined;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (raw.length < 12 + 16 + 1) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
