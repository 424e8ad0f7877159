import { defineRule } from '../define-rule.js';

/** The policy carries no date. */
export const policyMissingDate = defineRule({
  code: 'policy.missing-date',
  severity: 'warning',
  title: 'Policy without a date',
  description: 'Checks that the policy has a `lastUpdated` or an `effectiveDate`.',
  why: 'Readers must be able to tell which version applied when: the CCPA regulations require the date the privacy policy was last updated (11 CCR §7011), and PIPL Art. 14 and GDPR Art. 13(3) tie changes of purpose to a fresh notice. Pledge also records the version each consent was given under.',
  check(ctx, report) {
    const { lastUpdated, effectiveDate } = ctx.manifest.policy;
    if (lastUpdated === undefined && effectiveDate === undefined) {
      report('policy', 'the policy has neither lastUpdated nor effectiveDate');
    }
  },
  examples: {
    failing: { policy: { lastUpdated: null } },
    passing: { policy: { lastUpdated: '2025-01-15' } },
  },
});
