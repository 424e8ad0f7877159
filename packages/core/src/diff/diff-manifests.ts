import type { Manifest } from '../manifest/schema/index.js';
import { diffCategories } from './categories.js';
import { diffCommitments } from './commitments.js';
import { diffLegalBasis } from './legal-basis.js';
import { diffMinors } from './minors.js';
import { diffPurposes } from './purposes.js';
import { diffRecipients } from './recipients.js';
import { diffRetention } from './retention.js';
import { diffRights } from './rights.js';
import { diffTrackers } from './trackers.js';
import { diffTransfers } from './transfers.js';
import type { Change, ChangeFamily } from './types.js';

/** Change families in report order. */
const FAMILIES: readonly ChangeFamily[] = [
  diffPurposes,
  diffLegalBasis,
  diffCategories,
  diffRecipients,
  diffRetention,
  diffRights,
  diffTransfers,
  diffMinors,
  diffTrackers,
  diffCommitments,
];

/**
 * Changes between two versions of a policy that subjects may care about, each saying
 * whether it is material and whose fresh consent it needs. Entries are matched by `id`
 * (rights by kind and jurisdictions), so a renamed id reads as a removal plus an addition.
 * Changes that only favour subjects (a shorter retention, a new right) are not reported,
 * except removals of purposes and stronger consent modes, which have `material: false`.
 *
 * @example
 * const changes = diffManifests(v1, v2);
 * const reconsent = changes.filter((c) => c.needsConsent);
 */
export function diffManifests(before: Manifest, after: Manifest): Change[] {
  return FAMILIES.flatMap((family) => family({ before, after }));
}

/** Summary counts of a diff, e.g. for a CLI footer or a change notice. */
export function summariseChanges(changes: readonly Change[]): {
  total: number;
  material: number;
  needsConsent: number;
} {
  return {
    total: changes.length,
    material: changes.filter((c) => c.material).length,
    needsConsent: changes.filter((c) => c.needsConsent).length,
  };
}
