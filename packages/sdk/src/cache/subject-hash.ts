import { createHmac } from 'node:crypto';

/**
 * Keyed hash of a subject identifier, as the server stores it (HMAC-SHA256, base64url).
 * The SDK keys its cache by it so identifiers never sit next to ledger events.
 */
export function subjectHash(key: string, subject: string): string {
  return createHmac('sha256', key).update(subject, 'utf8').digest('base64url');
}
