import { valueFor } from '../manifest/model/per-jurisdiction.js';
import type { ConsentMode, JurisdictionKey } from '../manifest/schema/common.js';
import type { Purpose } from '../manifest/schema/index.js';
import { byId, change } from './change.js';
import { onlySome, PRIOR_CONSENT } from './consent.js';
import type { Change, DiffPair } from './types.js';

/** How much a consent mode asks of the subject before processing; higher is stronger. */
const STRENGTH: Record<ConsentMode, number> = {
  none: 0,
  'opt-out': 1,
  implied: 2,
  'opt-in': 3,
  separate: 4,
  guardian: 4,
};

/**
 * Legal basis and consent mode of purposes present in both versions, compared in each
 * jurisdiction the new policy addresses. Moving to consent, or to a stronger consent
 * mode, needs that consent from the purpose's existing subjects; weakening only needs notice.
 */
export function diffLegalBasis({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  const old = byId(before.purposes);
  const jurisdictions = after.policy.jurisdictions;
  after.purposes.forEach((purpose, index) => {
    const previous = old.get(purpose.id);
    if (!previous) return;
    const path = `purposes[${index}]`;
    const basis = legalBasisChange(previous, purpose, jurisdictions, path);
    if (basis) changes.push(basis);
    changes.push(...consentModeChanges(previous, purpose, jurisdictions, path));
  });
  return changes;
}

function legalBasisChange(
  previous: Purpose,
  purpose: Purpose,
  jurisdictions: readonly JurisdictionKey[],
  path: string,
): Change | undefined {
  const moves: string[] = [];
  const toConsent = new Set<JurisdictionKey>();
  for (const j of jurisdictions) {
    const was = valueFor(previous.legalBasis, j);
    const now = valueFor(purpose.legalBasis, j);
    if (was === now) continue;
    moves.push(`${j}: ${was} -> ${now}`);
    if (now === 'consent') toConsent.add(j);
  }
  if (moves.length === 0) return undefined;
  return change({
    code: 'legal-basis-changed',
    path: `${path}.legalBasis`,
    message: `legal basis of purpose '${purpose.id}' changed (${moves.join('; ')})`,
    consentFrom: toConsent.size > 0 ? 'subjects-of-purpose' : 'none',
    affected: { purposes: [purpose.id], ...onlySome(toConsent, jurisdictions) },
  });
}

function consentModeChanges(
  previous: Purpose,
  purpose: Purpose,
  jurisdictions: readonly JurisdictionKey[],
  path: string,
): Change[] {
  const weaker: string[] = [];
  const stronger: string[] = [];
  const weakerIn = new Set<JurisdictionKey>();
  const needsIn = new Set<JurisdictionKey>();
  for (const j of jurisdictions) {
    const was = valueFor(previous.consent, j);
    const now = valueFor(purpose.consent, j);
    if (STRENGTH[now] < STRENGTH[was]) {
      weaker.push(`${j}: ${was} -> ${now}`);
      weakerIn.add(j);
    } else if (STRENGTH[now] > STRENGTH[was] || (was !== now && PRIOR_CONSENT.has(now))) {
      // Equal strength but a different prior-consent mode (separate <-> guardian) still asks someone new.
      stronger.push(`${j}: ${was} -> ${now}`);
      if (PRIOR_CONSENT.has(now)) needsIn.add(j);
    }
  }
  const changes: Change[] = [];
  if (weaker.length > 0) {
    changes.push(
      change({
        code: 'consent-mode-weakened',
        path: `${path}.consent`,
        message: `consent for purpose '${purpose.id}' weakened (${weaker.join('; ')})`,
        affected: { purposes: [purpose.id], ...onlySome(weakerIn, jurisdictions) },
      }),
    );
  }
  if (stronger.length > 0) {
    changes.push(
      change({
        code: 'consent-mode-strengthened',
        path: `${path}.consent`,
        message: `consent for purpose '${purpose.id}' strengthened (${stronger.join('; ')})${
          needsIn.size > 0 ? '; existing subjects must give it' : ''
        }`,
        material: false,
        consentFrom: needsIn.size > 0 ? 'subjects-of-purpose' : 'none',
        affected: { purposes: [purpose.id], ...onlySome(needsIn, jurisdictions) },
      }),
    );
  }
  return changes;
}
