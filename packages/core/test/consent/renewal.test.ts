import { edited } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { diffManifests, purposesNeedingRenewal, type RenewalVersion, renewalCheck } from '../../src/index.js';

const v = (seq: number, version: string, renewalPurposes: string[], material = false): RenewalVersion => ({
  seq,
  version,
  renewalPurposes,
  material,
});

describe('renewalCheck', () => {
  const check = renewalCheck([v(1, '1.0', []), v(2, '1.1', ['marketing']), v(3, '2.0', [], true)]);

  it('reopens a purpose only for consents given before the version that named it', () => {
    expect(check('1.0', 'marketing')).toBe(true);
    expect(check('1.1', 'marketing')).toBe(false);
    expect(check('1.0', 'analytics')).toBe(false);
  });

  it('reopens acceptance of the whole policy after a later material change', () => {
    expect(check('1.1', undefined)).toBe(true);
    expect(check('2.0', undefined)).toBe(false);
  });

  it('treats a version it has never seen as needing no renewal', () => {
    expect(check('0.9', 'marketing')).toBe(false);
  });
});

describe('purposesNeedingRenewal', () => {
  it('names the consent-based purposes a change needing fresh consent affects, and nothing else', () => {
    const before = edited(() => {});
    const after = edited((m) => {
      const purpose = m.purposes?.find((p) => Object.values(p.consent ?? {}).includes('opt-in'));
      purpose?.categories?.push('location');
    });
    const changes = diffManifests(before, after);
    const reopened = purposesNeedingRenewal(after, changes);
    expect(reopened.length).toBeGreaterThan(0);
    expect(purposesNeedingRenewal(after, [])).toEqual([]);
    for (const id of reopened) expect(after.purposes.map((p) => p.id)).toContain(id);
  });
});
