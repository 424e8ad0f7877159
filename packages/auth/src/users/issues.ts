/** Why a change to console users was refused: the one list of codes. */
export const USER_ISSUE_CODES = [
  'invalid-email',
  'invalid-name',
  'invalid-role',
  'invalid-password',
  'email-taken',
  'unknown-user',
  'personal-data-cap-reached',
  'confidentiality-not-acknowledged',
] as const;
/** One of {@link USER_ISSUE_CODES}. */
export type UserIssueCode = (typeof USER_ISSUE_CODES)[number];

/** A refused change: a stable code, the field at fault, and a message with no personal data. */
export interface UserIssue {
  readonly code: UserIssueCode;
  readonly path: string;
  readonly message: string;
}

/** A value or an issue. */
export type UserResult<T> = ({ ok: true } & T) | { ok: false; issue: UserIssue };

/** Builds a refusal. */
export function refuse(code: UserIssueCode, path: string, message: string): { ok: false; issue: UserIssue } {
  return { ok: false, issue: { code, path, message } };
}
