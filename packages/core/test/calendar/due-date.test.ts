import { describe, expect, it } from 'vitest';
import { computeDueDate, dueDate, isWorkingDay, workingDaysBetween } from '../../src/calendar/index.js';

const at = (iso: string) => new Date(iso);

describe('dueDate: table of known dates', () => {
  it.each([
    // [start, amount, unit, options, due]
    ['2025-01-31T10:00:00Z', 1, 'months', {}, '2025-02-28T23:59:59.999Z'],
    ['2024-01-31T10:00:00Z', 1, 'months', {}, '2024-02-29T23:59:59.999Z'],
    ['2025-03-31T10:00:00Z', 1, 'months', {}, '2025-04-30T23:59:59.999Z'],
    ['2025-01-15T10:00:00Z', 1, 'months', {}, '2025-02-15T23:59:59.999Z'],
    ['2025-11-30T10:00:00Z', 3, 'months', {}, '2026-02-28T23:59:59.999Z'],
    ['2024-02-29T10:00:00Z', 1, 'years', {}, '2025-02-28T23:59:59.999Z'],
    ['2025-03-01T00:00:00Z', 2, 'weeks', {}, '2025-03-15T23:59:59.999Z'],
    // CCPA: 45 calendar days, and 45 more on extension (UTC when no zone is given).
    ['2025-01-01T12:00:00Z', 45, 'days', {}, '2025-02-15T23:59:59.999Z'],
    ['2025-01-01T12:00:00Z', 90, 'days', {}, '2025-04-01T23:59:59.999Z'],
    // With the jurisdiction, the day ends in California time (PST, UTC-8).
    ['2025-01-01T12:00:00Z', 45, 'days', { jurisdiction: 'us-ca-ccpa' }, '2025-02-16T07:59:59.999Z'],
    ['2025-03-07T12:00:00Z', 1, 'business-days', {}, '2025-03-10T23:59:59.999Z'],
    ['2025-03-07T12:00:00Z', 10, 'business-days', {}, '2025-03-21T23:59:59.999Z'],
    ['2025-01-01T12:00:00Z', 72, 'hours', {}, '2025-01-04T12:00:00.000Z'],
    // 15 China working days from Friday 26 Sep 2025: make-up Sunday 28 Sep counts, 1-8 Oct are
    // off, make-up Saturday 11 Oct counts; due at the end of Thursday 23 Oct, Beijing time.
    ['2025-09-26T02:00:00Z', 15, 'working-days', { calendar: 'cn' }, '2025-10-23T15:59:59.999Z'],
    ['2025-09-26T02:00:00Z', 15, 'working-days', { jurisdiction: 'cn-pipl' }, '2025-10-23T15:59:59.999Z'],
    // The same count on a plain Monday-Friday calendar ignores the holiday.
    ['2025-09-26T02:00:00Z', 15, 'working-days', {}, '2025-10-17T23:59:59.999Z'],
    // Spring Festival 2026: off 15-23 Feb, make-up Saturdays 14 and 28 Feb.
    ['2026-02-12T02:00:00Z', 3, 'working-days', { calendar: 'cn' }, '2026-02-24T15:59:59.999Z'],
    ['2026-02-12T02:00:00Z', 2, 'working-days', { calendar: 'cn' }, '2026-02-14T15:59:59.999Z'],
    // LGPD breach clock: 3 business days from a Thursday.
    ['2025-06-05T15:00:00Z', 3, 'business-days', { jurisdiction: 'br-lgpd' }, '2025-06-11T02:59:59.999Z'],
  ] as const)('%s + %i %s %j = %s', (start, amount, unit, options, due) => {
    expect(dueDate(at(start), { amount, unit }, options).toISOString()).toBe(due);
  });

  it('does not count the day of receipt, whatever the hour', () => {
    const early = dueDate(at('2025-05-06T00:00:00Z'), { amount: 1, unit: 'days' });
    const late = dueDate(at('2025-05-06T23:59:59Z'), { amount: 1, unit: 'days' });
    expect(early.toISOString()).toBe('2025-05-07T23:59:59.999Z');
    expect(late).toEqual(early);
  });

  it('reads the day of receipt in the time zone: late evening UTC is the next day in Shanghai', () => {
    const start = at('2025-09-25T17:00:00Z'); // 01:00 on 26 September in Beijing
    expect(dueDate(start, { amount: 1, unit: 'days' }, { calendar: 'cn' }).toISOString()).toBe(
      '2025-09-27T15:59:59.999Z',
    );
    expect(dueDate(start, { amount: 1, unit: 'days' }).toISOString()).toBe('2025-09-26T23:59:59.999Z');
  });

  it('ends the day correctly across DST changes, including a skipped midnight', () => {
    // Europe/London: clocks go forward on 30 March 2025; 31 March is in BST (UTC+1).
    expect(
      dueDate(
        at('2025-03-29T12:00:00Z'),
        { amount: 2, unit: 'days' },
        { timeZone: 'Europe/London' },
      ).toISOString(),
    ).toBe('2025-03-31T22:59:59.999Z');
    // Sao Paulo skipped from 00:00 to 01:00 on 4 November 2018: that day began at 03:00 UTC.
    expect(
      dueDate(
        at('2018-11-02T12:00:00Z'),
        { amount: 1, unit: 'days' },
        { timeZone: 'America/Sao_Paulo' },
      ).toISOString(),
    ).toBe('2018-11-04T02:59:59.999Z');
  });

  it('reports provisional and uncovered years instead of silently guessing', () => {
    const inside = computeDueDate(
      at('2025-09-26T02:00:00Z'),
      { amount: 15, unit: 'working-days' },
      { calendar: 'cn' },
    );
    expect(inside).toMatchObject({
      fallback: false,
      provisional: false,
      issues: [],
      calendar: 'cn',
      timeZone: 'Asia/Shanghai',
    });

    const across = computeDueDate(
      at('2027-12-20T02:00:00Z'),
      { amount: 15, unit: 'working-days' },
      { calendar: 'cn' },
    );
    expect(across.fallback).toBe(true);
    expect(across.provisional).toBe(true);
    expect(across.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
      ['calendar.provisional-year', 'info', 'calendar.cn.2027'],
      ['calendar.uncovered-year', 'warning', 'calendar.cn.2028'],
    ]);
    // Beyond the data, Monday to Friday: 20 Dec 2027 (Mon) + 15 weekdays = 10 Jan 2028.
    expect(across.due.toISOString()).toBe('2028-01-10T15:59:59.999Z');

    const plain = computeDueDate(
      at('2030-01-01T00:00:00Z'),
      { amount: 5, unit: 'business-days' },
      { calendar: 'cn' },
    );
    expect(plain.fallback).toBe(false);
  });

  it('throws RangeError for programmer errors', () => {
    expect(() => dueDate(new Date('nope'), { amount: 1, unit: 'days' })).toThrow(RangeError);
    expect(() => dueDate(at('2025-01-01T00:00:00Z'), { amount: 0, unit: 'days' })).toThrow(RangeError);
    expect(() => dueDate(at('2025-01-01T00:00:00Z'), { amount: 1.5, unit: 'days' })).toThrow(RangeError);
    expect(() =>
      dueDate(at('2025-01-01T00:00:00Z'), { amount: 1, unit: 'days' }, { timeZone: 'Mars/Olympus' }),
    ).toThrow(RangeError);
  });
});

