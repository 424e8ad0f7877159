import { computeDueDate, type DeadlineRule, type DueDateOptions } from '@pledge/core';
import type { DeadlineRuleSpec } from './deadline-rules.js';

/** The times a request's deadline depends on. */
export interface DeadlineClock {
  receivedAt: Date;
  /** Omitted or null: not verified yet. */
  verifiedAt?: Date | null;
  /** Milliseconds spent waiting for clarification so far (counted only where a rule pauses). */
  pausedMs?: number;
  /** Whether the deadline was extended. */
  extended?: boolean;
}

/** One rule's due instant, or null while its clock has not started (waiting for verification). */
export interface RuleDue {
  ref: string;
  clockStartedAt: Date | null;
  due: Date | null;
  /** The due instant if the request were extended; null when the rule allows no extension. */
  extendedDue: Date | null;
}

/** The deadline of a request: the stricter (earlier) of the rules whose clock runs. */
export interface RequestDeadline {
  /** Null while no rule's clock runs yet. */
  due: Date | null;
  /** The rule that set `due`. */
  ref: string | null;
  rules: RuleDue[];
  /** Whether an extension is possible: every rule allows one. */
  extensible: boolean;
  /** Days were counted Monday to Friday for lack of official calendar data. */
  fallback: boolean;
  /**
   * Some counted day lies in a year whose calendar is derived, not published (the Chinese
   * schedule before the State Council notice): the due instant may move once it is published.
   */
  provisional: boolean;
}

/** How far a count could trust its calendar (see `computeDueDate`). */
type Coverage = { fallback: boolean; provisional: boolean };

function clockStart(rule: DeadlineRuleSpec, clock: DeadlineClock): Date | null {
  const verified = clock.verifiedAt ?? null;
  switch (rule.clockStart) {
    case 'receipt':
      return clock.receivedAt;
    case 'verification':
      return verified;
    case 'later-of-receipt-and-verification':
      return verified && verified > clock.receivedAt ? verified : verified ? clock.receivedAt : null;
  }
}

function options(rule: DeadlineRuleSpec): DueDateOptions {
  return {
    ...(rule.jurisdiction ? { jurisdiction: rule.jurisdiction } : {}),
    ...(rule.timeZone ? { timeZone: rule.timeZone } : {}),
  };
}

/** Due instant of one rule from its start, extended or not. */
function ruleDue(
  rule: DeadlineRuleSpec,
  start: Date,
  extended: boolean,
  note: (result: Coverage) => void,
): Date | null {
  const counts = rule.countsStartDay ? { countsStartDay: true } : {};
  const base: DeadlineRule = { amount: rule.amount, unit: rule.unit, ...counts };
  if (!extended) {
    const result = computeDueDate(start, base, options(rule));
    note(result);
    return result.due;
  }
  const extension = rule.extension;
  if (!extension) return null;
  // Same unit: one count from the start (1 + 2 months = 3 months; 45 + 45 days = 90 days);
  // otherwise the extension is counted on from the original due instant.
  if (extension.unit === rule.unit) {
    const result = computeDueDate(
      start,
      { amount: rule.amount + extension.amount, unit: rule.unit, ...counts },
      options(rule),
    );
    note(result);
    return result.due;
  }
  const first = computeDueDate(start, base, options(rule));
  const second = computeDueDate(first.due, extension, options(rule));
  note(first);
  note(second);
  return second.due;
}

/**
 * Computes a request's deadline from its rules: each rule's clock starts at receipt or
 * verification as the rule says, moves later by the time spent waiting for clarification where
 * the rule pauses, and counts in the rule's unit and calendar (see `computeDueDate` in
 * `@pledge/core`). The earliest due instant wins. Once extended, each rule's extended due instant
 * counts instead; a rule without an extension keeps its original one, so the stricter still wins.
 * `fallback` and `provisional` describe the calendar behind the winning due instant.
 */
export function computeRequestDeadline(
  rules: readonly DeadlineRuleSpec[],
  clock: DeadlineClock,
): RequestDeadline {
  // How each rule's due instant in force was counted: only the winner's coverage is reported.
  const coverage = new Map<string, Coverage>();
  const out: RuleDue[] = rules.map((rule) => {
    const started = clockStart(rule, clock);
    if (!started) return { ref: rule.ref, clockStartedAt: null, due: null, extendedDue: null };
    const start = rule.pausesForClarification ? new Date(started.getTime() + (clock.pausedMs ?? 0)) : started;
    const inForce = clock.extended && rule.extension ? 'extended' : 'base';
    const note = (which: typeof inForce) => (result: Coverage) => {
      if (which !== inForce) return;
      const seen = coverage.get(rule.ref) ?? { fallback: false, provisional: false };
      coverage.set(rule.ref, {
        fallback: seen.fallback || result.fallback,
        provisional: seen.provisional || result.provisional,
      });
    };
    return {
      ref: rule.ref,
      clockStartedAt: started,
      due: ruleDue(rule, start, false, note('base')),
      extendedDue: ruleDue(rule, start, true, note('extended')),
    };
  });
  let due: Date | null = null;
  let ref: string | null = null;
  for (const rule of out) {
    const candidate = clock.extended ? (rule.extendedDue ?? rule.due) : rule.due;
    if (candidate && (!due || candidate < due)) {
      due = candidate;
      ref = rule.ref;
    }
  }
  const { fallback, provisional } = (ref !== null ? coverage.get(ref) : undefined) ?? {
    fallback: false,
    provisional: false,
  };
  const extensible = rules.length > 0 && rules.every((rule) => rule.extension !== undefined);
  return { due, ref, rules: out, extensible, fallback, provisional };
}
