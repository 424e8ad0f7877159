import type { Manifest } from '@pledge/core';
import { listPolicies, type Store } from '@pledge/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import { backendKinds, freshStore } from '../../store/test/backends.js';
import { createEngine, type Engine, eventTimeRefusal, FUTURE_SKEW_MS } from '../src/index.js';

const KEY = 'engine-test-key-0123456789';
const ALICE = 'alice-7';
const BOB = 'bob-8';
const given = {
  type: 'consent-given' as const,
  purposes: ['newsletter'],
  consentMode: 'opt-in' as const,
  method: 'banner' as const,
  source: 'web' as const,
  actor: 'subject' as const,
};

describe('the allowed window of an event time', () => {
  const now = Date.UTC(2026, 5, 1);
  it.each([
    ['1970-01-01T00:00:00Z', true],
    ['1969-12-31T23:59:59Z', false],
    [new Date(now + FUTURE_SKEW_MS).toISOString(), true],
    [new Date(now + FUTURE_SKEW_MS + 1000).toISOString(), false],
  ])('%s is allowed: %s', (occurredAt, allowed) => {
    const refusal = eventTimeRefusal([{}, { occurredAt }], now);
    expect(refusal === undefined).toBe(allowed);
    if (!allowed) {
      expect(refusal).toEqual({
        ok: false,
        code: 'event.time-out-of-window',
        path: 'events[1].occurredAt',
        message: 'must be between 1970-01-01 and five minutes from now',
      });
    }
  });
});

describe.each(backendKinds)('rules the engine owns, on %s', (kind) => {
  let store: Store;
  let engine: Engine;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    engine = await createEngine({ store, manifest: shopManifest(), subjectKey: KEY });
  });
  afterEach(async () => {
    await cleanup();
  });

  it('record refuses an event dated in the future or before 1970, and appends nothing', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const refused = await engine.record(ALICE, [given, { ...given, occurredAt: future }]);
    expect(refused).toMatchObject({
      ok: false,
      code: 'event.time-out-of-window',
      path: 'events[1].occurredAt',
    });
    expect(await engine.record(BOB, [{ ...given, occurredAt: '1960-01-01T00:00:00Z' }])).toMatchObject({
      ok: false,
    });
    expect(await engine.changesSince(0)).toEqual([]);
    const recorded = await engine.record(ALICE, [{ ...given, occurredAt: '2020-01-01T00:00:00Z' }]);
    expect(recorded).toMatchObject({ ok: true, events: [{ seq: 1 }] });
  });

  it('publishPolicy refuses a manifest the compiler cannot use, before storing anything', async () => {
    const broken = { ...shopManifest(), purposes: null } as unknown as Manifest;
    expect(await engine.publishPolicy(broken)).toEqual({
      ok: false,
      code: 'manifest.uncompilable',
      path: '(root)',
      message: 'the decision compiler refused this manifest',
    });
    expect(await listPolicies(store.db)).toHaveLength(1);
    expect(engine.policy.manifest.purposes).not.toBeNull();
  });

  it('publishPolicy publishes a new version, and an older manifest again does not bring it back', async () => {
    const v1 = engine.policy.version;
    const v2 = shopManifest((m) => {
      m.policy.version = '7.0';
    });
    const published = await engine.publishPolicy(v2);
    expect(published).toMatchObject({ ok: true, created: true, version: { version: '7.0' } });
    expect(engine.policy.version.version).toBe('7.0');
    const again = await engine.publishPolicy(shopManifest());
    expect(again).toMatchObject({ ok: true, created: false, version: { hash: v1.hash } });
    expect(engine.policy.version.version).toBe('7.0');
  });

  it('syncPolicy follows a version another engine on the same store published', async () => {
    const other = await createEngine({ store, manifest: shopManifest(), subjectKey: KEY });
    expect(await engine.syncPolicy()).toBe(false);
    const v2 = shopManifest((m) => {
      m.policy.version = '7.0';
    });
    expect(await other.publishPolicy(v2)).toMatchObject({ ok: true, created: true });
    expect(engine.policy.version.version).not.toBe('7.0');
    const [first, second] = await Promise.all([engine.syncPolicy(), engine.syncPolicy()]);
    expect(first).toBe(true);
    expect(second).toBe(true);
    expect(engine.policy.version.version).toBe('7.0');
    expect(engine.versions).toHaveLength(2);
  });

  it("startPolicySync picks up another engine's version on its own, and stops", async () => {
    const other = await createEngine({ store, manifest: shopManifest(), subjectKey: KEY });
    const sync = engine.startPolicySync(10);
    try {
      const v3 = shopManifest((m) => {
        m.policy.version = '3.0';
      });
      await other.publishPolicy(v3);
      await expect.poll(() => engine.policy.version.version, { timeout: 10_000 }).toBe('3.0');
    } finally {
      await sync.stop();
    }
  });

  it('decideBatch answers each request as decide does, reading each subject once', async () => {
    await engine.record(ALICE, [given]);
    const requests = [
      {
        subject: ALICE,
        purpose: 'newsletter',
        categories: ['email'],
        facts: { jurisdiction: 'eu-gdpr' as const },
      },
      {
        subject: BOB,
        purpose: 'newsletter',
        categories: ['email'],
        facts: { jurisdiction: 'eu-gdpr' as const },
      },
      { purpose: 'newsletter', categories: ['email'] },
      {
        subject: ALICE,
        purpose: 'newsletter',
        categories: ['email'],
        facts: { jurisdiction: 'eu-gdpr' as const },
      },
    ];
    const batch = await engine.decideBatch(requests);
    expect(batch).toHaveLength(4);
    expect(batch[0]?.allowed).toBe(true);
    expect(batch[1]?.allowed).toBe(false);
    for (const [i, request] of requests.entries()) expect(batch[i]).toEqual(await engine.decide(request));
  });
});
