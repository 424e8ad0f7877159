import { valueFor } from '../manifest/model/per-jurisdiction.js';
import type { ConsentMode, JurisdictionKey, LegalBasis } from '../manifest/schema/common.js';
import type { Manifest, Purpose } from '../manifest/schema/index.js';
import type { ChangeScope, ConsentFrom } from './types.js';

/** Consent modes under which the subject has to say yes before processing starts. */
export const PRIOR_CONSENT: ReadonlySet<ConsentMode> = new Set<ConsentMode>([
  'opt-in',
  'separate',
  'guardian',
]);

/** Jurisdictions (of those given) where the purpose rests on the subject's consent. */
export function consentJurisdictions(
  purpose: Purpose,
  jurisdictions: readonly JurisdictionKey[],
): JurisdictionKey[] {
  return jurisdictions.filter((j) => {
    const basis: LegalBasis = valueFor(purpose.legalBasis, j);
    return basis === 'consent' || PRIOR_CONSENT.has(valueFor(purpose.consent, j));
  });
}

/** Whether the purpose rests on consent in at least one of the manifest's jurisdictions. */
export function isConsentBased(purpose: Purpose, manifest: Manifest): boolean {
  return consentJurisdictions(purpose, manifest.policy.jurisdictions).length > 0;
}

/** Who has to consent again when the given purposes change, and where. */
export interface ConsentNeed {
  consentFrom: ConsentFrom;
  affected: ChangeScope;
}

/**
 * The consent-based purposes among `purposeIds` (looked up in `manifest`): re-consent
 * is needed from their subjects, in the jurisdictions where they rest on consent.
 */
export function consentOfPurposes(manifest: Manifest, purposeIds: Iterable<string>): ConsentNeed {
  const all = manifest.policy.jurisdictions;
  const purposes: string[] = [];
  const jurisdictions = new Set<JurisdictionKey>();
  for (const id of new Set(purposeIds)) {
    const purpose = manifest.purposes.find((p) => p.id === id);
    if (!purpose) continue;
    const where = consentJurisdictions(purpose, all);
    if (where.length === 0) continue;
    purposes.push(id);
    for (const j of where) jurisdictions.add(j);
  }
  if (purposes.length === 0) return { consentFrom: 'none', affected: {} };
  return {
    consentFrom: 'subjects-of-purpose',
    affected: { purposes, ...onlySome(jurisdictions, all) },
  };
}

/** `{ jurisdictions }` when the set is a strict subset of `all`, otherwise nothing. */
export function onlySome(
  subset: ReadonlySet<JurisdictionKey>,
  all: readonly JurisdictionKey[],
): { jurisdictions?: JurisdictionKey[] } {
  const list = all.filter((j) => subset.has(j));
  return list.length > 0 && list.length < all.length ? { jurisdictions: list } : {};
}

/** Rank of `consentFrom`: the broader group wins when needs are merged. */
const BREADTH: Record<ConsentFrom, number> = {
  none: 0,
  'subjects-of-category': 1,
  'subjects-of-purpose': 2,
  'all-subjects': 3,
};

/**
 * Merges the consent needs one change has for several reasons: the broadest group asks,
 * affected ids are united, and a jurisdiction limit survives only if every need has one.
 */
export function mergeNeeds(needs: readonly ConsentNeed[]): ConsentNeed {
  const real = needs.filter((need) => need.consentFrom !== 'none');
  if (real.length === 0) return { consentFrom: 'none', affected: {} };
  const consentFrom = real.reduce<ConsentFrom>(
    (best, need) => (BREADTH[need.consentFrom] > BREADTH[best] ? need.consentFrom : best),
    'none',
  );
  const union = (key: 'purposes' | 'categories' | 'recipients') => {
    const ids = [...new Set(real.flatMap((need) => need.affected[key] ?? []))];
    return ids.length > 0 ? { [key]: ids } : {};
  };
  const limited = real.every((need) => need.affected.jurisdictions);
  const jurisdictions = [...new Set(real.flatMap((need) => need.affected.jurisdictions ?? []))];
  return {
    consentFrom,
    affected: {
      ...union('purposes'),
      ...union('categories'),
      ...union('recipients'),
      ...(limited ? { jurisdictions } : {}),
    },
  };
}
