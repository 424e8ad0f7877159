import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a package link works, ms (15 minutes). */
export const PACKAGE_LINK_TTL_MS = 15 * 60 * 1000;

/** The key signing package links, derived from the subject key (one secret to keep, outside the database). */
export function packageLinkKey(subjectKey: string): Buffer {
  return createHmac('sha256', subjectKey).update('pledge privacy-center package link v1').digest();
}

function signature(key: Buffer, requestId: string, expiresAt: number): string {
  return createHmac('sha256', key).update(`${requestId}\n${expiresAt}`).digest('base64url');
}

/** A link to a request's access package, signed over the request id and its expiry. */
export function signPackageLink(key: Buffer, requestId: string, now: number): string {
  const exp = now + PACKAGE_LINK_TTL_MS;
  return `/privacy/requests/${encodeURIComponent(requestId)}/package?exp=${exp}&sig=${signature(key, requestId, exp)}`;
}

/** What a presented link is worth: good, past its expiry, or not signed by this server for this request. */
export type PackageLinkCheck = 'ok' | 'expired' | 'forged';

/**
 * Checks a link's `exp` and `sig` for a request (signature compared in constant time); a
 * forged link is `forged` whatever its expiry, so an expiry is never revealed for a bad one.
 */
export function checkPackageLink(
  key: Buffer,
  requestId: string,
  exp: string | undefined,
  sig: string | undefined,
  now: number,
): PackageLinkCheck {
  if (exp === undefined || sig === undefined || !/^\d{1,15}$/.test(exp)) return 'forged';
  const expected = Buffer.from(signature(key, requestId, Number(exp)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return Number(exp) <= now ? 'expired' : 'ok';
}
