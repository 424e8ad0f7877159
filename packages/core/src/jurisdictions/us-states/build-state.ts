import type { RightKind } from '../../manifest/schema/rights.js';
import { fact } from '../fact.js';
import type { Jurisdiction, Verification } from '../types.js';
import { coppaNotes } from '../us-coppa.js';
import type { StateFact, StateRow } from './state-row.js';

/**
 * Rights every state law in the table grants: confirm and access, correct, delete, a portable
 * copy, and opt out of targeted advertising, sale and profiling (`automated-decision`).
 */
const STATE_RIGHTS: RightKind[] = [
  'access',
  'rectification',
  'erasure',
  'portability',
  'opt-out-sale',
  'automated-decision',
];

/** Taxonomy keys every state law in the table treats as sensitive data. */
const SHARED_SENSITIVE = [
  'user.demographic.race_ethnicity',
  'user.demographic.religious_belief',
  'user.demographic.citizenship_or_immigration_status',
  'user.demographic.sexual_orientation',
  'user.health',
  'user.health_and_medical',
  'user.health.genetic',
  'user.health_and_medical.genetic',
  'user.biometrics',
  'user.biometric',
  'user.authorization.biometrics',
  'user.authorization.biometric',
  'user.children',
  'user.location.precise',
];

const RANK: Record<Verification, number> = { verified: 2, secondary: 1, unverified: 0 };

/** The weaker of two levels: a fact made of several parts takes its weakest part's status. */
function weakest(a: Verification, b: Verification): Verification {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Builds the `Jurisdiction` of a US state law from its row. */
export function buildStateJurisdiction(row: StateRow): Jurisdiction {
  const level = (name: StateFact) => row.checked[name] ?? 'unverified';
  const cite = <T>(name: StateFact, value: T, ref: string) => fact(value, ref, level(name), row.url);
  // Facts from background knowledge that no row checks (negative facts, the act as a whole).
  const lead = <T>(value: T, ref: string) => fact(value, ref, 'unverified', row.url);
  const deadlineRef = row.deadlineRef ?? row.rightsRef;
  const breachUrl = row.breachUrl ?? row.url;
  return {
    key: row.key,
    name: row.name,
    regions: [row.region],
    calendar: 'gregorian-business',
    timeZone: row.timeZone,
    asOf: '2026-12-06',
    inForce: [
      cite(
        'inForce',
        { from: row.effective, scope: 'the act' },
        `${row.codeRef} (effective ${row.effective} under the enacting act; its effective-date section not confirmed)`,
      ),
    ],
    rights: cite('rights', STATE_RIGHTS, `${row.rightsRef}${row.rightsNote ? ` (${row.rightsNote})` : ''}`),
    requestDeadline: cite(
      'deadline',
      {
        amount: 45,
        unit: 'days',
        clockStart: 'receipt',
        origin: 'statute',
        extension: {
          amount: 45,
          unit: 'days',
          condition:
            'Once, when reasonably necessary given the complexity and number of the requests, telling the consumer within the first 45 days with the reason.',
        },
      },
      `${deadlineRef} (45 days from receipt, extendable once by 45 days)`,
    ),
    ...(row.appealDays > 0
      ? {
          appealDeadline: cite(
            'appeal',
            { amount: row.appealDays, unit: 'days', clockStart: 'receipt', origin: 'statute' },
            `${row.appealRef} (decide an appeal within ${row.appealDays} days of its receipt)`,
          ),
        }
      : {}),
    requestNotes: [
      fact(
        'A refusal states its reasons and how to appeal; the consumer may then complain to the Attorney General.',
        `${deadlineRef}; ${row.appealRef}`,
        // The complaint to the Attorney General was read in no row: at most `secondary`.
        weakest(weakest(level('deadline'), level('appeal')), 'secondary'),
        row.url,
      ),
    ],
    // The authentication rule was not read on its own in any row: at most `secondary`.
    verification: fact(
      'Requests are authenticated with commercially reasonable effort; opt-out requests need no authentication.',
      row.rightsRef,
      weakest(level('rights'), 'secondary'),
      row.url,
    ),
    fees: cite(
      'fees',
      row.fees ?? 'free-twice-a-year',
      `${row.feesRef ?? row.rightsRef} (${
        row.feesNote ??
        (row.fees === 'free-unless-manifestly-unfounded-or-excessive'
          ? 'free once in any twelve months; a fee or refusal for manifestly unfounded, excessive or repetitive requests'
          : 'free up to twice a year')
      })`,
    ),
    minors: {
      digitalConsentAge: cite(
        'minors',
        13,
        `${row.sensitiveRef} (data of a known child under 13 is sensitive: processed per COPPA, with a parent's consent)`,
      ),
      ...(row.optInBelow ? { saleOptInBelow: cite('minors', row.optInBelow, row.minorsRef) } : {}),
      ...(row.barredBelow ? { saleBarredBelow: cite('minors', row.barredBelow, row.minorsRef) } : {}),
      notes: [...(row.minorsNote ? [cite('minors', row.minorsNote, row.minorsRef)] : []), ...coppaNotes],
    },
    sensitive: {
      categories: cite('sensitive', [...SHARED_SENSITIVE, ...(row.extraSensitive ?? [])], row.sensitiveRef),
      consentMode: cite(
        'sensitive',
        'opt-in',
        `${row.sensitiveRef} (consent before processing sensitive data)`,
      ),
    },
    separateConsentFor: lead(
      [],
      `${row.sensitiveRef} (no separate-consent duty beyond consent for sensitive data; a negative fact)`,
    ),
    breach: {
      authorityDeadline: fact(row.breachAuthority, row.breachRef, level('breach'), breachUrl),
      subjectDeadline: fact(
        row.breachSubject,
        row.breachSubjectRef ?? row.breachRef,
        row.checked.breachSubject ?? level('breach'),
        breachUrl,
      ),
      // "No required contents" was checked in no row.
      contents: fact([], `${row.breachRef} (content rules vary; see the statute)`, 'unverified', breachUrl),
      notes: [fact(row.breachNote, row.breachRef, level('breach'), breachUrl)],
    },
    transfers: lead(
      ['processor-contract'],
      `${row.codeRef} (no transfer restriction; processor contracts required; the processor section not confirmed)`,
    ),
    legalBases: lead(
      ['business-purpose', 'consent'],
      `${row.codeRef} (no legal-basis model; consent for sensitive data per ${row.sensitiveRef})`,
    ),
    recordKeeping: lead(
      'Data protection assessments for targeted advertising, sale, profiling and sensitive data.',
      `${row.codeRef} (data protection assessments; their section not confirmed)`,
    ),
    signals: {
      gpc: cite('gpc', row.gpcFrom !== undefined, row.gpcRef),
      ...(row.gpcFrom ? { gpcFrom: cite('gpc', row.gpcFrom, row.gpcRef) } : {}),
    },
  };
}
