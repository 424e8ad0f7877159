import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** The privacy center's cookie: sealed, so its content is neither readable nor forgeable by the browser. */
export const VISITOR_COOKIE = 'pledge_privacy';

/** How long a visitor stays identified without coming back, ms (30 minutes). */
export const VISITOR_IDLE_MS = 30 * 60 * 1000;

/** Most requests a visitor's cookie remembers (the newest are kept). */
const MAX_REQUESTS = 20;

/** A request made from this browser. */
export interface VisitorRequest {
  readonly id: string;
  /** The challenge of the code sent for it, while it is not verified. */
  readonly challenge?: string;
}

/** What the privacy center remembers about a visitor between pages. */
export interface Visitor {
  /** The form token of this browser (double-submitted in every form). */
  readonly csrf: string;
  /** The identifier confirmed by a code or an application token, if any. */
  readonly subject?: string;
  /** Requests made from this browser (its status pages show only these), with the challenge of their code. */
  readonly requests: readonly VisitorRequest[];
  /** The address being confirmed and the challenge of its code (sign-in). */
  readonly pendingSignIn?: { readonly email: string; readonly challenge: string };
  /** When this expires, ms since the epoch. */
  readonly expiresAt: number;
}

/** The key sealing visitor cookies, derived from the subject key (one secret to keep). */
export function visitorCookieKey(subjectKey: string): Buffer {
  return createHmac('sha256', subjectKey).update('pledge privacy-center visitor cookie v1').digest();
}

/** A new visitor: a fresh form token, nobody identified. */
export function newVisitor(now: number): Visitor {
  return { csrf: randomBytes(24).toString('base64url'), requests: [], expiresAt: now + VISITOR_IDLE_MS };
}

/** The visitor with a request remembered (replacing an earlier entry of the same id). */
export function withRequest(visitor: Visitor, request: VisitorRequest): Visitor {
  const others = visitor.requests.filter((r) => r.id !== request.id);
  return { ...visitor, requests: [...others, request].slice(-MAX_REQUESTS) };
}

/** The visitor's entry for a request, or undefined when this browser did not make it. */
export function requestOf(visitor: Visitor, id: string): VisitorRequest | undefined {
  return visitor.requests.find((r) => r.id === id);
}

/** Seals a visitor into a cookie value (AES-256-GCM; base64url of iv, tag and ciphertext). */
export function sealVisitor(key: Buffer, visitor: Visitor): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(visitor), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens a cookie value: the visitor, or undefined when it is forged, damaged or expired. */
export function openVisitor(key: Buffer, value: string, now: number): Visitor | undefined {
  try {
    const raw = Buffer.from(value, 'base64url');
    if (raw.length < 29 || raw.length > 8192) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const visitor = JSON.parse(text) as Visitor;
    if (typeof visitor.csrf !== 'string' || !Array.isArray(visitor.requests)) return undefined;
    if (typeof visitor.expiresAt !== 'number' || visitor.expiresAt <= now) return undefined;
    return visitor;
  } catch {
    return undefined;
  }
}
