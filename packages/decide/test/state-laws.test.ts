import type { JurisdictionKey } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../src/compile.js';
import { gpcStatus } from '../src/signal-status.js';
import { subjectStateFromEvents } from '../src/subject-events.js';
import { shopManifest } from './fixture.js';
import { ask, ev } from './helpers.js';

const gpc = ev('signal-seen', 1, { signal: 'gpc' });
const STATES: JurisdictionKey[] = ['us-co-cpa', 'us-tx-tdpsa', 'us-or-ocpa', 'us-va-vcdpa', 'us-md-modpa'];

/** The shop, also addressing US states, selling under an opt-out there; the policy itself does not promise GPC. */
const usShop = shopManifest((m) => {
  m.policy.jurisdictions.push(...STATES, 'in-dpdp');
  const ads = m.purposes?.find((p) => p.id === 'ads');
  if (!ads) throw new Error('fixture has no ads purpose');
  const overrides = Object.fromEntries(STATES.map((key) => [key, 'opt-out']));
  ads.consent = { default: 'opt-in', 'us-ca-ccpa': 'opt-out', ...overrides };
  ads.legalBasis = {
    default: 'consent',
    'us-ca-ccpa': 'business-purpose',
    ...Object.fromEntries(STATES.map((key) => [key, 'business-purpose'])),
  };
});

describe('decide: US state universal opt-out signals', () => {
  it('Colorado: GPC opts a subject out of sale and targeted advertising from 2024-07-01, not before', () => {
    const before = compilePolicy(usShop, { on: '2024-06-30' });
    const from = compilePolicy(usShop, { on: '2024-07-01' });
    expect(ask('ads', ['device-id'], [gpc], { in: 'us-co-cpa' }, before).allowed).toBe(true);
    expect(ask('ads', ['device-id'], [gpc], { in: 'us-co-cpa' }, from).reasons).toEqual(['deny.gpc']);
    // Without the signal the opt-out purpose runs.
    expect(ask('ads', ['device-id'], [], { in: 'us-co-cpa' }, from).allowed).toBe(true);
  });

  it('each state from its own date: Texas 2025-01-01, Oregon 2026-01-01; Virginia has no signal duty', () => {
    const mid2025 = compilePolicy(usShop, { on: '2025-06-01' });
    expect(ask('ads', ['device-id'], [gpc], { in: 'us-tx-tdpsa' }, mid2025).reasons).toEqual(['deny.gpc']);
    expect(ask('ads', ['device-id'], [gpc], { in: 'us-or-ocpa' }, mid2025).allowed).toBe(true);
    const in2026 = compilePolicy(usShop, { on: '2026-01-01' });
    expect(ask('ads', ['device-id'], [gpc], { in: 'us-or-ocpa' }, in2026).reasons).toEqual(['deny.gpc']);
    expect(ask('ads', ['device-id'], [gpc], { in: 'us-va-vcdpa' }, in2026).allowed).toBe(true);
  });

  it('Maryland bars sale and targeted advertising under 18, whatever the consent', () => {
    const policy = compilePolicy(usShop, { on: '2026-01-01' });
    const consent = [ev('consent-given', 1, { purposes: ['ads'] })];
    expect(ask('ads', ['device-id'], consent, { in: 'us-md-modpa', age: 17 }, policy).reasons).toContain(
      'deny.minor-barred',
    );
    expect(ask('ads', ['device-id'], consent, { in: 'us-md-modpa', age: 18 }, policy).allowed).toBe(true);
  });
});

describe('decide: India DPDP', () => {
  const policy = compilePolicy(usShop, { on: '2026-01-01' });
  const consent = [ev('consent-given', 1, { purposes: ['newsletter'] })];

  it('under 18 a consent-based purpose needs the verifiable consent of a parent', () => {
    expect(ask('newsletter', ['email'], consent, { in: 'in-dpdp', age: 17 }, policy).reasons).toEqual([
      'deny.guardian-consent-required',
    ]);
    const guardian = [...consent, ev('guardian-consent', 2)];
    expect(ask('newsletter', ['email'], guardian, { in: 'in-dpdp', age: 17 }, policy).allowed).toBe(true);
    expect(ask('newsletter', ['email'], consent, { in: 'in-dpdp', age: 18 }, policy).allowed).toBe(true);
  });

  it('targeted advertising directed at children is barred, even with a parent consenting', () => {
    const guardian = [ev('consent-given', 1, { purposes: ['ads'] }), ev('guardian-consent', 2)];
    expect(ask('ads', ['device-id'], guardian, { in: 'in-dpdp', age: 17 }, policy).reasons).toContain(
      'deny.minor-barred',
    );
  });
});

describe('gpcStatus: what a page shows about the signal', () => {
  const state = (policy: ReturnType<typeof compilePolicy>, events = [gpc]) =>
    subjectStateFromEvents(policy, events);

  it('California: from 2026-01-01 the page must show that the signal was honoured', () => {
    const before = compilePolicy(usShop, { on: '2025-12-31' });
    const from = compilePolicy(usShop, { on: '2026-01-01' });
    expect(gpcStatus(before, state(before), 'us-ca-ccpa')).toMatchObject({
      honoured: true,
      mustDisplay: false,
    });
    expect(gpcStatus(from, state(from), 'us-ca-ccpa')).toEqual({
      received: true,
      honoured: true,
      mustDisplay: true,
      jurisdiction: 'us-ca-ccpa',
    });
  });

  it('no signal, nothing to show; Colorado honours it without a display duty; Virginia does not honour it', () => {
    const policy = compilePolicy(usShop, { on: '2026-01-01' });
    expect(gpcStatus(policy, state(policy, []), 'us-ca-ccpa')).toMatchObject({
      received: false,
      honoured: false,
      mustDisplay: false,
    });
    expect(gpcStatus(policy, state(policy), 'us-co-cpa')).toMatchObject({
      honoured: true,
      mustDisplay: false,
    });
    expect(gpcStatus(policy, state(policy), 'us-va-vcdpa')).toMatchObject({
      received: true,
      honoured: false,
    });
  });
});
