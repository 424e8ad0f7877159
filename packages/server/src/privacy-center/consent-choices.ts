import { type Manifest, PRIOR_CONSENT, valueFor } from '@pledge/core';
import { type ConsentChoice, consentPurposes } from '@pledge/render';
import type { LedgerEvent } from '@pledge/store';

/** The visitor's consent per consent-based purpose: the latest give or withdraw event naming it. */
export function consentChoices(manifest: Manifest, events: readonly LedgerEvent[]): ConsentChoice[] {
  return consentPurposes(manifest).map((purpose) => {
    let latest: LedgerEvent | undefined;
    for (const event of events) {
      if (event.type !== 'consent-given' && event.type !== 'consent-withdrawn') continue;
      if (!event.purposes.includes(purpose.id)) continue;
      if (latest === undefined || event.seq > latest.seq) latest = event;
    }
    if (latest === undefined) {
      // Runs without a prior yes under at least one of the policy's laws (opt-out, implied on use).
      const runsByDefault = manifest.policy.jurisdictions.some(
        (j) => !PRIOR_CONSENT.has(valueFor(purpose.consent, j)),
      );
      return { purpose: purpose.id, state: 'none', runsByDefault };
    }
    return {
      purpose: purpose.id,
      state: latest.type === 'consent-given' ? 'given' : 'withdrawn',
      since: latest.occurredAt,
    };
  });
}
