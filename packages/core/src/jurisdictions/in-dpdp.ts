import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

/** The Act (No. 22 of 2023) as published in the Gazette of India, 2023-08-11. */
const ACT = 'https://egazette.gov.in/WriteReadData/2023/248045.pdf';
/** The DPDP Rules 2025, G.S.R. 846(E), as published in the Gazette of India, 2025-11-13. */
const RULES = 'https://egazette.gov.in/WriteReadData/2025/267650.pdf';
/** Date the DPDP Rules 2025 were notified (G.S.R. in the Gazette of India); the phases count from it. */
const NOTIFIED = '2025-11-13';

/**
 * India's Digital Personal Data Protection Act 2023 with the DPDP Rules 2025, in force in phases
 * from 2025-11-13. Facts read from news and law-firm summaries of the notification, not the
 * Gazette text: `secondary` at best. Rule 1's phases were read in a paraphrase of the final Rules
 * (bareminlaw.com) and news of the notification (Bar & Bench); Rule 7 was read verbatim only in the
 * draft Rules' text (dpdpaedu.org), which the final Rules are reported to keep: `secondary`.
 */
export const inDpdp: Jurisdiction = {
  key: 'in-dpdp',
  name: 'Digital Personal Data Protection Act 2023 and Rules 2025 (India)',
  regions: ['IN'],
  calendar: 'gregorian-business',
  timeZone: 'Asia/Kolkata',
  asOf: '2026-12-06',
  inForce: [
    fact(
      {
        from: NOTIFIED,
        scope: 'Rules 1, 2 and 17-21 (the Data Protection Board); the matching sections of the Act',
      },
      'DPDP Rules 2025, Rule 1(2) (Rules 1, 2 and 17-21 in force on publication in the Gazette)',
      'secondary',
      RULES,
    ),
    fact(
      { from: '2026-11-13', scope: 'Rule 4 (registration and duties of Consent Managers)' },
      'DPDP Rules 2025, Rule 1(3) (Rule 4 one year after publication)',
      'secondary',
      RULES,
    ),
    fact(
      {
        from: '2027-05-13',
        scope:
          'Rules 3, 5-16, 22 and 23: notice, security, breach reporting, retention, children\u2019s consent, rights and grievances',
      },
      'DPDP Rules 2025, Rule 1(4) (Rules 3, 5-16, 22 and 23 eighteen months after publication)',
      'secondary',
      RULES,
    ),
  ],
  rights: fact(
    ['access', 'rectification', 'erasure', 'withdraw-consent', 'complaint'],
    'DPDP Act 2023 §6(4) (withdraw consent), §11 (information), §12 (correction, completion, updating, erasure), §13 (grievance redressal), §14 (nominate)',
    'secondary',
    ACT,
  ),
  requestDeadline: fact(
    { amount: 90, unit: 'days', clockStart: 'receipt', origin: 'regulation' },
    'DPDP Rules 2025, Rule 14(3) (grievances answered within a period of at most 90 days)',
    'secondary',
    RULES,
  ),
  verification: fact(
    'The Data Principal identifies themself by the means the Data Fiduciary publishes (e.g. a user name or identifier).',
    'DPDP Rules 2025, Rule 14(1)',
    'unverified',
    RULES,
  ),
  fees: fact('free', 'DPDP Act 2023 §§11-13 set no fee', 'unverified', ACT),
  minors: {
    digitalConsentAge: fact(
      18,
      'DPDP Act 2023 §2(f) (a child is under 18), §9(1) (verifiable consent of a parent or lawful guardian); DPDP Rules 2025, Rule 10 (verifying the parent)',
      'secondary',
      ACT,
    ),
    saleBarredBelow: fact(
      18,
      'DPDP Act 2023 §9(3) (no tracking, behavioural monitoring or targeted advertising directed at children)',
      'secondary',
      ACT,
    ),
    notes: [
      fact(
        'Exemptions from parental consent and the §9(3) bar for classes such as healthcare, education and child-safety services (Fourth Schedule).',
        'DPDP Act 2023 §9(4); DPDP Rules 2025, Rule 12 and Fourth Schedule',
        'secondary',
        RULES,
      ),
    ],
  },
  sensitive: {
    categories: fact(
      ['user.children'],
      'No sensitive categories in the Act; children\u2019s data has its own rules (DPDP Act 2023 §9)',
      'secondary',
      ACT,
    ),
    consentMode: fact(
      'opt-in',
      'DPDP Act 2023 §6(1) (free, specific, informed, unconditional and unambiguous consent by a clear affirmative action)',
      'secondary',
      ACT,
    ),
  },
  separateConsentFor: fact(
    [],
    'DPDP Act 2023 §6(1) (consent limited to the specified purpose; no separate-consent duty in the Act: a negative fact)',
    'unverified',
    ACT,
  ),
  breach: {
    authorityDeadline: fact(
      { amount: 72, unit: 'hours' },
      'DPDP Act 2023 §8(6); DPDP Rules 2025, Rule 7(2) (intimation without delay, full report to the Board within 72 hours of becoming aware)',
      'secondary',
      RULES,
    ),
    subjectDeadline: fact(
      'without-undue-delay',
      'DPDP Rules 2025, Rule 7(1) (each affected Data Principal without delay)',
      'secondary',
      RULES,
    ),
    contents: fact(
      [
        'Nature, extent, timing and location of the breach',
        'Likely consequences',
        'Measures taken and to be taken',
        'Safety measures the Data Principal may take',
        'Business contact information of a person who can answer',
      ],
      'DPDP Rules 2025, Rule 7(1)(a)-(e)',
      'secondary',
      RULES,
    ),
    notes: [
      fact(
        'Applies from 2027-05-13 (Rule 7 is among the rules in force eighteen months after publication).',
        'DPDP Rules 2025, Rule 1(4)',
        'secondary',
        RULES,
      ),
    ],
  },
  transfers: fact(
    ['allowed-unless-restricted'],
    'DPDP Act 2023 §16(1) (transfer allowed except to countries the Central Government restricts); Rule 15',
    'secondary',
    ACT,
  ),
  legalBases: fact(
    ['consent', 'contract', 'legal-obligation', 'vital-interests', 'employment', 'public-task'],
    'DPDP Act 2023 §4 (consent or certain legitimate uses), §7 (legitimate uses; `contract` stands for §7(a), data the Data Principal voluntarily gave for a specified purpose without objecting)',
    'secondary',
    ACT,
  ),
  recordKeeping: fact(
    'Logs of processing kept for at least one year; certain large platforms erase data after three years of inactivity, with 48 hours\u2019 notice.',
    'DPDP Rules 2025, Rule 6(1)(e), Rule 8 and Third Schedule',
    'unverified',
    RULES,
  ),
  signals: {
    gpc: fact(
      false,
      'DPDP Act 2023 §6(4) (consent withdrawn with the ease it was given; no browser-signal duty in the Act or the Rules: a negative fact)',
      'unverified',
      ACT,
    ),
  },
};
