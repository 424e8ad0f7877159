import type { Store } from '@pledge/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import { backendKinds, freshStore } from '../../store/test/backends.js';
import { createEngine, type Engine } from '../src/index.js';

const ALICE = 'canary-alice@example.test';
const BOB = 'bob-0042';

describe.each(backendKinds)('engine on %s', (kind) => {
  let store: Store;
  let engine: Engine;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    engine = await createEngine({
      store,
      manifest: shopManifest(),
      subjectKey: 'engine-test-key-0123456789',
    });
  });
  afterEach(async () => {
    await cleanup();
  });

  const newsletter = {
    purpose: 'newsletter',
    categories: ['email'],
    facts: { jurisdiction: 'eu-gdpr' as const },
  };

  it("a subject's country selects the national age of digital consent (GDPR Art. 8(1))", async () => {
    await engine.record(ALICE, [
      {
        type: 'consent-given',
        purposes: ['newsletter'],
        consentMode: 'opt-in',
        method: 'banner',
        source: 'web',
        actor: 'subject',
      },
    ]);
    const at = (region: string | undefined) =>
      engine.decide({
        subject: ALICE,
        ...newsletter,
        facts: { jurisdiction: 'eu-gdpr', age: 15, ...(region ? { region } : {}) },
      });
    // France set 15 (Loi 78-17 art. 45); Germany kept GDPR's 16, as does an unknown country.
    expect((await at('FR')).allowed).toBe(true);
    expect((await at('DE')).reasons).toContain('deny.guardian-consent-required');
    expect((await at(undefined)).reasons).toContain('deny.guardian-consent-required');
  });

  it('opt-in purposes follow consent and withdrawal recorded in the ledger', async () => {
    expect(await engine.decide({ subject: ALICE, ...newsletter })).toMatchObject({ allowed: false });
    await engine.record(ALICE, [
      {
        type: 'consent-given',
        purposes: ['newsletter'],
        consentMode: 'opt-in',
        method: 'banner',
        source: 'web',
        actor: 'subject',
      },
    ]);
    const allowed = await engine.decide({ subject: ALICE, ...newsletter });
    expect(allowed.allowed).toBe(true);
    expect(allowed.legalBasis).toBe('consent');
    // Another subject's consent does not leak.
    expect((await engine.decide({ subject: BOB, ...newsletter })).allowed).toBe(false);
    await engine.record(ALICE, [
      {
        type: 'consent-withdrawn',
        purposes: ['newsletter'],
        method: 'privacy-center',
        source: 'web',
        actor: 'subject',
      },
    ]);
    const after = await engine.decide({ subject: ALICE, ...newsletter });
    expect(after.allowed).toBe(false);
    expect(after.reasons).toContain('deny.consent-withdrawn');
  });

  it('objections and restrictions recorded in the ledger deny processing', async () => {
    const analytics = {
      subject: ALICE,
      purpose: 'analytics',
      categories: ['browsing'],
      facts: { jurisdiction: 'us-ca-ccpa' as const },
    };
    expect((await engine.decide(analytics)).allowed).toBe(true);
    await engine.record(ALICE, [
      { type: 'objection', purposes: ['analytics'], method: 'email', source: 'officer', actor: 'officer' },
    ]);
    expect((await engine.decide(analytics)).reasons).toContain('deny.objection');
    await engine.record(BOB, [{ type: 'restriction', method: 'dsr', source: 'officer', actor: 'officer' }]);
    const restricted = await engine.decide({ ...analytics, subject: BOB });
    expect(restricted).toMatchObject({ allowed: false });
    expect(restricted.reasons).toContain('deny.restricted');
  });

  it('a Global Privacy Control signal recorded once opts the subject out of sale in California', async () => {
    const ads = {
      subject: BOB,
      purpose: 'ads',
      categories: ['browsing'],
      facts: { jurisdiction: 'us-ca-ccpa' as const },
    };
    expect((await engine.decide(ads)).allowed).toBe(true);
    await engine.record(BOB, [
      { type: 'signal-seen', signal: 'gpc', method: 'header', source: 'web', actor: 'subject' },
    ]);
    const decision = await engine.decide(ads);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toContain('deny.gpc');
  });

  it('a policy change that reopens consent marks older consents as needing renewal until renewed', async () => {
    await engine.record(ALICE, [
      {
        type: 'consent-given',
        purposes: ['newsletter'],
        consentMode: 'opt-in',
        method: 'banner',
        source: 'web',
        actor: 'subject',
      },
    ]);
    expect((await engine.decide({ subject: ALICE, ...newsletter })).allowed).toBe(true);
    const v3 = shopManifest((m) => {
      m.policy.version = '3.0';
      const purpose = m.purposes.find((p) => p.id === 'newsletter')!;
      purpose.categories = [...purpose.categories, 'browsing'];
    });
    const published = await engine.publish(v3);
    if (!published.ok) throw new Error(published.message);
    expect(published.created).toBe(true);
    expect(published.policy.renewalPurposes).toContain('newsletter');
    const stale = await engine.decide({ subject: ALICE, ...newsletter });
    expect(stale.allowed).toBe(false);
    expect(stale.reasons).toContain('deny.consent-needs-renewal');
    await engine.record(ALICE, [
      {
        type: 'consent-given',
        purposes: ['newsletter'],
        consentMode: 'opt-in',
        method: 'banner',
        source: 'web',
        actor: 'subject',
      },
    ]);
    expect((await engine.decide({ subject: ALICE, ...newsletter })).allowed).toBe(true);
    // Publishing the same manifest again is a no-op.
    expect(await engine.publish(v3)).toMatchObject({ ok: true, created: false });
  });

  it('use of the service is recorded once per version as acceptance where the policy says so', async () => {
    const accepting = shopManifest((m) => {
      m.policy.version = '2.1';
      m.policy.useMeansAcceptance = 'any-use';
    });
    await engine.publish(accepting);
    expect(await engine.recordUse(BOB)).toBe(true);
    expect(await engine.recordUse(BOB)).toBe(false);
    const events = await engine.events(BOB);
    expect(events.filter((e) => e.type === 'policy-accepted')).toHaveLength(1);
    expect(events[0]!.policyHash).toBe(engine.policy.version.hash);
    const verification = await engine.verify();
    expect(verification.ok).toBe(true);
  });

  it('the change feed returns events after a sequence number, with hashed subjects only', async () => {
    await engine.record(ALICE, [
      { type: 'consent-given', purposes: ['newsletter'], method: 'banner', source: 'web', actor: 'subject' },
    ]);
    await engine.record(BOB, [{ type: 'opt-out', method: 'form', source: 'web', actor: 'subject' }]);
    const all = await engine.changesSince(0);
    expect(all.map((e) => e.seq)).toEqual([1, 2]);
    expect((await engine.changesSince(1)).map((e) => e.subjectHash)).toEqual([engine.subjectHash(BOB)]);
    expect(JSON.stringify(all)).not.toContain(ALICE);
  });
});
