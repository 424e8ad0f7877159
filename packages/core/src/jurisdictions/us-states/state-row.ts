import type { US_STATE_KEYS } from '../../manifest/vocabulary.js';
import type { BreachClock, Verification } from '../types.js';

/** Key of a US state law built from the table. */
export type UsStateKey = (typeof US_STATE_KEYS)[number];

/** The facts of a row, each with its own verification level. */
export const STATE_FACTS = [
  'inForce',
  'rights',
  'deadline',
  'appeal',
  'fees',
  'gpc',
  'sensitive',
  'minors',
  'breach',
  'breachSubject',
] as const;
export type StateFact = (typeof STATE_FACTS)[number];

/**
 * One US state privacy law as a row of facts. The state laws share one shape (Virginia's model:
 * 45 + 45 days, an appeal, opt-in for sensitive data, opt-outs of sale, targeted advertising and
 * profiling), so a state is its differences; `buildStateJurisdiction` turns a row into a
 * `Jurisdiction`.
 */
export interface StateRow {
  key: UsStateKey;
  /** Display name, e.g. "Colorado Privacy Act (CPA)". */
  name: string;
  /** ISO 3166-2 code, e.g. US-CO. */
  region: string;
  /** Where the law's deadlines end (the state's main time zone). */
  timeZone: string;
  /** Official text of the act (state legislature or code publisher). */
  url: string;
  /** Date the act took effect. */
  effective: string;
  /**
   * The act's first section, cited "et seq." where a fact rests on the act as a whole (its
   * effective date, processor contracts, assessments), e.g. "Va. Code §59.1-575 et seq.".
   */
  codeRef: string;
  /** Section holding the consumer rights and the 45-day deadline, e.g. "C.R.S. §6-1-1306". */
  rightsRef: string;
  /** Subsection holding the 45 + 45 days, when it was read; else `rightsRef`. */
  deadlineRef?: string;
  /** Subsection holding the free-of-charge rule, when it was read; else `rightsRef`. */
  feesRef?: string;
  /**
   * How many answers a year are free: `free-twice-a-year` (Virginia's "up to twice annually", the
   * default) or, where only the first request in twelve months is free and a fee may follow for a
   * manifestly unfounded, excessive or repetitive one, `free-unless-manifestly-unfounded-or-excessive`.
   */
  fees?: 'free-twice-a-year' | 'free-unless-manifestly-unfounded-or-excessive';
  /**
   * The fee rule in the law's own terms, replacing the default wording of the `fees` citation
   * where the law differs from it (e.g. a fee for any second request in twelve months).
   */
  feesNote?: string;
  /** Rights beyond the shared set (e.g. the list of specific third parties is not a right kind). */
  rightsNote?: string;
  /** Days to decide an appeal; 0 where the law has no appeal. */
  appealDays: number;
  appealRef: string;
  /** Date from which a universal opt-out signal (GPC) must be honoured; undefined: no duty. */
  gpcFrom?: string;
  gpcRef: string;
  /** Taxonomy keys sensitive here beyond the shared ones. */
  extraSensitive?: readonly string[];
  sensitiveRef: string;
  /** Below this age sale and targeted advertising need the minor's (or parent's) opt-in. */
  optInBelow?: number;
  /** Below this age sale and targeted advertising are barred. */
  barredBelow?: number;
  minorsRef: string;
  minorsNote?: string;
  /** Breach notice to residents: a clock or the law's standard. */
  breachSubject: BreachClock | 'most-expedient' | 'without-undue-delay';
  /** Breach notice to the Attorney General (or state police), with its threshold in the note. */
  breachAuthority: BreachClock | 'immediately' | 'none';
  breachRef: string;
  /** Subsection holding the notice to residents, when it was read; else `breachRef`. */
  breachSubjectRef?: string;
  /** Official text of the breach statute, when it is not in the act `url` links. */
  breachUrl?: string;
  breachNote: string;
  /**
   * How well each fact was checked; a fact not listed is `unverified`. `breachSubject` (the notice
   * to residents) falls back to `breach`.
   */
  checked: Partial<Record<StateFact, Verification>>;
}
