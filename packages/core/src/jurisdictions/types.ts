import type { ConsentMode, DurationUnit, JurisdictionKey, LegalBasis } from '../manifest/schema/common.js';
import type { RightKind } from '../manifest/schema/rights.js';
import type { IncidentDuty, IncidentGrade, IncidentReporter } from './incident.js';

/**
 * How sure we are of a fact: `verified` against the primary text (or a faithful reproduction),
 * `secondary` when checked against a regulator FAQ, law-firm note or news only, `unverified` when
 * it comes from background knowledge. A fact made of several parts takes its weakest part's level.
 */
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
  /**
   * Where the number comes from. `engine-default` marks a number Pledge applies where the law
   * itself sets none (see `standard`). Omitted: the statute itself.
   */
  origin?: 'statute' | 'regulation' | 'standard' | 'engine-default';
  /** The law's own words when it sets no number, e.g. PIPL "timely" (及时). */
  standard?: 'timely' | 'immediately' | 'without-undue-delay';
  /**
   * The day the clock starts counts as the first day of the period, e.g. 11 CCR §7021(b): "the
   * 45-day period will begin on the day that the business receives the request". Omitted: the
   * count begins the next day (Reg. (EEC, Euratom) 1182/71 Art. 3(1)).
   */
  countsStartDay?: boolean;
}

/** A breach-notice clock counted in units. */
export interface BreachClock {
  amount: number;
  unit: 'hours' | 'days' | 'business-days';
}

/**
 * A reporting duty whose clock depends on the incident (its grade, who reports): who tells
 * whom, by when, counted from what. A law's flat `authorityDeadline` and `subjectDeadline` still
 * apply beside these.
 */
export interface GradedBreachClock {
  duty: IncidentDuty;
  /** The lowest grade the duty applies to (and every grade above). Omitted: every grade. */
  minGrade?: IncidentGrade;
  /** The reporters the duty binds. Omitted: every reporter. */
  reporters?: IncidentReporter[];
  /** Who receives the report or notice, in the law's words. */
  recipient: string;
  /**
   * A count, or the law's words when it sets none: `immediately` (立即), `timely` (及时),
   * `as-provided` (按照规定: the timing comes from other rules).
   */
  clock: BreachClock | 'immediately' | 'timely' | 'as-provided';
  /** `discovery`: when the incident is discovered or learnt of; `handling-ended`: when handling ends. */
  clockStart: 'discovery' | 'handling-ended';
  /** A condition beyond grade and reporter, in words (e.g. "the incident harms individuals"). */
  condition?: string;
}

/** Everything Pledge knows about one jurisdiction, as data. */
export interface Jurisdiction {
  key: JurisdictionKey;
  name: string;
  /** ISO 3166 codes the law covers (EU = member states + EEA). */
  regions: string[];
  /** Calendar for working-day deadlines: `cn` uses the official Chinese calendar. */
  calendar: 'gregorian-business' | 'cn';
  /**
   * IANA time zone in which a day-counted deadline ends (see `dueDate`) when the controller's own
   * zone is not known. Where the law spans several zones (EU), the easternmost one, so that a
   * deadline never ends after midnight anywhere the law applies.
   */
  timeZone?: string;
  /** Date of the research the facts were taken from (ISO date). */
  asOf?: string;
  rights: Fact<RightKind[]>;
  /** Deadline to answer a rights request. */
  requestDeadline: Fact<StatutoryDeadline>;
  /**
   * Deadlines of particular rights where the law sets another one than `requestDeadline`
   * (LGPD Art. 19 II: 15 days for confirmation and access only). See `deadlineForRight`.
   */
  rightDeadlines?: Partial<Record<RightKind, Fact<StatutoryDeadline>>>;
  /** Deadline to acknowledge a request, where the law sets one (CCPA: 10 business days). */
  acknowledgeDeadline?: Fact<StatutoryDeadline>;
  /** Deadline to act on an opt-out of sale/sharing, where the law sets one. */
  optOutDeadline?: Fact<StatutoryDeadline>;
  /** Deadline to decide an appeal of a refused request, where the law sets one (US state laws). */
  appealDeadline?: Fact<StatutoryDeadline>;
  /** When the law, or a phase of it, applies (India's DPDP Rules: phased over 18 months). */
  inForce?: Fact<{ from: string; scope: string }>[];
  /** Further rules on request handling (other benchmarks, clock pauses...). */
  requestNotes?: Fact<string>[];
  /**
   * Whether the law accepts a rights request made orally, so a policy's written-only rule does
   * not bind. Omitted: the law says nothing Pledge knows of; the policy's rule applies.
   */
  oralRequests?: Fact<boolean>;
  verification: Fact<string>;
  fees: Fact<
    'free' | 'free-unless-manifestly-unfounded-or-excessive' | 'free-twice-a-year' | 'free-unless-excessive'
  >;
  minors: {
    /** Below this age, consent must come from a guardian. */
    digitalConsentAge: Fact<number>;
    /** Minimum age a member state / regime may set (GDPR: 13). */
    minimumAllowedAge?: Fact<number>;
    /** Below this age, sale or sharing needs an opt-in (CCPA: 16). */
    saleOptInBelow?: Fact<number>;
    /** Below this age sale and targeted advertising are barred, consent or not (Maryland: 18). */
    saleBarredBelow?: Fact<number>;
    /** Per-country digital-consent ages (ISO 3166 code to age), where the law lets states choose. */
    byRegion?: Record<string, Fact<number>>;
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
    authorityDeadline: Fact<BreachClock | 'immediately' | 'none'>;
    subjectDeadline: Fact<BreachClock | 'without-undue-delay' | 'immediately' | 'most-expedient'>;
    contents: Fact<string[]>;
    /**
     * The authority is told only when more than this many residents are affected (Cal. Civ. Code
     * §1798.82(f): 500). Omitted: whenever the law's own test is met.
     */
    authorityAbove?: Fact<number>;
    /** Overlays and conditions (thresholds, sector rules...). */
    notes?: Fact<string>[];
    /**
     * Reporting duties whose clock depends on the incident's grade and on who reports (China's
     * Cybersecurity Incident Reporting Measures); see `breachClocks`.
     */
    gradedClocks?: Fact<GradedBreachClock>[];
  };
  transfers: Fact<string[]>;
  legalBases: Fact<LegalBasis[]>;
  recordKeeping: Fact<string>;
  signals: {
    /** Global Privacy Control must be honoured as an opt-out of sale/share. */
    gpc: Fact<boolean>;
    /** Date (ISO) from which the GPC duty applies; omitted: already when the law took effect. */
    gpcFrom?: Fact<string>;
    /** Date (ISO) from which the business must show whether it honoured the signal (CCPA: 11 CCR §7025(c)(6)). */
    displayHonouredFrom?: Fact<string>;
  };
}
