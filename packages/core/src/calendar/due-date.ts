import type { Issue } from '../result/issue.js';
import { addMonthsClamped, type DayNumber, isWeekend } from './civil-date.js';
import { resolveCalendar } from './resolve-options.js';
import { endOfLocalDay, localDayOf } from './time-zone.js';
import type { DeadlineRule, DueDateOptions, DueDateResult, WorkingCalendar } from './types.js';
import { dayStatus } from './working-days.js';

const HOUR_MS = 3_600_000;

/** Tracks fallback and provisional years met while counting, one issue per year. */
class CoverageLog {
  fallback = false;
  provisional = false;
  readonly issues: Issue[] = [];
  readonly #seen = new Set<string>();

  note(calendar: WorkingCalendar, year: number, covered: boolean, provisional: boolean): void {
    if (!covered) {
      this.fallback = true;
      this.#add(`uncovered:${year}`, {
        code: 'calendar.uncovered-year',
        severity: 'warning',
        path: `calendar.${calendar}.${year}`,
        message: `The ${calendar} calendar has no official schedule for ${year}; its days were counted Monday to Friday.`,
      });
    } else if (provisional) {
      this.provisional = true;
      this.#add(`provisional:${year}`, {
        code: 'calendar.provisional-year',
        severity: 'info',
        path: `calendar.${calendar}.${year}`,
        message: `The ${calendar} schedule for ${year} is derived from the holiday rules, not a published notice.`,
      });
    }
  }

  #add(key: string, issue: Issue): void {
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.issues.push(issue);
  }
}

function assertInputs(start: Date, rule: DeadlineRule): void {
  if (!(start instanceof Date) || Number.isNaN(start.getTime()))
    throw new RangeError('dueDate: start is not a valid Date');
  if (!Number.isInteger(rule.amount) || rule.amount < 1) {
    throw new RangeError(`dueDate: amount must be a positive integer, got ${rule.amount}`);
  }
}

/** The `amount`-th day after `from` that `counts`, noting coverage on the way. */
function nthCountedDay(from: DayNumber, amount: number, counts: (day: DayNumber) => boolean): DayNumber {
  let day = from;
  let counted = 0;
  while (counted < amount) {
    day += 1;
    if (counts(day)) counted += 1;
  }
  return day;
}

/**
 * Computes when a deadline falls due, with the calendar, zone and coverage used.
 *
 * Convention (the same for every unit counted in days or longer; it follows Regulation (EEC,
 * Euratom) No 1182/71 Art. 3, which GDPR deadlines use):
 * - Days are local calendar days in the resolved time zone (see {@link DueDateOptions}).
 * - The day of `start` (the day of receipt) does not count; counting begins the next day. Where
 *   the law counts it (`rule.countsStartDay`, e.g. CCPA 11 CCR §7021(b)), it is the first day of
 *   the period, so the deadline ends one day earlier (a business day only if it is one).
 * - The deadline ends at the end of the last counted day: the result is 23:59:59.999 local time
 *   of that day, the last instant that is still on time.
 * - `days`: calendar days. `weeks`: 7 calendar days each. `months`: the same day of the month,
 *   `amount` months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
 *   `years`: 12 months each (29 Feb + 1 year = 28 Feb).
 * - `business-days`: Monday to Friday, no holidays. `working-days`: the working days of the
 *   calendar; for `cn`, official public holidays are skipped and make-up weekend days (调休)
 *   count; for `gregorian-business`, it equals `business-days`.
 * - `hours`: exactly `amount` hours after `start`, with no rounding to days.
 * - A deadline that ends on a weekend or holiday is not moved to the next working day: the
 *   result is never later than the law's own count.
 *
 * For `cn` working days in a year without a published schedule, days are counted Monday to
 * Friday and the result says so (`fallback`, issue `calendar.uncovered-year`); days from a
 * provisional year set `provisional` (issue `calendar.provisional-year`). Invalid input (a
 * non-positive or fractional amount, an invalid Date, an unknown zone) throws RangeError.
 */
export function computeDueDate(start: Date, rule: DeadlineRule, options: DueDateOptions = {}): DueDateResult {
  assertInputs(start, rule);
  const { calendar, timeZone } = resolveCalendar(options);
  const log = new CoverageLog();
  const result = (due: Date): DueDateResult => ({
    due,
    calendar,
    timeZone,
    fallback: log.fallback,
    provisional: log.provisional,
    issues: log.issues,
  });

  if (rule.unit === 'hours') return result(new Date(start.getTime() + rule.amount * HOUR_MS));

  const day = localDayOf(start.getTime(), timeZone);
  // Counting the start day is counting from the day before it.
  const from = rule.countsStartDay ? day - 1 : day;
  let last: DayNumber;
  switch (rule.unit) {
    case 'days':
      last = from + rule.amount;
      break;
    case 'weeks':
      last = from + 7 * rule.amount;
      break;
    case 'months':
      last = addMonthsClamped(day, rule.amount) - (rule.countsStartDay ? 1 : 0);
      break;
    case 'years':
      last = addMonthsClamped(day, 12 * rule.amount) - (rule.countsStartDay ? 1 : 0);
      break;
    case 'business-days':
      last = nthCountedDay(from, rule.amount, (day) => !isWeekend(day));
      break;
    case 'working-days':
      last = nthCountedDay(from, rule.amount, (day) => {
        const status = dayStatus(day, calendar);
        log.note(calendar, status.year, status.covered, status.provisional);
        return status.working;
      });
      break;
  }
  return result(endOfLocalDay(last, timeZone));
}

/**
 * The instant a deadline falls due: {@link computeDueDate} without the details. Use
 * `computeDueDate` or {@link calendarCoverage} to learn whether a `cn` count fell back to
 * Monday to Friday.
 *
 * @example
 * // 15 working days from a request received on Friday 26 September 2025, in China:
 * dueDate(new Date('2025-09-26T02:00:00Z'), { amount: 15, unit: 'working-days' }, { calendar: 'cn' });
 * // => 2025-10-23T15:59:59.999Z (end of 23 October, Beijing time)
 */
export function dueDate(start: Date, rule: DeadlineRule, options?: DueDateOptions): Date {
  return computeDueDate(start, rule, options).due;
}
