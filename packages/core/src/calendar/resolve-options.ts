import { getJurisdiction } from '../jurisdictions/index.js';
import { deadlineTimeZone } from './deadline-time-zone.js';
import { assertTimeZone } from './time-zone.js';
import type { DueDateOptions, WorkingCalendar } from './types.js';

/** Calendar and time zone a computation uses, after defaults. */
export interface ResolvedCalendar {
  calendar: WorkingCalendar;
  timeZone: string;
}

/**
 * Applies the defaults of {@link DueDateOptions}: the calendar is the option, else the
 * jurisdiction's, else `gregorian-business`; the zone is the option, else `Asia/Shanghai` for
 * `cn`, else the jurisdiction's (see {@link deadlineTimeZone}: `Europe/Athens` for the EU), else `UTC`. Throws RangeError for an unknown zone.
 */
export function resolveCalendar(options: DueDateOptions = {}): ResolvedCalendar {
  const jurisdiction = options.jurisdiction ? getJurisdiction(options.jurisdiction) : undefined;
  const calendar = options.calendar ?? jurisdiction?.calendar ?? 'gregorian-business';
  const timeZone =
    options.timeZone ??
    (calendar === 'cn' ? 'Asia/Shanghai' : undefined) ??
    (jurisdiction ? deadlineTimeZone(jurisdiction.key) : 'UTC');
  assertTimeZone(timeZone);
  return { calendar, timeZone };
}
