import type { JurisdictionKey } from '@pledge/core';

/** How a consent in force was given. */
export type GivenConsentMode = 'implied' | 'opt-in' | 'separate';

/** A consent in force for one purpose (or, for `policyAcceptance`, for the policy as a whole). */
export interface ConsentRecord {
  readonly mode: GivenConsentMode;
  /** Strength of `mode`: 1 implied, 2 opt-in, 3 separate. A stronger consent satisfies a weaker requirement. */
  readonly level: number;
  /** When it was given (ISO 8601). */
  readonly at: string;
  /** Policy version it was given under. */
  readonly policyVersion: string | undefined;
  /** Given under a policy version whose change requires asking again: it does not count. */
  readonly needsRenewal: boolean;
}

/**
 * Everything the engine needs to know about one subject, built by the caller from the
 * consent ledger (see {@link subjectStateFromEvents}) or by {@link emptySubjectState}; other
 * objects of this shape are not accepted. Arrays are indexed by the purpose and category
 * indexes of the {@link CompiledPolicy} the state was built for; flags are `1` for yes.
 *
 * The engine reads a packed copy of these facts (one small typed array per subject), so the
 * per-purpose flag arrays and the category bitset below are decoded on each read: fresh
 * copies, fine for inspection, not meant for hot loops, and writing to them changes nothing.
 */
export interface SubjectState {
  /** Jurisdiction whose law applies to the subject; undefined: unknown. */
  readonly jurisdiction: JurisdictionKey | undefined;
  /**
   * Country the subject lives in (ISO 3166-1 alpha-2, upper case), where the law sets an age per
   * country (GDPR Art. 8(1): each EEA state's own age of digital consent); undefined: unknown, the
   * law's general age applies (16 under GDPR).
   */
  readonly region: string | undefined;
  /** Age in years; undefined: unknown (treated as not known to be a minor). */
  readonly age: number | undefined;
  /** Consent in force per purpose; undefined: none. */
  readonly consents: readonly (ConsentRecord | undefined)[];
  /** Per purpose: the latest consent event was a withdrawal. */
  readonly withdrawn: Uint8Array;
  /** Per purpose: a guardian has consented. */
  readonly guardianConsent: Uint8Array;
  /** Per purpose: the subject objects to it. */
  readonly objections: Uint8Array;
  /** Per purpose: the subject opted out (sale/share, or any opt-out purpose). */
  readonly optedOut: Uint8Array;
  /** Per purpose: processing is restricted. */
  readonly restrictedPurposes: Uint8Array;
  /** Category bitset: processing of these categories is restricted. */
  readonly restrictedCategories: Uint32Array;
  /** All processing of the subject is restricted. */
  readonly restrictedAll: boolean;
  /** Acceptance of the policy as a whole (use of the service), which counts as implied consent. */
  readonly policyAcceptance: ConsentRecord | undefined;
  /** A Global Privacy Control signal was seen. */
  readonly gpc: boolean;
  /** A Do Not Track signal was seen. */
  readonly dnt: boolean;
}

/** Starting facts for {@link emptySubjectState}. */
export interface SubjectFacts {
  jurisdiction?: JurisdictionKey;
  /** Country the subject lives in (ISO 3166-1 alpha-2), for national ages of digital consent. */
  region?: string;
  age?: number;
  gpc?: boolean;
  dnt?: boolean;
}
