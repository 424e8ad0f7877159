import type { Store } from '@pledge/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import { backendKinds, freshStore } from '../../store/test/backends.js';
import { createEngine, type DecideBody, type Engine } from '../src/index.js';

// The decision rules not covered by engine.test.ts, each driven by events stored in the real
// ledger (and read back from it), on PGlite and on PostgreSQL.

describe.each(backendKinds)('decision rules through the ledger on %s', (kind) => {
  let store: Store;
  let engine: Engine;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    engine = await createEngine({ store, manifest: shopManifest(), subjectKey: 'rules-test-key-0123456789' });
  });
  afterEach(async () => {
    await cleanup();
  });

  const event = { method: 'api' as const, source: 'api' as const, actor: 'subject' as const };
  const reasons = async (body: DecideBody) => {
    const decision = await engine.decide(body);
    return { allowed: decision.allowed, reasons: decision.reasons };
  };

  it('guardian consent for minors, and minors barred below the policy age', async () => {
    const kid = {
      subject: 'kid-15',
      purpose: 'kids-club',
      categories: ['email'],
      facts: { jurisdiction: 'cn-pipl' as const, age: 15 },
    };
    expect(await reasons(kid)).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.guardian-consent-required']),
    });
    await engine.record('kid-15', [
      { ...event, type: 'guardian-consent', purposes: ['kids-club'], actor: 'guardian' },
    ]);
    expect((await reasons(kid)).allowed).toBe(true);
    const young = { ...kid, subject: 'kid-10', facts: { jurisdiction: 'cn-pipl' as const, age: 10 } };
    await engine.record('kid-10', [
      { ...event, type: 'guardian-consent', purposes: ['kids-club'], actor: 'guardian' },
    ]);
    expect(await reasons(young)).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.minor-barred']),
    });
  });

  it('separate consent where PIPL requires it: an ordinary opt-in is not enough', async () => {
    const tips = {
      subject: 'li',
      purpose: 'health-tips',
      categories: ['health'],
      facts: { jurisdiction: 'cn-pipl' as const },
    };
    await engine.record('li', [
      { ...event, type: 'consent-given', purposes: ['health-tips'], consentMode: 'opt-in' },
    ]);
    expect(await reasons(tips)).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.separate-consent-required']),
    });
    await engine.record('li', [
      { ...event, type: 'consent-given', purposes: ['health-tips'], consentMode: 'separate' },
    ]);
    expect((await reasons(tips)).allowed).toBe(true);
  });

  it('Do Not Track, honoured by this policy, stops third-party analytics once the signal is recorded', async () => {
    const analytics = {
      subject: 'dana',
      purpose: 'analytics',
      categories: ['browsing'],
      facts: { jurisdiction: 'us-ca-ccpa' as const },
    };
    expect((await reasons(analytics)).allowed).toBe(true);
    await engine.record('dana', [{ ...event, type: 'signal-seen', signal: 'dnt' }]);
    expect(await reasons(analytics)).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.dnt']),
    });
  });

  it('an opt-out of sale recorded in the ledger denies the sale purpose', async () => {
    const ads = {
      subject: 'omar',
      purpose: 'ads',
      categories: ['browsing'],
      facts: { jurisdiction: 'us-ca-ccpa' as const },
    };
    expect((await reasons(ads)).allowed).toBe(true);
    await engine.record('omar', [{ ...event, type: 'opt-out' }]);
    expect(await reasons(ads)).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.opted-out']),
    });
  });

  it('a recipient without the contract the manifest requires gets nothing, even with consent', async () => {
    await engine.record('eve', [
      { ...event, type: 'consent-given', purposes: ['ads'], consentMode: 'opt-in' },
    ]);
    const disclosure = {
      subject: 'eve',
      purpose: 'ads',
      categories: ['browsing'],
      recipient: 'adnet',
      facts: { jurisdiction: 'eu-gdpr' as const },
    };
    expect(await reasons(disclosure)).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.recipient-contract-missing']),
    });
    const withoutRecipient = { ...disclosure, recipient: undefined };
    expect((await reasons(withoutRecipient)).allowed).toBe(true);
  });

  it('data localised in China does not leave it without a declared transfer', async () => {
    await engine.record('wang', [{ ...event, type: 'policy-accepted' }]);
    const base = { subject: 'wang', purpose: 'account', facts: { jurisdiction: 'cn-pipl' as const } };
    // E-mail (not sensitive, so no separate consent is involved) may be used in China...
    expect((await reasons({ ...base, categories: ['email'] })).allowed).toBe(true);
    // ...but not sent to the US: no declared transfer covers it out of the localised region.
    expect(await reasons({ ...base, categories: ['email'], destinationCountry: 'US' })).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.transfer-localised']),
    });
  });

  it('a purpose may not use a category it does not declare, whatever the consents', async () => {
    await engine.record('ann', [
      { ...event, type: 'consent-given', purposes: ['newsletter'], consentMode: 'opt-in' },
    ]);
    const newsletter = { subject: 'ann', purpose: 'newsletter', facts: { jurisdiction: 'eu-gdpr' as const } };
    expect((await reasons({ ...newsletter, categories: ['email'] })).allowed).toBe(true);
    expect(await reasons({ ...newsletter, categories: ['email', 'location'] })).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining(['deny.category-not-declared']),
    });
  });
});
