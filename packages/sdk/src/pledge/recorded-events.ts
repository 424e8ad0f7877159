import type { ConsentEventInput, LedgerEvent, RecordConsentResponse } from '../client/types.js';
import type { PolicyRuntime } from './policy-runtime.js';

/**
 * The ledger events the server has just stored for a `POST /v1/consents`, rebuilt from what
 * was sent and what came back (sequence numbers, ids, hashes) with the server's defaults,
 * so the cache reflects a write at once. The change feed later brings the stored events,
 * which replace these by sequence number (the server's clock stamps `occurredAt` when the
 * caller left it out; the local clock stands in until then).
 */
export function recordedEvents(
  hash: string,
  pseudonym: string,
  sent: readonly ConsentEventInput[],
  response: RecordConsentResponse,
  runtime: PolicyRuntime,
  now: Date,
): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  response.events.forEach((stored, i) => {
    const event = sent[i];
    if (event === undefined) return;
    out.push({
      seq: stored.seq,
      id: stored.id,
      subjectHash: hash,
      pseudonym,
      type: event.type,
      purposes: event.purposes ?? [],
      categories: event.categories ?? [],
      consentMode: event.consentMode,
      method: event.method ?? 'api',
      source: event.source ?? 'api',
      jurisdiction: event.jurisdiction,
      policyVersion: runtime.version,
      policyHash: runtime.hash,
      noticeHash: event.noticeHash,
      actor: event.actor ?? 'subject',
      signal: event.signal,
      occurredAt: event.occurredAt ? new Date(event.occurredAt) : now,
      prevHash: '',
      hash: stored.hash,
    });
  });
  return out;
}
