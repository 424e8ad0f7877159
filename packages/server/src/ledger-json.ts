import type { LedgerEvent } from '@pledge/store';

/** A ledger event as JSON (`LedgerEventJson`): `occurredAt` as an ISO string. */
export type LedgerEventJson = Omit<LedgerEvent, 'occurredAt'> & { occurredAt: string };

/** Converts a stored event for the wire. */
export function toLedgerEventJson(event: LedgerEvent): LedgerEventJson {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}
