import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import { expectLevel, FORTY_FIVE_PLUS_45 } from './read-values-support.js';

const {
  'us-co-cpa': co,
  'us-ct-ctdpa': ct,
  'us-de-dpdpa': de,
  'us-md-modpa': md,
  'us-mn-mcdpa': mn,
  'us-mt-mcdpa': mt,
} = jurisdictions;

/**
 * Values of Colorado to Montana read or corrected in 2026-12 (comments in
 * `us-states/rows-co-mt.ts`). Changing one needs a new reading.
 */
describe('Colorado to Montana keep the values read in their texts', () => {
  it('Delaware: 45 + 45 days (§12D-104(c)(1)); only the first answer in twelve months free (c)(3)', () => {
    expect(de.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expect(de.requestDeadline.value.extension).toMatchObject({ amount: 45, unit: 'days' });
    expectLevel(de.requestDeadline, '§12D-104(c)(1)', 'verified');
    expect(de.fees.value).toBe('free-unless-manifestly-unfounded-or-excessive');
    expectLevel(de.fees, '§12D-104(c)(3)', 'secondary');
  });

  it('Montana: 45 + 45 days (§30-14-2808(4)(a)); one free answer a year (4)(c); the signal from 2025-01-01 (§30-14-2809(3)(b))', () => {
    expect(mt.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expectLevel(mt.requestDeadline, '§30-14-2808(4)(a)', 'verified');
    expect(mt.fees.value).toBe('free-unless-manifestly-unfounded-or-excessive');
    expectLevel(mt.fees, '§30-14-2808(4)(c)', 'verified');
    expect(mt.fees.cite.ref).toContain('technically infeasible');
    expect(mt.signals.gpc.value).toBe(true);
    expect(mt.signals.gpcFrom?.value).toBe('2025-01-01');
    expectLevel(mt.signals.gpcFrom, '§30-14-2809(3)(b)', 'verified');
  });

  it('Colorado: a fee may follow the first answer in twelve months (§6-1-1306(2)(c), not yet read)', () => {
    expect(co.fees.value).toBe('free-unless-manifestly-unfounded-or-excessive');
    expectLevel(co.fees, '§6-1-1306(2)(c)', 'secondary');
    expect(co.fees.cite.ref).toContain('second or subsequent request');
  });

  it('Maryland and Minnesota cite the sections their acts are codified in', () => {
    expect(md.requestDeadline.cite.ref).toContain('§14-4705');
    expect(md.inForce?.[0]?.cite.ref).toContain('§14-4701 et seq.');
    expect(md.requestDeadline.cite.url).toContain('section=14-4701');
    expect(mn.requestDeadline.cite.ref).toContain('§325M.14');
    expect(mn.minors.saleOptInBelow?.cite.ref).toContain('§325M.16, subd. 2(f)');
    expect(mn.minors.saleOptInBelow?.value).toBe(16);
    expect(mn.requestDeadline.cite.url).toBe('https://www.revisor.mn.gov/statutes/cite/325M');
  });
});

describe('Colorado to Montana keep the breach values read in 2026-12 (second pass)', () => {
  it('Delaware: residents within 60 days of determining the breach (§12B-102(c), read as in force through 2024)', () => {
    expect(de.breach.subjectDeadline.value).toEqual({ amount: 60, unit: 'days' });
    expectLevel(de.breach.subjectDeadline, '§12B-102(a), (c)', 'verified');
    expect(de.breach.subjectDeadline.cite.ref).toContain('2024 session');
    expect(de.breach.authorityDeadline.cite.verification).toBe('unverified');
  });

  it('Maryland: 45 days run from discovering the breach, not from the end of the investigation (§14-3504(b)(3))', () => {
    expect(md.breach.subjectDeadline.value).toEqual({ amount: 45, unit: 'days' });
    expectLevel(md.breach.subjectDeadline, '§14-3504(b)(3)', 'secondary');
    const note = md.breach.notes?.[0]?.value ?? '';
    expect(note).toContain('discovering');
    expect(note).not.toContain('concluding the investigation');
    expect(md.breach.authorityDeadline.cite.verification).toBe('secondary');
  });

  it('Connecticut and Montana: breach clocks rest on the regulators’ own pages (secondary)', () => {
    expect(ct.breach.subjectDeadline.value).toEqual({ amount: 60, unit: 'days' });
    expectLevel(ct.breach.subjectDeadline, '§36a-701b', 'secondary');
    expect(ct.breach.notes?.[0]?.value).toContain('no later than the residents');
    expect(mt.breach.subjectDeadline.value).toBe('without-undue-delay');
    expect(mt.breach.authorityDeadline.value).toBe('immediately');
    expectLevel(mt.breach.authorityDeadline, '§30-14-1704', 'secondary');
  });
});
