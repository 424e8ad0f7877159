import { describe, expect, it } from 'vitest';
import { reviewDueness } from '../../src/index.js';

const every = { amount: 90, unit: 'days' } as const;
const base = { every, timeZone: 'UTC' };

describe('reviewDueness', () => {
  it('is due one interval after the last reviewed period, to the end of that day', () => {
    const lastSigned = { signedAt: new Date('2026-04-02T09:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    const before = reviewDueness({ ...base, lastSigned, now: new Date('2026-06-01T00:00:00Z') });
    expect(before).toMatchObject({
      due: false,
      overdue: false,
      nextDueAt: new Date('2026-06-30T23:59:59.999Z'),
    });
    const warned = reviewDueness({ ...base, lastSigned, now: new Date('2026-06-20T00:00:00Z') });
    expect(warned).toMatchObject({ due: true, overdue: false });
    const late = reviewDueness({ ...base, lastSigned, now: new Date('2026-07-01T00:00:00Z') });
    expect(late).toMatchObject({ due: true, overdue: true, lastSignedAt: lastSigned.signedAt });
  });

  it('counts from the first audit entry when no review was ever signed', () => {
    const firstAccessAt = new Date('2026-01-10T12:00:00Z');
    expect(reviewDueness({ ...base, firstAccessAt, now: new Date('2026-04-11T00:00:00Z') }).overdue).toBe(
      true,
    );
    expect(reviewDueness({ ...base, firstAccessAt, now: new Date('2026-04-10T00:00:00Z') }).overdue).toBe(
      false,
    );
    expect(reviewDueness({ ...base, now: new Date('2030-01-01T00:00:00Z') })).toEqual({
      due: false,
      overdue: false,
      every,
    });
  });

  it('is never due without an interval in the manifest', () => {
    expect(
      reviewDueness({ every: undefined, timeZone: 'UTC', firstAccessAt: new Date(0), now: new Date() }),
    ).toEqual({ due: false, overdue: false });
  });
});
