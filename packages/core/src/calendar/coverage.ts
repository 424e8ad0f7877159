import { cnHolidayYears } from './data/cn-holidays.js';
import type { CalendarCoverage, WorkingCalendar } from './types.js';
import { cnYear } from './working-days.js';

/**
 * Which years a working-day calendar has data for. Working days outside these years are
 * counted Monday to Friday (see `computeDueDate`), so callers can warn before relying on them.
 *
 * @param year - when given, only that year is listed (or none when uncovered)
 */
export function calendarCoverage(calendar: WorkingCalendar, year?: number): CalendarCoverage {
  if (calendar === 'gregorian-business') return { calendar, needsData: false, years: [] };
  const years = cnHolidayYears
    .filter((data) => year === undefined || data.year === year)
    .map((data) => ({ year: data.year, status: data.status, source: data.source }))
    .sort((a, b) => a.year - b.year);
  const all = cnHolidayYears.map((data) => data.year);
  return { calendar, needsData: true, years, firstYear: Math.min(...all), lastYear: Math.max(...all) };
}

/** True when the calendar needs no data or has data (official or provisional) for the year. */
export function isYearCovered(calendar: WorkingCalendar, year: number): boolean {
  return calendar === 'gregorian-business' || cnYear(year) !== undefined;
}
