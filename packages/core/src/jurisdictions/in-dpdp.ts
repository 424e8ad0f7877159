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
 * from 2025-11-13.
 *
 * Read on 2026-12-06 (facts marked `verified`): the Act's sections and the final Rules' rules,
 * verbatim, in a text extraction of the Gazette PDFs as MeitY serves them (the Act:
 * meity.gov.in/static/uploads/2024/06/2bf1f0e9f04e6fb4f8fef35e82c42aa5.pdf, the same Gazette
 * issue CG-DL-E-12082023-248045 as `ACT`; the Rules: G.S.R. 846(E),
 * meity.gov.in/static/uploads/2025/11/53450e6e5dc0bfa85ebd78686cadad39.pdf, Gazette ID
 * CG-DL-E-14112025-267650 as `RULES`), reproduced section by section in the public repository
 * EtonMu/global-ai-data-regulation-map (data/v2/india-dpdp-act-2023-provisions.json and
 * india-dpdp-rules-2025-provisions.json, retrieved by its author 2026-07-20). That Rules text has
 * the corrigendum G.S.R. 892(E) of December 2025 applied; as the reproduction records it, the
 * corrigendum changes Rule 1's "of this Gazette" to "in the Official Gazette" and wording in
 * Rule 13 and the Fourth Schedule, not Rules 7, 10 or 14 (the corrigendum itself was not read).
 * Rule 7(1)(a) of the final Rules was also found in the same words in other copies of the final
 * text. Earlier readings (the draft Rules, law-firm notes) are superseded where noted.
 */
