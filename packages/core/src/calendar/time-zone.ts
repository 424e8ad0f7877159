import { DAY_MS, type DayNumber } from './civil-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws RangeError for an unknown zone: a caller bug, not an expected outcome.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Local wall-clock time of an instant in a zone, expressed as if it were UTC milliseconds. */
export function wallClockMs(instantMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return instantMs;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // formatToParts drops milliseconds; carry them over from the instant.
  return wall + (((instantMs % 1000) + 1000) % 1000);
}

/** Throws RangeError when the zone is not a known IANA zone. */
export function assertTimeZone(timeZone: string): void {
  if (timeZone !== 'UTC') formatter(timeZone);
}

/** The local calendar day of an instant in a zone. */
export function localDayOf(instantMs: number, timeZone: string): DayNumber {
  return Math.floor(wallClockMs(instantMs, timeZone) / DAY_MS);
}

/**
 * First instant (epoch ms) of a local day. Handles DST changes, including zones whose clocks
 * skip midnight: then the day starts at the first instant that shows that date.
 */
export function startOfLocalDay(day: DayNumber, timeZone: string): number {
  const wallMidnight = day * DAY_MS;
  if (timeZone === 'UTC') return wallMidnight;
  let guess = wallMidnight - (wallClockMs(wallMidnight, timeZone) - wallMidnight);
  guess = wallMidnight - (wallClockMs(guess, timeZone) - guess);
  if (localDayOf(guess, timeZone) === day && localDayOf(guess - 1, timeZone) < day) return guess;
  // Narrow to the exact boundary: the first instant whose local day is `day`.
  let low = guess - 6 * 3_600_000;
  let high = guess + 6 * 3_600_000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localDayOf(mid, timeZone) >= day) high = mid;
    else low = mid;
  }
  return high;
}

/** Last instant of a local day: 23:59:59.999 local time (or just before the next day starts). */
export function endOfLocalDay(day: DayNumber, timeZone: string): Date {
  return new Date(startOfLocalDay(day + 1, timeZone) - 1);
}
