import { type Duration, dueDate } from '@pledge/core';

const DAY_MS = 86_400_000;

/** Whether an access review is due or overdue, and since when. */
export interface ReviewStatus {
  /** A review should be done now: the next one falls due within the warning window, or has. */
  readonly due: boolean;
  /** The interval the manifest sets has passed without a signed-off review. */
  readonly overdue: boolean;
  /** The manifest's `security.accessReviewEvery`; absent: no interval, never due. */
  readonly every?: Duration;
  /** When the last review was signed off, and the end of the period it covered. */
  readonly lastSignedAt?: Date;
  readonly lastReviewedTo?: Date;
  /** The last instant the next review is on time; absent when nothing is due yet. */
  readonly nextDueAt?: Date;
}

/** What {@link reviewDueness} decides from. */
export interface ReviewDuenessInput {
  /** The review interval (`security.accessReviewEvery`). */
  readonly every: Duration | undefined;
  /** The last signed-off review: when it was signed and where its period ended. */
  readonly lastSigned?: { readonly signedAt: Date; readonly to: Date };
  /** The time of the first entry of the access audit log, if any. */
  readonly firstAccessAt?: Date;
  readonly now: Date;
  /** Zone whose days the interval counts (as deadlines do; see `dueDate`). */
  readonly timeZone: string;
  /** How long before it is overdue a review shows as due. Default 14 days. */
  readonly warningMs?: number;
}

/**
 * Decides whether a review is due or overdue. The next review is due one interval after the
 * end of the last signed-off review's period (counted like a deadline: to the end of that
 * local day); with none ever signed, one interval after the first audit entry. Overdue when
 * `now` is past that instant; due from `warningMs` before it. No interval, or no signed review
 * and no audit entry: nothing is due.
 */
export function reviewDueness(input: ReviewDuenessInput): ReviewStatus {
  const { every, lastSigned, now } = input;
  const last = lastSigned ? { lastSignedAt: lastSigned.signedAt, lastReviewedTo: lastSigned.to } : {};
  const start = lastSigned?.to ?? input.firstAccessAt;
  if (every === undefined || start === undefined) {
    return { due: false, overdue: false, ...(every ? { every } : {}), ...last };
  }
  const nextDueAt = dueDate(start, every, { timeZone: input.timeZone });
  const warning = input.warningMs ?? 14 * DAY_MS;
  return {
    due: now.getTime() >= nextDueAt.getTime() - warning,
    overdue: now.getTime() > nextDueAt.getTime(),
    every,
    ...last,
    nextDueAt,
  };
}
