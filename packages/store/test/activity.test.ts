import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, consentActivity, type LedgerEventInput, type Store } from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const KEY = 'test-subject-key-0123456789';

function event(type: LedgerEventInput['type'], purposes: string[], occurredAt: string): LedgerEventInput {
  return {
    type,
    subject: `subject-${occurredAt}-${type}`,
    purposes,
    method: 'banner',
    source: 'web',
    policyVersion: '1',
    policyHash: 'sha256:policy',
    actor: 'subject',
    occurredAt,
  };
}

describe.each(backendKinds)('consent activity on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
  });
  afterEach(async () => cleanup());

  it('counts consents given and withdrawn per purpose and UTC day inside the range', async () => {
    await appendEvents(store.db, KEY, [
      event('consent-given', ['marketing', 'analytics'], '2026-03-01T23:30:00Z'),
      event('guardian-consent', ['marketing'], '2026-03-01T08:00:00Z'),
      event('consent-withdrawn', ['marketing'], '2026-03-02T00:10:00Z'),
      event('signal-seen', ['marketing'], '2026-03-02T00:20:00Z'),
      event('consent-given', ['marketing'], '2026-02-28T23:59:59Z'),
      event('consent-given', ['marketing'], '2026-03-03T00:00:00Z'),
    ]);
    const rows = await consentActivity(store.db, {
      since: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-03T00:00:00Z'),
    });
    expect(rows).toEqual([
      { day: '2026-03-01', purpose: 'analytics', given: 1, withdrawn: 0 },
      { day: '2026-03-01', purpose: 'marketing', given: 2, withdrawn: 0 },
      { day: '2026-03-02', purpose: 'marketing', given: 0, withdrawn: 1 },
    ]);
  });
});