export const inDpdp: Jurisdiction = {
  key: 'in-dpdp',
  name: 'Digital Personal Data Protection Act 2023 and Rules 2025 (India)',
  regions: ['IN'],
  calendar: 'gregorian-business',
  timeZone: 'Asia/Kolkata',
  asOf: '2026-12-06',
  // Rule 1 read 2026-12-06 (reproduction named at the top of this file), as corrected: "(2) Rules
  // 1, 2 and 17 to 21 shall come into force on the date of their publication in the Official
  // Gazette. (3) Rule 4 shall come into force one year after the date of publication in the Official
  // Gazette. (4) Rules 3, 5 to 16, 22 and 23 shall come into force eighteen months after the date of
  // publication in the Official Gazette." The phases are as read; the dates stay `secondary`
  // because the day of publication was not read in the Gazette itself: the notification is dated
  // 13 November 2025 while the e-Gazette ID (CG-DL-E-14112025-267650) and several copies give
  // 14 November, which would move each date a day later.
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
  // Read 2026-12-06 (reproduction named at the top of this file): §6(4) "the right to withdraw her
  // consent at any time", §11(1) (a summary of personal data and processing, recipients), §12(1)
  // "the right to correction, completion, updating and erasure", §13(1) "readily available means of
  // grievance redressal", §14(1) "the right to nominate" (no right kind of its own in Pledge).
  rights: fact(
    ['access', 'rectification', 'erasure', 'withdraw-consent', 'complaint'],
    'DPDP Act 2023 §6(4) (withdraw consent), §11 (information), §12 (correction, completion, updating, erasure), §13 (grievance redressal), §14 (nominate)',
    'verified',
    ACT,
  ),
  // Read 2026-12-06 (reproduction named at the top of this file): Rule 14(3) "Every Data
  // Fiduciary and Consent Manager shall prominently publish ... within a reasonable period not
  // exceeding ninety days under its grievance redressal system for responding to the grievances of
  // Data Principals" and Act §13(2) "shall respond to any grievances referred to in sub-section (1)
  // within such period as may be prescribed from the date of its receipt"; §13(1) covers any act or
  // omission "regarding ... the exercise of her rights". §§11-12 (access, correction, erasure) set
  // no period of their own: Pledge counts a rights request on the grievance ceiling.
  requestDeadline: fact(
    { amount: 90, unit: 'days', clockStart: 'receipt', origin: 'regulation' },
    'DPDP Rules 2025, Rule 14(3) (a published grievance-response period not exceeding ninety days); DPDP Act 2023 §13(2) (counted from the date of receipt); §§11-12 set no period for access, correction or erasure, so the grievance ceiling is applied to them',
    'verified',
    RULES,
  ),
  // Read 2026-12-06: Rule 14(1)(a)-(b), the fiduciary publishes "the details of the means using
  // which a Data Principal may make a request" and "the particulars, if any, such as the username or
  // other identifier of such a Data Principal, which may be required to identify her under its terms
  // of service"; Rule 14(2) she requests "using the means and furnishing the particulars required".
  verification: fact(
    'The Data Principal identifies themself by the means the Data Fiduciary publishes (e.g. a user name or identifier).',
    'DPDP Rules 2025, Rule 14(1)-(2)',
    'verified',
    RULES,
  ),
  // Read 2026-12-06: Act §§11-14 and Rules 14 in full (reproduction named at the top of this file);
  // none of them provides for a fee. An absence, so not `verified`.
  fees: fact('free', 'DPDP Act 2023 §§11-14 and DPDP Rules 2025, Rule 14 set no fee', 'secondary', ACT),
  minors: {
    // Read 2026-12-06 (reproduction named at the top of this file): Act §2(f) "“child” means an
    // individual who has not completed the age of eighteen years"; §9(1) "The Data Fiduciary shall,
    // before processing any personal data of a child ... obtain verifiable consent of the parent of
    // such child"; Rule 10(1) "verifiable consent of the parent is obtained before the processing of
    // any personal data of a child", the parent being checked as an adult (Rule 10(2)(a): eighteen).
    digitalConsentAge: fact(
      18,
      'DPDP Act 2023 §2(f) (a child is under 18), §9(1) (verifiable consent of a parent or lawful guardian); DPDP Rules 2025, Rule 10(1) (verifying the parent)',
      'verified',
      ACT,
    ),
    // Read 2026-12-06: Act §9(3) "A Data Fiduciary shall not undertake tracking or behavioural
    // monitoring of children or targeted advertising directed at children" (exemptions: §9(4)).
    saleBarredBelow: fact(
      18,
      'DPDP Act 2023 §9(3) (no tracking, behavioural monitoring or targeted advertising directed at children), §2(f) (under 18)',
      'verified',
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
    // §9 was read (see digitalConsentAge); that the Act names no other sensitive category is an
    // absence no single provision states, so this stays `secondary`.
    categories: fact(
      ['user.children'],
      'No sensitive categories in the Act; children\u2019s data has its own rules (DPDP Act 2023 §9)',
      'secondary',
      ACT,
    ),
    // Read 2026-12-06: Act §6(1) "The consent given by the Data Principal shall be free, specific,
    // informed, unconditional and unambiguous with a clear affirmative action" and §9(1) (verifiable
    // consent of the parent before processing a child's data).
    consentMode: fact(
      'opt-in',
      'DPDP Act 2023 §6(1) (free, specific, informed, unconditional and unambiguous consent with a clear affirmative action); §9(1) (a child\u2019s data: verifiable consent of the parent first)',
      'verified',
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
    // Read 2026-12-06 in the final Rules (reproduction named at the top of this file): Act §8(6)
    // "the Data Fiduciary shall give the Board and each affected Data Principal, intimation of such
    // breach in such form and manner as may be prescribed"; Rule 7(2) "the Data Fiduciary shall
    // intimate to the Board,— (a) without delay, a description of the breach ...; (b) within
    // seventy-two hours of becoming aware of the breach, or within such longer period as the Board
    // may allow on a request made in writing in this behalf,—" the detailed report (i)-(vi).
    authorityDeadline: fact(
      { amount: 72, unit: 'hours' },
      'DPDP Act 2023 §8(6); DPDP Rules 2025, Rule 7(2) (a description without delay, then the detailed report to the Board within seventy-two hours of becoming aware, or a longer period the Board allows on a written request)',
      'verified',
      RULES,
    ),
    // Read 2026-12-06: Rule 7(1) "intimate to each affected Data Principal, in a concise, clear and
    // plain manner and without delay". The law says "without delay", stricter than the "without
    // undue delay" this value stands for, and the value set has no "without delay": `secondary`
    // until it has one.
    subjectDeadline: fact(
      'without-undue-delay',
      'DPDP Rules 2025, Rule 7(1) (each affected Data Principal "without delay"; no count)',
      'secondary',
      RULES,
    ),
    // Read 2026-12-06: final Rule 7(1)(a)-(e), verbatim: "(a) a description of the breach, including
    // its nature, extent and the timing of its occurrence; (b) the consequences relevant to her, that
    // are likely to arise from the breach; (c) the measures implemented and being implemented by the
    // Data Fiduciary, if any, to mitigate risk; (d) the safety measures that she may take to protect
    // her interests; and (e) business contact information of a person who is able to respond on
    // behalf of the Data Fiduciary". Corrected: the draft's "timing and location" lost "location" in
    // the final Rules (location stays in the Board's description, Rule 7(2)(a)).
    contents: fact(
      [
        'Nature, extent and timing of the breach',
        'Likely consequences',
        'Measures taken and to be taken',
        'Safety measures the Data Principal may take',
        'Business contact information of a person who can answer',
      ],
      'DPDP Rules 2025, Rule 7(1)(a)-(e)',
      'verified',
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
  // Read 2026-12-06: Act §16(1) "The Central Government may, by notification, restrict the transfer
  // of personal data by a Data Fiduciary for processing to such country or territory outside India
  // as may be so notified"; Rule 15 (transfer "subject to the restriction" of requirements the
  // Central Government specifies on making data available to a foreign State).
  transfers: fact(
    ['allowed-unless-restricted'],
    'DPDP Act 2023 §16(1) (transfer allowed except to countries the Central Government restricts); Rule 15',
    'verified',
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
