import type { ConsentMode, Manifest } from '@pledge/core';
import {
  type CompiledPolicy,
  DENY_REASONS,
  type DenyReason,
  JURISDICTION_SLOTS,
  type SubjectState,
} from '@pledge/decide';

/** The one jurisdiction of the benchmark population. */
export const BENCH_JURISDICTION = 'eu-gdpr' as const;

/** Consent level a mode asks of an adult: implied 1, opt-in 2, separate 3, otherwise none. */
const LEVEL_OF_MODE: Readonly<Partial<Record<ConsentMode, number>>> = {
  implied: 1,
  'opt-in': 2,
  separate: 3,
};

/** One purpose of the policy as every engine's encoding reads it. */
export interface PurposeFacts {
  index: number;
  id: string;
  mode: ConsentMode;
  /** `ok.<legal basis>`, the allow reason. */
  allowReason: string;
  /** Consent level each category needs (0: none), by category index. */
  required: readonly number[];
  declared: readonly boolean[];
  /** Implied, opt-in or separate: a withdrawal is a consent failure. */
  consentBased: boolean;
  /** Opt-out mode: a withdrawal is an opt-out. */
  optOutMode: boolean;
  /** An opt-out stops it (consent-based, opt-out mode, or sale/share). */
  optOutApplies: boolean;
  /** An objection stops it (legitimate interests, public task, or marketing). */
  objectable: boolean;
}

export interface CategoryFacts {
  index: number;
  id: string;
  sensitive: boolean;
}

/** The policy, reduced to what the competing engines are generated from. */
export interface PolicyFacts {
  purposes: readonly PurposeFacts[];
  categories: readonly CategoryFacts[];
}

/**
 * Reads the policy facts from the manifest. The one fact taken from Pledge's compiled
 * tables is the law's: the consent level GDPR needs before sensitive data is used on the
 * basis of consent (Art. 9(2)(a): explicit, level 2).
 */
export function policyFacts(manifest: Manifest, policy: CompiledPolicy): PolicyFacts {
  const slot = JURISDICTION_SLOTS.indexOf(BENCH_JURISDICTION);
  const lawSensitiveLevel = policy.jurisdiction.sensitiveLevel[slot] ?? 0;
  const categories = manifest.categories.map((category, index) => ({
    index,
    id: category.id,
    sensitive: category.sensitive === true,
  }));
  const purposes = manifest.purposes.map((purpose, index): PurposeFacts => {
    const mode = purpose.consent[BENCH_JURISDICTION] ?? purpose.consent.default;
    const basis = purpose.legalBasis[BENCH_JURISDICTION] ?? purpose.legalBasis.default;
    const level = LEVEL_OF_MODE[mode] ?? 0;
    const saleShare = purpose.sale === true || purpose.targetedAdvertising === true;
    const declared = new Set(purpose.categories);
    return {
      index,
      id: purpose.id,
      mode,
      allowReason: `ok.${basis}`,
      // Sensitive data raises the consent a consent-based (or opt-out) purpose needs to the law's level.
      required: categories.map((c) =>
        c.sensitive && mode !== 'none' ? Math.max(level, lawSensitiveLevel) : level,
      ),
      declared: categories.map((c) => declared.has(c.id)),
      consentBased: level > 0,
      optOutMode: mode === 'opt-out',
      optOutApplies: mode !== 'none' || saleShare,
      objectable:
        basis === 'legitimate-interests' ||
        basis === 'public-task' ||
        purpose.taxonomy === 'marketing' ||
        purpose.taxonomy.startsWith('marketing.'),
    };
  });
  return { purposes, categories };
}

/** One subject's state as the competing engines read it (derived from the same `SubjectState`). */
export interface SubjectFacts {
  /** Level of the valid consent on record per purpose (0: none). */
  consentLevel: Uint8Array;
  /** Acceptance of the policy as a whole is on record (counts as implied consent). */
  accepted: boolean;
  withdrawn: Uint8Array;
  optedOut: Uint8Array;
  objections: Uint8Array;
  restrictedAll: boolean;
  restrictedPurposes: Uint8Array;
  restrictedCategories: readonly boolean[];
}

export function subjectFacts(state: SubjectState, facts: PolicyFacts): SubjectFacts {
  return {
    consentLevel: Uint8Array.from(state.consents, (c) => (c && !c.needsRenewal ? c.level : 0)),
    accepted: state.policyAcceptance !== undefined && !state.policyAcceptance.needsRenewal,
    withdrawn: state.withdrawn,
    optedOut: state.optedOut,
    objections: state.objections,
    restrictedAll: state.restrictedAll,
    restrictedPurposes: state.restrictedPurposes,
    restrictedCategories: facts.categories.map(
      (c) => (((state.restrictedCategories[c.index >>> 5] ?? 0) >>> (c.index & 31)) & 1) === 1,
    ),
  };
}

/** Whether the subject's consent meets `required`: a consent at that level, or acceptance for an implied one. */
export function meets(subject: SubjectFacts, p: number, required: number): boolean {
  if (required === 0) return true;
  if ((subject.consentLevel[p] ?? 0) >= required) return true;
  return required === 1 && subject.accepted && subject.withdrawn[p] !== 1 && subject.optedOut[p] !== 1;
}

/**
 * The reference rule list for one purpose and one category, in `DENY_REASONS` order: the
 * first failing rule, or undefined when allowed. The floor is precomputed from it; the
 * other engines encode the same rules in their own terms.
 */
export function referenceDeny(
  purpose: PurposeFacts,
  subject: SubjectFacts,
  c: number,
): DenyReason | undefined {
  const p = purpose.index;
  if (!purpose.declared[c]) return 'deny.category-not-declared';
  if (subject.restrictedAll || subject.restrictedPurposes[p] === 1 || subject.restrictedCategories[c]) {
    return 'deny.restricted';
  }
  const required = purpose.required[c] ?? 0;
  if (required > 0 && subject.withdrawn[p] === 1) return 'deny.consent-withdrawn';
  if (!meets(subject, p, required))
    return required === 3 ? 'deny.separate-consent-required' : 'deny.no-consent';
  if (subject.optedOut[p] === 1 && purpose.optOutApplies) return 'deny.opted-out';
  if (purpose.optOutMode && subject.withdrawn[p] === 1) return 'deny.opted-out';
  if (subject.objections[p] === 1 && purpose.objectable) return 'deny.objection';
  return undefined;
}

/** Position of a reason in `DENY_REASONS` (allow reasons sort last). */
export function reasonRank(reason: string): number {
  const i = (DENY_REASONS as readonly string[]).indexOf(reason);
  return i < 0 ? DENY_REASONS.length : i;
}
