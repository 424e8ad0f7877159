import { type DeadlineGap, deadlineCalendarGaps } from '@pledge/core';
import { defineRule } from '../define-rule.js';

function describeGap(gap: DeadlineGap): string {
  return gap.status === 'provisional'
    ? `${gap.year}, whose Chinese working calendar is derived from the holiday rules, not yet published by the State Council (provisional)`
    : `${gap.year}, for which Pledge has no Chinese working calendar (its days would be counted Monday to Friday)`;
}

/** A working-day request deadline may fall in a year without an official holiday schedule. */
export const calendarProvisionalYear = defineRule({
  code: 'calendar.provisional-year',
  severity: 'info',
  title: 'Request deadlines may fall in a year without an official working calendar',
  description:
    'For each policy jurisdiction counted on the Chinese working calendar (cn-pipl), counts the longest working-day request deadline (the law’s or the policy’s) from the present (the server’s clock; without one, the policy date) and reports each year it may reach whose holiday schedule is provisional or missing.',
  why: 'Chinese working days depend on the State Council General Office notice for each year (部分节假日安排的通知, published around November), which moves holidays and makes some weekends working days (调休). Until it is out, Pledge counts on a derived schedule and flags those deadlines provisional; the officer should know that a due date may move by days once the notice is published.',
  check(ctx, report) {
    if (!ctx.clock) return;
    const from = ctx.clock.toISOString().slice(0, 10);
    for (const gap of deadlineCalendarGaps(ctx.manifest, ctx.clock)) {
      report(
        'policy.jurisdictions',
        `${gap.jurisdiction}: a deadline of ${gap.amount} working days counted from ${from} may fall in ${describeGap(gap)}`,
      );
    }
  },
  examples: {
    failing: { policy: { jurisdictions: ['cn-pipl'], lastUpdated: '2026-12-20' } },
    passing: { policy: { lastUpdated: '2026-12-20' } },
  },
});
