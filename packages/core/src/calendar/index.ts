export { calendarCoverage, isYearCovered } from './coverage.js';
export { cnHolidayYears } from './data/cn-holidays.js';
export { type DeadlineGap, deadlineCalendarGaps } from './deadline-gaps.js';
export { type ControllerLocation, deadlineTimeZone } from './deadline-time-zone.js';
export { computeDueDate, dueDate } from './due-date.js';
export { isWorkingDay, workingDaysBetween } from './queries.js';
export { type ScheduleGap, scheduleGaps } from './schedule-gaps.js';
export { wallClockMs } from './time-zone.js';
export type {
  CalendarCoverage,
  DeadlineRule,
  DueDateOptions,
  DueDateResult,
  HolidayPeriod,
  HolidayYear,
  ScheduleSource,
  WorkingCalendar,
} from './types.js';
