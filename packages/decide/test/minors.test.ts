import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../src/compile.js';
import { shopManifest } from './fixture.js';
import { ask, ev } from './helpers.js';

const accepted = [ev('policy-accepted', 1)];

describe('decide: minors', () => {
  it('a barred rule denies outright, even processing that needs no consent', () => {
    for (const where of ['eu-gdpr', 'us-ca-ccpa', 'cn-pipl'] as const) {
      const decision = ask('security', ['device-id'], [ev('guardian-consent', 1)], { in: where, age: 12 });
      expect(decision.allowed).toBe(false);
      expect(decision.reasons).toContain('deny.minor-barred');
    }
  });

  it("the manifest's guardian-consent rule covers every consent-based purpose where it applies", () => {
    expect(ask('account', ['email'], accepted, { in: 'cn-pipl', age: 16 }).reasons).toEqual([
      'deny.guardian-consent-required',
    ]);
    const guardian = [...accepted, ev('guardian-consent', 2)];
    expect(ask('account', ['email'], guardian, { in: 'cn-pipl', age: 16 })).toMatchObject({
      allowed: true,
      legalBasis: 'contract',
      reasons: ['ok.contract', 'ok.guardian-consent'],
    });
    // The rule is scoped to PIPL subjects; purposes without consent are not gated.
    expect(ask('account', ['email'], accepted, { in: 'eu-gdpr', age: 16 }).allowed).toBe(true);
    expect(ask('security', ['device-id'], [], { in: 'cn-pipl', age: 16 }).allowed).toBe(true);
    expect(ask('account', ['email'], accepted, { in: 'cn-pipl', age: 18 }).allowed).toBe(true);
  });

  it("the law's digital age of consent covers purposes that rest on consent", () => {
    const consent = [ev('consent-given', 1, { purposes: ['newsletter'] })];
    expect(ask('newsletter', ['email'], consent, { in: 'eu-gdpr', age: 15 }).reasons).toEqual([
      'deny.guardian-consent-required',
    ]);
    expect(ask('newsletter', ['email'], consent, { in: 'eu-gdpr', age: 16 }).allowed).toBe(true);
    expect(ask('newsletter', ['email'], consent, { in: 'us-ca-ccpa', age: 15 }).allowed).toBe(true);
  });

  it("for an EEA subject, the national age of digital consent replaces GDPR's 16 (Art. 8(1))", () => {
    const consent = [ev('consent-given', 1, { purposes: ['newsletter'] })];
    const at = (region: string | undefined, age: number) =>
      ask('newsletter', ['email'], consent, { in: 'eu-gdpr', age, ...(region ? { region } : {}) });
    // France: 15 (Loi 78-17 art. 45); Belgium: 13; Germany set none, so 16.
    expect(at('FR', 15).allowed).toBe(true);
    expect(at('FR', 14).reasons).toEqual(['deny.guardian-consent-required']);
    expect(at('BE', 13).allowed).toBe(true);
    expect(at('DE', 15).reasons).toEqual(['deny.guardian-consent-required']);
    // Country unknown or outside the EEA: GDPR's own 16.
    expect(at(undefined, 15).reasons).toEqual(['deny.guardian-consent-required']);
    expect(at('US', 15).reasons).toEqual(['deny.guardian-consent-required']);
  });

  it("a national age never goes below the policy's own guardian-consent rule", () => {
    const policy = compilePolicy(
      shopManifest((input) => {
        input.minors?.rules?.push({ below: 15, rule: 'guardian-consent', jurisdictions: ['eu-gdpr'] });
      }),
    );
    const consent = [ev('consent-given', 1, { purposes: ['newsletter'] })];
    const belgian = (age: number) =>
      ask('newsletter', ['email'], consent, { in: 'eu-gdpr', age, region: 'BE' }, policy);
    // Belgium's age is 13, the policy's 15: the stricter holds.
    expect(belgian(14).reasons).toEqual(['deny.guardian-consent-required']);
    expect(belgian(15).allowed).toBe(true);
  });

  it('a withdrawal also ends a guardian consent', () => {
    const events = [ev('guardian-consent', 1), ev('consent-withdrawn', 2, { purposes: ['newsletter'] })];
    expect(ask('newsletter', ['email'], events, { in: 'eu-gdpr', age: 14 }).reasons).toEqual([
      'deny.guardian-consent-required',
    ]);
  });

  it('under the CCPA sale opt-in age, sale needs an opt-in instead of an opt-out', () => {
    expect(ask('ads', ['device-id'], [], { in: 'us-ca-ccpa', age: 30 }).allowed).toBe(true);
    expect(ask('ads', ['device-id'], [], { in: 'us-ca-ccpa', age: 15 }).reasons).toEqual(['deny.no-consent']);
    const optIn = [ev('consent-given', 1, { purposes: ['ads'] })];
    expect(ask('ads', ['device-id'], optIn, { in: 'us-ca-ccpa', age: 15 }).allowed).toBe(true);
  });

  it('a guardian-guidance band allows, with an obligation to point the minor to a guardian', () => {
    const decision = ask('account', ['email'], accepted, { in: 'us-ca-ccpa', age: 15 });
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toContainEqual({ kind: 'guardian-guidance' });
    expect(ask('account', ['email'], accepted, { in: 'us-ca-ccpa', age: 17 }).obligations).toEqual([]);
  });

  it('an unknown age is not treated as a minor', () => {
    expect(ask('account', ['email'], accepted, { in: 'cn-pipl' }).allowed).toBe(true);
  });
});
