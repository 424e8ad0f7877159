import type { ConsentMode, DurationUnit, JurisdictionKey, LegalBasis } from '../manifest/schema/common';
import type { RightKind } from '../manifest/schema/rights';

/** How sure we are of a fact: `verified` against the primary source, or not yet. */
export type Verification = 'verified' | 'unverified' | 'secondary';

/** A legal source for a fact. */
export interface Citation {
  /** e.g. "GDPR Art. 12(3)". */
  ref: string;
  url?: string;
  verification: Verification;
}

/** A fact with its citation. */
export interface Fact<T> {
  value: T;
  cite: Citation;
}

/** A statutory deadline. */
export interface StatutoryDeadline {
  amount: number;
  unit: DurationUnit;
  clockStart: 'receipt' | 'verification' | 'later-of-receipt-and-verification';
  extension?: { amount: number; unit: DurationUnit; condition: string };
}

/** Everything Pledge knows about one jurisdiction, as data. */
export interface Jurisdiction {
  key: JurisdictionKey;
  name: string;
  /** ISO 3166 codes the law covers (EU = member states + EEA). */
  regions: string[];
  /** Calendar for working-day deadlines: `cn` uses the official Chinese calendar. */
  calendar: 'gregorian-business' | 'cn';
  rights: Fact<RightKind[]>;
  /** Deadline to answer a rights request. */
  requestDeadline: Fact<StatutoryDeadline>;
  verification: Fact<string>;
  fees: Fact<
    'free' | 'free-unless-manifestly-unfounded-or-excessive' | 'free-twice-a-year' | 'free-unless-excessive'
  >;
  minors: {
    /** Below this age, consent must come from a guardian. */
    digitalConsentAge: Fact<number>;
    /** Minimum age a member state / regime may set (GDPR: 13). */
    minimumAllowedAge?: Fact<number>;
    /** Extra rules (e.g. CCPA opt-in to sale under 16). */
    notes?: Fact<string>[];
  };
  sensitive: {
    /** Taxonomy category keys the law treats as sensitive/special. */
    categories: Fact<string[]>;
    /** Consent mode the law requires for sensitive data. */
    consentMode: Fact<ConsentMode>;
  };
  /** Actions needing a consent of their own (PIPL: sensitive data, disclosure, transfer abroad, public disclosure). */
  separateConsentFor: Fact<
    Array<
      | 'sensitive'
      | 'disclosure-to-controller'
      | 'transfer-abroad'
      | 'public-disclosure'
      | 'facial-recognition'
    >
  >;
  breach: {
    authorityDeadline: Fact<{ amount: number; unit: 'hours' | 'days' } | 'immediately' | 'none'>;
    subjectDeadline: Fact<
      { amount: number; unit: 'hours' | 'days' } | 'without-undue-delay' | 'immediately' | 'most-expedient'
    >;
    contents: Fact<string[]>;
  };
  transfers: Fact<string[]>;
  legalBases: Fact<LegalBasis[]>;
  recordKeeping: Fact<string>;
  signals: {
    /** Global Privacy Control must be honoured as an opt-out of sale/share. */
    gpc: Fact<boolean>;
  };
}
