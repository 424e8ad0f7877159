import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import { expectVerified, FORTY_FIVE_PLUS_45 } from './read-values-support.js';

const { 'us-ne-dpdpa': ne, 'us-nj-dpa': nj, 'us-or-ocpa': or, 'us-tx-tdpsa': tx } = jurisdictions;

/**
 * Values of the Nebraska to Virginia rows read in the statutes' texts in 2026-12 (see the comment
 * of each row in `us-states/rows-ne-va.ts`). Changing one needs a new reading.
 */
describe('facts read in the texts of the Nebraska to Virginia rows keep the values the texts state', () => {
  it('Nebraska: 45 + 45 days (§87-1108(2)); free up to twice a year (4); residents told without unreasonable delay (§87-803(1))', () => {
    expect(ne.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expect(ne.requestDeadline.value.extension).toMatchObject({ amount: 45, unit: 'days' });
    expectVerified(ne.requestDeadline, '§87-1108(2)');
    expect(ne.fees.value).toBe('free-twice-a-year');
    expectVerified(ne.fees, '§87-1108(4)');
    expect(ne.breach.subjectDeadline.value).toBe('without-undue-delay');
    expectVerified(ne.breach.subjectDeadline, '§87-803(1)');
    expect(ne.breach.subjectDeadline.cite.url).toContain('87-803');
    // The Attorney General is told "not later than" the residents: `immediately` is a stand-in.
    expect(ne.breach.authorityDeadline.cite.verification).not.toBe('verified');
    expect(ne.signals.gpc.cite.ref).toContain('§87-1111(5)');
  });

  it('New Jersey: 45 + 45 days (§56:8-166.7(a)); only the first request in twelve months free (d); signal from 2025-07-15 (§56:8-166.11(b)(1)); opt-in for ages 13 to 16 (§56:8-166.12(a)(7))', () => {
    expect(nj.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expectVerified(nj.requestDeadline, '§56:8-166.7(a)');
    expect(nj.fees.value).toBe('free-unless-manifestly-unfounded-or-excessive');
    expectVerified(nj.fees, '§56:8-166.7(d)');
    expect(nj.signals.gpc.value).toBe(true);
    expect(nj.signals.gpcFrom?.value).toBe('2025-07-15');
    expectVerified(nj.signals.gpcFrom, '§56:8-166.11(b)(1)');
    // "at least 13 years of age but younger than 17": an opt-in below 17, not 18.
    expect(nj.minors.saleOptInBelow?.value).toBe(17);
    expectVerified(nj.minors.saleOptInBelow, '§56:8-166.12(a)(7)');
  });

  it('Texas: residents within 60 days (§521.053(b)); the Attorney General within 30 days when at least 250 residents (§521.053(i), S.B. 768)', () => {
    expect(tx.breach.subjectDeadline.value).toEqual({ amount: 60, unit: 'days' });
    expectVerified(tx.breach.subjectDeadline, '§521.053(b)');
    // S.B. 768 (2023) cut the Attorney General's clock from the 60th to the 30th day.
    expect(tx.breach.authorityDeadline.value).toEqual({ amount: 30, unit: 'days' });
    expectVerified(tx.breach.authorityDeadline, '§521.053(b), (i)');
    expect(tx.breach.authorityDeadline.cite.ref).toContain('S.B. 768');
    expect(tx.breach.notes?.[0]?.value).toContain('250');
    // The sensitive-data list (§541.001(29)) was not read in a reproduction.
    expect(tx.sensitive.categories.cite.verification).not.toBe('verified');
  });

  it('Oregon: residents and, above 250 consumers, the Attorney General within 45 days of discovery (§646A.604(1), (3)(a))', () => {
    expect(or.breach.subjectDeadline.value).toEqual({ amount: 45, unit: 'days' });
    expectVerified(or.breach.subjectDeadline, '§646A.604(1)(a), (3)(a)');
    expect(or.breach.authorityDeadline.value).toEqual({ amount: 45, unit: 'days' });
    expectVerified(or.breach.authorityDeadline, '§646A.604(1), (3)(a)');
    expect(or.breach.notes?.[0]?.value).toContain('more than 250');
  });

  it('negative facts and the act-wide leads of these rows are never verified', () => {
    for (const j of [ne, nj, or, tx]) {
      expect(j.separateConsentFor.cite.verification, j.key).toBe('unverified');
      expect(j.transfers.cite.verification, j.key).toBe('unverified');
      expect(j.breach.contents.cite.verification, j.key).toBe('unverified');
      expect(j.requestNotes?.[0]?.cite.verification, j.key).not.toBe('verified');
    }
  });
});
