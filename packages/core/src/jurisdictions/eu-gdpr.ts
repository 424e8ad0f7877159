import { GDPR, nationalAgesByRegion } from './eu-national-ages.js';
import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

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
  // Read 2026-12-06: Art. 12(3) in full ("without undue delay and in any event within one month of
  // receipt of the request. That period may be extended by two further months where necessary,
  // taking into account the complexity and number of the requests. The controller shall inform the
  // data subject of any such extension within one month of receipt of the request, together with
  // the reasons for the delay"), reproduced verbatim by GDPRhub
  // (https://gdprhub.eu/index.php?title=Article_12_GDPR&oldid=22982) and eulaw.online
  // (https://eulaw.online/l/reg-679-2016/article/12?lang=en). The 1182/71 counting is the engine's.
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
    // Read 2026-12-06: Art. 12(4) ("without delay and at the latest within one month of receipt of the
    // request of the reasons for not taking action and on the possibility of lodging a complaint with
    // a supervisory authority and seeking a judicial remedy"), same two reproductions as Art. 12(3).
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
    // The identity-document part comes from EDPB guidance, not the Regulation, and Art. 12(6) was
    // not read again on 2026-12-06: the weakest part sets the status.
    'secondary',
    GDPR,
  ),
  oralRequests: fact(true, 'GDPR Art. 12(1)-(2); EDPB Guidelines 01/2022 §52', 'secondary', GDPR),
  // Read 2026-12-06: Art. 12(5) in full ("shall be provided free of charge. Where requests from a
  // data subject are manifestly unfounded or excessive ... the controller may either: (a) charge a
  // reasonable fee ...; or (b) refuse to act on the request. The controller shall bear the burden of
  // demonstrating ..."), reproduced at https://www.law-reg.org/gdpr-en1/regulations/rights-of-the-controller-in-context-of-the-inappropriate-requests-from-the-data-subject.
  // Art. 15(3) (further copies) was not re-read; the value rests on Art. 12(5).
  fees: fact(
    'free-unless-manifestly-unfounded-or-excessive',
    'GDPR Art. 12(5) (reasonable fee or refusal; burden on the controller); Art. 15(3) further copies',
    'verified',
    GDPR,
  ),
  // Read 2026-12-06: Art. 8(1)-(2) in full ("lawful where the child is at least 16 years old ...
  // Member States may provide by law for a lower age for those purposes provided that such lower age
  // is not below 13 years"; "reasonable efforts to verify ... taking into consideration available
  // technology"), reproduced at https://online.flipbuilder.com/cygr/fpoy/files/basic-html/page121.html
  // and https://dsgvo.privacysoft.online/en/dsgvo/Kapitel_2/Art_8.
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
  // Read 2026-12-06: Art. 9(1) ("racial or ethnic origin, political opinions, religious or
  // philosophical beliefs, or trade union membership, ... genetic data, biometric data for the purpose
  // of uniquely identifying a natural person, data concerning health or ... sex life or sexual
  // orientation shall be prohibited") and 9(2)(a) ("the data subject has given explicit consent ...
  // for one or more specified purposes"), at https://k8s-stage.betterregulation.com/document/236149
  // (consolidated, "updated to reflect all known changes"); Art. 10 (criminal convictions and
  // offences) at https://gdprlearninghub.com/article-10-gdpr/. The 2025 Digital Omnibus proposal
  // would add Art. 9(2) conditions; it leaves these categories and 9(2)(a) as they are.
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
  // Read 2026-12-06: Art. 33(1)-(5) in full ("without undue delay and, where feasible, not later
  // than 72 hours after having become aware of it ... unless the personal data breach is unlikely to
  // result in a risk"; (3)(a)-(d); "may be provided in phases"; "shall document any personal data
  // breaches") at https://gdprlearninghub.com/article-33-gdpr/, and Art. 34(1)-(4) ("likely to result
  // in a high risk ... without undue delay"; the three exceptions of (3)) at
  // https://gdprlearninghub.com/?p=60972. In force as read; the Commission's Digital Omnibus proposal
  // of 2025-11-19 would move Art. 33 to 96 hours and to high-risk breaches only, and the corpus shows
  // it still a proposal (EDPB-EDPS joint opinion, 2026): revisit when it is adopted.
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
        'verified',
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
