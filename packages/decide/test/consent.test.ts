import { describe, expect, it } from 'vitest';
import { ask, ev } from './helpers.js';

describe('decide: consent modes', () => {
  it('mode none: the legal basis suffices, with no consent on record', () => {
    for (const where of ['eu-gdpr', 'us-ca-ccpa', 'cn-pipl'] as const) {
      const decision = ask('security', ['device-id', 'browsing'], [], { in: where });
      expect(decision).toEqual({
        allowed: true,
        legalBasis: 'legitimate-interests',
        reasons: ['ok.legitimate-interests'],
        obligations: [],
      });
    }
  });

  it('mode implied: acceptance of the policy, implied acceptance or any consent counts', () => {
    expect(ask('account', ['email', 'name'], [], { in: 'eu-gdpr' }).reasons).toEqual(['deny.no-consent']);
    for (const event of [
      ev('policy-accepted', 1),
      ev('implied-acceptance', 1, { purposes: ['account'] }),
      ev('consent-given', 1, { purposes: ['account'] }),
    ]) {
      const decision = ask('account', ['email', 'name'], [event], { in: 'eu-gdpr' });
      expect(decision.allowed).toBe(true);
      expect(decision.legalBasis).toBe('contract');
      expect(decision.reasons).toEqual(['ok.contract']);
    }
  });

  it('mode opt-in: only an explicit consent counts', () => {
    const deny = ask('newsletter', ['email'], [ev('policy-accepted', 1), ev('implied-acceptance', 2)]);
    expect(deny.allowed).toBe(false);
    expect(deny.reasons).toEqual(['deny.no-consent']);
    const allow = ask('newsletter', ['email'], [ev('consent-given', 3, { purposes: ['newsletter'] })]);
    expect(allow).toMatchObject({ allowed: true, legalBasis: 'consent', reasons: ['ok.consent'] });
  });

  it('mode separate: an opt-in consent is not enough where the purpose needs a separate one', () => {
    const optIn = [ev('consent-given', 1, { purposes: ['health-tips'] })];
    const separate = [ev('consent-given', 1, { purposes: ['health-tips'], mode: 'separate' })];
    expect(ask('health-tips', ['email'], optIn, { in: 'cn-pipl' }).reasons).toEqual([
      'deny.separate-consent-required',
    ]);
    expect(ask('health-tips', ['email'], separate, { in: 'cn-pipl' }).allowed).toBe(true);
    expect(ask('health-tips', ['email'], optIn, { in: 'eu-gdpr' }).allowed).toBe(true);
  });

  it('a sensitive category needs separate consent where the law requires it (PIPL), whatever the mode', () => {
    const accepted = [ev('policy-accepted', 1)];
    expect(ask('account', ['email', 'location'], accepted, { in: 'cn-pipl' }).reasons).toEqual([
      'deny.separate-consent-required',
    ]);
    const separate = [...accepted, ev('consent-given', 2, { purposes: ['account'], mode: 'separate' })];
    expect(ask('account', ['email', 'location'], separate, { in: 'cn-pipl' }).allowed).toBe(true);
    // Precise location is not a GDPR special category, so acceptance is enough there.
    expect(ask('account', ['email', 'location'], accepted, { in: 'eu-gdpr' }).allowed).toBe(true);
  });

  it("a category the manifest marks sensitive needs the law's consent for sensitive data", () => {
    const accepted = [ev('policy-accepted', 1)];
    expect(ask('account', ['order-notes'], accepted, { in: 'eu-gdpr' }).reasons).toEqual(['deny.no-consent']);
    const explicit = [...accepted, ev('consent-given', 2, { purposes: ['account'] })];
    expect(ask('account', ['order-notes'], explicit, { in: 'eu-gdpr' }).allowed).toBe(true);
    // CCPA only lets the consumer limit sensitive data: no consent to collect.
    expect(ask('account', ['order-notes'], accepted, { in: 'us-ca-ccpa' }).allowed).toBe(true);
    // Purposes that do not rest on consent are not upgraded.
    expect(ask('security', ['device-id'], [], { in: 'cn-pipl' }).allowed).toBe(true);
  });

  it('mode guardian: an adult gives an explicit consent of their own', () => {
    expect(ask('kids-club', ['name'], [], { in: 'eu-gdpr', age: 30 }).reasons).toEqual(['deny.no-consent']);
    const given = [ev('consent-given', 1, { purposes: ['kids-club'] })];
    expect(ask('kids-club', ['name'], given, { in: 'eu-gdpr', age: 30 }).allowed).toBe(true);
  });

  it('mode guardian: below the digital age of consent a guardian must consent', () => {
    const given = [ev('consent-given', 1, { purposes: ['kids-club'] })];
    expect(ask('kids-club', ['name'], given, { in: 'eu-gdpr', age: 15 }).reasons).toEqual([
      'deny.guardian-consent-required',
    ]);
    const guardian = [ev('guardian-consent', 1, { purposes: ['kids-club'] })];
    expect(ask('kids-club', ['name'], guardian, { in: 'eu-gdpr', age: 15 })).toMatchObject({
      allowed: true,
      reasons: ['ok.consent', 'ok.guardian-consent'],
    });
  });
});

