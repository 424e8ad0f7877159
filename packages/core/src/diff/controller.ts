import { change } from './change.js';
import type { Change, DiffPair } from './types.js';

/** Who the controller is: a change here names someone else as responsible for the data. */
const IDENTITY = ['name', 'country', 'address'] as const;

/**
 * The controller's identity changed: its legal name, country or address (GDPR Art. 13(1)(a),
 * PIPL Art. 17(1)). Material: subjects must be told who is now responsible for their data; no
 * consent needed. Other controller details (contacts, aliases, officer, representatives) are
 * reported field by field as details.
 */
export function diffController({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  for (const field of IDENTITY) {
    if (JSON.stringify(before.controller[field]) === JSON.stringify(after.controller[field])) continue;
    changes.push(
      change({
        code: 'controller-changed',
        path: `controller.${field}`,
        message: `the controller's ${field} changed`,
      }),
    );
  }
  return changes;
}
