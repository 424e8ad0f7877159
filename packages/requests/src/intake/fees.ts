import { getJurisdiction, type JurisdictionKey, type Manifest } from '@pledge/core';
import { type RequestRight, RIGHT_KINDS } from '../workflow/rights.js';

/** Whether a fee may be asked for a request, and why. The amount is the officer's (actual cost). */
export interface FeeDecision {
  chargeable: boolean;
  /**
   * `not-a-copy` (only copies can cost), `first-copy-free`, `within-free-allowance`, `law-free`
   * (the law forbids a fee), `policy-free`, `policy-states-no-fee`, `repeat-request`.
   */
  basis: string;
  /** Earlier requests for the same right from the same contact in the last twelve months. */
  repeatCount: number;
}

/** Rights whose answer is a copy of data; only these may cost, and only when repeated. */
const COPY_RIGHTS: readonly RequestRight[] = ['access', 'portability'];

/** How many copies a year the law gives free: Infinity when it forbids fees. */
function lawFreeCopies(jurisdiction: JurisdictionKey | undefined): number {
  const fees = jurisdiction ? getJurisdiction(jurisdiction)?.fees.value : undefined;
  switch (fees) {
    case 'free':
      return Number.POSITIVE_INFINITY;
    case 'free-twice-a-year':
      return 2;
    default:
      // GDPR Art. 15(3) (further copies), GB/T 35273 §8.7 (repeated requests), or no law named.
      return 1;
  }
}

/** How many copies a year the policy gives free: Infinity when it announces no fee. */
function policyFreeCopies(
  manifest: Manifest | undefined,
  right: RequestRight,
  jurisdiction?: JurisdictionKey,
): number {
  if (!manifest) return 1;
  const kinds: readonly string[] = RIGHT_KINDS[right];
  const entry = manifest.rights.find(
    (r) =>
      kinds.includes(r.right) &&
      (!jurisdiction || r.jurisdictions.length === 0 || r.jurisdictions.includes(jurisdiction)),
  );
  const fee = entry?.fee;
  if (!fee || fee.kind === 'free' || fee.kind === 'unstated') return Number.POSITIVE_INFINITY;
  return Math.max(1, fee.freeRequestsPerYear ?? 1);
}

/**
 * Decides whether a request may carry a fee. The first copy is always free; a repeat may be
 * charged only when both the law and the policy allow it and the repeat count passes the free
 * allowance (the policy's `freeRequestsPerYear`, CCPA's two a year).
 */
export function feeDecision(input: {
  right: RequestRight;
  jurisdiction?: JurisdictionKey | undefined;
  manifest?: Manifest | undefined;
  repeatCount: number;
}): FeeDecision {
  const { right, repeatCount } = input;
  const no = (basis: string): FeeDecision => ({ chargeable: false, basis, repeatCount });
  if (!COPY_RIGHTS.includes(right)) return no('not-a-copy');
  if (repeatCount === 0) return no('first-copy-free');
  const law = lawFreeCopies(input.jurisdiction);
  if (law === Number.POSITIVE_INFINITY) return no('law-free');
  const policy = policyFreeCopies(input.manifest, right, input.jurisdiction);
  if (policy === Number.POSITIVE_INFINITY) return no(input.manifest ? 'policy-states-no-fee' : 'policy-free');
  if (repeatCount < Math.max(law, policy)) return no('within-free-allowance');
  return { chargeable: true, basis: 'repeat-request', repeatCount };
}
