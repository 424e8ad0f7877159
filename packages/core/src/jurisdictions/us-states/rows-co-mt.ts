import type { StateRow } from './state-row.js';

/** Colorado to Montana. Facts from background knowledge are `unverified`; see `checked`. */
export const rowsCoToMt: StateRow[] = [
  {
    key: 'us-co-cpa',
    name: 'Colorado Privacy Act (CPA)',
    region: 'US-CO',
    timeZone: 'America/Denver',
    url: 'https://leg.colorado.gov/sites/default/files/2021a_190_signed.pdf',
    effective: '2023-07-01',
    codeRef: 'C.R.S. §6-1-1301 et seq.',
    rightsRef: 'C.R.S. §6-1-1306(1)-(2)',
    deadlineRef: 'C.R.S. §6-1-1306(2)(a)',
    feesRef: 'C.R.S. §6-1-1306(2)(c)',
    fees: 'free-unless-manifestly-unfounded-or-excessive',
    feesNote:
      'free once in any twelve months; a second or subsequent request in the same twelve months may be charged at the cost set by C.R.S. §24-72-205(5)(a)',
    appealDays: 45,
    appealRef: 'C.R.S. §6-1-1306(3) (45 days, extendable by 60)',
    gpcFrom: '2024-07-01',
    gpcRef:
      'C.R.S. §6-1-1306(1)(a)(IV)(B), §6-1-1313; 4 CCR 904-3 Part 5 (universal opt-out mechanism from 2024-07-01; GPC on the Attorney General\u2019s list)',
    sensitiveRef: 'C.R.S. §6-1-1303(24), §6-1-1308(7)',
    optInBelow: 18,
    minorsRef:
      'C.R.S. §6-1-1308.5 (SB 24-041, from 2025-10-01: consent for targeted advertising, sale and profiling of known minors under 18)',
    breachSubject: { amount: 30, unit: 'days' },
    breachAuthority: { amount: 30, unit: 'days' },
    breachRef: 'C.R.S. §6-1-716(2)',
    breachNote:
      'Residents within 30 days of determining a breach; the Attorney General within 30 days when 500 or more Colorado residents are affected.',
    // Searched 2026-12-06: the "GDPR and US States General Privacy Laws Deskbook"
    // (online.flipbuilder.com/bzaa/mvgs, pp. 113, 118, 127) gives §6-1-1306(1)(a)(II)-(IV)(A) (an
    // agent may opt out through a browser setting or global device setting), §6-1-1313(2) (the
    // Attorney General's rules on universal opt-out mechanisms by 2023-07-01) and CPA Rule 4.05(D)(3)
    // citing "§6-1-1306(2)(a)" for the timing; the casetext copy of §6-1-1306 (current through
    // 2024-07-01) showed only subsection (1)(a). The text of (1)(a)(IV)(B) (the duty from
    // 2024-07-01), (2)(a) (45 + 45 days) and (2)(c) (fees) was not reached, so nothing is verified.
    // Fees corrected from "twice a year" to one free answer in twelve months: a controller's
    // published Colorado notice (free once in twelve months, a fee for a second request) and
    // recollection of (2)(c); `secondary` until (2)(c) is read.
    checked: { gpc: 'secondary', inForce: 'secondary', deadline: 'secondary', fees: 'secondary' },
  },
  {
    key: 'us-ct-ctdpa',
    name: 'Connecticut Data Privacy Act (CTDPA)',
    region: 'US-CT',
    timeZone: 'America/New_York',
    url: 'https://www.cga.ct.gov/current/pub/chap_743jj.htm',
    effective: '2023-07-01',
    codeRef: 'Conn. Gen. Stat. §42-515 et seq.',
    rightsRef: 'Conn. Gen. Stat. §42-518(a)-(b)',
    deadlineRef: 'Conn. Gen. Stat. §42-518(c)(1)-(2)',
    feesRef: 'Conn. Gen. Stat. §42-518(c)(3)',
    fees: 'free-unless-manifestly-unfounded-or-excessive',
    appealDays: 60,
    appealRef: 'Conn. Gen. Stat. §42-518(c)',
    gpcFrom: '2025-01-01',
    gpcRef: 'Conn. Gen. Stat. §42-520 (opt-out preference signal from 2025-01-01)',
    sensitiveRef: 'Conn. Gen. Stat. §42-515 ("sensitive data"), §42-520(a)(4)',
    optInBelow: 18,
    minorsRef:
      'Conn. Gen. Stat. §42-529a (consent for targeted advertising and sale of known minors\u2019 data)',
    minorsNote:
      'The 2025 amendment (SB 1295) is reported to bar targeted advertising and sale of minors\u2019 data from 2026-07-01 and to add neural data as sensitive.',
    breachSubject: { amount: 60, unit: 'days' },
    breachAuthority: { amount: 60, unit: 'days' },
    breachRef: 'Conn. Gen. Stat. §36a-701b(b)',
    breachUrl: 'https://www.cga.ct.gov/current/pub/chap_669.htm#sec_36a-701b',
    breachNote:
      'Residents without unreasonable delay and within 60 days of discovery; the Attorney General no later than the residents are told.',
    // Read 2026-12-06 in the "GDPR and US States General Privacy Laws Deskbook" reproduction of
    // §42-518(c)(1)-(3) (before SB 1295 of 2025): 45 days, extendable by 45 told within the first 45;
    // a refusal with its justification and how to appeal within 45 days; free "once per consumer
    // during any twelve-month period", a fee for manifestly unfounded, excessive or repetitive ones.
    // Breach (second pass, 2026-12-06): the Attorney General's own page (portal.ct.gov/ag,
    // "Reporting a Data Breach") gives residents' notice without unreasonable delay and no later
    // than 60 days from discovery (since PA 21-59, 2021-10-01) and the Attorney General's notice no
    // later than the residents'; a regulator's summary, so `breach` is `secondary`. The text of
    // §36a-701b(b) itself was not found in a readable copy (no GitHub file holds it either).
    checked: { gpc: 'secondary', deadline: 'verified', fees: 'verified', breach: 'secondary' },
  },
  {
    key: 'us-de-dpdpa',
    name: 'Delaware Personal Data Privacy Act (DPDPA)',
    region: 'US-DE',
    timeZone: 'America/New_York',
    url: 'https://delcode.delaware.gov/title6/c012d/index.html',
    effective: '2025-01-01',
    codeRef: '6 Del. C. §12D-101 et seq.',
    rightsRef: '6 Del. C. §12D-104',
    rightsNote: 'also a list of the categories of third parties',
    deadlineRef: '6 Del. C. §12D-104(c)(1) (as enacted by HB 154 of 2023)',
    feesRef: '6 Del. C. §12D-104(c)(3)',
    fees: 'free-unless-manifestly-unfounded-or-excessive',
    appealDays: 60,
    appealRef: '6 Del. C. §12D-104',
    gpcFrom: '2026-01-01',
    gpcRef: '6 Del. C. §12D-104 (universal opt-out mechanism from 2026-01-01)',
    sensitiveRef: '6 Del. C. §12D-102 ("sensitive data", incl. transgender or non-binary status), §12D-106',
    optInBelow: 18,
    minorsRef:
      '6 Del. C. §12D-106 (consent for targeted advertising and sale of data of consumers aged 13 to 17)',
    breachSubject: { amount: 60, unit: 'days' },
    breachAuthority: { amount: 60, unit: 'days' },
    breachRef: '6 Del. C. §12B-102',
    breachSubjectRef:
      '6 Del. C. §12B-102(a), (c) (as in force through the 2024 session: "without unreasonable delay but not later than 60 days after determination of the breach of security")',
    breachUrl: 'https://delcode.delaware.gov/title6/c012b/index.html',
    breachNote:
      'Residents within 60 days of determining a breach; the Attorney General when more than 500 residents are affected.',
    // Read 2026-12-06 in the "GDPR and US States General Privacy Laws Deskbook" reproduction of
    // §12D-104(c) as enacted (online.flipbuilder.com/bzaa/mvgs/files/basic-html/page183.html):
    // (c)(1) "not later than 45 days after receipt of the request", extendable "by 45 additional
    // days" when reasonably necessary, the consumer told "within the initial 45-day response
    // period" with the reason; (c)(3) information given "free of charge, once per consumer during
    // any 12-month period". No later amendment of (c) was found, and the deadline cites the enacted
    // version. The next sentence of (c)(3) (a fee or refusal for manifestly unfounded, excessive or
    // repetitive requests) was cut off in the copy, so `fees` is `secondary` (a compliance checklist
    // quotes it). Fees corrected from "twice a year" to once in twelve months.
    // Breach (second pass, 2026-12-06): §12B-102(a)-(c) read whole in casetext's reproduction
    // ("Current through 2024 Legislative Session Act Chapter 510"; its CloudFront mirror,
    // d1tvxue8o4w0fl.cloudfront.net/statute/delaware-code/title-6-.../section-12b-102-...): (a) a
    // person owning or licensing the data notifies each affected resident following determination
    // of the breach unless an investigation finds harm unlikely; (c) the notice "must be made
    // without unreasonable delay but not later than 60 days after determination of the breach of
    // security", save a shorter federal time, a law-enforcement delay and residents identified
    // later. The fact names that version (`breachSubjectRef`), so `breachSubject` is `verified`.
    // Subsection (d) (the Attorney General when more than 500 residents are told, and its timing)
    // was cut off in the copy and is known only from a law firm's chart and the Attorney General's
    // notice form, which cites "§ 12B-102(d)" without the timing: `breach` stays `unverified`.
    checked: { gpc: 'secondary', deadline: 'verified', fees: 'secondary', breachSubject: 'verified' },
  },
  {
    key: 'us-md-modpa',
    name: 'Maryland Online Data Privacy Act (MODPA)',
    region: 'US-MD',
    timeZone: 'America/New_York',
    url: 'https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcl&section=14-4701',
    effective: '2025-10-01',
    codeRef: 'Md. Code, Com. Law §14-4701 et seq.',
    rightsRef: 'Md. Code, Com. Law §14-4705',
    rightsNote: 'processing before 2026-04-01 is out of scope',
    appealDays: 60,
    appealRef: 'Md. Code, Com. Law §14-4705',
    gpcFrom: '2025-10-01',
    gpcRef: 'Md. Code, Com. Law §14-4705 (opt-out preference signal)',
    sensitiveRef:
      'Md. Code, Com. Law §14-4707(a) (sensitive data collected only when strictly necessary; never sold)',
    barredBelow: 18,
    minorsRef:
      'Md. Code, Com. Law §14-4707(a) (no sale or targeted advertising when the controller knew or should have known the consumer is under 18)',
    breachSubject: { amount: 45, unit: 'days' },
    breachAuthority: { amount: 45, unit: 'days' },
    breachRef: 'Md. Code, Com. Law §14-3504',
    breachSubjectRef:
      'Md. Code, Com. Law §14-3504(b)(3) ("as soon as reasonably practicable, but not later than 45 days after the business discovers or is notified of the breach")',
    breachUrl: 'https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcl&section=14-3504',
    breachNote:
      'Residents as soon as reasonably practicable and within 45 days of discovering (or being told of) the breach; the Attorney General before residents are told.',
    // Sections corrected 2026-12-06: the act (SB 541 / HB 567 of 2024, enacted as "Subtitle 46")
    // is codified as Com. Law §14-4701 et seq.; a statute database gives the text of the consumer
    // rights (casetext's "§14-4605", current with the 2024 session) as "CL-14-4705"
    // (lexace.ai/us/statute/maryland/CL-14-4705). Only §14-4705(a)-(d)(1) was seen (rights, no
    // deadline), so no fact is raised; the 45 + 45 days, fees, appeal and signal are leads.
    // Breach (second pass, 2026-12-06): §14-3504(a)-(b)(4) read in lexace.ai's reproduction
    // (lexace.ai/us/statute/maryland/CL-14-3504): (b)(3) notice "as soon as reasonably practicable,
    // but not later than 45 days after the business discovers or is notified of the breach of the
    // security of a system". The note said "45 days of concluding the investigation", the wording
    // before the 2022 amendment (still in several breach charts): corrected, value unchanged. The
    // copy names no version and a later amendment was not ruled out, so `breachSubject` is
    // `secondary`. The Attorney General's notice before residents' (a later subsection, cut off in the copy) is
    // from a law firm's chart (klinedinstlaw.com) and a summary of the section: `secondary`.
    checked: { gpc: 'secondary', breach: 'secondary', breachSubject: 'secondary' },
  },
  {
    key: 'us-mn-mcdpa',
    name: 'Minnesota Consumer Data Privacy Act (MCDPA)',
    region: 'US-MN',
    timeZone: 'America/Chicago',
    url: 'https://www.revisor.mn.gov/statutes/cite/325M',
    effective: '2025-07-31',
    codeRef: 'Minn. Stat. §325M.10 et seq.',
    rightsRef: 'Minn. Stat. §325M.14',
    rightsNote: 'also to question a profiling result and to a list of specific third parties',
    appealDays: 45,
    appealRef: 'Minn. Stat. §325M.14 (appeal: 45 days, extendable by 60)',
    gpcFrom: '2025-07-31',
    gpcRef: 'Minn. Stat. §325M.14 (universal opt-out mechanism)',
    sensitiveRef: 'Minn. Stat. §325M.11 ("sensitive data"), §325M.16',
    optInBelow: 16,
    minorsRef:
      'Minn. Stat. §325M.16, subd. 2(f) (no sale or targeted advertising without consent where the controller knows the consumer is "between the ages of 13 and 16")',
    breachSubject: 'most-expedient',
    breachAuthority: 'none',
    breachRef: 'Minn. Stat. §325E.61',
    breachUrl: 'https://www.revisor.mn.gov/statutes/cite/325E.61',
    breachNote:
      'Residents in the most expedient time possible; consumer reporting agencies within 48 hours when more than 500 residents are told.',
    // Sections corrected 2026-12-06: the act (Laws 2024, ch. 121, enacted as chapter 325O) is
    // codified as Minn. Stat. §§325M.10 to 325M.21: the Revisor's
    // §325M.14 (revisor.mn.gov/statutes/cite/325M.14) opens with the consumer rights
    // "Except as provided in sections 325M.10 to 325M.21", and HF 2700 of 2025 amends §§325M.11
    // and 325M.16, subd. 2. Read in the "GDPR and US States General Privacy Laws Deskbook"
    // (online.flipbuilder.com/bzaa/mvgs/files/basic-html/page290.html), the enacted
    // §325O.07, subd. 2(f) (now §325M.16): no targeted advertising or sale without consent where
    // the controller "knows that the consumer is between the ages of 13 and 16". Whether a
    // 16-year-old is within it, and the known-child rule behind the age of 13, were not settled, so
    // `minors` is `secondary`. The 45 + 45 days, fees and signal in §325M.14 were not reached.
    checked: { gpc: 'secondary', minors: 'secondary' },
  },
  {
    key: 'us-mt-mcdpa',
    name: 'Montana Consumer Data Privacy Act (MCDPA)',
    region: 'US-MT',
    timeZone: 'America/Denver',
    url: 'https://leg.mt.gov/bills/mca/title_0300/chapter_0140/part_0280/sections_index.html',
    effective: '2024-10-01',
    codeRef: 'Mont. Code Ann. §30-14-2801 et seq.',
    rightsRef: 'Mont. Code Ann. §30-14-2808',
    deadlineRef: 'Mont. Code Ann. §30-14-2808(4)(a) (as enacted by SB 384 of 2023)',
    feesRef: 'Mont. Code Ann. §30-14-2808(4)(c) (as enacted by SB 384 of 2023)',
    fees: 'free-unless-manifestly-unfounded-or-excessive',
    feesNote:
      'free once for each consumer in any twelve months; a reasonable fee for manifestly unfounded, excessive, technically infeasible or repetitive requests',
    appealDays: 60,
    appealRef: 'Mont. Code Ann. §30-14-2808',
    gpcFrom: '2025-01-01',
    gpcRef:
      'Mont. Code Ann. §30-14-2809(3)(b) (opt-out preference signal "by no later than January 1, 2025"; MCA 2023 text)',
    sensitiveRef: 'Mont. Code Ann. §30-14-2802 ("sensitive data"), §30-14-2812',
    optInBelow: 18,
    minorsRef:
      'Mont. Code Ann. §30-14-2812 (SB 297 of 2025: consent for targeted advertising and sale of known minors\u2019 data)',
    breachSubject: 'without-undue-delay',
    breachAuthority: 'immediately',
    breachRef: 'Mont. Code Ann. §30-14-1704',
    breachUrl:
      'https://leg.mt.gov/bills/mca/title_0300/chapter_0140/part_0170/section_0040/0300-0140-0170-0040.html',
    breachNote:
      'Residents without unreasonable delay; a copy to the Attorney General\u2019s Office of Consumer Protection at the same time.',
    // Read 2026-12-06 in the "GDPR and US States General Privacy Laws Deskbook"
    // (online.flipbuilder.com/bzaa/mvgs/files/basic-html/page258.html, SB 384 as enacted;
    // page303.html, MCA 2023 "[Effective 10/1/2024]"): §30-14-2808(4)(a) "not later than 45 days
    // after receipt of the request", extendable "by 45 additional days" when reasonably necessary,
    // the consumer told "within the initial 45-day response period" with the reason; (4)(c) free
    // "once for each consumer during any 12-month period", a reasonable fee for manifestly
    // unfounded, excessive, technically infeasible or repetitive requests (the refusal alternative
    // after it was cut off, so `feesNote` states only the fee); §30-14-2809(3)(b): opt-out methods
    // must, "by no later than January 1, 2025", let a consumer opt out of targeted advertising and
    // sale through an opt-out preference signal. SB 297 of 2025 (from 2025-10-01) amended the act;
    // its text was not read, so these facts cite the version read (a 2026 summary of the amended act
    // still gives 45 + 45 days and the signal from 2025-01-01). Fees corrected from "twice a year".
    // The minors rule of SB 297 (consent under 18) is from summaries: `secondary`; MCA 2025
    // §30-14-2812(2)(b) (consent for sensitive data; a known child's per COPPA) was read on
    // archive.legmt.gov, but not the "sensitive data" definition, so `sensitive` stays a lead.
    // Breach (second pass, 2026-12-06): the Department of Justice's page "Reporting Requirements
    // for Data Breaches" (dojmt.gov/office-of-consumer-protection/...) gives residents' notice
    // without unreasonable delay, consistent with law enforcement's needs, and an electronic copy
    // to the Office of Consumer Protection "simultaneously" (MCA §30-14-1704). A regulator's
    // summary: `breach` is `secondary`; §30-14-1704(1) and (8) themselves were not read. A breach
    // letter template (ezel.ai) claims 30 days; no other source has it and it is not followed.
    checked: {
      gpc: 'verified',
      deadline: 'verified',
      fees: 'verified',
      minors: 'secondary',
      breach: 'secondary',
    },
  },
];
