import { added, byId, change, listIds } from './change.js';
import { compareDurations, formatDuration } from './duration.js';
import type { Change, DiffPair } from './types.js';

/**
 * Legal holds that can keep data past its retention: a new hold, a hold over more
 * categories, or a longer one. Material (data may be kept longer than the retention rules
 * say); no consent needed, since a hold rests on a legal obligation. A hold released or
 * shortened favours subjects and is reported as a detail.
 */
export function diffLegalHolds({ before, after }: DiffPair): Change[] {
  const was = byId(before.retention.legalHolds);
  const changes: Change[] = [];
  after.retention.legalHolds.forEach((hold, index) => {
    const path = `retention.legalHolds[${index}]`;
    const old = was.get(hold.id);
    if (!old) {
      changes.push(
        change({
          code: 'legal-hold-added',
          path,
          message: `legal hold '${hold.id}' added${hold.categories.length > 0 ? ` over ${listIds(hold.categories)}` : ''}`,
          affected: { categories: hold.categories },
        }),
      );
      return;
    }
    const more = added(old.categories, hold.categories);
    if (old.categories.length > 0 && more.length > 0) {
      changes.push(
        change({
          code: 'legal-hold-widened',
          path: `${path}.categories`,
          message: `legal hold '${hold.id}' now also holds ${listIds(more)}`,
          affected: { categories: more },
        }),
      );
    }
    if (compareDurations(hold.duration, old.duration) > 0) {
      changes.push(
        change({
          code: 'legal-hold-widened',
          path: `${path}.duration`,
          message: `legal hold '${hold.id}' lasts longer: ${formatDuration(old.duration)} -> ${formatDuration(hold.duration)}`,
          affected: { categories: hold.categories },
        }),
      );
    }
  });
  return changes;
}
