/** Longest e-mail address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** An e-mail address as stored and compared: trimmed and case-folded. */
export function foldEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether a (folded) address looks like one: one `@`, something either side, no spaces. */
export function isEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+$/.test(email);
}
