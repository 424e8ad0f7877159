import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import { expectVerified, FORTY_FIVE_PLUS_45 } from './read-values-support.js';

const {
  'us-va-vcdpa': va,
  'us-tx-tdpsa': tx,
  'us-ct-ctdpa': ct,
  'us-or-ocpa': or,
  'br-lgpd': br,
} = jurisdictions;

/**
 * Values of the jurisdictions added in issue 11 that were read in the texts in 2026-12
 * (docs/legal-data.md, "The jurisdictions added in 2026-12"). Changing one needs a new reading.
 */
describe('facts read in the texts of the added jurisdictions keep the values the texts state', () => {
  it('Virginia: 45 days, once extendable by 45 (§59.1-577(B)(1)); free up to twice a year (B)(3)', () => {
    expect(va.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expect(va.requestDeadline.value.extension).toMatchObject({ amount: 45, unit: 'days' });
    expectVerified(va.requestDeadline, '§59.1-577(B)(1)');
    expect(va.fees.value).toBe('free-twice-a-year');
    expectVerified(va.fees, '§59.1-577(B)(3)');
  });

  it('Texas: 45 + 45 days (§541.052(b)); free at least twice a year (d); browser-signal agent from 2025-01-01 (§541.055(e)); residents told of a breach within 60 days (§521.053(b))', () => {
    expect(tx.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expectVerified(tx.requestDeadline, '§541.052(b)');
    expect(tx.fees.value).toBe('free-twice-a-year');
    expectVerified(tx.fees, '§541.052(d)');
    expect(tx.signals.gpc.value).toBe(true);
    expect(tx.signals.gpcFrom?.value).toBe('2025-01-01');
    expectVerified(tx.signals.gpcFrom, '§541.055(e)');
    expect(tx.breach.subjectDeadline.value).toEqual({ amount: 60, unit: 'days' });
    expectVerified(tx.breach.subjectDeadline, '§521.053(b)');
    expect(tx.breach.subjectDeadline.cite.url).toContain('BC.521');
  });

  it('Connecticut: 45 + 45 days (§42-518(c)(1)); only the first request in twelve months free (c)(3)', () => {
    expect(ct.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expectVerified(ct.requestDeadline, '§42-518(c)(1)');
    expect(ct.fees.value).toBe('free-unless-manifestly-unfounded-or-excessive');
    expectVerified(ct.fees, '§42-518(c)(3)');
  });

  it('Oregon: 45 + 45 days (§646A.576(5)(a)); an appeal decided within 45 days (6)(d)', () => {
    expect(or.requestDeadline.value).toMatchObject(FORTY_FIVE_PLUS_45);
    expectVerified(or.requestDeadline, '§646A.576(5)(a)');
    expect(or.appealDeadline?.value).toMatchObject({ amount: 45, unit: 'days' });
    expectVerified(or.appealDeadline, '§646A.576(6)(d)');
    expect(or.fees.value).toBe('free-unless-manifestly-unfounded-or-excessive');
  });

  it('Brazil, ECA Digital: accounts of users up to 16 linked to a guardian (Lei 15.211/2025 Art. 24 caput)', () => {
    const note = br.minors.notes?.find((n) => n.cite.ref.includes('Art. 24 caput'));
    expect(note?.value).toContain('up to 16');
    expectVerified(note, 'Lei 15.211/2025');
  });

  it('negative facts and the act-wide leads of the state rows are never verified', () => {
    for (const j of [va, tx, ct, or]) {
      expect(j.separateConsentFor.cite.verification, j.key).toBe('unverified');
      expect(j.transfers.cite.verification, j.key).toBe('unverified');
      expect(j.recordKeeping.cite.verification, j.key).toBe('unverified');
      expect(j.breach.contents.cite.verification, j.key).toBe('unverified');
      expect(j.requestNotes?.[0]?.cite.verification, j.key).not.toBe('verified');
    }
  });
});
