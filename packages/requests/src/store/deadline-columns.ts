import { computeRequestDeadline, type DeadlineClock } from '../deadlines/compute-deadline.js';
import type { DeadlineRuleSpec } from '../deadlines/deadline-rules.js';
import { dueSoonAt } from '../deadlines/reminders.js';

/** The deadline columns of a request, computed from its rules and clock. */
export interface DeadlineColumns {
  due_at: Date | null;
  due_rule: string | null;
  remind_at: Date | null;
}

/** Computes `due_at`, `due_rule` and `remind_at`, plus whether an extension is possible. */
export function deadlineColumns(
  rules: readonly DeadlineRuleSpec[],
  clock: DeadlineClock,
): DeadlineColumns & { extensible: boolean } {
  const deadline = computeRequestDeadline(rules, clock);
  const winner = rules.find((rule) => rule.ref === deadline.ref);
  const started = deadline.rules.find((rule) => rule.ref === deadline.ref)?.clockStartedAt ?? null;
  const remind =
    winner && started && deadline.due
      ? dueSoonAt(winner, started, deadline.due, clock.extended ?? false)
      : null;
  return { due_at: deadline.due, due_rule: deadline.ref, remind_at: remind, extensible: deadline.extensible };
}
