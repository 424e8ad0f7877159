import { defineRule } from '../define-rule.js';

/** A retention rule gives no duration. */
export const retentionMissingDuration = defineRule({
  code: 'retention.missing-duration',
  severity: 'warning',
  title: 'Retention rule without a duration',
  description: 'Checks that every retention rule has a `duration`.',
  why: 'The policy must state the retention period or, if that is impossible, the criteria used to set it (GDPR Art. 13(2)(a); PIPL Art. 17(1)(2) and Art. 19). Criteria alone («no longer than necessary») may meet the wording of the law, but Pledge cannot sweep on them: without a number nothing is ever deleted. All three seed policies give criteria and no numbers.',
  check(ctx, report) {
    ctx.manifest.retention.rules.forEach((rule, i) => {
      if (rule.duration !== undefined) return;
      const criteria = rule.criteria.length > 0 ? ' (it gives criteria only)' : ' and no criteria';
      report(['retention', 'rules', i], `retention rule "${rule.id}" has no duration${criteria}`);
    });
  },
  examples: {
    failing: {
      retention: {
        rules: [
          { id: 'usage-logs', duration: null, criteria: ['No longer than necessary for the purposes'] },
        ],
      },
    },
    passing: { retention: { rules: [{ id: 'usage-logs', duration: { amount: 13, unit: 'months' } }] } },
  },
});
