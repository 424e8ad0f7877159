import { gdprSpecialCategories } from './eu-gdpr.js';
import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

const UK_GDPR = 'https://www.legislation.gov.uk/eur/2016/679/contents';
const dpaSection = (n: string) => `https://www.legislation.gov.uk/ukpga/2018/12/section/${n}`;
const DUAA_2025 = 'https://www.legislation.gov.uk/ukpga/2025/18/contents';
const ICO_COOKIES =
  'https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guide-to-pecr/cookies-and-similar-technologies/';
const article = (n: string) => `https://www.legislation.gov.uk/eur/2016/679/article/${n}`;
/** DPA 2018 s.164A, inserted by DUAA 2025 s.103. */
const DUAA_S103 = 'https://www.legislation.gov.uk/ukpga/2025/18/section/103';

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
    'UK GDPR Arts. 15-21, Arts. 22A-22D (automated decisions, DUAA s.80), Art. 7(3); complaint to the controller (DPA 2018 s.164A, from 2026-06-19) and to the ICO (Art. 77)',
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
        condition:
          'Where necessary, taking into account the complexity and number of the requests; the subject is told within the first month, with reasons.',
      },
    },
    // Read: Art. 12(3)-(4) as amended ("before the end of the applicable time period (see Article
    // 12A)"); Art. 12A itself, which holds the month, the relevant time and the extension, was not.
    // Searched again 2026-12-06 (legislation.gov.uk pages, DUAA 2025 s.76 reproductions, code
    // copies of the UK GDPR): no copy of Art. 12A's text found, only law-firm summaries
    // (secondary). DPA 2018 s.54 (Part 3, law enforcement) has the same scheme in its own words.
    'UK GDPR Art. 12(3) and Art. 12A (stop-the-clock, DUAA 2025)',
    'secondary',
    article('12'),
  ),
  requestNotes: [
    fact(
      'The clock starts when reasonably required identity information or a fee is received and pauses while the controller waits for clarification; the search must be reasonable and proportionate.',
      'UK GDPR Art. 12A, Art. 15(1A) (DUAA 2025)',
      'secondary',
      DUAA_2025,
    ),
    fact(
      'A data subject may complain to the controller of an infringement of the UK GDPR concerning their data; the controller facilitates complaints (e.g. an electronic form), acknowledges receipt within 30 days of receiving one, and without undue delay makes enquiries, keeps the complainant informed and tells them the outcome.',
      'DPA 2018 s.164A(1)-(5) (inserted by DUAA 2025 s.103)',
      'verified',
      DUAA_S103,
    ),
    fact(
      'The complaints duty of DPA 2018 s.164A applies from 2026-06-19.',
      'DPA 2018 s.164A commencement: SI 2026/82 reg. 3 (per practitioner notes; the regulations were not read)',
      'secondary',
      DUAA_S103,
    ),
  ],
  verification: fact(
    'As GDPR: only where there are reasonable doubts; the clock does not run until reasonably required identity information is received.',
    'UK GDPR Art. 12(6), Art. 12A',
    'secondary',
    article('12A'),
  ),
  // Not read 2026-12-06: the stored copy of legislation.gov.uk's revised Chapter III section 1 ends
  // at the opening of Art. 12(5) ("Subject to A..."), so the UK sentence is unseen; DPA 2018 s.12(1)(a)
  // describes Art. 12(5) as "reasonable fees when responding to manifestly unfounded or excessive
  // requests", a description, not the provision.
  fees: fact(
    'free-unless-manifestly-unfounded-or-excessive',
    'UK GDPR Art. 12(5)',
    'secondary',
    article('12'),
  ),
  oralRequests: fact(
    true,
    'UK GDPR Art. 12(2) (the controller facilitates the exercise of rights; no form is prescribed); ICO guidance: verbal requests are valid',
    'secondary',
    article('12'),
  ),
  minors: {
    digitalConsentAge: fact(13, 'UK GDPR Art. 8(1)', 'verified', article('8')),
    notes: [
      fact(
        'The Secretary of State may by regulations change the age of UK GDPR Art. 8(1), to no less than 13 and no more than 16, generally or for specified services.',
        'UK GDPR Art. 8(2A)-(2B) (inserted by the Children\u2019s Wellbeing and Schools Act 2026 s.72)',
        'verified',
        'https://www.legislation.gov.uk/ukpga/2026/21/section/72/enacted',
      ),
      fact(
        'The ICO Age-Appropriate Design Code covers online services likely to be accessed by under-18s.',
        'DPA 2018 s.123; ICO Age-Appropriate Design Code (guidance)',
        'unverified',
        dpaSection('123'),
      ),
    ],
  },
  sensitive: {
    // Read: Art. 9(1)-(2)(a) as revised on legislation.gov.uk ("... except where [domestic law
    // provides] ..."), in a page reproducing that text with its amendment notes, and Art. 10
    // ("... authorised by domestic law ...") quoted verbatim by the ICO. The conditions of DPA 2018
    // Sch. 1 that lift the prohibition are not part of this value.
    categories: fact(gdprSpecialCategories, 'UK GDPR Art. 9(1), Art. 10', 'verified', article('9')),
    consentMode: fact(
      'opt-in',
      'UK GDPR Art. 9(2)(a) explicit consent (or another Art. 9(2) condition, DPA 2018 Sch. 1)',
      'verified',
      article('9'),
    ),
  },
  separateConsentFor: fact(
    [],
    'No separate-consent duty (as GDPR); UK GDPR Art. 7(2): a consent request clearly distinguishable',
    'unverified',
    article('7'),
  ),
  breach: {
    // Read: Art. 33(1) and 34(1) verbatim as published on legislation.gov.uk ("... not later than
    // 72 hours after having become aware of it, notify the personal data breach to the
    // Commissioner ..."; "... communicate the personal data breach to the data subject without
    // undue delay"), reproduced byte-exact in a public provision registry.
    authorityDeadline: fact(
      { amount: 72, unit: 'hours' },
      'UK GDPR Art. 33(1) (to the Commissioner)',
      'verified',
      article('33'),
    ),
    subjectDeadline: fact(
      'without-undue-delay',
      'UK GDPR Art. 34(1) (when high risk)',
      'verified',
      article('34'),
    ),
    // Read 2026-12-06: the UK text of Art. 33(3)(a)-(d) ("The notification referred to in paragraph
    // 1 shall at least: describe the nature of the personal data breach including where possible,
    // the categories and approximate number of data subjects concerned and the categories and
    // approximate number of personal data records concerned; communicate the name and contact details
    // of the data protection officer or other contact point ...; describe the likely consequences
    // ...; describe the measures taken or proposed to be taken ...") and Art. 34(2) (the subject is
    // told "the nature of the personal data breach" and "at least the information and measures
    // referred to in points (b), (c) and (d) of Article 33(3)"), verbatim as extracted from
    // legislation.gov.uk's revised text (revision of 2026-06-22, after the DUAA 2025 commencements)
    // in the public repository jlmcd3/your-privacy-hub
    // (src/registry/__tests__/__fixtures__/ir-corpus-snapshot.ts, rows ukgdpr-art-33 and -34),
    // whose diff against the EU text changes only "Commissioner" wording in Arts. 33(1), (2), (5)
    // and 34(4).
    contents: fact(
      [
        'nature of the breach, categories and approximate number of subjects and records',
        'name and contact details of the DPO or other contact point',
        'likely consequences',
        'measures taken or proposed, including mitigation',
      ],
      'UK GDPR Art. 33(3)(a)-(d), Art. 34(2)',
      'verified',
      article('33'),
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
    article('30'),
  ),
  signals: {
    gpc: fact(
      false,
      'No mandated opt-out signal; PECR reg. 6 governs cookies (ICO guidance)',
      'unverified',
      ICO_COOKIES,
    ),
  },
};
