import { type DayNumber, dayFromIso, isWeekend, ymdFromDay } from './civil-date.js';
import { cnHolidayYears } from './data/cn-holidays.js';
import type { HolidayYear, WorkingCalendar } from './types.js';

/** Whether a day is a working day, and how much the answer can be trusted. */
export interface DayStatus {
  working: boolean;
  /** False when the calendar has no data for the day's year (counted Monday to Friday). */
  covered: boolean;
  /** True when the day's year comes from a provisional schedule. */
  provisional: boolean;
  year: number;
}

interface YearIndex {
  data: HolidayYear;
  off: Set<DayNumber>;
  makeUp: Set<DayNumber>;
}

const cnYears = new Map<number, YearIndex>();
for (const data of cnHolidayYears) {
  const off = new Set<DayNumber>();
  for (const period of data.holidays) {
    for (let day = dayFromIso(period.from); day <= dayFromIso(period.to); day++) off.add(day);
  }
  cnYears.set(data.year, { data, off, makeUp: new Set(data.makeUpWorkdays.map(dayFromIso)) });
}

/** The data of the `cn` calendar, by year. */
export function cnYear(year: number): HolidayYear | undefined {
  return cnYears.get(year)?.data;
}

/**
 * Status of a local day in a calendar. `gregorian-business`: Monday to Friday, always covered.
 * `cn`: public holidays are off, make-up weekend days (调休) are working; a year without data
 * falls back to Monday to Friday with `covered: false`.
 */
export function dayStatus(day: DayNumber, calendar: WorkingCalendar): DayStatus {
  const { year } = ymdFromDay(day);
  if (calendar === 'gregorian-business')
    return { working: !isWeekend(day), covered: true, provisional: false, year };
  const index = cnYears.get(year);
  if (!index) return { working: !isWeekend(day), covered: false, provisional: false, year };
  const working = index.makeUp.has(day) || (!index.off.has(day) && !isWeekend(day));
  return { working, covered: true, provisional: index.data.status === 'provisional', year };
}
