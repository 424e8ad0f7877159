import { describe, expect, it } from 'vitest';
import { computeRequestDeadline, type DeadlineRuleSpec, deadlineRules } from '../src/index.js';
import { exampleManifest } from './helpers.js';

function erasureRule(): DeadlineRuleSpec {
  const rules = deadlineRules({ right: 'erasure', manifest: exampleManifest('spacemit-site') });
  expect(rules).toHaveLength(1);
  return rules[0] as DeadlineRuleSpec;
}

describe('request deadlines on the official Chinese working calendar', () => {
  it('P2-17: 15 working days across the 2026 Spring Festival: the holiday is skipped, both adjusted working Saturdays count', () => {
    // Tuesday 10 February 2026, 10:00 in Beijing. Working days: 11, 12, 13, Saturday 14 (调休上班),
    // then 15-23 February off (春节), 24-27, Saturday 28 (调休上班), 2-6 March and Monday 9 March.
    const deadline = computeRequestDeadline([erasureRule()], {
      receivedAt: new Date('2026-02-10T02:00:00Z'),
    });
    expect(deadline.due?.toISOString()).toBe('2026-03-09T15:59:59.999Z'); // end of 9 March, Beijing
    expect(deadline).toMatchObject({ fallback: false, provisional: false });
  });

  it('P2-17: a deadline counted into 2027, whose schedule is derived and not yet published, is flagged provisional', () => {
    // Friday 18 December 2026: the 15th working day falls in January 2027.
    const deadline = computeRequestDeadline([erasureRule()], {
      receivedAt: new Date('2026-12-18T02:00:00Z'),
    });
    expect(deadline.provisional).toBe(true);
    expect(deadline.fallback).toBe(false);
    // 21-31 December: 9 working days; 1-3 January 2027 off (provisional), 4-8 January: 5 more;
    // Saturday 9 January is not a make-up day in the derived schedule; Monday 11 January is the 15th.
    expect(deadline.due?.toISOString()).toBe('2027-01-11T15:59:59.999Z');
  });

  it('does not flag a request whose deadline in force stays in an official year, even if its extension would not', () => {
    const rule = erasureRule();
    expect(rule.extension).toBeDefined();
    // Tuesday 1 December 2026: 15 working days end on 22 December; the extension would reach 2027.
    const receivedAt = new Date('2026-12-01T02:00:00Z');
    const base = computeRequestDeadline([rule], { receivedAt });
    expect(base.due?.toISOString()).toBe('2026-12-22T15:59:59.999Z');
    expect(base.provisional).toBe(false);
    const extended = computeRequestDeadline([rule], { receivedAt, extended: true });
    expect(extended.provisional).toBe(true);
  });
});
