import type { Duration, DurationUnit } from '../manifest/schema/common.js';

/** Nominal length of one unit in hours; months and years use their average length. */
const NOMINAL_HOURS: Record<DurationUnit, number> = {
  hours: 1,
  days: 24,
  'business-days': (24 * 7) / 5,
  'working-days': (24 * 7) / 5,
  weeks: 24 * 7,
  months: (24 * 365.25) / 12,
  years: 24 * 365.25,
};

/**
 * Compares two durations: negative when `a` is shorter, positive when longer, 0 when equal.
 * Equal units compare exactly; different units compare by nominal length, so
 * `1 month` counts as longer than `30 days`. `undefined` means no limit and is the longest.
 */
export function compareDurations(a: Duration | undefined, b: Duration | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.unit === b.unit) return Math.sign(a.amount - b.amount);
  return Math.sign(a.amount * NOMINAL_HOURS[a.unit] - b.amount * NOMINAL_HOURS[b.unit]);
}

/** `15 working-days`, or `no limit` for a missing duration. */
export function formatDuration(duration: Duration | undefined): string {
  return duration ? `${duration.amount} ${duration.unit}` : 'no limit';
}