describe('isWorkingDay and workingDaysBetween', () => {
  it('knows China public holidays and make-up weekends', () => {
    expect(isWorkingDay('2025-10-01', 'cn')).toBe(false);
    expect(isWorkingDay('2025-10-08', 'cn')).toBe(false);
    expect(isWorkingDay('2025-09-28', 'cn')).toBe(true); // Sunday make-up day
    expect(isWorkingDay('2025-10-11', 'cn')).toBe(true); // Saturday make-up day
    expect(isWorkingDay('2025-10-12', 'cn')).toBe(false); // ordinary Sunday
    expect(isWorkingDay('2025-10-09', 'cn')).toBe(true);
    expect(isWorkingDay('2025-10-01', 'gregorian-business')).toBe(true);
    expect(isWorkingDay('2025-09-28', 'gregorian-business')).toBe(false);
  });

  it('reads a Date in the calendar time zone', () => {
    // 16:30 UTC on 30 Sep is 00:30 on 1 Oct in Beijing: a holiday there, a Tuesday in UTC.
    const instant = at('2025-09-30T16:30:00Z');
    expect(isWorkingDay(instant, 'cn')).toBe(false);
    expect(isWorkingDay(instant, 'cn', 'UTC')).toBe(true);
  });

  it('counts working days after the start day up to and including the end day', () => {
    const start = at('2025-09-26T02:00:00Z');
    expect(workingDaysBetween(start, at('2025-10-23T15:59:59.999Z'), { calendar: 'cn' })).toBe(15);
    expect(workingDaysBetween(start, at('2025-10-08T12:00:00Z'), { calendar: 'cn' })).toBe(3);
    expect(workingDaysBetween(start, start, { calendar: 'cn' })).toBe(0);
  });
});

describe('counting the start day (countsStartDay)', () => {
  it('makes the start day the first of the period, for calendar and business days', () => {
    const friday = new Date('2026-03-06T12:00:00Z');
    expect(computeDueDate(friday, { amount: 1, unit: 'days', countsStartDay: true }).due.toISOString()).toBe(
      '2026-03-06T23:59:59.999Z',
    );
    // Friday counts as business day 1, so 2 business days end on Monday.
    expect(
      computeDueDate(friday, { amount: 2, unit: 'business-days', countsStartDay: true }).due.toISOString(),
    ).toBe('2026-03-09T23:59:59.999Z');
    // A Saturday start is not a business day: the count starts on Monday.
    const saturday = new Date('2026-03-07T12:00:00Z');
    expect(
      computeDueDate(saturday, { amount: 1, unit: 'business-days', countsStartDay: true }).due.toISOString(),
    ).toBe('2026-03-09T23:59:59.999Z');
    expect(
      computeDueDate(friday, { amount: 1, unit: 'months', countsStartDay: true }).due.toISOString(),
    ).toBe('2026-04-05T23:59:59.999Z');
  });
});
