import type { RightKind } from '../manifest/schema/rights.js';
import type { Fact, Jurisdiction, StatutoryDeadline } from './types.js';

/**
 * The deadline a law sets for a request to use one of `rights` (the first with a deadline of its
 * own, e.g. LGPD Art. 19 II for access), else its general `requestDeadline`.
 */
export function deadlineForRight(
  jurisdiction: Jurisdiction,
  rights: RightKind | readonly RightKind[],
): Fact<StatutoryDeadline> {
  for (const right of typeof rights === 'string' ? [rights] : rights) {
    const own = jurisdiction.rightDeadlines?.[right];
    if (own) return own;
  }
  return jurisdiction.requestDeadline;
}

/**
 * The digital age of consent for a subject living in `region` (ISO 3166-1 alpha-2): the national
 * age where the law lets states set one (GDPR Art. 8(1)), else the law's own.
 */
export function consentAgeFor(jurisdiction: Jurisdiction, region?: string): Fact<number> {
  const byRegion = jurisdiction.minors.byRegion;
  const own = region && byRegion ? byRegion[region.toUpperCase()] : undefined;
  return own ?? jurisdiction.minors.digitalConsentAge;
}

/**
 * Whether a breach affecting `affected` residents must be reported to the authority, as far as
 * a count decides it: false where the law sets none, or sets a threshold (`breach.authorityAbove`,
 * CCPA: more than 500) not exceeded.
 */
export function authorityNoticeRequired(jurisdiction: Jurisdiction, affected: number): boolean {
  if (jurisdiction.breach.authorityDeadline.value === 'none') return false;
  const above = jurisdiction.breach.authorityAbove?.value;
  return above === undefined || affected > above;
}
