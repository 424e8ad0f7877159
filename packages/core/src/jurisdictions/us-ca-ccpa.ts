import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

const section = (n: string) =>
  `https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=${n}`;
const CCPA =
  'https://leginfo.legislature.ca.gov/faces/codes_displayText.xhtml?lawCode=CIV&division=3.&title=1.81.5.&part=4.';
/** CCPA regulations (11 CCR §7000 ff.) as published by the California Privacy Protection Agency. */
const REGS = 'https://cppa.ca.gov/regulations/pdf/cppa_regs.pdf';

/** Taxonomy keys of "sensitive personal information" (Cal. Civ. Code §1798.140(ae)), neural data included. */
const sensitivePersonalInformation = [
  'user.government_id',
  'user.authorization.credentials',
  'user.authorization.password',
  'user.financial',
  'user.payment',
  'user.location.precise',
  'user.demographic.race_ethnicity',
  'user.demographic.citizenship_or_immigration_status',
  'user.demographic.religious_belief',
  'user.demographic.philosophical_belief',
  'user.demographic.union_membership',
  'user.content.private',
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
  // §1798.140(ae)(1)(G), added by SB 1223 (Stats. 2024, ch. 887) from 2025-01-01.
  'user.neural',
];

/** California Consumer Privacy Act as amended by the CPRA, with the CPPA regulations (11 CCR §7000 ff.). */
export const usCaCcpa: Jurisdiction = {
  key: 'us-ca-ccpa',
  name: 'California Consumer Privacy Act (CCPA/CPRA)',
  regions: ['US-CA'],
  calendar: 'gregorian-business',
  timeZone: 'America/Los_Angeles',
  asOf: '2026-11-22',
  rights: fact(
    [
      'know',
      'access',
      'erasure',
      'rectification',
      'portability',
      'opt-out-sale',
      'limit-sensitive',
      'automated-decision',
    ],
    'Cal. Civ. Code §§1798.100, .105, .106, .110, .115, .120, .121, .130 (portable format); ADMT regulations (compliance 2027-01-01)',
    'unverified',
    CCPA,
  ),
  requestDeadline: fact(
    {
      amount: 45,
      unit: 'days',
      clockStart: 'receipt',
      origin: 'regulation',
      countsStartDay: true,
      extension: {
        amount: 45,
        unit: 'days',
        condition:
          'If necessary, up to 45 more calendar days (90 in all from the day of receipt), with notice and an explanation of the reason.',
      },
    },
    '11 CCR §7021(b) (45 calendar days beginning on the day the business receives the request, whatever verification takes), implementing Cal. Civ. Code §1798.130(a)(2)',
    'verified',
    REGS,
  ),
  acknowledgeDeadline: fact(
    { amount: 10, unit: 'business-days', clockStart: 'receipt', origin: 'regulation' },
    '11 CCR §7021(a) (confirm receipt of requests to know, delete, correct within 10 business days)',
    'verified',
    REGS,
  ),
  // Searched 2026-12-06 (casetext, law.cornell.edu, code copies): the stored copies of §7026 end
  // before subsection (f), and the 15 business days were found only in summaries and privacy
  // notices, so this stays `secondary`.
  optOutDeadline: fact(
    { amount: 15, unit: 'business-days', clockStart: 'receipt', origin: 'regulation' },
    '11 CCR §7026(f) (opt-out of sale/sharing), §7027 (limit use of sensitive PI): as soon as feasible, at most 15 business days',
    'secondary',
    REGS,
  ),
  requestNotes: [
    fact('Request records are kept for 24 months.', '11 CCR §7101', 'unverified', REGS),
    fact(
      'Manifestly unfounded or excessive requests, in particular repetitive ones, may be refused or charged a reasonable fee, the business bearing the burden of showing it.',
      'Cal. Civ. Code §1798.145 (manifestly unfounded or excessive requests)',
      'secondary',
      section('1798.145'),
    ),
  ],
  verification: fact(
    'Reasonable degree of certainty (two data points) for categories; reasonably high degree (three data points and a signed declaration) for specific pieces. A business cannot require an account. Opt-out and limit requests need no verification. Deny if not verifiable within 45 days.',
    '11 CCR §§7060-7062',
    'unverified',
    REGS,
  ),
  oralRequests: fact(
    true,
    'Cal. Civ. Code §1798.130(a)(1)(A) (a toll-free telephone number for requests)',
    'secondary',
    section('1798.130'),
  ),
  // Read: §1798.130(a)(2)(A) "Disclose and deliver the required information to a consumer free of
  // charge" and (b) "not obligated to provide the information required by Sections 1798.110 and
  // 1798.115 to the same consumer more than twice in a 12-month period" (verbatim reproduction).
  fees: fact(
    'free-twice-a-year',
    'Cal. Civ. Code §1798.130(a)(2)(A) (free of charge) and (b) (information under §§1798.110, .115 at most twice in 12 months)',
    'verified',
    section('1798.130'),
  ),
  minors: {
    digitalConsentAge: fact(
      13,
      'Cal. Civ. Code §1798.120(c) (under 13: parent or guardian opts in to sale/sharing)',
      'verified',
      section('1798.120'),
    ),
    saleOptInBelow: fact(
      16,
      'Cal. Civ. Code §1798.120(c) (opt-in before sale or sharing under 16)',
      'verified',
      section('1798.120'),
    ),
    notes: [
      fact(
        'Consumers aged 13 to 15 opt in themselves; applies on actual knowledge of age, and wilful disregard counts as knowledge. The business verifies the parent and tells 13-15-year-olds of their ongoing right to opt out.',
        'Cal. Civ. Code §1798.120(c); 11 CCR §§7070-7072',
        'verified',
        REGS,
      ),
    ],
  },
  sensitive: {
    categories: fact(
      sensitivePersonalInformation,
      'Cal. Civ. Code §1798.140(ae)(1)(A)-(G) and (2)(A)-(C); (1)(G) neural data from 2025-01-01 (SB 1223)',
      'verified',
      section('1798.140'),
    ),
    consentMode: fact(
      'opt-out',
      'Cal. Civ. Code §1798.121(a) (right to limit use beyond permitted purposes)',
      'verified',
      section('1798.121'),
    ),
  },
  separateConsentFor: fact(
    [],
    'No separate-consent duty; opt-out model (Cal. Civ. Code §1798.120(a), §1798.121(a))',
    'unverified',
    section('1798.120'),
  ),
  breach: {
    // Searched 2026-12-06: the chaptered SB 446 (Stats. 2025, ch. 319) is stored only in part
    // (opencalaccess.org, bill history), and "within 15 calendar days of notifying affected
    // consumers" was found only as a fragment quoted in others' compliance data: `secondary`.
    authorityDeadline: fact(
      { amount: 15, unit: 'days' },
      'Cal. Civ. Code §1798.82(f) as amended by SB 446 (from 2026-01-01): a sample copy to the Attorney General within 15 calendar days of notifying consumers',
      'secondary',
      section('1798.82'),
    ),
    authorityAbove: fact(
      500,
      'Cal. Civ. Code §1798.82(f): only when more than 500 California residents are notified of a single breach',
      'verified',
      section('1798.82'),
    ),
    // Read: §1798.82(a)(2)(A)-(B) verbatim in a statute database reproducing the section as amended
    // by SB 446 ("within 30 calendar days of discovery or notification of the data breach").
    subjectDeadline: fact(
      { amount: 30, unit: 'days' },
      'Cal. Civ. Code §1798.82(a)(2)(A) as amended by SB 446 (from 2026-01-01): within 30 calendar days of discovery or notification of the breach; delay under (a)(2)(B) and (c)',
      'verified',
      section('1798.82'),
    ),
    contents: fact(
      [
        'What Happened',
        'What Information Was Involved',
        'What We Are Doing',
        'What You Can Do',
        'For More Information',
        'name and contact information of the reporting person or business',
        'list of the types of personal information reasonably believed to have been breached',
        'date, estimated date or date range of the breach, if it can be determined',
        'date of the notice',
        'whether notification was delayed by a law enforcement investigation',
        'general description of the breach incident',
        'toll-free telephone numbers and addresses of the major credit reporting agencies, if a Social Security, driver\u2019s license or California identification card number was exposed',
        'offer of identity theft prevention and mitigation services for at least 12 months at no cost, if the business was the source of the breach and such a number was exposed',
      ],
      'Cal. Civ. Code §1798.82(d)(1) (title "Notice of Data Breach" and the five headings) and (d)(2)(A)-(H) (required content)',
      'secondary',
      section('1798.82'),
    ),
    notes: [
      fact(
        'Delay is allowed for law enforcement or to determine the scope and restore integrity. Private right of action for some breaches: §1798.150.',
        'Cal. Civ. Code §1798.82, §1798.150',
        'secondary',
        section('1798.82'),
      ),
    ],
  },
  transfers: fact(
    ['service-provider-contract'],
    'No transfer restriction; contract terms with service providers, contractors and third parties (Cal. Civ. Code §1798.100(d))',
    'unverified',
    CCPA,
  ),
  legalBases: fact(
    ['business-purpose', 'consent'],
    'No legal-basis model: use must be reasonably necessary and proportionate (§1798.100(c), 11 CCR §7002); opt-in consent for minors\u2019 sale/sharing',
    'unverified',
    CCPA,
  ),
  recordKeeping: fact(
    'Request records for 24 months; metrics when handling data of 10 million or more consumers; risk assessments, cybersecurity audits and ADMT rules under the 2026 regulations.',
    '11 CCR §§7101-7102; CPPA regulations in force 2026-01-01',
    'unverified',
    REGS,
  ),
  signals: {
    gpc: fact(
      true,
      '11 CCR §7025(b)-(c)(1): a qualifying opt-out preference signal (GPC) is a valid opt-out of sale/sharing for the browser or device, linked profiles and the consumer if known',
      'verified',
      REGS,
    ),
  },
};
