import { describe, expect, it } from 'vitest';
import { getJurisdiction, jurisdictions } from '../../src/jurisdictions/index.js';
import type { Fact, Jurisdiction } from '../../src/jurisdictions/types.js';
import { DurationUnit, JurisdictionKey, LegalBasis } from '../../src/manifest/schema/common.js';
import { RightKind } from '../../src/manifest/schema/rights.js';
import { createTaxonomy } from '../../src/taxonomy/index.js';

const taxonomy = createTaxonomy();
const all = Object.values(jurisdictions);

function isFact(value: unknown): value is Fact<unknown> {
  return typeof value === 'object' && value !== null && 'value' in value && 'cite' in value;
}

/** Every Fact anywhere in a jurisdiction, with its path. */
function facts(value: unknown, path: string, out: Array<[string, Fact<unknown>]> = []) {
  if (isFact(value)) out.push([path, value]);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) facts(item, `${path}[${i}]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) facts(child, `${path}.${key}`, out);
  }
  return out;
}

describe('jurisdiction data', () => {
  it('ships one entry per JurisdictionKey, keyed by its own key', () => {
    expect(Object.keys(jurisdictions).sort()).toEqual([...JurisdictionKey.options].sort());
    for (const [key, jurisdiction] of Object.entries(jurisdictions)) expect(jurisdiction.key).toBe(key);
  });

  it('looks jurisdictions up by key and returns undefined for unknown keys', () => {
    expect(getJurisdiction('cn-pipl')?.calendar).toBe('cn');
    expect(getJurisdiction('us-zz-none')).toBeUndefined();
    expect(getJurisdiction('toString')).toBeUndefined();
  });

  it.each(all.map((j) => [j.key, j] as const))(
    '%s: every fact cites an article, a URL and a verification level',
    (_key, j) => {
      const found = facts(j, j.key);
      expect(found.length).toBeGreaterThan(15);
      for (const [path, fact] of found) {
        expect(fact.cite.ref.trim().length, path).toBeGreaterThan(3);
        expect(fact.cite.url, path).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
        expect(['verified', 'secondary', 'unverified'], path).toContain(fact.cite.verification);
      }
    },
  );

  it.each(all.map((j) => [j.key, j] as const))(
    '%s: deadlines are positive amounts in known units',
    (_key, j) => {
      const deadlines = [j.requestDeadline, j.acknowledgeDeadline, j.optOutDeadline].filter(
        (d): d is Jurisdiction['requestDeadline'] => d !== undefined,
      );
      for (const { value } of deadlines) {
        expect(Number.isInteger(value.amount) && value.amount > 0).toBe(true);
        expect(DurationUnit.options).toContain(value.unit);
        if (value.extension) {
          expect(value.extension.amount).toBeGreaterThan(0);
          expect(DurationUnit.options).toContain(value.extension.unit);
        }
      }
      for (const { value } of [j.breach.authorityDeadline, j.breach.subjectDeadline]) {
        if (typeof value === 'object') expect(value.amount).toBeGreaterThan(0);
      }
      expect(j.minors.digitalConsentAge.value).toBeGreaterThan(0);
    },
  );

  it.each(all.map((j) => [j.key, j] as const))(
    '%s: sensitive categories are taxonomy keys marked sensitive',
    (_key, j) => {
      expect(j.sensitive.categories.value.length).toBeGreaterThan(0);
      for (const key of j.sensitive.categories.value) {
        expect(taxonomy.has('category', key), key).toBe(true);
        expect(taxonomy.isSensitive(key), key).toBe(true);
      }
    },
  );

  it.each(all.map((j) => [j.key, j] as const))(
    '%s: legal bases and rights are valid enum values',
    (_key, j) => {
      expect(j.legalBases.value.length).toBeGreaterThan(0);
      for (const basis of j.legalBases.value) expect(LegalBasis.options).toContain(basis);
      for (const right of j.rights.value) expect(RightKind.options).toContain(right);
      expect(new Set(j.rights.value).size).toBe(j.rights.value.length);
    },
  );
});

describe('key facts', () => {
  it('GDPR: one month plus two, 72 hours to the authority, age 16 down to 13', () => {
    const gdpr = jurisdictions['eu-gdpr'];
    expect(gdpr.requestDeadline.value).toMatchObject({
      amount: 1,
      unit: 'months',
      extension: { amount: 2, unit: 'months' },
    });
    expect(gdpr.requestDeadline.cite).toMatchObject({ ref: 'GDPR Art. 12(3)', verification: 'verified' });
    expect(gdpr.breach.authorityDeadline.value).toEqual({ amount: 72, unit: 'hours' });
    expect(gdpr.minors.digitalConsentAge.value).toBe(16);
    expect(gdpr.minors.minimumAllowedAge?.value).toBe(13);
    expect(gdpr.minors.byRegion?.FR?.value).toBe(15);
    for (const age of Object.values(gdpr.minors.byRegion ?? {})) expect(age.value).toBeGreaterThanOrEqual(13);
    expect(gdpr.legalBases.value).not.toContain('business-purpose');
  });

  it('UK: as GDPR, consent age 13, stop-the-clock', () => {
    const uk = jurisdictions['uk-gdpr'];
    expect(uk.requestDeadline.value).toMatchObject({
      amount: 1,
      unit: 'months',
      clockStart: 'later-of-receipt-and-verification',
    });
    expect(uk.minors.digitalConsentAge.value).toBe(13);
  });

  it('CCPA: 45 + 45 calendar days, GPC honoured, opt-in to sale under 16', () => {
    const ccpa = jurisdictions['us-ca-ccpa'];
    expect(ccpa.requestDeadline.value).toMatchObject({
      amount: 45,
      unit: 'days',
      extension: { amount: 45, unit: 'days' },
    });
    expect(ccpa.acknowledgeDeadline?.value).toMatchObject({ amount: 10, unit: 'business-days' });
    expect(ccpa.signals.gpc.value).toBe(true);
    expect(ccpa.minors.digitalConsentAge.value).toBe(13);
    expect(ccpa.minors.saleOptInBelow?.value).toBe(16);
    expect(ccpa.rights.value).toEqual(expect.arrayContaining(['opt-out-sale', 'limit-sensitive']));
  });

  it('PIPL: no statutory count (engine default marked unverified), separate consent, under 14 sensitive', () => {
    const pipl = jurisdictions['cn-pipl'];
    expect(pipl.calendar).toBe('cn');
    expect(pipl.requestDeadline.value).toMatchObject({
      amount: 15,
      unit: 'working-days',
      origin: 'engine-default',
      standard: 'timely',
    });
    expect(pipl.requestDeadline.cite.verification).toBe('unverified');
    expect(
      pipl.requestNotes?.some((n) => n.cite.ref === 'PIPL Arts. 45-46' && n.cite.verification === 'verified'),
    ).toBe(true);
    expect(pipl.sensitive.consentMode.value).toBe('separate');
    expect(pipl.separateConsentFor.value).toEqual(
      expect.arrayContaining([
        'sensitive',
        'disclosure-to-controller',
        'public-disclosure',
        'transfer-abroad',
      ]),
    );
    expect(pipl.minors.digitalConsentAge.value).toBe(14);
    expect(
      pipl.sensitive.categories.value.some((key) => taxonomy.isUnder('user.children.under_fourteen', key)),
    ).toBe(true);
    expect(pipl.breach.authorityDeadline.value).toBe('immediately');
    expect(pipl.legalBases.value).not.toContain('legitimate-interests');
  });

  it('LGPD: 15 days for the full declaration, 3 business days for breaches', () => {
    const lgpd = jurisdictions['br-lgpd'];
    expect(lgpd.requestDeadline.value).toMatchObject({ amount: 15, unit: 'days' });
    expect(lgpd.requestDeadline.cite.ref).toContain('Art. 19');
    expect(lgpd.breach.authorityDeadline.value).toEqual({ amount: 3, unit: 'business-days' });
    expect(lgpd.legalBases.value).toContain('credit-protection');
  });

  it('every sensitive list covers the categories all five laws agree on', () => {
    // India's DPDP Act has no sensitive categories (only children's data has rules of its own).
    for (const j of all.filter((law) => law.key !== 'in-dpdp')) {
      const covered = (key: string) =>
        j.sensitive.categories.value.some((listed) => taxonomy.isUnder(key, listed));
      expect(covered('user.health.medical_diagnosis'), j.key).toBe(true);
      expect(covered('user.biometrics.fingerprint'), j.key).toBe(true);
      expect(covered('user.contact.email'), j.key).toBe(false);
    }
  });
});
