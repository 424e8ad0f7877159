import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate, isWorkingDay, workingDaysBetween } from '../../src/calendar/index.js';
import type { DueDateOptions } from '../../src/calendar/types.js';
import type { DurationUnit } from '../../src/manifest/schema/common.js';

const UNITS: DurationUnit[] = ['hours', 'days', 'working-days', 'business-days', 'weeks', 'months', 'years'];
const DAY_MS = 86_400_000;

// Starts from 2024 to the end of 2028: inside, across and beyond the China calendar data.
const start = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2028-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const amount = fc.integer({ min: 1, max: 60 });
const unit = fc.constantFrom(...UNITS);
const options = fc.constantFrom<DueDateOptions>(
  {},
  { calendar: 'cn' },
  { jurisdiction: 'cn-pipl' },
  { jurisdiction: 'us-ca-ccpa' },
  { timeZone: 'Europe/London' },
  { timeZone: 'America/Sao_Paulo' },
);

describe('dueDate properties', () => {
  it('is always after the start', () => {
    fc.assert(
      fc.property(start, amount, unit, options, (s, n, u, o) => {
        expect(dueDate(s, { amount: n, unit: u }, o).getTime()).toBeGreaterThan(s.getTime());
      }),
    );
  });

  it('never gives an earlier due date for more units', () => {
    fc.assert(
      fc.property(start, amount, amount, unit, options, (s, a, b, u, o) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(dueDate(s, { amount: low, unit: u }, o).getTime()).toBeLessThanOrEqual(
          dueDate(s, { amount: high, unit: u }, o).getTime(),
        );
      }),
    );
  });

  it('counts exactly `amount` working days between start and due, on either calendar', () => {
    fc.assert(
      fc.property(start, amount, fc.constantFrom<DueDateOptions>({ calendar: 'cn' }, {}), (s, n, o) => {
        const due = dueDate(s, { amount: n, unit: 'working-days' }, o);
        expect(workingDaysBetween(s, due, o)).toBe(n);
        // The due day itself is a working day.
        expect(isWorkingDay(due, o.calendar ?? 'gregorian-business')).toBe(true);
      }),
    );
  });

  it('never lands business days on a weekend, in the zone where days are counted', () => {
    fc.assert(
      fc.property(start, amount, options, (s, n, o) => {
        const due = dueDate(s, { amount: n, unit: 'business-days' }, o);
        expect(isWorkingDay(due, 'gregorian-business', o.timeZone ?? zoneOf(o))).toBe(true);
      }),
    );
  });

  it('adds months monotonically in the start, and ends within the target month', () => {
    fc.assert(
      fc.property(start, start, fc.integer({ min: 1, max: 36 }), (a, b, n) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        const dueEarly = dueDate(early, { amount: n, unit: 'months' });
        expect(dueEarly.getTime()).toBeLessThanOrEqual(
          dueDate(late, { amount: n, unit: 'months' }).getTime(),
        );
        const expectedMonth = (early.getUTCFullYear() * 12 + early.getUTCMonth() + n) % 12;
        expect(dueEarly.getUTCMonth()).toBe(expectedMonth);
        expect(dueEarly.getUTCDate()).toBeLessThanOrEqual(early.getUTCDate());
      }),
    );
  });

  it('ends every day-based deadline one millisecond before a local midnight', () => {
    fc.assert(
      fc.property(start, amount, fc.constantFrom<DurationUnit>('days', 'weeks', 'months'), (s, n, u) => {
        const due = dueDate(s, { amount: n, unit: u }, { calendar: 'cn' });
        expect((due.getTime() + 1 + 8 * 3_600_000) % DAY_MS).toBe(0);
      }),
    );
  });
});

function zoneOf(o: DueDateOptions): string {
  if (o.calendar === 'cn' || o.jurisdiction === 'cn-pipl') return 'Asia/Shanghai';
  if (o.jurisdiction === 'us-ca-ccpa') return 'America/Los_Angeles';
  return 'UTC';
}
