import { fact } from './fact.js';
import type { Jurisdiction } from './types.js';

const PIPL = 'https://www.gov.cn/xinwen/2021-08/20/content_5632486.htm';
/** 国家网络安全事件报告管理办法 (CAC, 2025-09-11, in force 2025-11-01). */
const INCIDENT_MEASURES = 'https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm';
/** 网络数据安全管理条例 (State Council Decree No. 790, in force 2025-01-01). */
const NDSMR = 'https://www.gov.cn/zhengce/content/202409/content_6977766.htm';
const MEASURES =
  '国家网络安全事件报告管理办法 (Cybersecurity Incident Reporting Measures, CAC 2025, in force 2025-11-01)';
/** GB/T 35273-2020 (recommended national standard), official catalogue entry. */
const GBT_35273 = 'https://openstd.samr.gov.cn/bzgk/std/newGbInfo?hcno=4568F276E0F8346EB0FBA097AA0CE05E';

/** Taxonomy keys of sensitive personal information (PIPL Art. 28). */
const sensitivePersonalInformation = [
  'user.biometrics',
  'user.biometric',
  'user.authorization.biometrics',
  'user.authorization.biometric',
  'user.demographic.religious_belief',
  // "Specific identity" (特定身份); GB/T 45574-2025 no longer lists the ID number by itself.
  'user.government_id',
  'user.health',
  'user.health_and_medical',
  'user.financial',
  'user.payment',
  'user.location.precise',
  'user.children',
  'user.childrens',
];

