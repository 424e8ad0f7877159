import type { Change } from '../diff/types.js';
import type { Manifest } from '../manifest/schema/index.js';

/**
 * Purposes whose existing consents a new version reopens: those a change needing fresh
 * consent names, all consent-based purposes when everyone must consent again, and the
 * consent-based purposes using a category a change names.
 */
export function purposesNeedingRenewal(after: Manifest, changes: readonly Change[]): string[] {
  const consentBased = after.purposes.filter((p) =>
    Object.values(p.consent).some((mode) => mode !== undefined && mode !== 'none' && mode !== 'opt-out'),
  );
  const out = new Set<string>();
  for (const change of changes) {
    if (!change.needsConsent) continue;
    if (change.consentFrom === 'all-subjects') for (const p of consentBased) out.add(p.id);
    for (const id of change.affected.purposes ?? []) out.add(id);
    if (change.affected.categories?.length) {
      for (const p of consentBased) {
        if (p.categories.some((c) => change.affected.categories?.includes(c))) out.add(p.id);
      }
    }
  }
  return [...out].sort();
}
