import { nationalAgesByRegion } from './eu-national-ages.js';
import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

const GDPR = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';

/** EU member states plus the EEA states (IS, LI, NO). */
const EEA = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
];

/**
 * Taxonomy keys of GDPR Art. 9(1) special categories, plus Art. 10 criminal data. Deprecated
 * fideslang aliases are listed too, so a manifest on either key set matches.
 */
export const gdprSpecialCategories = [
  'user.demographic.race_ethnicity',
  'user.demographic.political_opinion',
  'user.demographic.religious_belief',
  'user.demographic.philosophical_belief',
  'user.demographic.union_membership',
  'user.health.genetic',
  'user.health_and_medical.genetic',
  'user.biometrics',
  'user.biometric',
  'user.authorization.biometrics',
  'user.authorization.biometric',
  'user.health',
  'user.health_and_medical',
  'user.demographic.sexual_orientation',
  'user.health.reproductive_or_sexual',
  'user.criminal_history',
];

/** EU/EEA General Data Protection Regulation, Regulation (EU) 2016/679. */
export const euGdpr: Jurisdiction = {
  key: 'eu-gdpr',
  name: 'EU/EEA General Data Protection Regulation',
  regions: EEA,
  calendar: 'gregorian-business',
  asOf: '2026-11-22',
  rights: fact(
    [
      'access',
      'rectification',
      'erasure',
      'restriction',
      'portability',
      'objection',
      'automated-decision',
      'withdraw-consent',
      'complaint',
    ],
    'GDPR Arts. 15-22 (access to automated decisions), Art. 7(3) (withdraw consent), Art. 77 (complaint); DPV eu-gdpr A15-A22, A7-3, A77',
    'secondary',
    GDPR,
  ),
  requestDeadline: fact(
    {
      amount: 1,
      unit: 'months',
      clockStart: 'receipt',
      standard: 'without-undue-delay',
      extension: {
        amount: 2,
        unit: 'months',
        condition:
          'Complexity or number of requests; the subject is told within the first month, with reasons (computed per Reg. (EEC, Euratom) 1182/71).',
      },
    },
    'GDPR Art. 12(3)',
    'verified',
    GDPR,
  ),
  requestNotes: [
    fact(
      'If the controller does not act, it tells the subject within one month why, and of the right to complain to a supervisory authority and to a judicial remedy.',
      'GDPR Art. 12(4)',
      'verified',
      GDPR,
    ),
    fact(
      'Some authorities (e.g. Berlin DPA) treat the clock as paused while awaiting authentication.',
      'GDPR Art. 12(3); Berlin DPA practice',
      'secondary',
      GDPR,
    ),
  ],
  verification: fact(
    'Only where there are reasonable doubts about identity; ask only for the information necessary to confirm it. Copies of identity documents are usually not appropriate (EDPB Guidelines 01/2022).',
    'GDPR Art. 12(6), Art. 11(2); EDPB Guidelines 01/2022',
    'verified',
    GDPR,
  ),
  oralRequests: fact(true, 'GDPR Art. 12(1)-(2); EDPB Guidelines 01/2022 §52', 'secondary', GDPR),
  fees: fact(
    'free-unless-manifestly-unfounded-or-excessive',
    'GDPR Art. 12(5) (reasonable fee or refusal; burden on the controller); Art. 15(3) further copies',
    'verified',
    GDPR,
  ),
  minors: {
    digitalConsentAge: fact(16, 'GDPR Art. 8(1)', 'verified', GDPR),
    minimumAllowedAge: fact(13, 'GDPR Art. 8(1) second subparagraph', 'verified', GDPR),
    byRegion: nationalAgesByRegion(),
    notes: [
      fact(
        'Applies to information-society services offered directly to a child where consent is the legal basis; the controller makes reasonable efforts to verify parental consent.',
        'GDPR Art. 8(1)-(2)',
        'verified',
        GDPR,
      ),
    ],
  },
  sensitive: {
    categories: fact(
      gdprSpecialCategories,
      'GDPR Art. 9(1) special categories; Art. 10 criminal data',
      'verified',
      GDPR,
    ),
    consentMode: fact(
      'opt-in',
      'GDPR Art. 9(2)(a) explicit consent (or another Art. 9(2) condition)',
      'verified',
      GDPR,
    ),
  },
  separateConsentFor: fact(
    [],
    'GDPR has no separate-consent duty; Art. 7(2) requires a consent request to be clearly distinguishable',
    'unverified',
    GDPR,
  ),
  breach: {
    authorityDeadline: fact({ amount: 72, unit: 'hours' }, 'GDPR Art. 33(1)', 'verified', GDPR),
    subjectDeadline: fact('without-undue-delay', 'GDPR Art. 34(1) (when high risk)', 'verified', GDPR),
    contents: fact(
      [
        'nature of the breach, categories and approximate number of subjects and records',
        'name and contact details of the DPO or other contact point',
        'likely consequences',
        'measures taken or proposed, including mitigation',
      ],
      'GDPR Art. 33(3)(a)-(d)',
      'verified',
      GDPR,
    ),
    notes: [
      fact(
        'Not needed when a risk is unlikely; reasons for any delay beyond 72 hours; information may come in phases; every breach goes in the breach register. Subjects need no notice if the data was unintelligible (e.g. encrypted), later measures removed the high risk, or it would need disproportionate effort (then a public communication).',
        'GDPR Art. 33(1), (4), (5); Art. 34(3)',
        'secondary',
        GDPR,
      ),
    ],
  },
  transfers: fact(
    [
      'adequacy-decision',
      'standard-contractual-clauses',
      'binding-corporate-rules',
      'code-of-conduct',
      'certification',
      'derogation-explicit-consent',
      'derogation-contract',
      'derogation-public-interest',
      'derogation-legal-claims',
      'derogation-vital-interests',
    ],
    'GDPR Art. 45 (adequacy), Art. 46(2) (SCCs, Decision (EU) 2021/914; codes; certification), Art. 47 (BCRs), Art. 49 (derogations)',
    'secondary',
    GDPR,
  ),
  legalBases: fact(
    ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'],
    'GDPR Art. 6(1)(a)-(f); DPV eu-gdpr A6-1-a to A6-1-f',
    'verified',
    GDPR,
  ),
  recordKeeping: fact(
    'Record of processing activities: controller contacts, purposes, categories of subjects and data, recipients, third-country transfers and safeguards, erasure time limits, security measures. The under-250-staff exemption does not apply to risky, non-occasional or Art. 9/10 processing.',
    'GDPR Art. 30(1), 30(5)',
    'verified',
    GDPR,
  ),
  signals: {
    gpc: fact(
      false,
      'No mandated opt-out signal; Art. 21(5) allows objection by automated means',
      'unverified',
      GDPR,
    ),
  },
};
