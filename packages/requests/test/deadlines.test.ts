import { describe, expect, it } from 'vitest';
import {
  computeRequestDeadline,
  type DeadlineRuleSpec,
  deadlineRules,
  ENGINE_DEFAULT_DEADLINE,
  reminderInstants,
} from '../src/index.js';
import { exampleManifest } from './helpers.js';

const DAY = 86_400_000;

function only(rules: DeadlineRuleSpec[]): DeadlineRuleSpec {
  expect(rules).toHaveLength(1);
  return rules[0] as DeadlineRuleSpec;
}

describe('deadline rules', () => {
  it('GDPR: one calendar month from receipt, clamped to the month end, and three once extended', () => {
    const rules = deadlineRules({ right: 'access', jurisdiction: 'eu-gdpr' });
    const receivedAt = new Date('2026-01-31T10:00:00Z');
    const plain = computeRequestDeadline(rules, { receivedAt });
    // No controller zone known: the EEA's earliest midnight (Athens, UTC+2 in winter), never 23:59 UTC.
    expect(plain.due?.toISOString()).toBe('2026-02-28T21:59:59.999Z');
    expect(plain.extensible).toBe(true);
    const extended = computeRequestDeadline(rules, { receivedAt, extended: true });
    expect(extended.due?.toISOString()).toBe('2026-04-30T20:59:59.999Z');
  });

  it('GDPR: the deadline ends at midnight where the controller is (manifest zone, else its country)', () => {
    const base = exampleManifest('camera-app');
    const inGermany = { ...base, controller: { ...base.controller, country: 'DE' } };
    const receivedAt = new Date('2026-01-31T10:00:00Z');
    const berlin = deadlineRules({ right: 'erasure', jurisdiction: 'eu-gdpr', manifest: inGermany });
    expect(berlin.find((r) => r.source === 'jurisdiction')?.timeZone).toBe('Europe/Berlin');
    const law = berlin.filter((r) => r.source === 'jurisdiction');
    expect(computeRequestDeadline(law, { receivedAt }).due?.toISOString()).toBe('2026-02-28T22:59:59.999Z');
    const lisbon = { ...inGermany, controller: { ...inGermany.controller, timeZone: 'Europe/Lisbon' } };
    const fromManifest = deadlineRules({ right: 'erasure', jurisdiction: 'eu-gdpr', manifest: lisbon });
    const lawLisbon = fromManifest.filter((r) => r.source === 'jurisdiction');
    expect(computeRequestDeadline(lawLisbon, { receivedAt }).due?.toISOString()).toBe(
      '2026-02-28T23:59:59.999Z',
    );
  });

  it('CCPA: 45 calendar days from receipt whatever verification takes, 90 once extended', () => {
    const rules = deadlineRules({ right: 'erasure', jurisdiction: 'us-ca-ccpa' });
    const receivedAt = new Date('2026-03-01T20:00:00Z'); // 1 March, 12:00 in Los Angeles
    const plain = computeRequestDeadline(rules, { receivedAt, verifiedAt: new Date('2026-03-20T00:00:00Z') });
    // 11 CCR §7021(b): the 45 days begin on the day of receipt, so 1 March is day 1.
    expect(rules[0]?.countsStartDay).toBe(true);
    expect(plain.due?.toISOString()).toBe('2026-04-15T06:59:59.999Z'); // end of 14 April, PDT
    const extended = computeRequestDeadline(rules, { receivedAt, extended: true });
    expect(extended.due?.toISOString()).toBe('2026-05-30T06:59:59.999Z'); // end of 29 May, day 90
  });

  it('P1-43: the camera app answers within 15 days of the later of receipt and verification', () => {
    const manifest = exampleManifest('camera-app');
    const rules = deadlineRules({ right: 'access', jurisdiction: 'cn-pipl', manifest });
    // PIPL's own 15 working days is an engine default: the policy's number replaces it.
    expect(rules.every((rule) => rule.source === 'manifest')).toBe(true);
    const receivedAt = new Date('2026-06-01T02:00:00Z');
    expect(computeRequestDeadline(rules, { receivedAt }).due).toBeNull();
    const verifiedAt = new Date('2026-06-03T02:00:00Z'); // 3 June, 10:00 in Beijing
    const deadline = computeRequestDeadline(rules, { receivedAt, verifiedAt });
    expect(deadline.due?.toISOString()).toBe('2026-06-18T15:59:59.999Z'); // end of 18 June, Beijing
    expect(deadline.extensible).toBe(false);
    const rule = rules.find((r) => r.ref === deadline.ref) as DeadlineRuleSpec;
    const [soon, overdue] = reminderInstants(rule, verifiedAt, deadline.due as Date);
    expect(soon?.at.toISOString()).toBe('2026-06-14T16:00:00.000Z'); // start of day 12: 15 June, Beijing
    expect(overdue?.at.toISOString()).toBe('2026-06-18T16:00:00.000Z');
  });

  it('P1-43: for an EEA user of the camera app, the policy (15 days) is stricter than GDPR (one month)', () => {
    const manifest = exampleManifest('camera-app');
    const rules = deadlineRules({ right: 'access', jurisdiction: 'eu-gdpr', manifest });
    expect(rules.map((rule) => rule.source)).toContain('jurisdiction');
    const receivedAt = new Date('2026-06-01T08:00:00Z');
    const deadline = computeRequestDeadline(rules, { receivedAt, verifiedAt: receivedAt });
    expect(deadline.ref).toMatch(/^manifest:rights\[\d+\]\.deadline$/);
    // The controller is in China, outside the EEA: the EEA's earliest midnight (Athens, UTC+3 in summer).
    expect(deadline.due?.toISOString()).toBe('2026-06-16T20:59:59.999Z');
  });

  it('P2-17: 15 working days on the official Chinese calendar, counting the adjusted working weekend, flagged at working day 12', () => {
    const manifest = exampleManifest('spacemit-site');
    const rule = only(deadlineRules({ right: 'erasure', manifest }));
    expect(rule).toMatchObject({
      amount: 15,
      unit: 'working-days',
      jurisdiction: 'cn-pipl',
      clockStart: 'receipt',
    });
    // Friday 26 September 2025 in Beijing; Sunday 28 September and Saturday 11 October are make-up
    // working days, 1-8 October are the National Day holiday.
    const receivedAt = new Date('2025-09-26T02:00:00Z');
    const deadline = computeRequestDeadline([rule], { receivedAt });
    expect(deadline.due?.toISOString()).toBe('2025-10-23T15:59:59.999Z');
    expect(deadline.fallback).toBe(false);
    const [soon] = reminderInstants(rule, receivedAt, deadline.due as Date);
    // Working day 11 is Friday 17 October: the flag is up from the end of it, before working day 12 (20 October).
    expect(soon?.at.toISOString()).toBe('2025-10-17T16:00:00.000Z');
  });

  it('P2-22: the SpacemiT site may take longer for stated reasons: one more period of 15 working days', () => {
    const manifest = exampleManifest('spacemit-site');
    const rule = only(deadlineRules({ right: 'access', manifest }));
    expect(rule.extension).toEqual({ amount: 15, unit: 'working-days', engineDefault: true });
    const deadline = computeRequestDeadline([rule], {
      receivedAt: new Date('2025-09-26T02:00:00Z'),
      extended: true,
    });
    expect(deadline.due?.toISOString()).toBe('2025-11-13T15:59:59.999Z');
  });

  it('UK GDPR stops the clock while waiting for clarification; EU GDPR does not', () => {
    const receivedAt = new Date('2026-05-01T09:00:00Z');
    const pausedMs = 10 * DAY;
    const uk = computeRequestDeadline(deadlineRules({ right: 'access', jurisdiction: 'uk-gdpr' }), {
      receivedAt,
      verifiedAt: receivedAt,
      pausedMs,
    });
    expect(uk.due?.toISOString()).toBe('2026-06-11T22:59:59.999Z'); // 11 June, end of day in London (BST)
    const eu = computeRequestDeadline(deadlineRules({ right: 'access', jurisdiction: 'eu-gdpr' }), {
      receivedAt,
      pausedMs,
    });
    expect(eu.due?.toISOString()).toBe('2026-06-01T20:59:59.999Z');
  });

  it('P0-44: a request that names no law still gets a deadline (the engine default with no policy)', () => {
    expect(deadlineRules({ right: 'objection' })).toEqual([ENGINE_DEFAULT_DEADLINE]);
    const deadline = computeRequestDeadline([ENGINE_DEFAULT_DEADLINE], {
      receivedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(deadline.due?.toISOString()).toBe('2026-01-31T23:59:59.999Z');
  });

  it('LGPD: 15 calendar days and no extension for access (Art. 19 II)', () => {
    const rules = deadlineRules({ right: 'access', jurisdiction: 'br-lgpd' });
    expect(rules[0]).toMatchObject({ source: 'jurisdiction', amount: 15, unit: 'days' });
    const deadline = computeRequestDeadline(rules, { receivedAt: new Date('2026-02-10T15:00:00Z') });
    expect(deadline.extensible).toBe(false);
    expect(deadline.due?.toISOString()).toBe('2026-02-26T02:59:59.999Z'); // end of 25 February in São Paulo
  });

  it("LGPD: other rights have no statutory count (Art. 18 §4), so the policy's own deadline replaces the engine default", () => {
    const manifest = exampleManifest('camera-app');
    const rules = deadlineRules({ right: 'erasure', jurisdiction: 'br-lgpd', manifest });
    expect(rules.every((rule) => rule.source === 'manifest')).toBe(true);
    expect(only(deadlineRules({ right: 'erasure', jurisdiction: 'br-lgpd' }))).toMatchObject({
      source: 'jurisdiction',
      amount: 15,
    });
  });
});
