import { getJurisdiction, type Manifest, wallClockMs } from '@pledge/core';

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** One of {@link ISO_WEEKDAYS}. */
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

/** When staff normally work: an access outside these hours is a finding. */
export interface WorkingHours {
  /** IANA time zone the hours are read in. */
  readonly timeZone: string;
  /** Start of the working day, minutes after local midnight (inclusive). */
  readonly startMinute: number;
  /** End of the working day, minutes after local midnight (exclusive). */
  readonly endMinute: number;
  /** Working weekdays. */
  readonly days: readonly IsoWeekday[];
}

/** 08:00 to 18:00, Monday to Friday, in UTC. */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  timeZone: 'UTC',
  startMinute: 8 * 60,
  endMinute: 18 * 60,
  days: [1, 2, 3, 4, 5],
};

/**
 * The default working hours for a manifest: 08:00 to 18:00, Monday to Friday, in the time zone
 * of the first of the policy's jurisdictions that has one (the manifest names no zone of the
 * controller), else UTC.
 */
export function workingHoursFor(manifest: Manifest): WorkingHours {
  for (const key of manifest.policy.jurisdictions) {
    const timeZone = getJurisdiction(key)?.timeZone;
    if (timeZone) return { ...DEFAULT_WORKING_HOURS, timeZone };
  }
  return DEFAULT_WORKING_HOURS;
}

const DAY_MS = 86_400_000;

/** The local weekday and minute of the day of an instant in a zone (core's wall clock). */
export function localWeekMinute(at: Date, timeZone: string): { weekday: IsoWeekday; minute: number } {
  const wall = wallClockMs(at.getTime(), timeZone);
  const day = Math.floor(wall / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return { weekday: weekday as IsoWeekday, minute: Math.floor((wall - day * DAY_MS) / 60_000) };
}

/** Whether an instant falls inside the working hours. */
export function withinWorkingHours(at: Date, hours: WorkingHours): boolean {
  const local = localWeekMinute(at, hours.timeZone);
  return (
    hours.days.includes(local.weekday) && local.minute >= hours.startMinute && local.minute < hours.endMinute
  );
}

/** Parses `HH:MM` (00:00 to 24:00) into minutes after midnight, or undefined when malformed. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}
