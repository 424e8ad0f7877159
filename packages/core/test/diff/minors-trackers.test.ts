import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { familyChanges } from './families.js';

const base = toManifest(baseInput());

describe('diffManifests: minors', () => {
  it('a lower guardian-consent age in one jurisdiction', () => {
    const after = edited((m) => {
      m.minors!.rules![1]!.below = 13;
    });
    expect(familyChanges(base, after)).toEqual([
      {
        code: 'minors-threshold-lowered',
        path: 'minors.rules',
        message: "minors covered by 'guardian-consent' lowered (eu-gdpr: under 16 -> under 14)",
        material: true,
        needsConsent: false,
        consentFrom: 'none',
        affected: { jurisdictions: ['eu-gdpr'] },
      },
    ]);
  });

  it('replacing a bar by guardian consent lowers the bar, not guardian consent', () => {
    const after = edited((m) => {
      m.minors!.rules![0]!.rule = 'guardian-consent';
    });
    const changes = familyChanges(base, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.message).toBe(
      "minors covered by 'barred' lowered (eu-gdpr: under 14 -> nobody; cn-pipl: under 14 -> nobody)",
    );
  });

  it('a higher threshold is not reported; weaker age verification is', () => {
    const higher = edited((m) => {
      m.minors!.rules![0]!.below = 16;
    });
    expect(familyChanges(base, higher)).toEqual([]);
    const weaker = edited((m) => {
      m.minors!.ageVerification = 'none';
    });
    expect(familyChanges(base, weaker)).toMatchObject([{ code: 'age-verification-weakened' }]);
  });
});

describe('diffManifests: trackers and commitments', () => {
  it('a non-essential tracker needs consent from the subjects of its purposes', () => {
    const after = edited((m) => {
      m.trackers!.push({
        id: 'stats-pixel',
        name: 'Statistics pixel',
        kind: 'pixel',
        party: 'third',
        recipient: 'cloud',
        purposes: ['analytics'],
        categories: ['usage'],
      });
      m.trackers!.push({
        id: 'csrf',
        name: 'CSRF',
        kind: 'cookie',
        party: 'first',
        purposes: ['service'],
        essential: true,
      });
    });
    expect(familyChanges(base, after)).toMatchObject([
      {
        code: 'tracker-added',
        path: 'trackers[1]',
        material: true,
        consentFrom: 'subjects-of-purpose',
        affected: { purposes: ['analytics'], categories: ['usage'], recipients: ['cloud'] },
      },
      { code: 'tracker-added', path: 'trackers[2]', material: false, needsConsent: false },
    ]);
  });

  it('signals, security and breach promises withdrawn', () => {
    const after = edited((m) => {
      m.signals = { doNotTrack: false, globalPrivacyControl: true };
      m.security!.encryptionAtRest = false;
      m.security!.accessReviewEvery = { amount: 1, unit: 'years' };
      m.security!.measures = [];
      m.breach!.contents = ['nature'];
      m.breach!.notifySubjects = false;
    });
    expect(familyChanges(base, after).map((c) => [c.code, c.path])).toEqual([
      ['signal-dropped', 'signals.doNotTrack'],
      ['security-weakened', 'security.encryptionAtRest'],
      ['security-weakened', 'security.accessReviewEvery'],
      ['security-weakened', 'security.measures'],
      ['breach-notice-weakened', 'breach.notifySubjects'],
      ['breach-notice-weakened', 'breach.contents'],
    ]);
    const gone = edited((m) => {
      delete m.breach;
      delete m.security;
    });
    expect(familyChanges(base, gone).map((c) => c.path)).toEqual(['security', 'breach']);
  });
});
