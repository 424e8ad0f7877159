import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import { US_STATE_KEYS } from '../../src/manifest/vocabulary.js';

/** Start dates of the universal opt-out signal duties. */
const GPC_FROM: Record<string, string> = {
  'us-co-cpa': '2024-07-01',
  'us-ct-ctdpa': '2025-01-01',
  'us-de-dpdpa': '2026-01-01',
  'us-md-modpa': '2025-10-01',
  'us-mn-mcdpa': '2025-07-31',
  'us-mt-mcdpa': '2025-01-01',
  'us-ne-dpdpa': '2025-01-01',
  'us-nh-pa': '2025-01-01',
  'us-nj-dpa': '2025-07-15',
  'us-or-ocpa': '2026-01-01',
  'us-tx-tdpsa': '2025-01-01',
};

describe('US state laws (one table)', () => {
  it.each(US_STATE_KEYS.map((key) => [key] as const))(
    '%s: 45 + 45 days, an appeal, opt-in for sensitive data',
    (key) => {
      const law = jurisdictions[key];
      expect(law.key).toBe(key);
      expect(law.regions[0]).toMatch(/^US-[A-Z]{2}$/);
      expect(law.requestDeadline.value).toMatchObject({
        amount: 45,
        unit: 'days',
        clockStart: 'receipt',
        extension: { amount: 45, unit: 'days' },
      });
      expect([45, 60]).toContain(law.appealDeadline?.value.amount);
      expect(law.sensitive.consentMode.value).toBe('opt-in');
      expect(law.rights.value).toEqual(
        expect.arrayContaining(['access', 'erasure', 'portability', 'opt-out-sale']),
      );
      expect(law.minors.digitalConsentAge.value).toBe(13);
      expect(law.timeZone).toMatch(/^America\//);
    },
  );

  it('every state but Virginia must honour a universal opt-out signal, each from its own date', () => {
    for (const key of US_STATE_KEYS) {
      const { gpc, gpcFrom } = jurisdictions[key].signals;
      expect(gpc.value, key).toBe(key !== 'us-va-vcdpa');
      expect(gpcFrom?.value, key).toBe(GPC_FROM[key]);
    }
  });

  it("Virginia's deadline is read from the statute's text; unread facts are not marked verified", () => {
    const va = jurisdictions['us-va-vcdpa'];
    expect(va.requestDeadline.cite).toMatchObject({
      ref: expect.stringContaining('§59.1-577'),
      verification: 'verified',
    });
    expect(va.appealDeadline?.value.amount).toBe(60);
    expect(jurisdictions['us-co-cpa'].breach.subjectDeadline.cite.verification).toBe('unverified');
  });

  it('Maryland bars sale to minors under 18, Oregon (HB 2008, from 2026) under 16; New Hampshire needs an opt-in under 16', () => {
    expect(jurisdictions['us-md-modpa'].minors.saleBarredBelow?.value).toBe(18);
    expect(jurisdictions['us-or-ocpa'].minors.saleBarredBelow?.value).toBe(16);
    expect(jurisdictions['us-or-ocpa'].minors.saleOptInBelow).toBeUndefined();
    expect(jurisdictions['us-nh-pa'].minors.saleOptInBelow?.value).toBe(16);
  });

  it('every US law carries the 2025 COPPA rules', () => {
    for (const key of [...US_STATE_KEYS, 'us-ca-ccpa'] as const) {
      const notes = jurisdictions[key].minors.notes ?? [];
      expect(
        notes.some((n) => n.cite.ref.includes('312.5(a)(2)')),
        key,
      ).toBe(true);
      expect(
        notes.some((n) => n.cite.ref.includes('312.10')),
        key,
      ).toBe(true);
    }
  });
});

describe('California, India, Brazil', () => {
  it('California: show whether the signal was honoured from 2026-01-01 (11 CCR §7025(c)(6))', () => {
    const display = jurisdictions['us-ca-ccpa'].signals.displayHonouredFrom;
    expect(display?.value).toBe('2026-01-01');
    expect(display?.cite.ref).toContain('§7025(c)(6)');
  });

  it('India: 72 hours to the Board, parental consent under 18, rules applying in three phases', () => {
    const india = jurisdictions['in-dpdp'];
    expect(india.breach.authorityDeadline.value).toEqual({ amount: 72, unit: 'hours' });
    expect(india.minors.digitalConsentAge.value).toBe(18);
    expect(india.minors.saleBarredBelow?.value).toBe(18);
    expect(india.inForce?.map((phase) => phase.value.from)).toEqual([
      '2025-11-13',
      '2026-11-13',
      '2027-05-13',
    ]);
    expect(india.timeZone).toBe('Asia/Kolkata');
  });

  it('Brazil: the ECA Digital bars profiling ads under 18 and links under-16 accounts to a guardian', () => {
    const brazil = jurisdictions['br-lgpd'];
    expect(brazil.minors.saleBarredBelow?.value).toBe(18);
    expect(brazil.minors.saleBarredBelow?.cite.ref).toContain('15.211/2025');
    expect(brazil.minors.notes?.some((n) => n.cite.ref.includes('Art. 24'))).toBe(true);
    // The LGPD's own facts are untouched by the overlay.
    expect(brazil.requestDeadline.cite.ref).toContain('Art. 19');
  });
});
