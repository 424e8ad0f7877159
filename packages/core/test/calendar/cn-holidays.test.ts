import { describe, expect, it } from 'vitest';
import { calendarCoverage, cnHolidayYears, isWorkingDay } from '../../src/calendar/index.js';

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => [0, 6].includes(weekday(iso));
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The 13 statutory days off (National Holidays regulation as amended in 2024), by year. */
const statutory: Record<number, string[]> = {
  2025: [
    '2025-01-01',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-04',
    '2025-05-01',
    '2025-05-02',
    '2025-05-31',
    '2025-10-06',
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
  ],
  2026: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-04-05',
    '2026-05-01',
    '2026-05-02',
    '2026-06-19',
    '2026-09-25',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
  ],
  2027: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
  ],
};

function daysOff(year: (typeof cnHolidayYears)[number]): string[] {
  const out: string[] = [];
  for (const period of year.holidays) {
    for (let day = dayOf(period.from); day <= dayOf(period.to); day++) out.push(isoOf(day));
  }
  return out;
}

describe('China holiday schedule data', () => {
  it('covers 2025, 2026 and 2027, with 2027 marked provisional and unverified', () => {
    const coverage = calendarCoverage('cn');
    expect(coverage.years.map((y) => [y.year, y.status, y.source.verification])).toEqual([
      [2025, 'official', 'verified'],
      [2026, 'official', 'verified'],
      [2027, 'provisional', 'unverified'],
    ]);
    expect(coverage).toMatchObject({ needsData: true, firstYear: 2025, lastYear: 2027 });
    expect(calendarCoverage('cn', 2028).years).toEqual([]);
    expect(calendarCoverage('gregorian-business')).toMatchObject({ needsData: false, years: [] });
  });

  it('cites the State Council notice, with a URL, for every official year', () => {
    for (const year of cnHolidayYears.filter((y) => y.status === 'official')) {
      expect(year.source.ref).toContain(`关于${year.year}年部分节假日安排的通知`);
      expect(year.source.url).toMatch(/^https:\/\//);
      expect(year.source.issued).toMatch(new RegExp(`^${year.year - 1}-11-`));
    }
  });

  it.each(cnHolidayYears.map((y) => [y.year, y] as const))(
    '%i: dates are valid, ordered and inside the year',
    (yearNumber, year) => {
      for (const period of year.holidays) {
        expect(isoOf(dayOf(period.from))).toBe(period.from);
        expect(isoOf(dayOf(period.to))).toBe(period.to);
        expect(dayOf(period.from)).toBeLessThanOrEqual(dayOf(period.to));
        expect(period.from.startsWith(`${yearNumber}-`)).toBe(true);
      }
      for (const iso of year.makeUpWorkdays) expect(iso.startsWith(`${yearNumber}-`)).toBe(true);
    },
  );

  it.each(cnHolidayYears.map((y) => [y.year, y] as const))(
    '%i: make-up days are weekends and not days off',
    (_year, year) => {
      const off = new Set(daysOff(year));
      for (const iso of year.makeUpWorkdays) {
        expect(isWeekend(iso), iso).toBe(true);
        expect(off.has(iso), iso).toBe(false);
        expect(isWorkingDay(iso, 'cn'), iso).toBe(true);
      }
    },
  );

  it.each(cnHolidayYears.map((y) => [y.year, y] as const))(
    '%i: every statutory day is off, and the make-up days balance',
    (yearNumber, year) => {
      const days = statutory[yearNumber] ?? [];
      expect(days).toHaveLength(13);
      const off = new Set(daysOff(year));
      for (const iso of days) {
        expect(off.has(iso), iso).toBe(true);
        expect(isWorkingDay(iso, 'cn'), iso).toBe(false);
      }
      // Weekdays off = 13 statutory days (those on a weekend are given back on a weekday) + make-up days.
      const weekdaysOff = [...off].filter((iso) => !isWeekend(iso)).length;
      expect(weekdaysOff).toBe(13 + year.makeUpWorkdays.length);
    },
  );

  it('matches the weekdays printed in the notices', () => {
    expect(weekday('2025-01-26')).toBe(0); // 1月26日(周日)上班
    expect(weekday('2025-02-08')).toBe(6); // 2月8日(周六)上班
    expect(weekday('2026-01-04')).toBe(0); // 1月4日(周日)上班
    expect(weekday('2026-02-14')).toBe(6); // 2月14日(周六)上班
    expect(weekday('2026-09-20')).toBe(0); // 9月20日(周日)上班
    expect(weekday('2026-10-10')).toBe(6); // 10月10日(周六)上班
  });

  it('follows the 2025 scheduling principles in the provisional 2027 data', () => {
    const y2027 = cnHolidayYears.find((y) => y.year === 2027);
    const spring = y2027?.holidays.find((h) => h.name.en === 'Spring Festival');
    // Spring Festival: 8 days from New Year's Eve (Friday 5 February 2027).
    expect(spring && dayOf(spring.to) - dayOf(spring.from) + 1).toBe(8);
    // A festival on a Wednesday is off on that day only.
    for (const iso of ['2027-06-09', '2027-09-15']) {
      expect(weekday(iso)).toBe(3);
      expect(y2027?.holidays.some((h) => h.from === iso && h.to === iso)).toBe(true);
    }
  });
});