describe('decide: withdrawal and renewal', () => {
  it('a later withdrawal beats an earlier consent, and a later consent beats an earlier withdrawal', () => {
    const consent = ev('consent-given', 1, { purposes: ['newsletter'] });
    const withdrawal = ev('consent-withdrawn', 2, { purposes: ['newsletter'] });
    expect(ask('newsletter', ['email'], [consent, withdrawal]).reasons).toEqual(['deny.consent-withdrawn']);
    const again = ev('consent-given', 3, { purposes: ['newsletter'] });
    expect(ask('newsletter', ['email'], [consent, withdrawal, again]).allowed).toBe(true);
  });

  it('neither implied acceptance nor acceptance of the policy undoes a withdrawal', () => {
    const events = [
      ev('consent-withdrawn', 1, { purposes: ['account'] }),
      ev('implied-acceptance', 2),
      ev('policy-accepted', 3),
    ];
    expect(ask('account', ['email'], events, { in: 'eu-gdpr' }).reasons).toEqual(['deny.consent-withdrawn']);
  });

  it('a consent for an older version marked as needing renewal does not count', () => {
    const old = [ev('consent-given', 1, { purposes: ['newsletter'], policyVersion: '1.0' })];
    const needsRenewal = (version: string) => version === '1.0';
    expect(ask('newsletter', ['email'], old, { needsRenewal }).reasons).toEqual([
      'deny.consent-needs-renewal',
    ]);
    expect(ask('newsletter', ['email'], old).allowed).toBe(true);
    const current = [ev('consent-given', 1, { purposes: ['newsletter'], policyVersion: '2.0' })];
    expect(ask('newsletter', ['email'], current, { needsRenewal: () => true }).allowed).toBe(true);
  });

  it('renewal can be limited to the purposes a change touched', () => {
    const old = [ev('consent-given', 1, { purposes: ['newsletter', 'health-tips'], policyVersion: '1.0' })];
    const needsRenewal = (_: string, purpose: string | undefined) => purpose === 'health-tips';
    expect(ask('newsletter', ['email'], old, { needsRenewal }).allowed).toBe(true);
    expect(ask('health-tips', ['email'], old, { needsRenewal, in: 'eu-gdpr' }).reasons).toEqual([
      'deny.consent-needs-renewal',
    ]);
  });

  it('acceptance of an older policy that needs renewal does not count as implied consent', () => {
    const events = [ev('policy-accepted', 1, { policyVersion: '1.0' })];
    expect(ask('account', ['email'], events, { in: 'eu-gdpr', needsRenewal: () => true }).reasons).toEqual([
      'deny.consent-needs-renewal',
    ]);
  });
});
