import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** What an unsubscribe link stands for. */
export interface UnsubscribeClaim {
  /** The subject as the consent ledger knows them (often the address itself). */
  subject: string;
  address: string;
  /** The mailing list: a purpose id of the manifest (`newsletter`). */
  list: string;
}

/**
 * Seals a claim into a URL-safe token with AES-256-GCM under a key derived from `secret`:
 * it cannot be forged or altered (the tag signs it) and the address does not show in the URL.
 */
export function sealUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', tokenKey(secret), iv);
  const plain = JSON.stringify([claim.subject, claim.address, claim.list]);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
}

/** Opens a token sealed by {@link sealUnsubscribeToken}; `undefined` when forged, altered or malformed. */
export function openUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | undefined {
  if (!/^[A-Za-z0-9_-]{40,2048}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', tokenKey(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed: unknown = JSON.parse(plain);
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((v) => typeof v === 'string')) {
      return undefined;
    }
    const [subject, address, list] = parsed as [string, string, string];
    return { subject, address, list };
  } catch {
    return undefined;
  }
}

function tokenKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('pledge-unsubscribe-v1').digest();
}
