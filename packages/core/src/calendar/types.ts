import type { Verification } from '../jurisdictions/types.js';
import type { DurationUnit, JurisdictionKey } from '../manifest/schema/common.js';
import type { Issue } from '../result/issue.js';

/** A deadline rule for {@link dueDate}. */
export interface DeadlineRule {
  amount: number;
  unit: DurationUnit;
  /**
   * The day of `start` counts as the first day (11 CCR §7021(b): the period "will begin on the
   * day that the business receives the request"). Omitted: counting begins the next day.
   */
  countsStartDay?: boolean;
}

/**
 * A working-day calendar: `gregorian-business` counts Monday to Friday with no holidays;
 * `cn` is the official Chinese calendar (public holidays and adjusted working weekends, 调休).
 */
export type WorkingCalendar = 'gregorian-business' | 'cn';

/** Options for {@link dueDate}. */
export interface DueDateOptions {
  /** Calendar for `working-days`. Default: the jurisdiction's, else `gregorian-business`. */
  calendar?: WorkingCalendar;
  /** Jurisdiction whose calendar and time zone apply when not given explicitly. */
  jurisdiction?: JurisdictionKey;
  /**
   * IANA time zone in which days are counted and end. Default: `Asia/Shanghai` for the `cn`
   * calendar, else the jurisdiction's zone (the EU's earliest midnight, `Europe/Athens`, for a law
   * spanning several zones; pass the controller's zone from `deadlineTimeZone`), else `UTC`.
   */
  timeZone?: string;
}

/** The due instant with how it was computed. */
export interface DueDateResult {
  /** Last instant that is still on time: 23:59:59.999 local time of the last counted day. */
  due: Date;
  calendar: WorkingCalendar;
  timeZone: string;
  /** True when some counted day lies outside the calendar's data and was counted Monday to Friday. */
  fallback: boolean;
  /** True when some counted day comes from a provisional (derived, not published) schedule. */
  provisional: boolean;
  /** `calendar.uncovered-year` (warning) and `calendar.provisional-year` (info), once per year. */
  issues: Issue[];
}

/** One public-holiday period of an official calendar, inclusive ISO dates. */
export interface HolidayPeriod {
  name: { en: string; 'zh-CN': string };
  from: string;
  to: string;
}

/** The source of a year's schedule. */
export interface ScheduleSource {
  ref: string;
  /** The official home of the notice (gov.cn). */
  url?: string;
  /** Where the full text was actually read, when not at `url` (e.g. Xinhua's release reprinted). */
  readFrom?: string;
  /** Date (ISO) the schedule was last checked against the notice or searched for one. */
  checked?: string;
  verification: Verification;
  /** Date the notice was issued (ISO), when known. */
  issued?: string;
}

/** A year of an official working calendar. */
export interface HolidayYear {
  year: number;
  /** `official`: the published notice; `provisional`: derived from the statutory rules, unpublished. */
  status: 'official' | 'provisional';
  source: ScheduleSource;
  /** Days off (weekdays and weekends inside the periods). */
  holidays: HolidayPeriod[];
  /** Weekend days that are working days (调休 make-up days), ISO dates. */
  makeUpWorkdays: string[];
}

/** Which years a calendar has data for (see {@link calendarCoverage}). */
export interface CalendarCoverage {
  calendar: WorkingCalendar;
  /** False for `gregorian-business`, which needs no data. */
  needsData: boolean;
  /** Years with data, ascending, with their status and source. */
  years: Array<{ year: number; status: HolidayYear['status']; source: ScheduleSource }>;
  /** First and last year with data; undefined when the calendar needs none. */
  firstYear?: number;
  lastYear?: number;
}
