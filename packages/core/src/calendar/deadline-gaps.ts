import { getJurisdiction } from '../jurisdictions/index.js';
import type { Jurisdiction } from '../jurisdictions/types.js';
import type { Manifest } from '../manifest/schema/index.js';
import { type ScheduleGap, scheduleGaps } from './schedule-gaps.js';

/** A year without an official schedule that a policy's request deadline may reach. */
export interface DeadlineGap extends ScheduleGap {
  jurisdiction: Jurisdiction['key'];
  /** The working-day count that reaches it: the longest of the law's and the policy's. */
  amount: number;
}

/** The longest working-day request deadline that runs on a jurisdiction's calendar. */
function longestWorkingDays(law: Jurisdiction, rights: Manifest['rights']): number {
  const counts = rights
    .filter((r) => r.jurisdictions.length === 0 || r.jurisdictions.includes(law.key))
    .flatMap((r) => (r.deadline?.unit === 'working-days' ? [r.deadline.amount] : []));
  const statutory = law.requestDeadline.value;
  if (statutory.unit === 'working-days') counts.push(statutory.amount);
  return Math.max(0, ...counts);
}

/**
 * For each policy jurisdiction counted on a working calendar that needs data (`cn`), the years
 * without an official schedule that its longest working-day request deadline (the law's or the
 * policy's) may reach when counted from `from`. Empty when every such deadline stays inside
 * published years: what lint `calendar.provisional-year` and the console dashboard report.
 */
export function deadlineCalendarGaps(
  manifest: Pick<Manifest, 'policy' | 'rights'>,
  from: Date,
): DeadlineGap[] {
  const gaps: DeadlineGap[] = [];
  for (const key of manifest.policy.jurisdictions) {
    const law = getJurisdiction(key);
    if (!law || law.calendar === 'gregorian-business') continue;
    const amount = longestWorkingDays(law, manifest.rights);
    if (amount === 0) continue;
    for (const gap of scheduleGaps(from, { amount, unit: 'working-days' }, { jurisdiction: law.key })) {
      gaps.push({ ...gap, jurisdiction: law.key, amount });
    }
  }
  return gaps;
}
