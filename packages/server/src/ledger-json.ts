import type { LedgerEventJson } from '@pledge/protocol';
import type { LedgerEvent } from '@pledge/store';

/** Converts a stored event for the wire. */
export function toLedgerEventJson(event: LedgerEvent): LedgerEventJson {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}
