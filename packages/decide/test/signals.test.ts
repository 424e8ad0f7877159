import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../src/compile.js';
import { shopManifest } from './fixture.js';
import { ask, ev } from './helpers.js';

const gpc = ev('signal-seen', 1, { signal: 'gpc' });
const dnt = ev('signal-seen', 1, { signal: 'dnt' });

describe('decide: opt-out, GPC and DNT', () => {
  it('opt-out mode: allowed until the subject opts out', () => {
    expect(ask('ads', ['device-id'], [], { in: 'us-ca-ccpa' })).toMatchObject({
      allowed: true,
      legalBasis: 'business-purpose',
      reasons: ['ok.business-purpose'],
    });
    expect(ask('ads', ['device-id'], [ev('opt-out', 2)], { in: 'us-ca-ccpa' }).reasons).toEqual([
      'deny.opted-out',
    ]);
    const withdrawn = [ev('consent-withdrawn', 2, { purposes: ['analytics'] })];
    expect(ask('analytics', ['device-id'], withdrawn, { in: 'us-ca-ccpa' }).reasons).toEqual([
      'deny.opted-out',
    ]);
  });

  it('an opt-out without purposes covers sale/share purposes only', () => {
    expect(ask('analytics', ['device-id'], [ev('opt-out', 2)], { in: 'us-ca-ccpa' }).allowed).toBe(true);
    expect(ask('security', ['device-id'], [ev('opt-out', 2)], { in: 'us-ca-ccpa' }).allowed).toBe(true);
  });

  it('a later consent reverses an opt-out', () => {
    const events = [ev('opt-out', 1), ev('consent-given', 2, { purposes: ['ads'] })];
    expect(ask('ads', ['device-id'], events, { in: 'us-ca-ccpa' }).allowed).toBe(true);
  });

  it('GPC is an opt-out of sale/share where the law says so', () => {
    expect(ask('ads', ['device-id'], [gpc], { in: 'us-ca-ccpa' }).reasons).toEqual(['deny.gpc']);
    // No GPC duty under the GDPR and the manifest does not promise it: only the missing consent counts.
    expect(ask('ads', ['device-id'], [gpc], { in: 'eu-gdpr' }).reasons).toEqual(['deny.no-consent']);
    // Not a sale/share purpose.
    expect(ask('account', ['email'], [gpc, ev('policy-accepted', 2)], { in: 'us-ca-ccpa' }).allowed).toBe(
      true,
    );
  });

  it('GPC applies everywhere when the manifest promises to honour it', () => {
    const honours = compilePolicy(
      shopManifest((m) => {
        m.signals = { doNotTrack: false, globalPrivacyControl: true };
      }),
    );
    const decision = ask('ads', ['device-id'], [gpc], { in: 'eu-gdpr' }, honours);
    expect(decision.reasons).toEqual(['deny.no-consent', 'deny.gpc']);
  });

  it('an explicit consent for the purpose outranks the signal; switching the signal off restores', () => {
    const consent = ev('consent-given', 2, { purposes: ['ads'] });
    expect(ask('ads', ['device-id'], [gpc, consent], { in: 'us-ca-ccpa' }).allowed).toBe(true);
    const off = ev('signal-seen', 3, { signal: 'gpc', value: false });
    expect(ask('ads', ['device-id'], [gpc, off], { in: 'us-ca-ccpa' }).allowed).toBe(true);
  });

  it('DNT denies tracking and advertising purposes when the policy honours it', () => {
    expect(ask('analytics', ['device-id'], [], { in: 'us-ca-ccpa' }).allowed).toBe(true);
    expect(ask('analytics', ['device-id'], [dnt], { in: 'us-ca-ccpa' }).reasons).toEqual(['deny.dnt']);
    expect(ask('ads', ['device-id'], [dnt], { in: 'us-ca-ccpa' }).reasons).toEqual(['deny.dnt']);
    expect(ask('account', ['email'], [dnt, ev('policy-accepted', 2)], { in: 'us-ca-ccpa' }).allowed).toBe(
      true,
    );
    const ignores = compilePolicy(
      shopManifest((m) => {
        m.signals = { doNotTrack: false, globalPrivacyControl: false };
      }),
    );
    expect(ask('analytics', ['device-id'], [dnt], { in: 'us-ca-ccpa' }, ignores).allowed).toBe(true);
  });
});
