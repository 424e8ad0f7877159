import { createHmac } from 'node:crypto';

/** The label whose HMAC under the subject key is the key's fingerprint. */
const LABEL = 'pledge/subject-key-fingerprint/v1';

/**
 * A subject key's fingerprint: HMAC-SHA256 of a fixed label under the key, hex, first 32
 * characters. Stored in the database and shown in messages; it tells keys apart but gives
 * nothing to guess identifiers with (finding the key from it is as hard as from any HMAC).
 */
export function subjectKeyFingerprint(key: string): string {
  return createHmac('sha256', key).update(LABEL, 'utf8').digest('hex').slice(0, 32);
}
