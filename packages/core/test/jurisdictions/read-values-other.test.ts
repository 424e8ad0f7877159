import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import { expectVerified } from './read-values-support.js';

const { 'in-dpdp': india, 'uk-gdpr': uk } = jurisdictions;

/**
 * Values read in the texts on 2026-12-06 (the comments beside each fact name the words read and
 * the reproduction). Changing one needs a new reading.
 */
describe('India: the DPDP Act 2023 and the final DPDP Rules 2025 as read', () => {
  it('a grievance is answered within at most ninety days of receipt (Rule 14(3), Act §13(2))', () => {
    expect(india.requestDeadline.value).toEqual({
      amount: 90,
      unit: 'days',
      clockStart: 'receipt',
      origin: 'regulation',
    });
    expectVerified(india.requestDeadline, 'Rule 14(3)');
    expect(india.requestDeadline.cite.ref).toContain('§13(2)');
  });

  it('a child is under eighteen and needs the verifiable consent of a parent (§2(f), §9(1), Rule 10(1))', () => {
    expect(india.minors.digitalConsentAge.value).toBe(18);
    expectVerified(india.minors.digitalConsentAge, '§2(f)');
    expect(india.minors.saleBarredBelow?.value).toBe(18);
    expectVerified(india.minors.saleBarredBelow, '§9(3)');
  });

  it('the Board gets the detailed report within seventy-two hours (Rule 7(2)(b))', () => {
    expect(india.breach.authorityDeadline.value).toEqual({ amount: 72, unit: 'hours' });
    expectVerified(india.breach.authorityDeadline, 'Rule 7(2)');
  });

  it('the notice to a Data Principal has the five items of final Rule 7(1), without the draft’s "location"', () => {
    expect(india.breach.contents.value).toHaveLength(5);
    expect(india.breach.contents.value[0]).toBe('Nature, extent and timing of the breach');
    expect(india.breach.contents.value.join(' ')).not.toMatch(/location/i);
    expectVerified(india.breach.contents, 'Rule 7(1)(a)-(e)');
  });

  it('"without delay" to each Data Principal is not "without undue delay": not verified', () => {
    expect(india.breach.subjectDeadline.cite.verification).not.toBe('verified');
    expect(india.breach.subjectDeadline.cite.ref).toContain('without delay');
  });

  it('consent is free, specific, informed, unconditional and unambiguous (§6(1))', () => {
    expect(india.sensitive.consentMode.value).toBe('opt-in');
    expectVerified(india.sensitive.consentMode, '§6(1)');
  });
});

describe('United Kingdom: the UK text of the breach articles as read', () => {
  it('the notice to the Commissioner has the four items of Art. 33(3)(a)-(d), reused by Art. 34(2)', () => {
    expect(uk.breach.contents.value).toHaveLength(4);
    expect(uk.breach.contents.value[1]).toContain('DPO');
    expectVerified(uk.breach.contents, 'Art. 33(3)(a)-(d)');
  });

  it('Art. 12A (the month, its start and extension) was not read: the deadline stays below verified', () => {
    expect(uk.requestDeadline.cite.verification).not.toBe('verified');
  });
});
