export { calendarCoverage, isYearCovered } from './coverage';
export { cnHolidayYears } from './data/cn-holidays';
export { computeDueDate, dueDate } from './due-date';
export { isWorkingDay, workingDaysBetween } from './queries';
export type {
  CalendarCoverage,
  DeadlineRule,
  DueDateOptions,
  DueDateResult,
  HolidayPeriod,
  HolidayYear,
  ScheduleSource,
  WorkingCalendar,
} from './types';
