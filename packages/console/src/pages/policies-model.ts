/** One published policy version, as the list shows it. */
export interface PolicyVersionRow {
  readonly seq: number;
  /** The manifest's version label. */
  readonly version: string;
  /** ISO time of publication. */
  readonly publishedAt: string;
  /** `sha256:` of the manifest. */
  readonly hash: string;
  /** Changes against the previous version, and how many of them are material. */
  readonly changes: number;
  readonly material: number;
  /** Lint errors its overrides accepted when it was published. */
  readonly acceptedLint: number;
  readonly inForce: boolean;
}

/** One change between two versions (from the core diff). */
export interface DiffRow {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly material: boolean;
  readonly needsConsent: boolean;
}

/** One lint finding. */
export interface LintRow {
  readonly code: string;
  /** error, warning or info. */
  readonly severity: string;
  readonly path: string;
  readonly message: string;
  /** An error the manifest's `lintOverrides` accept for publishing. */
  readonly accepted?: boolean;
}

/** A lint error published anyway, with the reason its override gives. */
export interface AcceptedLintRow {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
  readonly reason: string;
}

/** `GET /console/policies`: every version, newest first. */
export interface PoliciesModel {
  readonly versions: readonly PolicyVersionRow[];
}

/** `GET /console/policies/:seq`: one version, its diff against the previous one and its lint report. */
export interface PolicyVersionModel {
  readonly version: PolicyVersionRow;
  /** The version before it; absent for the first. */
  readonly previous?: { readonly seq: number; readonly version: string };
  readonly diff: readonly DiffRow[];
  readonly lint: readonly LintRow[];
  readonly acceptedLint: readonly AcceptedLintRow[];
  /** Purposes whose older consents need renewal since this version. */
  readonly renewalPurposes: readonly string[];
  /** Set right after this version was published from the console. */
  readonly justPublished?: boolean;
}

/** The outcome of checking a manifest before publishing it. */
export type PublishReviewOutcome =
  /** It can be published: the confirmation step shows what changes. */
  | { readonly kind: 'ready' }
  /** This exact manifest is already published: nothing would change. */
  | { readonly kind: 'unchanged'; readonly seq: number }
  /** The text is not a valid manifest. */
  | { readonly kind: 'invalid'; readonly issues: readonly LintRow[] }
  /** The publish check refuses it (lint gate, reused label, uncompilable). */
  | {
      readonly kind: 'refused';
      readonly code: string;
      readonly message: string;
      readonly issues: readonly LintRow[];
    };

/** `POST /console/policies/review` and a refused publish: the manifest checked and what publishing it would change. */
export interface PublishReviewModel {
  /** The manifest text as sent (written back into the form, escaped). */
  readonly manifestText: string;
  /** The version in force the review was made against. */
  readonly basedOn: { readonly seq: number; readonly version: string; readonly hash: string };
  /** The new version's label, when the text parsed. */
  readonly label?: string;
  readonly outcome: PublishReviewOutcome;
  readonly diff: readonly DiffRow[];
  readonly lint: readonly LintRow[];
  /** Why a confirmed publish was refused after the review (e.g. the policy changed meanwhile). */
  readonly notice?: string;
}
