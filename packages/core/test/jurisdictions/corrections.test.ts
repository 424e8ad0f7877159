import { describe, expect, it } from 'vitest';
import { deadlineTimeZone } from '../../src/calendar/deadline-time-zone.js';
import { computeDueDate } from '../../src/calendar/due-date.js';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import {
  authorityNoticeRequired,
  consentAgeFor,
  deadlineForRight,
} from '../../src/jurisdictions/rule-lookups.js';
import { createTaxonomy } from '../../src/taxonomy/index.js';

const { 'br-lgpd': lgpd, 'us-ca-ccpa': ccpa, 'uk-gdpr': uk, 'eu-gdpr': gdpr } = jurisdictions;

describe('Brazil: per-right deadlines', () => {
  it('15 days (LGPD Art. 19 II) for confirmation and access only; other rights at once or a reasoned reply (Art. 18 §4)', () => {
    const access = deadlineForRight(lgpd, 'access');
    expect(access.value).toMatchObject({ amount: 15, unit: 'days', origin: 'statute' });
    expect(access.cite).toMatchObject({ verification: 'verified' });
    expect(access.cite.ref).toContain('Art. 19 II');
    const erasure = deadlineForRight(lgpd, 'erasure');
    expect(erasure.value).toMatchObject({ origin: 'engine-default', standard: 'immediately' });
    expect(erasure.cite.ref).toContain('Art. 18 §§3-4');
    // A right with no deadline of its own falls back to the general one everywhere else.
    expect(deadlineForRight(gdpr, ['erasure', 'access'])).toBe(gdpr.requestDeadline);
  });
});

describe('California', () => {
  it('neural data is sensitive personal information since 2025-01-01 (§1798.140(ae), SB 1223)', () => {
    const taxonomy = createTaxonomy();
    expect(ccpa.sensitive.categories.value).toContain('user.neural');
    expect(taxonomy.isSensitive('user.neural')).toBe(true);
    expect(ccpa.sensitive.categories.cite.ref).toContain('SB 1223');
    expect(gdpr.sensitive.categories.value).not.toContain('user.neural');
  });

  it('the Attorney General gets a copy of a breach notice only above 500 residents (§1798.82(f))', () => {
    expect(ccpa.breach.authorityAbove?.value).toBe(500);
    expect(authorityNoticeRequired(ccpa, 500)).toBe(false);
    expect(authorityNoticeRequired(ccpa, 501)).toBe(true);
    expect(authorityNoticeRequired(gdpr, 1)).toBe(true);
  });

  it('the notice has the title headings and the content of §1798.82(d)(1)-(2)', () => {
    const contents = ccpa.breach.contents.value;
    for (const heading of [
      'What Happened',
      'What Information Was Involved',
      'What We Are Doing',
      'What You Can Do',
      'For More Information',
    ])
      expect(contents).toContain(heading);
    expect(contents).toContain('date of the notice');
    expect(contents.some((c) => c.includes('law enforcement'))).toBe(true);
    expect(contents.some((c) => c.includes('credit reporting agencies'))).toBe(true);
    expect(ccpa.breach.contents.cite.ref).toContain('(d)(2)');
  });

  it('the 45 days begin on the day of receipt (11 CCR §7021(b)), so they end one day earlier than a next-day count', () => {
    const rule = ccpa.requestDeadline.value;
    expect(rule).toMatchObject({ amount: 45, unit: 'days', countsStartDay: true });
    expect(ccpa.requestDeadline.cite.ref).toContain('§7021(b)');
    const receivedAt = new Date('2026-03-01T20:00:00Z'); // 1 March, noon in Los Angeles
    const due = computeDueDate(receivedAt, rule, { jurisdiction: 'us-ca-ccpa' }).due;
    expect(due.toISOString()).toBe('2026-04-15T06:59:59.999Z'); // end of 14 April (day 1 = 1 March)
    const nextDay = computeDueDate(
      receivedAt,
      { amount: 45, unit: 'days' },
      { jurisdiction: 'us-ca-ccpa' },
    ).due;
    expect(nextDay.toISOString()).toBe('2026-04-16T06:59:59.999Z');
  });
});

describe('United Kingdom', () => {
  it('age 13 is UK GDPR Art. 8(1); complaints are DPA 2018 s.164A; extension for complexity and number of requests', () => {
    expect(uk.minors.digitalConsentAge.value).toBe(13);
    expect(uk.minors.digitalConsentAge.cite).toMatchObject({
      ref: 'UK GDPR Art. 8(1)',
      verification: 'verified',
    });
    const complaints = uk.requestNotes?.find((note) => note.cite.ref.includes('s.164A'));
    expect(complaints?.value).toContain('30 days');
    expect(complaints?.cite.verification).toBe('verified');
    expect(uk.requestDeadline.value.extension?.condition).toContain('number of the requests');
  });
});

describe('EEA: national ages of digital consent (GDPR Art. 8(1))', () => {
  it('every EEA state has an age of 13 to 16 citing the national law that sets it, or GDPR where none lowered it', () => {
    const byRegion = gdpr.minors.byRegion ?? {};
    expect(Object.keys(byRegion).sort()).toEqual([...gdpr.regions].sort());
    for (const [code, age] of Object.entries(byRegion)) {
      expect(age.value, code).toBeGreaterThanOrEqual(13);
      expect(age.value, code).toBeLessThanOrEqual(16);
      const national = age.cite.ref.startsWith(`${code} `);
      expect(national || (age.value === 16 && age.cite.ref.includes('no lower age')), code).toBe(true);
    }
    expect(byRegion.FR?.cite.ref).toContain('Loi n° 78-17');
  });

  it('the age for a subject is the national one where known, else the law’s own', () => {
    expect(consentAgeFor(gdpr, 'FR').value).toBe(15);
    expect(consentAgeFor(gdpr, 'be').value).toBe(13);
    expect(consentAgeFor(gdpr, 'DE').value).toBe(16);
    expect(consentAgeFor(gdpr).value).toBe(16);
    expect(consentAgeFor(gdpr, 'US').value).toBe(16);
    expect(consentAgeFor(uk, 'GB').value).toBe(13);
  });
});

describe('the zone where a deadline ends', () => {
  it('EU: the controller’s zone (manifest or country), else the EEA’s earliest midnight, never UTC', () => {
    expect(deadlineTimeZone('eu-gdpr')).toBe('Europe/Athens');
    expect(deadlineTimeZone('eu-gdpr', { country: 'de' })).toBe('Europe/Berlin');
    expect(deadlineTimeZone('eu-gdpr', { country: 'US' })).toBe('Europe/Athens');
    expect(deadlineTimeZone('eu-gdpr', { timeZone: 'Europe/Lisbon', country: 'DE' })).toBe('Europe/Lisbon');
    // A law with a zone of its own keeps it.
    expect(deadlineTimeZone('uk-gdpr', { country: 'DE' })).toBe('Europe/London');
    expect(deadlineTimeZone(undefined, { country: 'FR' })).toBe('Europe/Paris');
    expect(deadlineTimeZone(undefined)).toBe('UTC');
  });

  it('an EU month ends at midnight in the EEA, not at 23:59 UTC', () => {
    const start = new Date('2026-01-31T10:00:00Z');
    const eu = computeDueDate(start, { amount: 1, unit: 'months' }, { jurisdiction: 'eu-gdpr' });
    expect(eu.timeZone).toBe('Europe/Athens');
    expect(eu.due.toISOString()).toBe('2026-02-28T21:59:59.999Z');
  });
});
