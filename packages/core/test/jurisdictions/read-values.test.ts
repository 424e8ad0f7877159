import { describe, expect, it } from 'vitest';
import { countByVerification, listFacts } from '../../src/jurisdictions/fact-list.js';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import { consentAgeFor } from '../../src/jurisdictions/rule-lookups.js';

const { 'br-lgpd': lgpd, 'us-ca-ccpa': ccpa, 'uk-gdpr': uk, 'eu-gdpr': gdpr } = jurisdictions;

/**
 * Values read in the legal texts in 2026-12 (docs/legal-data.md, "What was read"). Each is marked
 * verified and pinned here, so changing one is a deliberate act with a new reading behind it.
 */
describe('facts read in the texts keep the values the texts state', () => {
  it('national ages of digital consent: FR 15 (art. 45), DK 15 (§ 6, stk. 2, since 2024), SE 13 (2 kap. 4 §), IE 16 (s.31(1))', () => {
    const read = { FR: 15, DK: 15, SE: 13, IE: 16 } as const;
    for (const [region, age] of Object.entries(read)) {
      const fact = gdpr.minors.byRegion?.[region];
      expect(fact?.value, region).toBe(age);
      expect(fact?.cite.verification, region).toBe('verified');
      expect(consentAgeFor(gdpr, region).value, region).toBe(age);
    }
    expect(gdpr.minors.byRegion?.DK?.cite.ref).toContain('1783');
  });

  it('UK GDPR: 72 hours to the Commissioner (Art. 33(1)), subjects without undue delay (Art. 34(1)), Art. 9 categories need explicit consent', () => {
    expect(uk.breach.authorityDeadline.value).toEqual({ amount: 72, unit: 'hours' });
    expect(uk.breach.subjectDeadline.value).toBe('without-undue-delay');
    expect(uk.sensitive.consentMode.value).toBe('opt-in');
    expect(uk.sensitive.categories.value).toEqual(gdpr.sensitive.categories.value);
    for (const fact of [
      uk.breach.authorityDeadline,
      uk.breach.subjectDeadline,
      uk.sensitive.categories,
      uk.sensitive.consentMode,
    ])
      expect(fact.cite.verification).toBe('verified');
  });

  it('California: residents within 30 calendar days (§1798.82(a)(2)(A)); requests free, twice in 12 months (§1798.130(a)(2)(A), (b))', () => {
    expect(ccpa.breach.subjectDeadline.value).toEqual({ amount: 30, unit: 'days' });
    expect(ccpa.breach.subjectDeadline.cite.ref).toContain('(a)(2)(A)');
    expect(ccpa.fees.value).toBe('free-twice-a-year');
    expect(ccpa.fees.cite.verification).toBe('verified');
    // The 15 days for the Attorney General's copy were not read in the statute: still secondary.
    expect(ccpa.breach.authorityDeadline.cite.verification).toBe('secondary');
  });

  it('Brazil: 3 business days to the ANPD and to subjects (Res. 15/2024 Regulation Arts. 6, 9), free requests (Art. 18 §5), children under 12 (Art. 14 §1, ECA Art. 2)', () => {
    const threeDays = { amount: 3, unit: 'business-days' };
    expect(lgpd.breach.authorityDeadline.value).toEqual(threeDays);
    expect(lgpd.breach.subjectDeadline.value).toEqual(threeDays);
    expect(lgpd.breach.subjectDeadline.cite.ref).toContain('Art. 9');
    expect(lgpd.breach.subjectDeadline.cite.ref).not.toContain('practitioner');
    expect(lgpd.fees.value).toBe('free');
    expect(lgpd.minors.digitalConsentAge.value).toBe(12);
    for (const fact of [
      lgpd.breach.authorityDeadline,
      lgpd.breach.subjectDeadline,
      lgpd.fees,
      lgpd.minors.digitalConsentAge,
    ])
      expect(fact.cite.verification).toBe('verified');
  });

  it('at least 47 of the facts the engine acts on are verified (55%, up from 33)', () => {
    const actedOn = Object.values(jurisdictions)
      .filter((law) => ['eu-gdpr', 'uk-gdpr', 'us-ca-ccpa', 'cn-pipl', 'br-lgpd'].includes(law.key))
      .flatMap(listFacts)
      .filter((f) => f.actedOn);
    expect(countByVerification(actedOn).verified).toBeGreaterThanOrEqual(47);
  });
});
