import { createHash, createHmac } from 'node:crypto';

/**
 * The erasure strategies that rewrite a value, defined once. SQLite, Redis and files
 * call these functions; PostgreSQL and MySQL run the same rules as SQL expressions so an
 * erasure stays one statement per batch, and the conformance suite checks that they give
 * exactly what these functions give.
 *
 * - `mask`: keeps the first character and, for an e-mail, the domain from the last `@`:
 *   `alice@example.com` → `a***@example.com`, `+44 20 7946` → `+***`, `''` → `''`.
 * - `hash`: `hmac:` + hex HMAC-SHA256 of the UTF-8 text under the operator's secret, so
 *   equal values stay joinable without being readable; a value already in that form is
 *   left as it is, which makes a repeated erasure change nothing.
 * - `anonymise`: generalises by type: numbers round down to a multiple of ten (37 → 30),
 *   dates and timestamps become January 1 of their year (UTC), everything else (free text,
 *   booleans, JSON, binary) becomes null.
 *
 * Mask and hash apply to text only; a plan that masks or hashes another type is refused.
 * All three are idempotent and map null to null.
 */
export type FieldType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'timestamp'
  | 'boolean'
  | 'json'
  | 'binary'
  | 'other';

/** Prefix of hashed values. */
export const HASH_PREFIX = 'hmac:';
/** Length of a hashed value (prefix plus 64 hex digits); a column must hold this many characters. */
export const HASH_LENGTH = HASH_PREFIX.length + 64;
/** Pattern of an already hashed value. */
export const HASHED_PATTERN = '^hmac:[0-9a-f]{64}$';

const hashed = new RegExp(HASHED_PATTERN);
const integerText = /^-?\d+$/;
const decimalText = /^-?\d+\.\d+$/;
const dateText = /^(\d{4})-\d{2}-\d{2}$/;
const timestampText = /^(\d{4})-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Masks a text: first character kept, `***`, then the domain from the last `@` when one follows the first character. */
export function maskText(value: string): string {
  if (value === '') return '';
  const first = String.fromCodePoint(value.codePointAt(0) ?? 0);
  const at = value.lastIndexOf('@');
  return at > 0 ? `${first}***${value.slice(at)}` : `${first}***`;
}

/** Whether a value is already in hashed form. */
export function isHashed(value: string): boolean {
  return hashed.test(value);
}

/** `hmac:` + hex HMAC-SHA256 of `value` under `secret`; hashed values are returned unchanged. */
export function hashText(value: string, secret: string): string {
  if (isHashed(value)) return value;
  return HASH_PREFIX + createHmac('sha256', secret).update(value, 'utf8').digest('hex');
}

/**
 * The inner and outer HMAC-SHA256 pads of `secret`, for stores that compute the HMAC in
 * SQL as `sha256(outer || sha256(inner || message))` (RFC 2104).
 */
export function hmacPads(secret: string): { inner: Buffer; outer: Buffer } {
  let key = Buffer.from(secret, 'utf8');
  if (key.length > 64) key = createHash('sha256').update(key).digest();
  const inner = Buffer.alloc(64, 0x36);
  const outer = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < key.length; i++) {
    inner[i] = (inner[i] ?? 0) ^ (key[i] ?? 0);
    outer[i] = (outer[i] ?? 0) ^ (key[i] ?? 0);
  }
  return { inner, outer };
}

/** The type of a value from a store without a schema (Redis, untyped SQLite columns). */
export function inferType(value: unknown): FieldType {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'decimal';
  if (typeof value === 'bigint') return 'integer';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof Date) return 'timestamp';
  if (value instanceof Uint8Array) return 'binary';
  if (typeof value === 'string') {
    if (integerText.test(value)) return 'integer';
    if (decimalText.test(value)) return 'decimal';
    if (dateText.test(value)) return 'date';
    if (timestampText.test(value)) return 'timestamp';
    return 'text';
  }
  return value === null || value === undefined ? 'other' : 'json';
}

function yearOf(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getUTCFullYear();
  if (typeof value === 'string') {
    const match = dateText.exec(value) ?? timestampText.exec(value);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}

function roundDown(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value / 10) * 10 : null;
  if (typeof value === 'bigint') {
    const floor = value >= 0n ? value / 10n : (value - 9n) / 10n;
    return floor * 10n;
  }
  if (typeof value === 'string' && (integerText.test(value) || decimalText.test(value))) {
    if (integerText.test(value)) return String(roundDown(BigInt(value)));
    return String(Math.floor(Number(value) / 10) * 10);
  }
  return null;
}

/** Generalises `value` by `type` (inferred when absent); see the module documentation. */
export function anonymiseValue(value: unknown, type: FieldType = inferType(value)): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'integer' || type === 'decimal') return roundDown(value);
  if (type === 'date' || type === 'timestamp') {
    const year = yearOf(value);
    if (year === null) return null;
    if (value instanceof Date) return new Date(Date.UTC(year, 0, 1));
    const y = String(year).padStart(4, '0');
    return type === 'date' && dateText.test(String(value)) ? `${y}-01-01` : `${y}-01-01T00:00:00.000Z`;
  }
  return null;
}

/**
 * The instant a stored anchor value stands for, in epoch milliseconds: a Date, an ISO-8601
 * text, or a number (milliseconds from 1e11 up, seconds below). Null when it is none of these.
 */
export function toInstant(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value);
    return Math.abs(n) >= 1e11 ? n : n * 1000;
  }
  if (typeof value === 'string') {
    if (/^-?\d+(\.\d+)?$/.test(value)) return toInstant(Number(value));
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}
