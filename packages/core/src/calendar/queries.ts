import { dayFromIso } from './civil-date.js';
import { resolveCalendar } from './resolve-options.js';
import { localDayOf } from './time-zone.js';
import type { DueDateOptions, WorkingCalendar } from './types.js';
import { dayStatus } from './working-days.js';

/**
 * Whether a day is a working day in a calendar. A `YYYY-MM-DD` string is taken as that local
 * date; a Date is read in `timeZone` (default: `Asia/Shanghai` for `cn`, `UTC` otherwise). For
 * `cn` years without data, Monday to Friday (see `calendarCoverage`).
 */
export function isWorkingDay(date: Date | string, calendar: WorkingCalendar, timeZone?: string): boolean {
  if (typeof date === 'string') return dayStatus(dayFromIso(date), calendar).working;
  const zone = resolveCalendar({ calendar, ...(timeZone ? { timeZone } : {}) }).timeZone;
  return dayStatus(localDayOf(date.getTime(), zone), calendar).working;
}

/**
 * Number of working days after the local day of `start` up to and including the local day of
 * `end` (the counting convention of `dueDate`). Zero when `end` is not after `start`'s day.
 */
export function workingDaysBetween(start: Date, end: Date, options: DueDateOptions = {}): number {
  const { calendar, timeZone } = resolveCalendar(options);
  const from = localDayOf(start.getTime(), timeZone);
  const to = localDayOf(end.getTime(), timeZone);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (dayStatus(day, calendar).working) count += 1;
  return count;
}
