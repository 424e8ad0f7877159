import type { StateRow } from './state-row.js';

/** Nebraska to Virginia. Facts from background knowledge are `unverified`; see `checked`. */
export const rowsNeToVa: StateRow[] = [
  {
    key: 'us-ne-dpdpa',
    name: 'Nebraska Data Privacy Act (NDPA)',
    region: 'US-NE',
    timeZone: 'America/Chicago',
    url: 'https://nebraskalegislature.gov/laws/browse-chapters.php?chapter=87',
    effective: '2025-01-01',
    codeRef: 'Neb. Rev. Stat. §87-1101 et seq.',
    rightsRef: 'Neb. Rev. Stat. §§87-1107, 87-1108',
    deadlineRef: 'Neb. Rev. Stat. §87-1108(2)-(3)',
    feesRef: 'Neb. Rev. Stat. §87-1108(4)',
    appealDays: 60,
    appealRef: 'Neb. Rev. Stat. §87-1109',
    gpcFrom: '2025-01-01',
    gpcRef:
      'Neb. Rev. Stat. §87-1111(5)-(6) (an authorized agent designated by a browser setting or extension or a global device setting opts the consumer out of sale and targeted advertising; the act operative 2025-01-01)',
    sensitiveRef: 'Neb. Rev. Stat. §87-1102 ("sensitive data"), §87-1112(2)(d)',
    minorsRef: 'Neb. Rev. Stat. §87-1112(2)(d) (sensitive data of a known child: processed per COPPA)',
    breachSubject: 'without-undue-delay',
    breachAuthority: 'immediately',
    breachRef: 'Neb. Rev. Stat. §87-803(1)-(2)',
    breachSubjectRef: 'Neb. Rev. Stat. §87-803(1)',
    breachUrl: 'https://nebraskalegislature.gov/laws/statutes.php?statute=87-803',
    breachNote:
      'Residents as soon as possible and without unreasonable delay; the Attorney General not later than the residents are told.',
    // Read 2026-12-06 in reproductions of the code: §87-1108(2) (respond within 45 days of receipt;
    // one 45-day extension when reasonably necessary, told within the first 45 days with its reason),
    // (3) (a refusal within 45 days with its justification and how to appeal) and (4) (free of
    // charge "up to twice annually"; a fee or refusal for manifestly unfounded, excessive or
    // repetitive requests) at self-law.org/code/ne/chapter-87/87-1108 and FindLaw (identical);
    // §87-1112(2)(d) (no processing of sensitive data without consent; a known child's per COPPA) at
    // self-law.org/code/ne/chapter-87/87-1112; §87-1111(5) (an authorized agent designated by a
    // browser setting or extension or a global device setting, for the opt-outs of sale and targeted
    // advertising) as "section 11(5)" of LB 1074 in the "GDPR and US States General Privacy Laws
    // Deskbook" (online.flipbuilder.com/bzaa/mvgs, p. 320); §87-803(1)-(2) (residents "as soon as
    // possible and without unreasonable delay"; the Attorney General "not later than the time when
    // notice is provided to the Nebraska resident") at self-law.org/code/ne/chapter-87/87-803, a
    // copy that already holds the 2025 sections 87-1301 ff., so after LB 1074's 2024 changes to the
    // breach act. No amendment of §§87-1108, 87-1111, 87-1112 since LB 1074 was found (the 2025-26
    // bills touch the Age-Appropriate Online Design Code Act, §87-1301 ff.).
    // Not read: the "sensitive data" and "child" definitions of §87-1102 (a law firm's summary only)
    // and the operative-date section of LB 1074 (gpcFrom), so `sensitive`, `minors` and `gpc` stay
    // `secondary`; §87-1109 (appeal) not read. The Attorney General's clock is `immediately` as the
    // nearest value the type offers for "not later than the residents": `secondary`.
    checked: {
      deadline: 'verified',
      fees: 'verified',
      gpc: 'secondary',
      sensitive: 'secondary',
      minors: 'secondary',
      breach: 'secondary',
      breachSubject: 'verified',
    },
  },
  {
    key: 'us-nh-pa',
    name: 'New Hampshire privacy act (RSA 507-H)',
    region: 'US-NH',
    timeZone: 'America/New_York',
    url: 'https://gc.nh.gov/rsa/html/LII/507-H/507-H-mrg.htm',
    effective: '2025-01-01',
    codeRef: 'N.H. Rev. Stat. §507-H:1 et seq.',
    rightsRef: 'N.H. Rev. Stat. §507-H:4',
    appealDays: 60,
    appealRef: 'N.H. Rev. Stat. §507-H:4',
    gpcFrom: '2025-01-01',
    gpcRef: 'N.H. Rev. Stat. §507-H:4 (opt-out preference signal)',
    sensitiveRef: 'N.H. Rev. Stat. §507-H:1 ("sensitive data"), §507-H:6',
    optInBelow: 16,
    minorsRef:
      'N.H. Rev. Stat. §507-H:6 (consent for targeted advertising and sale of data of consumers aged 13 to 15)',
    breachSubject: 'without-undue-delay',
    breachAuthority: 'immediately',
    breachRef: 'N.H. Rev. Stat. §359-C:20',
    breachUrl: 'https://gc.nh.gov/rsa/html/XXXI/359-C/359-C-20.htm',
    minorsNote:
      'HB 1460 (2026, c. 168) is reported to bar the sale of a child\u2019s personal data under RSA 507-H:6 from 2027-01-01.',
    breachNote: 'Residents as soon as possible; the Attorney General (or the primary regulator) as well.',
    // Searched 2026-12-06: no reproduction of RSA 507-H was found in the corpus (not in the Deskbook
    // pages reached, nor casetext or self-law), so nothing here is verified. News and law firms'
    // notes (MediaPost, Truyo) give the opt-in for sensitive data and the consent for targeted
    // advertising and sale of consumers aged 13 to 15 (`secondary`); a children's-privacy tracker
    // reports HB 1460. The fee rule is unchecked: NH follows Connecticut's model, where only the
    // first request in twelve months is free; "twice a year" is kept until the text is read.
    checked: { gpc: 'secondary', sensitive: 'secondary', minors: 'secondary' },
  },
  {
    key: 'us-nj-dpa',
    name: 'New Jersey Data Privacy Act (P.L. 2023, c. 266)',
    region: 'US-NJ',
    timeZone: 'America/New_York',
    url: 'https://pub.njleg.state.nj.us/Bills/2022/PL23/266_.PDF',
    effective: '2025-01-15',
    codeRef: 'N.J. Stat. §56:8-166.4 et seq.',
    rightsRef: 'N.J. Stat. §56:8-166.10(a)',
    deadlineRef: 'N.J. Stat. §56:8-166.7(a), (c)',
    feesRef: 'N.J. Stat. §56:8-166.7(d)',
    fees: 'free-unless-manifestly-unfounded-or-excessive',
    appealDays: 45,
    appealRef: 'N.J. Stat. §56:8-166.10',
    gpcFrom: '2025-07-15',
    gpcRef:
      'N.J. Stat. §56:8-166.11(b)(1) (a user-selected universal opt-out mechanism "not later than six months following the effective date" of P.L.2023, c.266, in force 2025-01-15)',
    extraSensitive: ['user.financial'],
    sensitiveRef:
      'N.J. Stat. §56:8-166.4 ("sensitive data", incl. financial information), §56:8-166.12(a)(4)',
    optInBelow: 17,
    minorsRef:
      'N.J. Stat. §56:8-166.12(a)(7) (consent for targeted advertising, sale and profiling of consumers known to be at least 13 and younger than 17)',
    breachSubject: 'most-expedient',
    breachAuthority: 'immediately',
    breachRef: 'N.J. Stat. §56:8-163(a), (c)(1)',
    breachSubjectRef: 'N.J. Stat. §56:8-163(a)',
    breachNote:
      'Residents in the most expedient time possible and without unreasonable delay; the Division of State Police before residents are told.',
    // Read 2026-12-06 in the "GDPR and US States General Privacy Laws Deskbook"
    // (online.flipbuilder.com/bzaa/mvgs, pp. 347-350) and casetext's copies of the sections
    // (marked "[Effective 1/15/2025]"): §56:8-166.7(a) (respond within 45 days of receipt; 45 more
    // days when reasonably necessary, told within the first 45 days with the reason), (c) (a refusal
    // within 45 days with its justification and how to appeal), (d) (free "once per consumer during
    // any twelve-month period"; a fee or refusal for manifestly unfounded, excessive or repetitive
    // requests: corrected from "twice a year"); §56:8-166.10(a)(1)-(5) (the rights);
    // §56:8-166.11(b)(1) (a user-selected universal opt-out mechanism for targeted advertising and
    // sale "not later than six months following the effective date": 2025-07-15);
    // §56:8-166.12(a)(4) (consent before processing sensitive data; a known child's per COPPA) and
    // (a)(7) (consent for targeted advertising, sale and profiling where the controller knows or
    // wilfully disregards that the consumer is "at least 13 years of age but younger than 17":
    // corrected from 18), the latter in casetext's copy current through L. 2024, c. 62. No enacted
    // amendment was found (a 2026-27 bill to amend §56:8-166.12 was only introduced).
    // Not read: the "sensitive data" definition of §56:8-166.4 (a law firm's tracker lists also sex
    // life and transgender or non-binary status, which have no taxonomy key here: `secondary`), the
    // appeal section, and §56:8-163 (breach; summaries and a blog quoting subsection (c)(1) only).
    checked: {
      rights: 'verified',
      deadline: 'verified',
      fees: 'verified',
      gpc: 'verified',
      minors: 'verified',
      sensitive: 'secondary',
      breach: 'secondary',
    },
  },
  {
    key: 'us-or-ocpa',
    name: 'Oregon Consumer Privacy Act (OCPA)',
    region: 'US-OR',
    timeZone: 'America/Los_Angeles',
    url: 'https://www.oregonlegislature.gov/bills_laws/ors/ors646A.html',
    effective: '2024-07-01',
    codeRef: 'Or. Rev. Stat. §646A.570 et seq.',
    rightsRef: 'Or. Rev. Stat. §646A.574, §646A.576',
    deadlineRef: 'Or. Rev. Stat. §646A.576(5)(a)',
    fees: 'free-unless-manifestly-unfounded-or-excessive',
    rightsNote: 'also a list of the specific third parties',
    appealDays: 45,
    appealRef: 'Or. Rev. Stat. §646A.576(6)(d)',
    gpcFrom: '2026-01-01',
    gpcRef: 'Or. Rev. Stat. §646A.574 (universal opt-out mechanism from 2026-01-01)',
    sensitiveRef: 'Or. Rev. Stat. §646A.570 ("sensitive data"), §646A.578',
    barredBelow: 16,
    minorsRef:
      'Or. Rev. Stat. §646A.578 as amended by HB 2008 (2025), from 2026-01-01 (no targeted advertising, sale or profiling of consumers known to be under 16, whatever the consent; before, their consent)',
    minorsNote:
      'HB 2008 (2025) also bars the sale of precise geolocation data (within 1,750 feet) from 2026-01-01.',
    breachSubject: { amount: 45, unit: 'days' },
    breachAuthority: { amount: 45, unit: 'days' },
    breachRef: 'Or. Rev. Stat. §646A.604(1), (3)(a) (the text of the 2021 edition of ORS)',
    breachSubjectRef: 'Or. Rev. Stat. §646A.604(1)(a), (3)(a) (the text of the 2021 edition of ORS)',
    breachNote:
      'Residents within 45 days of discovery; the Attorney General when more than 250 residents are affected.',
    // Corrected 2026-12-06 from law firms' notes of HB 2008 (2025), signed 2025-06-02, in force
    // 2026-01-01 (Davis Wright Tremaine, Mondaq) and a policy tracker: the consent route for
    // consumers aged 13 to 15 became a bar below 16 (`barredBelow`, was `optInBelow: 16`); the bill's
    // text was not read, so `minors` stays `secondary`.
    // Read 2026-12-06: §646A.576(5)(a) (45 days, extendable by 45 told within the first 45), quoted
    // whole as "section 4(5)(a)" of the 2023 Act (codified as §646A.576, per the Deskbook's text),
    // and §646A.576(6)(d) (decide an appeal within 45 days) in the "GDPR and US States General
    // Privacy Laws Deskbook". The rest from the Oregon DOJ business privacy FAQ (a regulator's
    // summary), which makes only the first request in twelve months free.
    // Second pass, 2026-12-06: §646A.604(1)(a)-(b) (a covered entity notifies the consumer, and the
    // Attorney General "if the number of consumers to whom the covered entity must send the notice
    // ... exceeds 250") and (3)(a) (notice of a breach "in the most expeditious manner possible,
    // without unreasonable delay, but not later than 45 days after discovering or receiving
    // notification of the breach of security", which covers both notices of (1)) read whole in the
    // 2021 edition of ORS reproduced at instalawyer.io, with the same words at oregonlaws.org and
    // lawserver.com. The refs name that edition (a later amendment was not searched for), so
    // `breach` is verified. Not found: the fee subsection of §646A.576, the definitions of
    // §646A.570, HB 2008 (2025) itself and the signal section.
    checked: {
      gpc: 'secondary',
      deadline: 'verified',
      appeal: 'verified',
      breach: 'verified',
      fees: 'secondary',
      sensitive: 'secondary',
      minors: 'secondary',
      inForce: 'secondary',
    },
  },
  {
    key: 'us-tx-tdpsa',
    name: 'Texas Data Privacy and Security Act (TDPSA)',
    region: 'US-TX',
    timeZone: 'America/Chicago',
    url: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.541.htm',
    effective: '2024-07-01',
    codeRef: 'Tex. Bus. & Com. Code §541.001 et seq.',
    deadlineRef: 'Tex. Bus. & Com. Code §541.052(b)-(c)',
    feesRef: 'Tex. Bus. & Com. Code §541.052(d)',
    rightsRef: 'Tex. Bus. & Com. Code §§541.051, 541.052',
    appealDays: 60,
    appealRef: 'Tex. Bus. & Com. Code §541.053',
    gpcFrom: '2025-01-01',
    gpcRef:
      'Tex. Bus. & Com. Code §541.055(e) (from 2025-01-01: an authorized agent designated by a browser setting or extension or a global device setting opts the consumer out of sale and targeted advertising)',
    sensitiveRef: 'Tex. Bus. & Com. Code §541.001(29), §541.101(b)(4)',
    minorsRef: 'Tex. Bus. & Com. Code §541.101(b)(4) (known child under 13: per COPPA)',
    breachSubject: { amount: 60, unit: 'days' },
    breachAuthority: { amount: 30, unit: 'days' },
    breachRef:
      'Tex. Bus. & Com. Code §521.053(b), (i) ((i) as amended by S.B. 768, 88th Leg., R.S., 2023, in force 2023-09-01)',
    breachSubjectRef: 'Tex. Bus. & Com. Code §521.053(b)',
    breachUrl: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm',
    breachNote:
      'Residents within 60 days of determining a breach; the Attorney General within 30 days when 250 or more Texans are affected.',
    // Read 2026-12-06 in reproductions of the code: §541.052(b) (45 days, one 45-day extension
    // told within the first 45 days), (c) (refusal with reasons and how to appeal), (d) (free of
    // charge at least twice annually) at FindLaw; §541.055(e) (authorized agent designated by a
    // browser setting or extension or a global device setting; FindLaw marks the text effective
    // 2025-01-01) at FindLaw and Texas.Public.Law. The appeal (§541.053) and the rest were not read.
    // §521.053(b) (residents without unreasonable delay and not later than the 60th day after the
    // breach is determined) read in a reproduction (lawserver.com).
    // Second pass, 2026-12-06: §521.053(i) read whole in the enrolled text of S.B. 768 (88th Leg.,
    // 2023) as reproduced by fastdemocracy.com (bill TXB00060951; the same wording in the committee
    // versions at legiscan.com/TX/text/SB768 and app.legiplex.com): the Attorney General is told "as
    // soon as practicable and not later than the 30th [60th] day after the date on which the person
    // determines that the breach occurred if the breach involves at least 250 residents of this
    // state". LegiScan records it passed 2023-05-27, effective 2023-09-01; the Attorney General's
    // data-breach page states the same 30 days and 250 Texans. The fact names that version (no later
    // amendment of (i) was found), so `breach` is verified.
    // Also read: §541.101(b)(4) whole at FindLaw ("Current as of January 01, 2024": no processing of
    // sensitive data without the consumer's consent; a known child's per COPPA), and §541.001(5)
    // ("Child" means an individual younger than 13) at Texas.Public.Law. The list of §541.001(29)
    // ("sensitive data": racial or ethnic origin, religious beliefs, mental or physical health
    // diagnosis, sexuality, citizenship or immigration status; genetic or biometric data processed to
    // identify; a known child's data; precise geolocation) was seen only quoted in third parties'
    // compliance notes, and `sensitive` covers the list as well as the consent: `secondary`; so is
    // `minors`, whose age-13 fact rests on (29)(C) too. §541.053 (appeal) not read.
    checked: {
      deadline: 'verified',
      fees: 'verified',
      gpc: 'verified',
      breach: 'verified',
      breachSubject: 'verified',
      sensitive: 'secondary',
      minors: 'secondary',
    },
  },
  {
    key: 'us-va-vcdpa',
    name: 'Virginia Consumer Data Protection Act (VCDPA)',
    region: 'US-VA',
    timeZone: 'America/New_York',
    url: 'https://law.lis.virginia.gov/vacodefull/title59.1/chapter53/',
    effective: '2023-01-01',
    codeRef: 'Va. Code §59.1-575 et seq.',
    rightsRef: 'Va. Code §59.1-577(A)-(B)',
    deadlineRef: 'Va. Code §59.1-577(B)(1)-(2)',
    feesRef: 'Va. Code §59.1-577(B)(3)',
    appealDays: 60,
    appealRef: 'Va. Code §59.1-577(C)',
    gpcRef: 'Va. Code §59.1-577(A)(5) (opt-out right; no duty to honour a universal opt-out signal)',
    sensitiveRef: 'Va. Code §59.1-575 ("sensitive data"), §59.1-578(A)(5)',
    minorsRef: 'Va. Code §59.1-577.1(A)-(B) (added by SB 854, 2025 c. 703; effective 2026-01-01)',
    minorsNote:
      'A social media platform determines with commercially reasonable methods whether a user is under 16 and limits such a minor to one hour a day per service or application unless a parent gives verifiable parental consent to change the limit (from 2026-01-01; NetChoice sued to stop its enforcement in 2025-11).',
    breachSubject: 'without-undue-delay',
    breachAuthority: 'immediately',
    breachRef: 'Va. Code §18.2-186.6',
    breachUrl: 'https://law.lis.virginia.gov/vacode/title18.2/chapter6/section18.2-186.6/',
    breachNote: 'The Attorney General and residents without unreasonable delay.',
    // Read 2026-12-06 in reproductions of the Code: §59.1-577(A)(1)-(5) (the rights) and (B)(1)-(3)
    // (45 days from receipt, one 45-day extension told within the first 45 days; a refusal with its
    // justification and how to appeal within 45 days; free of charge up to twice annually) in the
    // "GDPR and US States General Privacy Laws Deskbook" and self-law.org. (C) was not read.
    // §59.1-577.1(A)-(B) (SB 854: "minor" means a person younger than 16; one hour a day per
    // service or application unless a parent gives verifiable parental consent; effective
    // 2026-01-01) read 2026-12-06 on law.lis.virginia.gov itself. `minors` stays `secondary`: the
    // age of 13 (§59.1-578(A)(5), known child per COPPA) it also covers was not read.
    // Second pass, 2026-12-06: §18.2-186.6(B) (notice "without unreasonable delay" to the Office of
    // the Attorney General and any affected resident) was not reached in a reproduction (instalawyer.io
    // and statutes.laws.com show only subsection A); the Attorney General's breach-notice page and
    // law firms' charts agree on it, so `breach` is `secondary` (the Attorney General's
    // `immediately` stays a stand-in). §59.1-575 and §59.1-578(A)(5) were not found whole either.
    checked: {
      breach: 'secondary',
      rights: 'verified',
      deadline: 'verified',
      fees: 'verified',
      appeal: 'secondary',
      gpc: 'secondary',
      minors: 'secondary',
    },
  },
];
