/**
 * Layout of a packed subject: everything a decision reads about one subject sits in one
 * short string plus a few fields of the state object, so a decision touches two or three
 * cache lines of the subject instead of six to nine separately allocated objects.
 *
 * The string holds bytes (char codes 0-255, so V8 stores it as a flat one-byte string whose
 * characters live inside the string object itself; a typed array would be a view object
 * plus a separate store, one more dependent cache miss per decision). Char `p`: the flags
 * byte of purpose `p` (`F_*`). Then 4 chars per category word, low byte first: the
 * restricted-category bitset.
 */

/** Consent level in force for the purpose (0 none, 1 implied, 2 opt-in, 3 separate). */
export const F_LEVEL = 0b11;
/** The consent in force was given under a version that needs renewal: it does not count. */
export const F_RENEWAL = 1 << 2;
/** The latest consent event for the purpose was a withdrawal. */
export const F_WITHDRAWN = 1 << 3;
/** A guardian has consented to the purpose. */
export const F_GUARDIAN = 1 << 4;
/** The subject objects to the purpose. */
export const F_OBJECTION = 1 << 5;
/** The subject opted out of the purpose. */
export const F_OPTED_OUT = 1 << 6;
/** Processing for the purpose is restricted. */
export const F_RESTRICTED = 1 << 7;

/** Header bits (a number field of the state object): all processing is restricted. */
export const H_RESTRICTED_ALL = 1;
/** A Global Privacy Control signal was seen. */
export const H_GPC = 1 << 1;
/** A Do Not Track signal was seen. */
export const H_DNT = 1 << 2;
/** The policy as a whole was accepted and the acceptance counts (implied consent). */
export const H_ACCEPTED = 1 << 3;
/** The policy was accepted under a version that needs renewal. */
export const H_ACCEPTANCE_RENEWAL = 1 << 4;
/** At least one category is restricted (the bitset is worth reading). */
export const H_RESTRICTED_CATEGORIES = 1 << 5;

/** A one-byte string of `bytes` (each 0-255). */
export function packBytes(bytes: readonly number[]): string {
  // Spreading a huge array would overflow the stack; policies with thousands of purposes are not expected.
  const chunk = 8192;
  if (bytes.length <= chunk) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i += chunk) out += String.fromCharCode(...bytes.slice(i, i + chunk));
  return out;
}

/** The flags byte of purpose `p` (0 when the state does not cover it). */
export function purposeFlags(packed: string, p: number): number {
  return packed.charCodeAt(p) & 0xff;
}

/** Word `w` of the restricted-category bitset that starts at char `at`. */
export function restrictedWord(packed: string, at: number, w: number): number {
  const c = at + 4 * w;
  return (
    (packed.charCodeAt(c) & 0xff) |
    ((packed.charCodeAt(c + 1) & 0xff) << 8) |
    ((packed.charCodeAt(c + 2) & 0xff) << 16) |
    ((packed.charCodeAt(c + 3) & 0xff) << 24)
  );
}
