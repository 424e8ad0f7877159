import type { Manifest } from '../manifest/schema/index.js';
import { diffCategories } from './categories.js';
import { diffCommitments } from './commitments.js';
import { diffController } from './controller.js';
import { diffDetails, isUnder } from './details.js';
import { diffLegalBasis } from './legal-basis.js';
import { diffLegalHolds } from './legal-holds.js';
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
  diffLegalHolds,
  diffRights,
  diffTransfers,
  diffMinors,
  diffTrackers,
  diffCommitments,
  diffController,
];

/**
 * Every change between two versions of a policy. First the changes subjects may care about,
 * by family, each saying whether it is material and whose fresh consent it needs; entries are
 * matched by `id` (rights by kind and jurisdictions), so a renamed id reads as a removal plus
 * an addition. Then every other difference, field by field over the whole manifest, as a
 * detail (`material: false`): a shorter retention, a new contact address, a reworded text. A
 * detail at or under the path of a family's change is left out: that change reports it.
 *
 * @example
 * const changes = diffManifests(v1, v2);
 * const reconsent = changes.filter((c) => c.needsConsent);
 * const material = changes.filter((c) => c.material);
 */
export function diffManifests(before: Manifest, after: Manifest): Change[] {
  const pair = { before, after };
  const changes = FAMILIES.flatMap((family) => family(pair));
  const details = diffDetails(pair).filter((d) => !changes.some((c) => isUnder(d.path, c.path)));
  return [...changes, ...details];
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
