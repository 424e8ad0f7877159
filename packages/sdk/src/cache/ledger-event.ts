import type { LedgerEvent, LedgerEventJson } from '../client/types.js';

/** A ledger event from the wire, with `occurredAt` back as a `Date` (what `toSubjectEvent` reads). */
export function fromJson(event: LedgerEventJson): LedgerEvent {
  return { ...event, occurredAt: new Date(event.occurredAt) };
}

/**
 * Inserts or replaces `event` by sequence number in a list sorted by it. Returns whether
 * the list changed. Events usually arrive in order, so the common case is an append.
 */
export function upsertBySeq(events: LedgerEvent[], event: LedgerEvent, replace: boolean): boolean {
  const last = events[events.length - 1];
  if (last === undefined || last.seq < event.seq) {
    events.push(event);
    return true;
  }
  let i = events.length - 1;
  while (i >= 0 && events[i]!.seq > event.seq) i -= 1;
  if (i >= 0 && events[i]!.seq === event.seq) {
    if (!replace) return false;
    events[i] = event;
    return true;
  }
  events.splice(i + 1, 0, event);
  return true;
}
