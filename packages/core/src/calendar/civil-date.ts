/** Milliseconds in a day of the proleptic Gregorian calendar. */
export const DAY_MS = 86_400_000;

/** A calendar date as a day number: days since 1970-01-01 (negative before). */
export type DayNumber = number;

/** The day number of a year, month (1-12) and day. */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Year, month (1-12) and day of a day number. */
export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Day of the week: 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** True for Saturday and Sunday. */
export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** `YYYY-MM-DD` of a day number. */
export function isoFromDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date; throws RangeError on anything else. */
export function dayFromIso(iso: string): DayNumber {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  const [, y, m, d] = match;
  const day = dayFromYmd(Number(y), Number(m), Number(d));
  if (isoFromDay(day) !== iso) throw new RangeError(`Not a valid calendar date: ${iso}`);
  return day;
}

/**
 * Adds calendar months, keeping the day of the month and clamping it to the last day of a
 * shorter month (31 January + 1 month = 28 or 29 February).
 */
export function addMonthsClamped(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dom } = ymdFromDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = ymdFromDay(dayFromYmd(targetYear, targetMonth + 1, 0)).day;
  return dayFromYmd(targetYear, targetMonth, Math.min(dom, lastDay));
}
