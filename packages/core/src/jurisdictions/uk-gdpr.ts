import { gdprSpecialCategories } from './eu-gdpr.js';
import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

const UK_GDPR = 'https://www.legislation.gov.uk/eur/2016/679/contents';
const DPA_2018 = 'https://www.legislation.gov.uk/ukpga/2018/12/contents';
const DUAA_2025 = 'https://www.legislation.gov.uk/ukpga/2025/18/contents';
const ICO = 'https://ico.org.uk/';

/** UK GDPR with the Data Protection Act 2018, as amended by the Data (Use and Access) Act 2025. */
export const ukGdpr: Jurisdiction = {
  key: 'uk-gdpr',
  name: 'UK GDPR and Data Protection Act 2018',
  regions: ['GB'],
  calendar: 'gregorian-business',
  timeZone: 'Europe/London',
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
    'UK GDPR Arts. 15-21, Arts. 22A-22D (automated decisions, DUAA s.80), Art. 7(3); complaint to the controller (DPA 2018, from 2026-06-19) and to the ICO',
    'secondary',
    UK_GDPR,
  ),
  requestDeadline: fact(
    {
      amount: 1,
      unit: 'months',
      clockStart: 'later-of-receipt-and-verification',
      standard: 'without-undue-delay',
      extension: {
        amount: 2,
        unit: 'months',
        condition: 'Complex requests; the subject is told within the first month.',
      },
    },
    'UK GDPR Art. 12(3) and Art. 12A (stop-the-clock, DUAA 2025)',
    'secondary',
    DUAA_2025,
  ),
  requestNotes: [
    fact(
      'The clock starts when reasonably required identity information or a fee is received and pauses while the controller waits for clarification; the search must be reasonable and proportionate.',
      'UK GDPR Art. 12A, Art. 15(1A) (DUAA 2025)',
      'secondary',
      DUAA_2025,
    ),
    fact(
      'Controllers must run a complaints process and acknowledge complaints within 30 days (from 2026-06-19).',
      'DPA 2018 as amended by DUAA 2025 (section number unverified)',
      'secondary',
      DUAA_2025,
    ),
  ],
  verification: fact(
    'As GDPR: only where there are reasonable doubts; the clock does not run until reasonably required identity information is received.',
    'UK GDPR Art. 12(6), Art. 12A',
    'secondary',
    UK_GDPR,
  ),
  oralRequests: fact(true, 'ICO, Right of access: verbal requests are valid', 'secondary', ICO),
  fees: fact('free-unless-manifestly-unfounded-or-excessive', 'UK GDPR Art. 12(5)', 'secondary', UK_GDPR),
  minors: {
    digitalConsentAge: fact(13, 'DPA 2018 s.9 (UK GDPR Art. 8)', 'unverified', DPA_2018),
    notes: [
      fact(
        'The ICO Age-Appropriate Design Code covers online services likely to be accessed by under-18s.',
        'DPA 2018 s.123; ICO Age-Appropriate Design Code',
        'unverified',
        ICO,
      ),
    ],
  },
  sensitive: {
    categories: fact(
      gdprSpecialCategories,
      'UK GDPR Art. 9(1), Art. 10; DPA 2018 Sch. 1 conditions',
      'unverified',
      UK_GDPR,
    ),
    consentMode: fact('opt-in', 'UK GDPR Art. 9(2)(a) explicit consent', 'unverified', UK_GDPR),
  },
  separateConsentFor: fact([], 'No separate-consent duty (as GDPR)', 'unverified', UK_GDPR),
  breach: {
    authorityDeadline: fact(
      { amount: 72, unit: 'hours' },
      'UK GDPR Art. 33(1) (to the ICO)',
      'unverified',
      UK_GDPR,
    ),
    subjectDeadline: fact('without-undue-delay', 'UK GDPR Art. 34(1)', 'unverified', UK_GDPR),
    contents: fact(
      [
        'nature of the breach, categories and approximate number of subjects and records',
        'name and contact details of the DPO or other contact point',
        'likely consequences',
        'measures taken or proposed, including mitigation',
      ],
      'UK GDPR Art. 33(3), Art. 34(2)',
      'unverified',
      UK_GDPR,
    ),
  },
  transfers: fact(
    ['adequacy-regulations', 'idta', 'uk-addendum-to-eu-sccs', 'binding-corporate-rules', 'derogations'],
    'UK GDPR Arts. 45-49 as amended by DUAA 2025 ("not materially lower" test)',
    'unverified',
    UK_GDPR,
  ),
  legalBases: fact(
    ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'],
    'UK GDPR Art. 6(1)(a)-(f); Art. 6(1)(ea) recognised legitimate interests (Annex 1, DUAA 2025) maps to legitimate-interests',
    'secondary',
    DUAA_2025,
  ),
  recordKeeping: fact(
    'Record of processing activities as GDPR Art. 30, with DUAA adjustments.',
    'UK GDPR Art. 30',
    'unverified',
    UK_GDPR,
  ),
  signals: {
    gpc: fact(false, 'No mandated opt-out signal (PECR governs cookies)', 'unverified', ICO),
  },
};
