/**
 * One access the review looks at: an entry of the access audit log reduced to what the analysis
 * needs. It carries no personal value: the subject is the audit log's pseudonymous hash.
 */
export interface ReviewedAccess {
  /** Who acted: a console user or an API key (or another kind the audit log records). */
  readonly actor: ActorRef;
  /** What was done, as the audit log names it (e.g. `subject-lookup`, `export`). */
  readonly action: string;
  /** Whose data: the subject's hash in the audit log; absent for accesses without one subject. */
  readonly subject?: string;
  /** Which data categories were touched. */
  readonly categories: readonly string[];
  /** The reason given (required for lookups by the audit log). */
  readonly reason?: string;
  /** The data-subject request the access served, when it names one. */
  readonly requestId?: string;
  /** When it happened (for counted SDK entries: the minute they were counted in). */
  readonly at: Date;
  /** How many accesses the entry stands for (the SDK counts per minute); at least 1. */
  readonly count: number;
}

/** Who acted: the kind of actor and its id (a user id or key id, never an e-mail). */
export interface ActorRef {
  readonly kind: string;
  readonly id: string;
}

/** A review period: from (inclusive) to (exclusive). */
export interface ReviewPeriod {
  readonly from: Date;
  readonly to: Date;
}

/** Every finding a review can report: the one list of codes. */
export const REVIEW_FINDING_CODES = [
  /** An actor's volume of accesses stands out against the others in the period. */
  'review.volume-outlier',
  /** A subject was looked up without a related open data-subject request. */
  'review.lookup-without-request',
  /** Accesses outside the configured working hours. */
  'review.outside-hours',
] as const;
/** One of {@link REVIEW_FINDING_CODES}. */
export type ReviewFindingCode = (typeof REVIEW_FINDING_CODES)[number];

/** An actor's volume that stands out: above the threshold computed from all actors. */
export interface VolumeOutlierFinding {
  readonly code: 'review.volume-outlier';
  readonly actor: ActorRef;
  /** The actor's accesses in the period (sum of entry counts). */
  readonly count: number;
  /** The median volume per actor in the period. */
  readonly median: number;
  /** The volume above which an actor is flagged. */
  readonly threshold: number;
}

/** Lookups of one subject by one actor without a related open request. */
export interface LookupWithoutRequestFinding {
  readonly code: 'review.lookup-without-request';
  readonly actor: ActorRef;
  /** The subject's hash as the audit log records it. */
  readonly subject: string;
  /** How many such lookups (sum of entry counts). */
  readonly count: number;
  /** ISO time of the first and the last of them. */
  readonly first: string;
  readonly last: string;
}

/** An actor's accesses outside working hours. */
export interface OutsideHoursFinding {
  readonly code: 'review.outside-hours';
  readonly actor: ActorRef;
  /** How many accesses (sum of entry counts). */
  readonly count: number;
  /** ISO time of the first and the last of them. */
  readonly first: string;
  readonly last: string;
}

/** A finding of a review: a value with a stable {@link ReviewFindingCode}. */
export type ReviewFinding = VolumeOutlierFinding | LookupWithoutRequestFinding | OutsideHoursFinding;

/** Totals of a review period. */
export interface ReviewSummary {
  /** Audit entries in the period. */
  readonly entries: number;
  /** Accesses in the period (sum of entry counts). */
  readonly accesses: number;
  /** Distinct actors and subjects. */
  readonly actors: number;
  readonly subjects: number;
  /** Accesses per action, keys sorted. */
  readonly byAction: Readonly<Record<string, number>>;
  /** Findings per code (every code present, zero when none). */
  readonly findings: Readonly<Record<ReviewFindingCode, number>>;
}

/** What a review found in its period: findings, totals and the actors reviewed. */
export interface ReviewAnalysis {
  readonly period: { readonly from: string; readonly to: string };
  readonly findings: readonly ReviewFinding[];
  readonly summary: ReviewSummary;
  /** Every actor with an access in the period, sorted: none of them may sign the review off. */
  readonly reviewedActors: readonly ActorRef[];
}

/** Where a review reads the accesses of its period (the access audit log). */
export interface AccessSource {
  /** The accesses recorded in a period: from (inclusive) to (exclusive). */
  accessesIn(period: ReviewPeriod): Promise<readonly ReviewedAccess[]>;
  /** The time of the first access ever recorded, or undefined when none is. */
  firstAccessAt(): Promise<Date | undefined>;
}
