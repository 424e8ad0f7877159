/** Exit codes of `pledge`. */
export const ExitCode = {
  /** Done; for `lint`, no error-severity finding. */
  ok: 0,
  /** The input was read but fails: invalid manifest, lint errors, `diff --exit-code` with material changes. */
  failed: 1,
  /** Usage error: unknown command or option, bad option value, missing or unreadable file. */
  usage: 2,
  /** A data-subject request waits for a person: `needs-review` (confirm the root count to run it). */
  review: 3,
  /** A bug in pledge; the message says so, without a stack trace unless PLEDGE_DEBUG is set. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
