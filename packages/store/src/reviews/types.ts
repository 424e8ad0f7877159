/** The states of an access review: the one list. */
export const REVIEW_STATUSES = ['open', 'signed-off'] as const;
/** One of {@link REVIEW_STATUSES}. */
export type ReviewState = (typeof REVIEW_STATUSES)[number];

/** An access review as read from the store. */
export interface AccessReview {
  readonly id: string;
  /** The period: from (inclusive) to (exclusive). */
  readonly from: Date;
  readonly to: Date;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** The findings as the analysis wrote them (JSON values with a `code`). */
  readonly findings: readonly unknown[];
  /** The period's totals as the analysis wrote them. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The actors reviewed, as `kind:id`. */
  readonly reviewedActors: readonly string[];
  readonly status: ReviewState;
  readonly signedOffBy?: string;
  readonly signedOffAt?: Date;
  readonly note?: string;
}

/** Why opening or signing off a review was refused: the one list of codes. */
export const REVIEW_REFUSALS = [
  /** The period is empty or reversed (`from` must be before `to`). */
  'review.period-invalid',
  /** The period has not ended yet: accesses could still be added to it. */
  'review.period-open',
  /** No review has this id. */
  'review.not-found',
  /** The review is signed off already. */
  'review.already-signed',
  /** The reviewer is one of the actors the review covers. */
  'review.reviewer-reviewed',
  /** A signed-off review covers part of the same period. */
  'review.overlaps-signed',
  /** The sign-off note is longer than {@link REVIEW_NOTE_MAX} characters. */
  'review.note-too-long',
] as const;
/** One of {@link REVIEW_REFUSALS}. */
export type ReviewRefusalCode = (typeof REVIEW_REFUSALS)[number];

/** A refused review operation: a stable code, the field it concerns and a message without personal data. */
export interface ReviewRefusal {
  readonly code: ReviewRefusalCode;
  readonly path: string;
  readonly message: string;
}

/** Longest sign-off note. */
export const REVIEW_NOTE_MAX = 2000;

/** How an actor is written in `reviewedActors` and `signedOffBy`: `kind:id`. */
export function actorLabel(actor: { readonly kind: string; readonly id: string }): string {
  return `${actor.kind}:${actor.id}`;
}
