import { getJurisdiction, type JurisdictionKey, type Manifest } from '@pledge/core';
import type { OfferedRight } from '@pledge/render';
import { REQUEST_RIGHTS, RIGHT_KINDS } from '@pledge/requests';

/**
 * The rights the privacy center offers a form for, in `REQUEST_RIGHTS` order: each right the
 * manifest grants (`rights[]`, to everyone or in its jurisdictions) or the law of one of its
 * jurisdictions grants (the jurisdiction data), with where it applies and the policy's deadline.
 */
export function offeredRights(manifest: Manifest): OfferedRight[] {
  const out: OfferedRight[] = [];
  for (const right of REQUEST_RIGHTS) {
    const kinds: readonly string[] = RIGHT_KINDS[right];
    const entries = manifest.rights.filter((r) => kinds.includes(r.right));
    const byLaw = manifest.policy.jurisdictions.filter((j) =>
      getJurisdiction(j)?.rights.value.some((k) => kinds.includes(k)),
    );
    const everyone = entries.some((e) => e.jurisdictions.length === 0);
    const where = [...new Set<JurisdictionKey>([...entries.flatMap((e) => e.jurisdictions), ...byLaw])];
    if (!everyone && where.length === 0) continue;
    const deadline = entries.find((e) => e.deadline !== undefined)?.deadline;
    out.push({ right, where: everyone ? 'everyone' : where, ...(deadline ? { deadline } : {}) });
  }
  return out;
}