/** Personal Information Protection Law of the PRC (个人信息保护法), in force 2021-11-01. */
export const cnPipl: Jurisdiction = {
  key: 'cn-pipl',
  name: 'Personal Information Protection Law of the PRC (个人信息保护法)',
  regions: ['CN'],
  calendar: 'cn',
  timeZone: 'Asia/Shanghai',
  asOf: '2026-11-22',
  rights: fact(
    [
      'access',
      'rectification',
      'erasure',
      'portability',
      'restriction',
      'objection',
      'withdraw-consent',
      'automated-decision',
      'explanation',
    ],
    'PIPL Art. 15 (withdraw consent), Art. 24 (automated decisions), Art. 44 (restrict or refuse), Art. 45 (consult, copy, transfer), Art. 46 (correct), Art. 47 (delete), Art. 48 (explain rules)',
    'verified',
    PIPL,
  ),
  // Not raised 2026-12-06: "timely" is read (requestNotes), but the ref also names where the
  // 15 working days come from, and neither the 2019 App Identification Methods' item on queries,
  // corrections, deletions and account cancellation nor GB/T 35273-2020 §8.5 was found in a
  // readable copy (the stored reprints stop before item 6).
  requestDeadline: fact(
    { amount: 15, unit: 'working-days', clockStart: 'receipt', origin: 'engine-default', standard: 'timely' },
    'PIPL Arts. 45-46 say only "timely" (及时), with no count. 15 working days is the engine default, from the 2019 App Identification Methods (App违法违规收集使用个人信息行为认定方法) and GB/T 35273-2020 §8.5; applying it to rights requests is unverified',
    'unverified',
    PIPL,
  ),
  requestNotes: [
    fact(
      'PIPL itself sets no day count for rights requests: "timely" (及时).',
      'PIPL Arts. 45-46',
      'verified',
      PIPL,
    ),
    fact(
      'Alternative benchmark: within 30 days or the statutory period (recommended standard, not binding).',
      'GB/T 35273-2020 §8.7',
      'unverified',
      GBT_35273,
    ),
    fact(
      'A convenient mechanism to accept and handle requests is required; a refusal states reasons and the individual may sue.',
      'PIPL Art. 50',
      'verified',
      PIPL,
    ),
    fact(
      'Portability to another processor applies when CAC conditions are met; a cost fee may apply to frequent or excessive portability requests.',
      'PIPL Art. 45 para. 3; Network Data Security Management Regulations (2025) Art. 25',
      'secondary',
      PIPL,
    ),
  ],
  verification: fact(
    'Not in PIPL. Respond after verifying identity; delete or anonymise any sensitive data collected only to verify.',
    'GB/T 35273-2020 §8.7 (recommended standard)',
    'unverified',
    GBT_35273,
  ),
  fees: fact(
    'free-unless-excessive',
    'Not in PIPL. GB/T 35273-2020 §8.7: free in principle, cost fee for repeated requests in a period',
    'unverified',
    GBT_35273,
  ),
  minors: {
    digitalConsentAge: fact(
      14,
      'PIPL Art. 31 (under 14: consent of a parent or other guardian)',
      'verified',
      PIPL,
    ),
    notes: [
      fact(
        'Personal information of minors under 14 is sensitive personal information and needs dedicated processing rules; the sensitive-data duties (separate consent, necessity notice, impact assessment) also apply.',
        'PIPL Arts. 28, 29, 30, 31, 55',
        'verified',
        PIPL,
      ),
    ],
  },
  sensitive: {
    categories: fact(
      sensitivePersonalInformation,
      'PIPL Art. 28 (biometrics, religious belief, specific identity, medical health, financial accounts, whereabouts, minors under 14)',
      'verified',
      PIPL,
    ),
    consentMode: fact(
      'separate',
      'PIPL Art. 29 separate consent (单独同意); Art. 30 notice of necessity and impact',
      'verified',
      PIPL,
    ),
  },
  separateConsentFor: fact(
    ['sensitive', 'disclosure-to-controller', 'public-disclosure', 'transfer-abroad', 'facial-recognition'],
    'PIPL Art. 29 (sensitive), Art. 23 (providing to another processor), Art. 25 (making public), Art. 39 (cross-border), Art. 26 (public-place image and identity data used beyond public security)',
    'verified',
    PIPL,
  ),
  breach: {
    authorityDeadline: fact(
      'immediately',
      'PIPL Art. 57 (remedial measures and notice to the authorities, 立即)',
      'verified',
      PIPL,
    ),
    subjectDeadline: fact(
      'immediately',
      'PIPL Art. 57 (may be skipped if measures effectively avoid harm, unless the authority requires it)',
      'verified',
      PIPL,
    ),
    contents: fact(
      [
        'categories of personal information affected, causes and possible harm',
        'remedial measures taken and steps individuals can take to reduce harm',
        'contact details of the personal information processor',
      ],
      'PIPL Art. 57 para. 1',
      'verified',
      PIPL,
    ),
    notes: [
      fact(
        'For "relatively major" and worse incidents, the National Cybersecurity Incident Reporting Measures (in force 2025-11-01) require a report within 1 hour (CII operators), 2 hours (central and state organs) or 4 hours (other operators, to the provincial CAC).',
        '国家网络安全事件报告管理办法 (2025) 第2条, 第14条 (in force 2025-11-01); clocks per practitioner notes',
        'secondary',
        INCIDENT_MEASURES,
      ),
    ],
    gradedClocks: [
      fact(
        {
          duty: 'authority-report',
          minGrade: 'relatively-major',
          reporters: ['cii-operator'],
          recipient: 'the protection department and the public security organ (保护工作部门、公安机关)',
          clock: { amount: 1, unit: 'hours' },
          clockStart: 'discovery',
        },
        `${MEASURES} Art. 4 (critical information infrastructure: 第一时间 ... 最迟不得超过1小时), grades per the annexed 网络安全事件分级指南`,
        'verified',
        INCIDENT_MEASURES,
      ),
      fact(
        {
          duty: 'authority-report',
          minGrade: 'relatively-major',
          reporters: ['state-organ'],
          recipient: "the department's cyberspace affairs body (本部门网信工作机构)",
          clock: { amount: 2, unit: 'hours' },
          clockStart: 'discovery',
        },
        `${MEASURES} Art. 4 (central and state organs and units directly under them: 最迟不得超过2小时)`,
        'verified',
        INCIDENT_MEASURES,
      ),
      fact(
        {
          duty: 'authority-report',
          minGrade: 'relatively-major',
          reporters: ['other-operator'],
          recipient: 'the provincial cyberspace administration where the operator is (属地省级网信部门)',
          clock: { amount: 4, unit: 'hours' },
          clockStart: 'discovery',
        },
        `${MEASURES} Art. 4 (other network operators: 最迟不得超过4小时)`,
        'verified',
        INCIDENT_MEASURES,
      ),
      fact(
        {
          duty: 'final-report',
          minGrade: 'relatively-major',
          recipient: 'the authority first reported to, through the same channel (按照原渠道上报)',
          clock: { amount: 30, unit: 'days' },
          clockStart: 'handling-ended',
        },
        `${MEASURES} Art. 8 (incident handling summary report within 30 days after handling ends)`,
        'secondary',
        INCIDENT_MEASURES,
      ),
      fact(
        {
          duty: 'authority-report',
          recipient: 'the competent authorities (有关主管部门)',
          clock: 'as-provided',
          clockStart: 'discovery',
          condition:
            'any network data security incident: start the emergency plan at once (立即启动预案) and report as provided (按照规定)',
        },
        'Network Data Security Management Regulations (网络数据安全管理条例) Art. 11 para. 1',
        'secondary',
        NDSMR,
      ),
      fact(
        {
          duty: 'subject-notice',
          recipient:
            'the individuals and organisations concerned (利害关系人), by phone, SMS, instant message, e-mail or public notice',
          clock: 'timely',
          clockStart: 'discovery',
          condition:
            'the incident harms the lawful rights and interests of individuals or organisations, unless a law or administrative regulation allows not notifying',
        },
        'Network Data Security Management Regulations (网络数据安全管理条例) Art. 11 para. 2',
        'secondary',
        NDSMR,
      ),
    ],
  },
  transfers: fact(
    ['cac-security-assessment', 'pi-protection-certification', 'cac-standard-contract', 'other-law'],
    'PIPL Art. 38 (mechanisms), Art. 39 (notice and separate consent), Art. 40 (localisation for CIIOs and over-threshold processors); Provisions on Promoting and Regulating Cross-Border Data Flows (2024)',
    'verified',
    PIPL,
  ),
  legalBases: fact(
    [
      'consent',
      'contract',
      'employment',
      'legal-obligation',
      'public-health-emergency',
      'news-reporting',
      'publicly-disclosed',
    ],
    'PIPL Art. 13 (1)-(6); item (7) "other laws" has no LegalBasis value. No legitimate-interest basis',
    'verified',
    PIPL,
  ),
  recordKeeping: fact(
    'Personal information impact assessment before processing sensitive data, automated decisions, entrusting, providing or publishing, cross-border transfer and other significant-impact processing; keep reports and processing records for at least 3 years. Compliance audits (Art. 54); a protection officer above the CAC threshold (Art. 52).',
    'PIPL Arts. 52, 54, 55, 56',
    'verified',
    PIPL,
  ),
  signals: {
    gpc: fact(
      false,
      'No opt-out signal duty in PIPL; Art. 24 para. 2 requires an easy way to refuse personalised push',
      'unverified',
      PIPL,
    ),
  },
};
