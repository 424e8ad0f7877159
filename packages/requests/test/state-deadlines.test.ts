import { describe, expect, it } from 'vitest';
import { appealDeadlineRule, computeRequestDeadline, deadlineRules } from '../src/index.js';

describe('US state deadlines', () => {
  it('Virginia: 45 days from receipt, 90 once extended, ending in New York time', () => {
    const rules = deadlineRules({ right: 'erasure', jurisdiction: 'us-va-vcdpa' });
    expect(rules).toMatchObject([
      { ref: 'jurisdiction:us-va-vcdpa', amount: 45, unit: 'days', extension: { amount: 45, unit: 'days' } },
    ]);
    const receivedAt = new Date('2026-03-02T15:00:00Z'); // 2 March, 10:00 in Richmond (EST)
    const plain = computeRequestDeadline(rules, { receivedAt });
    expect(plain.due?.toISOString()).toBe('2026-04-17T03:59:59.999Z'); // end of 16 April, EDT
    expect(plain.extensible).toBe(true);
    const extended = computeRequestDeadline(rules, { receivedAt, extended: true });
    expect(extended.due?.toISOString()).toBe('2026-06-01T03:59:59.999Z'); // end of 31 May, EDT
  });

  it('Virginia: an appeal is decided within 60 days of its receipt; Colorado within 45', () => {
    const virginia = appealDeadlineRule('us-va-vcdpa');
    expect(virginia).toMatchObject({ ref: 'jurisdiction:us-va-vcdpa:appeal', amount: 60, unit: 'days' });
    const due = computeRequestDeadline([virginia!], { receivedAt: new Date('2026-05-01T14:00:00Z') });
    expect(due.due?.toISOString()).toBe('2026-07-01T03:59:59.999Z'); // end of 30 June, EDT
    expect(appealDeadlineRule('us-co-cpa')).toMatchObject({ amount: 45, unit: 'days' });
  });

  it('laws without an appeal have no appeal deadline', () => {
    expect(appealDeadlineRule('eu-gdpr')).toBeUndefined();
    expect(appealDeadlineRule('in-dpdp')).toBeUndefined();
  });

  it('India: grievances within 90 days; the clock runs on through clarification', () => {
    const rule = deadlineRules({ right: 'access', jurisdiction: 'in-dpdp' });
    expect(rule).toMatchObject([{ amount: 90, unit: 'days', pausesForClarification: false }]);
  });
});
