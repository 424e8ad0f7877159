import type { Fact, Jurisdiction, Verification } from './types.js';

/** One fact of a jurisdiction with its path, e.g. `breach.authorityDeadline`, `minors.byRegion.FR`. */
export interface ListedFact {
  path: string;
  fact: Fact<unknown>;
  /** The engine acts on it: a deadline, clock, extension, age, breach clock or recipient, signal, sensitive category or fee. */
  actedOn: boolean;
}

/** Paths of the facts the engine acts on (see `docs/legal-data.md`). */
const ACTED_ON =
  /^(requestDeadline|acknowledgeDeadline|optOutDeadline|rightDeadlines\.[\w-]+|fees|minors\.(digitalConsentAge|minimumAllowedAge|saleOptInBelow|saleBarredBelow|byRegion\.[A-Z]{2})|sensitive\.(categories|consentMode)|separateConsentFor|breach\.(authorityDeadline|subjectDeadline|authorityAbove|contents)|signals\.\w+)$/;

function isFact(value: unknown): value is Fact<unknown> {
  return typeof value === 'object' && value !== null && 'value' in value && 'cite' in value;
}

function walk(value: unknown, path: string, out: ListedFact[]): void {
  if (isFact(value)) {
    out.push({ path, fact: value, actedOn: ACTED_ON.test(path) });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(item, `${path}[${i}]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key, out);
  }
}

/** Every fact of a jurisdiction, in data order, with its path and whether the engine acts on it. */
export function listFacts(jurisdiction: Jurisdiction): ListedFact[] {
  const out: ListedFact[] = [];
  walk(jurisdiction, '', out);
  return out;
}

/** Counts of facts by verification level. */
export type VerificationCounts = Record<Verification, number>;

/** Counts by level of `facts` (all of them, or only those the engine acts on). */
export function countByVerification(facts: readonly ListedFact[]): VerificationCounts {
  const counts: VerificationCounts = { verified: 0, secondary: 0, unverified: 0 };
  for (const { fact } of facts) counts[fact.cite.verification] += 1;
  return counts;
}
