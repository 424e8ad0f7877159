import { formatPath, type Manifest } from '@pledge/core';
import type { ConsentEventBody } from '@pledge/protocol';
import type { EngineRefusal } from './event-time.js';

/** Codes of {@link unknownIdRefusal}. */
export type UnknownIdCode = 'event.unknown-purpose' | 'event.unknown-category';

/**
 * The first purpose or category id of `events` the manifest in force does not declare, as a
 * refusal naming its path (`events[0].purposes[1]`); undefined when every id is declared. The
 * ledger then only ever holds consent to purposes and categories the policy described.
 */
export function unknownIdRefusal(
  manifest: Manifest,
  events: readonly Pick<ConsentEventBody, 'purposes' | 'categories'>[],
): EngineRefusal<UnknownIdCode> | undefined {
  const purposes = new Set(manifest.purposes.map((p) => p.id));
  const categories = new Set(manifest.categories.map((c) => c.id));
  for (const [i, event] of events.entries()) {
    for (const [j, id] of (event.purposes ?? []).entries()) {
      if (purposes.has(id)) continue;
      return {
        ok: false,
        code: 'event.unknown-purpose',
        path: formatPath(['events', i, 'purposes', j]),
        message: 'no purpose with this id in the policy in force',
      };
    }
    for (const [j, id] of (event.categories ?? []).entries()) {
      if (categories.has(id)) continue;
      return {
        ok: false,
        code: 'event.unknown-category',
        path: formatPath(['events', i, 'categories', j]),
        message: 'no data category with this id in the policy in force',
      };
    }
  }
  return undefined;
}
