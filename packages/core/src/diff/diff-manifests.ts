import type { Manifest } from '../manifest/schema/index';
import { diffCategories } from './categories';
import { diffCommitments } from './commitments';
import { diffLegalBasis } from './legal-basis';
import { diffMinors } from './minors';
import { diffPurposes } from './purposes';
import { diffRecipients } from './recipients';
import { diffRetention } from './retention';
import { diffRights } from './rights';
import { diffTrackers } from './trackers';
import { diffTransfers } from './transfers';
import type { Change, ChangeFamily } from './types';

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
