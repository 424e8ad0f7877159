import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import type { diffManifests } from '../../src/diff/index.js';
import { familyChanges } from './families.js';

const base = toManifest(baseInput());
const codes = (changes: ReturnType<typeof diffManifests>) => changes.map((c) => c.code);

describe('diffManifests: purposes', () => {
  it('reports nothing for identical manifests', () => {
    expect(familyChanges(base, toManifest(baseInput()))).toEqual([]);
  });

  it('a new consent-based purpose needs opt-in from everyone', () => {
    const after = edited((m) => {
      m.purposes.push({
        id: 'profiling',
        taxonomy: 'marketing.advertising',
        name: 'Ad profiling',
        categories: ['usage', 'orders'],
        legalBasis: 'consent',
        consent: 'opt-in',
      });
    });
    const [added] = familyChanges(base, after);
    expect(added).toMatchObject({
      code: 'purpose-added',
      path: 'purposes[3]',
      material: true,
      needsConsent: true,
      consentFrom: 'all-subjects',
      affected: { purposes: ['profiling'], categories: ['usage', 'orders'] },
    });
  });

  it('a new contract purpose is material but needs no consent', () => {
    const after = edited((m) => {
      m.purposes.push({
        id: 'delivery',
        taxonomy: 'essential.service',
        name: 'Delivery',
        categories: ['name'],
        legalBasis: 'contract',
        consent: 'none',
      });
    });
    expect(familyChanges(base, after)).toEqual([
      expect.objectContaining({
        code: 'purpose-added',
        material: true,
        needsConsent: false,
        consentFrom: 'none',
      }),
    ]);
  });

  it('a purpose that rests on consent in one jurisdiction only names that jurisdiction', () => {
    const after = edited((m) => {
      m.purposes.push({
        id: 'stats2',
        taxonomy: 'analytics.reporting',
        name: 'More statistics',
        categories: ['usage'],
        legalBasis: { default: 'legitimate-interests', 'cn-pipl': 'consent' },
        consent: { default: 'opt-out', 'cn-pipl': 'opt-in' },
      });
    });
    expect(familyChanges(base, after)[0]?.affected.jurisdictions).toEqual(['cn-pipl']);
  });

  it('removing a purpose is reported as not material', () => {
    const after = edited((m) => {
      m.purposes.splice(1, 1);
      m.recipients![0]!.purposes = [];
    });
    const removed = familyChanges(base, after).find((c) => c.code === 'purpose-removed');
    expect(removed).toMatchObject({ path: 'purposes[1]', material: false, needsConsent: false });
    expect(removed?.affected.purposes).toEqual(['newsletter']);
  });

  it('new categories for a consent purpose need re-consent from its subjects', () => {
    const after = edited((m) => {
      m.purposes[1]!.categories.push('name');
    });
    expect(familyChanges(base, after)).toEqual([
      {
        code: 'purpose-categories-widened',
        path: 'purposes[1].categories',
        message: "purpose 'newsletter' now also uses 'name'",
        material: true,
        needsConsent: true,
        consentFrom: 'subjects-of-purpose',
        affected: { purposes: ['newsletter'], categories: ['name'] },
      },
    ]);
  });

  it('new categories for a contract purpose are material only', () => {
    const after = edited((m) => {
      m.purposes[0]!.categories.push('location');
    });
    expect(familyChanges(base, after)).toMatchObject([
      { code: 'purpose-categories-widened', material: true, needsConsent: false, consentFrom: 'none' },
    ]);
  });

  it('selling, targeted advertising, automated decisions and losing optionality extend a purpose', () => {
    const after = edited((m) => {
      const p = m.purposes[1]!;
      p.sale = true;
      p.targetedAdvertising = true;
      p.automatedDecisions = true;
      p.optional = false;
    });
    const changes = familyChanges(base, after);
    expect(changes.map((c) => c.path)).toEqual([
      'purposes[1].sale',
      'purposes[1].targetedAdvertising',
      'purposes[1].automatedDecisions',
      'purposes[1].optional',
    ]);
    expect(codes(changes)).toEqual(Array(4).fill('purpose-use-extended'));
    expect(changes.slice(0, 3).every((c) => c.consentFrom === 'subjects-of-purpose')).toBe(true);
  });
});

describe('diffManifests: legal basis and consent mode', () => {
  it('moving to consent needs consent from the purpose subjects in that jurisdiction', () => {
    const after = edited((m) => {
      m.purposes[2]!.legalBasis = {
        default: 'legitimate-interests',
        'cn-pipl': 'consent',
        'eu-gdpr': 'consent',
      };
      m.purposes[2]!.consent = { default: 'opt-out', 'cn-pipl': 'opt-in', 'eu-gdpr': 'opt-in' };
    });
    const changes = familyChanges(base, after);
    expect(codes(changes)).toEqual(['legal-basis-changed', 'consent-mode-strengthened']);
    expect(changes[0]).toMatchObject({
      path: 'purposes[2].legalBasis',
      needsConsent: true,
      consentFrom: 'subjects-of-purpose',
      affected: { purposes: ['analytics'], jurisdictions: ['eu-gdpr'] },
    });
    expect(changes[0]?.message).toContain('eu-gdpr: legitimate-interests -> consent');
    expect(changes[1]).toMatchObject({ material: false, needsConsent: true });
  });

  it('moving away from consent is material without consent', () => {
    const after = edited((m) => {
      m.purposes[1]!.legalBasis = 'legitimate-interests';
      m.purposes[1]!.consent = 'opt-out';
    });
    const changes = familyChanges(base, after);
    expect(changes).toMatchObject([
      { code: 'legal-basis-changed', material: true, needsConsent: false },
      { code: 'consent-mode-weakened', path: 'purposes[1].consent', material: true, needsConsent: false },
    ]);
    expect(changes[1]?.message).toContain('opt-in -> opt-out');
  });

  it('a change in the default that every jurisdiction overrides is not a change', () => {
    const after = edited((m) => {
      m.purposes[2]!.legalBasis = {
        default: 'contract',
        'cn-pipl': 'consent',
        'eu-gdpr': 'legitimate-interests',
      };
    });
    expect(familyChanges(base, after)).toEqual([]);
  });

  it('separate consent replacing opt-in asks the existing subjects again', () => {
    const after = edited((m) => {
      m.purposes[1]!.consent = 'separate';
    });
    expect(familyChanges(base, after)).toMatchObject([
      { code: 'consent-mode-strengthened', needsConsent: true, consentFrom: 'subjects-of-purpose' },
    ]);
  });
});
