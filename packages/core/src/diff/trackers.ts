import { byId, change } from './change.js';
import type { Change, DiffPair } from './types.js';

/**
 * New trackers. A tracker that is not strictly necessary may only be set with consent, so
 * subjects who accepted its purposes must be asked again; a strictly necessary one is not material.
 */
export function diffTrackers({ before, after }: DiffPair): Change[] {
  const old = byId(before.trackers);
  const changes: Change[] = [];
  after.trackers.forEach((tracker, index) => {
    if (old.has(tracker.id)) return;
    changes.push(
      change({
        code: 'tracker-added',
        path: `trackers[${index}]`,
        message: `${tracker.party}-party ${tracker.kind} '${tracker.id}'${tracker.essential ? ' (strictly necessary)' : ''} added`,
        material: !tracker.essential,
        consentFrom: tracker.essential ? 'none' : 'subjects-of-purpose',
        affected: {
          purposes: [...tracker.purposes],
          ...(tracker.categories.length > 0 ? { categories: [...tracker.categories] } : {}),
          ...(tracker.recipient ? { recipients: [tracker.recipient] } : {}),
        },
      }),
    );
  });
  return changes;
}
