import type { Manifest } from '@pledge/core';
import {
  type AccessReview,
  actorLabel,
  createAccessReview,
  lastSignedReview,
  type ReviewRefusal,
  type ReviewSignOff,
  type Store,
  signOffAccessReview,
} from '@pledge/store';
import { type AnalyseOptions, analyseAccesses } from './analyse.js';
import { auditAccessSource } from './audit-source.js';
import { type ReviewStatus, reviewDueness } from './overdue.js';
import type {
  AccessSource,
  ActorRef,
  ReviewAnalysis,
  ReviewFinding,
  ReviewPeriod,
  ReviewSummary,
} from './types.js';
import { workingHoursFor } from './working-hours.js';

/** A stored review with its findings and totals typed as the analysis wrote them. */
export interface TypedAccessReview extends Omit<AccessReview, 'findings' | 'summary'> {
  readonly findings: readonly ReviewFinding[];
  readonly summary: ReviewSummary;
}

/** Reads the findings and summary of a stored review as {@link analyseAccesses} wrote them. */
export function typedReview(review: AccessReview): TypedAccessReview {
  // The store keeps what openAccessReview wrote; only that function writes reviews.
  return review as unknown as TypedAccessReview;
}

/** What {@link openAccessReview} needs. */
export interface OpenReviewInput {
  readonly period: ReviewPeriod;
  /** A console user id, or `cli`. */
  readonly createdBy: string;
  readonly now: Date;
  /** Analysis options; working hours default to the manifest's (see `workingHoursFor`). */
  readonly options?: AnalyseOptions;
}

/**
 * Opens a review of a period: reads its accesses, analyses them and stores the findings, the
 * totals and the actors reviewed. Refused (a value) when the period is invalid or has not ended.
 */
export async function openAccessReview(
  store: Store,
  manifest: Manifest,
  input: OpenReviewInput,
  source: AccessSource = auditAccessSource(store),
): Promise<
  { ok: true; review: TypedAccessReview; analysis: ReviewAnalysis } | { ok: false; refusal: ReviewRefusal }
> {
  const accesses = input.period.from < input.period.to ? await source.accessesIn(input.period) : [];
  const analysis = analyseAccesses(input.period, accesses, {
    workingHours: workingHoursFor(manifest),
    ...input.options,
  });
  const created = await createAccessReview(store.db, {
    from: input.period.from,
    to: input.period.to,
    createdBy: input.createdBy,
    findings: analysis.findings,
    summary: analysis.summary as unknown as Readonly<Record<string, unknown>>,
    reviewedActors: analysis.reviewedActors.map(actorLabel),
    now: input.now,
  });
  return created.ok ? { ok: true, review: typedReview(created.review), analysis } : created;
}

/** What {@link signOffReview} needs. */
export interface SignOffInput extends Omit<ReviewSignOff, 'reviewer' | 'alsoReviewed'> {
  readonly reviewer: ActorRef;
}

/**
 * Signs a review off after reading the period's accesses again: an actor whose access was
 * recorded after the review was opened cannot sign it either. Refusals as in
 * `signOffAccessReview` (`review.reviewer-reviewed`, `review.overlaps-signed`, ...).
 */
export async function signOffReview(
  store: Store,
  input: SignOffInput,
  source: AccessSource = auditAccessSource(store),
): Promise<{ ok: true; review: TypedAccessReview } | { ok: false; refusal: ReviewRefusal }> {
  const review = await store.db
    .selectFrom('pledge_access_reviews')
    .select(['period_from', 'period_to'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  const now = review ? await source.accessesIn({ from: review.period_from, to: review.period_to }) : [];
  const signed = await signOffAccessReview(store.db, {
    ...input,
    reviewer: actorLabel(input.reviewer),
    alsoReviewed: [...new Set(now.map((a) => actorLabel(a.actor)))],
  });
  return signed.ok ? { ok: true, review: typedReview(signed.review) } : signed;
}

/**
 * Whether an access review is due or overdue (P0-31: the engine flags any review older than
 * the manifest's `security.accessReviewEvery`): one interval after the end of the last
 * signed-off review's period, or after the first audit entry when none was ever signed.
 */
export async function reviewStatus(
  store: Store,
  manifest: Manifest,
  now: Date,
  source: Pick<AccessSource, 'firstAccessAt'> = auditAccessSource(store),
): Promise<ReviewStatus> {
  const last = await lastSignedReview(store.db);
  const firstAccessAt = last ? undefined : await source.firstAccessAt();
  return reviewDueness({
    every: manifest.security?.accessReviewEvery,
    ...(last?.signedOffAt ? { lastSigned: { signedAt: last.signedOffAt, to: last.to } } : {}),
    ...(firstAccessAt ? { firstAccessAt } : {}),
    now,
    timeZone: workingHoursFor(manifest).timeZone,
  });
}
