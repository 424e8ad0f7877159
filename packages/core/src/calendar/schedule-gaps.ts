import { ymdFromDay } from './civil-date.js';
import { calendarCoverage } from './coverage.js';
import { computeDueDate } from './due-date.js';
import { resolveCalendar } from './resolve-options.js';
import { localDayOf } from './time-zone.js';
import type { DeadlineRule, DueDateOptions, WorkingCalendar } from './types.js';
import { cnYear } from './working-days.js';

/** A year without a published schedule that a deadline may reach. */
export interface ScheduleGap {
  calendar: WorkingCalendar;
  year: number;
  /** `provisional`: derived from the holiday rules; `uncovered`: no data, counted Monday to Friday. */
  status: 'provisional' | 'uncovered';
}

/**
 * The years without an official schedule that a deadline counted from `from` can reach, so that
 * an officer is told before relying on them (lint `calendar.provisional-year`, the console
 * dashboard). Only `working-days` on a calendar that needs data can have gaps. Years before the
 * calendar's first year of data are left out: a deadline running now never reaches them.
 */
export function scheduleGaps(from: Date, rule: DeadlineRule, options: DueDateOptions = {}): ScheduleGap[] {
  const { calendar, timeZone } = resolveCalendar(options);
  if (rule.unit !== 'working-days' || calendar === 'gregorian-business') return [];
  const coverage = calendarCoverage(calendar);
  const due = computeDueDate(from, rule, options).due;
  const first = ymdFromDay(localDayOf(from.getTime(), timeZone)).year;
  const last = ymdFromDay(localDayOf(due.getTime(), timeZone)).year;
  const gaps: ScheduleGap[] = [];
  for (let year = Math.max(first, coverage.firstYear ?? first); year <= last; year++) {
    const data = cnYear(year);
    if (!data) gaps.push({ calendar, year, status: 'uncovered' });
    else if (data.status === 'provisional') gaps.push({ calendar, year, status: 'provisional' });
  }
  return gaps;
}
