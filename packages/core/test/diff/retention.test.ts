import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { compareDurations } from '../../src/diff/duration.js';
import { familyChanges } from './families.js';

const base = toManifest(baseInput());

describe('compareDurations', () => {
  it('compares equal units exactly and different units by nominal length', () => {
    expect(compareDurations({ amount: 2, unit: 'days' }, { amount: 3, unit: 'days' })).toBe(-1);
    expect(compareDurations({ amount: 1, unit: 'months' }, { amount: 30, unit: 'days' })).toBe(1);
    expect(compareDurations({ amount: 12, unit: 'months' }, { amount: 1, unit: 'years' })).toBe(0);
    expect(compareDurations({ amount: 15, unit: 'working-days' }, { amount: 15, unit: 'days' })).toBe(1);
  });

  it('treats a missing duration as no limit, longer than any', () => {
    expect(compareDurations(undefined, { amount: 100, unit: 'years' })).toBe(1);
    expect(compareDurations({ amount: 1, unit: 'hours' }, undefined)).toBe(-1);
    expect(compareDurations(undefined, undefined)).toBe(0);
  });
});

describe('diffManifests: retention', () => {
  it('longer retention of data a consent purpose uses needs re-consent from its subjects', () => {
    const after = edited((m) => {
      m.retention!.rules![0]!.duration = { amount: 2, unit: 'months' };
    });
    expect(familyChanges(base, after)).toEqual([
      {
        code: 'retention-longer',
        path: 'retention.rules[0]',
        message: "'email', 'name' kept longer: 30 days -> 2 months after 'account-closed'",
        material: true,
        needsConsent: true,
        consentFrom: 'subjects-of-purpose',
        affected: { purposes: ['newsletter'], categories: ['email', 'name'] },
      },
    ]);
  });

  it('longer retention of contract data is material without consent', () => {
    const after = edited((m) => {
      m.retention!.rules![1]!.duration = { amount: 11, unit: 'years' };
    });
    expect(familyChanges(base, after)).toMatchObject([
      { code: 'retention-longer', needsConsent: false, affected: { categories: ['orders'] } },
    ]);
  });

  it('dropping a duration or a rule is longer; adding a limit or shortening is not', () => {
    const dropped = edited((m) => {
      delete m.retention!.rules![1]!.duration;
    });
    expect(familyChanges(base, dropped)[0]?.message).toContain('10 years -> no limit');
    const ruleGone = edited((m) => {
      m.retention!.rules!.splice(1, 1);
    });
    expect(familyChanges(base, ruleGone)[0]?.message).toBe("'orders' no longer covered by a retention rule");
    const shorter = edited((m) => {
      m.retention!.rules![1]!.duration = { amount: 5, unit: 'years' };
    });
    expect(familyChanges(base, shorter)).toEqual([]);
    expect(familyChanges(dropped, base)).toEqual([]);
  });

  it('a different anchor is reported, since it cannot be shown shorter', () => {
    const after = edited((m) => {
      m.retention!.rules![2]!.anchor = 'last-activity';
    });
    expect(familyChanges(base, after)).toMatchObject([
      { code: 'retention-anchor-changed', path: 'retention.rules[2]', consentFrom: 'subjects-of-purpose' },
    ]);
  });
});
