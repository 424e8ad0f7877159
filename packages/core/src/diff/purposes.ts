import type { JurisdictionKey } from '../manifest/schema/common.js';
import type { Manifest, Purpose } from '../manifest/schema/index.js';
import { added, byId, change, listIds } from './change.js';
import { consentJurisdictions, consentOfPurposes, onlySome } from './consent.js';
import type { Change, DiffPair } from './types.js';

/** Flags that widen what a purpose does when they turn on. */
const USE_FLAGS = ['sale', 'targetedAdvertising', 'automatedDecisions'] as const;

/**
 * Purposes added, removed or widened. A new consent-based purpose needs opt-in from
 * everyone; new categories or uses of a consent-based purpose need re-consent from its subjects.
 */
export function diffPurposes({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  const old = byId(before.purposes);
  const current = byId(after.purposes);
  after.purposes.forEach((purpose, index) => {
    const path = `purposes[${index}]`;
    const previous = old.get(purpose.id);
    if (!previous) {
      changes.push(purposeAdded(purpose, path, after.policy.jurisdictions));
      return;
    }
    const newCategories = added(previous.categories, purpose.categories);
    if (newCategories.length > 0) {
      const need = consentOfPurposes(after, [purpose.id]);
      changes.push(
        change({
          code: 'purpose-categories-widened',
          path: `${path}.categories`,
          message: `purpose '${purpose.id}' now also uses ${listIds(newCategories)}`,
          consentFrom: need.consentFrom,
          affected: { ...need.affected, purposes: [purpose.id], categories: newCategories },
        }),
      );
    }
    for (const flag of USE_FLAGS) {
      if (purpose[flag] && !previous[flag]) changes.push(useExtended(after, purpose, path, flag));
    }
    if (previous.optional && !purpose.optional) {
      changes.push(
        change({
          code: 'purpose-use-extended',
          path: `${path}.optional`,
          message: `purpose '${purpose.id}' can no longer be refused while keeping the core service`,
          affected: { purposes: [purpose.id] },
        }),
      );
    }
  });
  before.purposes.forEach((purpose, index) => {
    if (current.has(purpose.id)) return;
    changes.push(
      change({
        code: 'purpose-removed',
        path: `purposes[${index}]`,
        message: `purpose '${purpose.id}' removed`,
        material: false,
        affected: { purposes: [purpose.id] },
      }),
    );
  });
  return changes;
}

function purposeAdded(purpose: Purpose, path: string, jurisdictions: readonly JurisdictionKey[]): Change {
  const where = consentJurisdictions(purpose, jurisdictions);
  return change({
    code: 'purpose-added',
    path,
    message:
      where.length > 0
        ? `purpose '${purpose.id}' added; it rests on consent, so everyone must opt in before it applies`
        : `purpose '${purpose.id}' added`,
    consentFrom: where.length > 0 ? 'all-subjects' : 'none',
    affected: {
      purposes: [purpose.id],
      categories: [...purpose.categories],
      ...onlySome(new Set(where), jurisdictions),
    },
  });
}

function useExtended(
  after: Manifest,
  purpose: Purpose,
  path: string,
  flag: (typeof USE_FLAGS)[number],
): Change {
  const need = consentOfPurposes(after, [purpose.id]);
  const what = {
    sale: 'sells or shares personal information',
    targetedAdvertising: 'is used for targeted advertising',
    automatedDecisions: 'involves automated decisions',
  }[flag];
  return change({
    code: 'purpose-use-extended',
    path: `${path}.${flag}`,
    message: `purpose '${purpose.id}' now ${what}`,
    consentFrom: need.consentFrom,
    affected: { ...need.affected, purposes: [purpose.id] },
  });
}
