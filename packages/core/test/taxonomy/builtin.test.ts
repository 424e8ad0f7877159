import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../src/manifest/schema/common.js';
import { builtinTaxonomy, createTaxonomy } from '../../src/taxonomy/index.js';

const taxonomy = createTaxonomy();
const DPV_IRI = /^https:\/\/w3id\.org\/dpv(\/pd|\/legal\/[a-z/-]+)?#[A-Za-z0-9-]+$/;

describe('built-in taxonomy data', () => {
  it('has no duplicate keys within a kind', () => {
    const keys = builtinTaxonomy.map((entry) => `${entry.kind}:${entry.key}`);
    const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(duplicates).toEqual([]);
  });

  it('shares keys across kinds only where a kind-less lookup gives the same answer', () => {
    const keys = builtinTaxonomy.map((entry) => entry.key);
    const shared = [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
    // The LegalBasis enum fixes `employment`, which is also a fideslang purpose root.
    expect(shared).toEqual(['employment']);
    for (const key of shared) {
      expect(taxonomy.ancestors(key, 'purpose')).toEqual(taxonomy.ancestors(key, 'legal-basis'));
    }
  });

  it('gives every entry a parent that exists in the same kind', () => {
    const orphans = builtinTaxonomy
      .filter((entry) => entry.parent !== undefined && !taxonomy.has(entry.kind, entry.parent))
      .map((entry) => entry.key);
    expect(orphans).toEqual([]);
  });

  it('derives each dotted parent from the key, as fideslang does', () => {
    for (const entry of builtinTaxonomy.filter((e) => e.parent !== undefined)) {
      expect(entry.key.startsWith(`${entry.parent}.`)).toBe(true);
    }
  });

  it('gives every entry a DPV IRI, a fideslang key, and English and Chinese names', () => {
    for (const entry of builtinTaxonomy) {
      expect(entry.dpv, entry.key).toMatch(DPV_IRI);
      if (entry.dpvLegal !== undefined) expect(entry.dpvLegal, entry.key).toMatch(DPV_IRI);
      expect(entry.fideslang.length, entry.key).toBeGreaterThan(0);
      expect(typeof entry.name, entry.key).toBe('object');
      const name = entry.name as { en?: string; 'zh-CN'?: string };
      expect(name.en?.trim().length, entry.key).toBeGreaterThan(0);
      expect(name['zh-CN'], entry.key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('maps personal-data categories to the DPV pd extension or a DPV personal-data class', () => {
    for (const entry of builtinTaxonomy.filter((e) => e.kind === 'category' && e.key.startsWith('user.'))) {
      expect(entry.dpv, entry.key).toMatch(/^https:\/\/w3id\.org\/dpv(\/pd#|#(Sensitive)?PersonalData$)/);
    }
  });

  it('points every deprecated key at an existing replacement of the same kind', () => {
    const deprecated = builtinTaxonomy.filter((entry) => entry.replacedBy !== undefined);
    expect(deprecated.length).toBeGreaterThan(10);
    for (const entry of deprecated)
      expect(taxonomy.has(entry.kind, entry.replacedBy ?? ''), entry.key).toBe(true);
  });

  it('has exactly the LegalBasis enum values as legal-basis entries', () => {
    const keys = builtinTaxonomy.filter((e) => e.kind === 'legal-basis').map((e) => e.key);
    expect([...keys].sort()).toEqual([...LegalBasis.options].sort());
  });

  it('covers the fideslang keys the manifests and brief rely on', () => {
    const categories = [
      'user.contact.email',
      'user.contact.phone_number',
      'user.contact.address',
      'user.name',
      'user.account.username',
      'user.authorization.credentials',
      'user.authorization.password',
      'user.device.device_id',
      'user.device.ip_address',
      'user.device.cookie_id',
      'user.location.precise',
      'user.location.imprecise',
      'user.financial.bank_account',
      'user.biometric.fingerprint',
      'user.health_and_medical',
      'user.behavior.browsing_history',
      'user.content.public',
      'user.demographic.date_of_birth',
      'user.government_id',
      'user.workplace',
      'user.criminal_history',
      'user.childrens',
      'system.operations',
    ];
    const purposes = [
      'essential.service',
      'essential.service.security',
      'essential.fraud_detection',
      'analytics.reporting',
      'functional.service.improve',
      'marketing.advertising.third_party.targeted',
      'marketing.communications.email',
      'personalize',
      'third_party_sharing',
      'collect',
      'train_ai_system',
      'employment.recruitment',
    ];
    const subjects = ['customer', 'prospect', 'visitor', 'employee', 'job_applicant', 'child'];
    for (const key of categories) expect(taxonomy.has('category', key), key).toBe(true);
    for (const key of purposes) expect(taxonomy.has('purpose', key), key).toBe(true);
    for (const key of subjects) expect(taxonomy.has('subject', key), key).toBe(true);
  });
});

describe('sensitivity', () => {
  it('marks GDPR Art. 9/10, PIPL Art. 28 and CCPA sensitive data as sensitive', () => {
    const sensitive = [
      'user.biometrics.fingerprint',
      'user.biometric.voice',
      'user.health.genetic',
      'user.health_and_medical.record_id',
      'user.demographic.religious_belief',
      'user.demographic.political_opinion',
      'user.demographic.sexual_orientation',
      'user.demographic.race_ethnicity',
      'user.demographic.union_membership',
      'user.location.precise',
      'user.financial.bank_account',
      'user.payment',
      'user.childrens',
      'user.children.under_fourteen',
      'user.government_id.national_identification_number',
      'user.criminal_history',
      'user.authorization.credentials',
      'user.authorization.password',
    ];
    for (const key of sensitive) expect(taxonomy.isSensitive(key), key).toBe(true);
  });

  it('keeps ordinary personal data and system data non-sensitive', () => {
    for (const key of [
      'user.contact.email',
      'user.device.ip_address',
      'user.location.coarse',
      'user.name.first',
    ]) {
      expect(taxonomy.sensitivity(key), key).toBe('personal');
      expect(taxonomy.isSensitive(key), key).toBe(false);
    }
    expect(taxonomy.sensitivity('system.authentication')).toBe('none');
  });

  it('inherits sensitivity from the nearest ancestor that sets it', () => {
    const leaf = taxonomy.get('category', 'user.health.medications');
    expect(leaf?.sensitivity).toBeUndefined();
    expect(taxonomy.sensitivity('user.health.medications')).toBe('sensitive');
    // A child may override: a vehicle registration is not a specific identity.
    expect(taxonomy.sensitivity('user.government_id.vehicle_registration')).toBe('personal');
  });

  it('gives every category an effective sensitivity, and treats unknown keys as not sensitive', () => {
    for (const entry of builtinTaxonomy.filter((e) => e.kind === 'category')) {
      expect(taxonomy.sensitivity(entry.key), entry.key).toBeDefined();
    }
    expect(taxonomy.sensitivity('user.no_such_thing')).toBeUndefined();
    expect(taxonomy.isSensitive('user.no_such_thing')).toBe(false);
  });
});

describe('hierarchy lookups', () => {
  it('lists ancestors nearest first', () => {
    expect(taxonomy.ancestors('user.contact.address.city')).toEqual([
      'user.contact.address',
      'user.contact',
      'user',
    ]);
    expect(taxonomy.ancestors('marketing.advertising.first_party.targeted')).toEqual([
      'marketing.advertising.first_party',
      'marketing.advertising',
      'marketing',
    ]);
    expect(taxonomy.ancestors('user')).toEqual([]);
    expect(taxonomy.ancestors('nope.nothing')).toEqual([]);
  });

  it('answers isUnder inclusively, and false for unknown keys', () => {
    expect(taxonomy.isUnder('user.contact.email', 'user.contact')).toBe(true);
    expect(taxonomy.isUnder('user.contact', 'user.contact')).toBe(true);
    expect(taxonomy.isUnder('user.contact', 'user.contact.email')).toBe(false);
    expect(taxonomy.isUnder('user.contactx', 'user.contact')).toBe(false);
    expect(taxonomy.isUnder('essential.service.security', 'essential', 'purpose')).toBe(true);
    expect(taxonomy.isUnder('essential.service.security', 'essential', 'category')).toBe(false);
  });

  it('lists children of an entry', () => {
    const children = taxonomy.children('category', 'user.name').map((e) => e.key);
    expect(children.sort()).toEqual(['user.name.first', 'user.name.last']);
  });
});
