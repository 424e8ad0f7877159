import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { familyChanges } from './families.js';

const base = toManifest(baseInput());

describe('diffManifests: recipients and categories', () => {
  it('a new processor of a consent purpose needs re-consent from that purpose subjects', () => {
    const after = edited((m) => {
      m.recipients!.push({
        id: 'mailer2',
        name: 'Second mailer',
        kind: 'processor',
        categories: ['email'],
        purposes: ['newsletter'],
      });
    });
    expect(familyChanges(base, after)).toEqual([
      {
        code: 'recipient-added',
        path: 'recipients[2]',
        message: "recipient 'mailer2' (processor) added",
        material: true,
        needsConsent: true,
        consentFrom: 'subjects-of-purpose',
        affected: { recipients: ['mailer2'], categories: ['email'], purposes: ['newsletter'] },
      },
    ]);
  });

  it('a new processor of a contract purpose needs notice only', () => {
    const after = edited((m) => {
      m.policy.jurisdictions = ['eu-gdpr'];
    });
    const more = edited((m) => {
      m.policy.jurisdictions = ['eu-gdpr'];
      m.recipients!.push({
        id: 'cdn',
        name: 'CDN',
        kind: 'processor',
        categories: ['name'],
        purposes: ['service'],
      });
    });
    expect(familyChanges(after, more)).toMatchObject([{ code: 'recipient-added', needsConsent: false }]);
  });

  it('a new third party under PIPL needs separate consent from the subjects of its categories', () => {
    const after = edited((m) => {
      m.recipients!.push({
        id: 'partner',
        name: 'Partner',
        kind: 'third-party',
        categories: ['orders'],
        purposes: ['service'],
      });
    });
    expect(familyChanges(base, after)[0]).toMatchObject({
      needsConsent: true,
      consentFrom: 'subjects-of-category',
      affected: { categories: ['orders'], jurisdictions: ['cn-pipl'] },
    });
  });

  it('a recipient with no purposes serves the purposes using its categories', () => {
    const after = edited((m) => {
      m.policy.jurisdictions = ['eu-gdpr'];
    });
    const more = edited((m) => {
      m.policy.jurisdictions = ['eu-gdpr'];
      m.recipients!.push({ id: 'crm', name: 'CRM', kind: 'processor', categories: ['email'] });
    });
    expect(familyChanges(after, more)[0]).toMatchObject({
      consentFrom: 'subjects-of-purpose',
      affected: { purposes: ['newsletter'] },
    });
  });

  it('more categories, purposes or another country for an existing recipient', () => {
    const after = edited((m) => {
      const mailer = m.recipients![0]!;
      mailer.categories!.push('name');
      mailer.purposes!.push('service');
      mailer.country = 'US';
    });
    const changes = familyChanges(base, after);
    expect(changes.map((c) => [c.code, c.path, c.consentFrom])).toEqual([
      ['recipient-categories-widened', 'recipients[0].categories', 'subjects-of-purpose'],
      ['recipient-purposes-widened', 'recipients[0].purposes', 'none'],
      ['recipient-country-changed', 'recipients[0].country', 'none'],
    ]);
    expect(changes[0]?.affected.categories).toEqual(['name']);
  });

  it('a new sensitive category needs consent from its subjects; a plain one does not', () => {
    const after = edited((m) => {
      m.categories.push(
        {
          id: 'health',
          taxonomy: 'user.health_and_medical',
          name: 'Health',
          source: 'voluntary',
          sensitive: true,
        },
        { id: 'phone', taxonomy: 'user.contact.phone_number', name: 'Phone', source: 'voluntary' },
      );
    });
    expect(familyChanges(base, after)).toMatchObject([
      {
        code: 'category-added',
        path: 'categories[5]',
        needsConsent: true,
        consentFrom: 'subjects-of-category',
      },
      { code: 'category-added', path: 'categories[6]', needsConsent: false, material: true },
    ]);
  });
});
