import { computeDueDate } from '@pledge/core';
import type { DeadlineRuleSpec } from './deadline-rules.js';

/** Kinds of reminder a request produces. */
export const REMINDER_KINDS = ['due-soon', 'overdue'] as const;

/** One of {@link REMINDER_KINDS}. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder and the instant it falls due. */
export interface ReminderInstant {
  kind: ReminderKind;
  at: Date;
}

const DAY_MS = 86_400_000;
const DAY_COUNTS = new Set(['days', 'working-days', 'business-days']);

/**
 * When to warn that a deadline is near. For a deadline counted in days, the warning comes when a
 * fifth of the period is left: from the start of the 12th counted day of 15 (the camera app's
 * "flag at day 12", the SpacemiT site's "working day 12"), i.e. once the 11th counted day has
 * ended. For weeks, months and years, and for an extended deadline: seven calendar days before
 * the due instant. Hours: at 80% of the period.
 */
export function dueSoonAt(rule: DeadlineRuleSpec, clockStartedAt: Date, due: Date, extended = false): Date {
  if (DAY_COUNTS.has(rule.unit) && !extended) {
    const warnOn = Math.max(1, Math.floor(rule.amount * 0.8));
    if (warnOn <= 1) return clockStartedAt;
    const options = {
      ...(rule.jurisdiction ? { jurisdiction: rule.jurisdiction } : {}),
      ...(rule.timeZone ? { timeZone: rule.timeZone } : {}),
    };
    const counted = { amount: warnOn - 1, unit: rule.unit, countsStartDay: rule.countsStartDay === true };
    const ended = computeDueDate(clockStartedAt, counted, options).due;
    return new Date(ended.getTime() + 1);
  }
  if (rule.unit === 'hours') {
    return new Date(clockStartedAt.getTime() + (due.getTime() - clockStartedAt.getTime()) * 0.8);
  }
  return new Date(Math.max(clockStartedAt.getTime(), due.getTime() - 7 * DAY_MS));
}

/**
 * The reminders of a deadline: `due-soon` (see {@link dueSoonAt}) and `overdue`, the first
 * instant after the due instant.
 */
export function reminderInstants(
  rule: DeadlineRuleSpec,
  clockStartedAt: Date,
  due: Date,
  extended = false,
): ReminderInstant[] {
  return [
    { kind: 'due-soon', at: dueSoonAt(rule, clockStartedAt, due, extended) },
    { kind: 'overdue', at: new Date(due.getTime() + 1) },
  ];
}
