import { defineRule } from '../define-rule.js';

/** A category no retention rule covers. */
export const retentionUncoveredCategory = defineRule({
  code: 'retention.uncovered-category',
  severity: 'warning',
  title: 'Category without a retention rule',
  description: 'Checks that every declared category is covered by at least one retention rule.',
  why: 'Personal data may be kept no longer than its purposes need, and the policy must say how long that is for each kind of data (GDPR Art. 5(1)(e) and 13(2)(a); PIPL Art. 19). A category with no rule is kept forever by default, and Pledge never sweeps it.',
  check(ctx, report) {
    const covered = new Set(ctx.manifest.retention.rules.flatMap((rule) => rule.categories));
    ctx.manifest.categories.forEach((category, i) => {
      if (!covered.has(category.id))
        report(['categories', i], `category "${category.id}" is covered by no retention rule`);
    });
  },
  examples: {
    failing: { retention: { rules: [{ id: 'usage-logs', categories: ['email'] }] } },
    passing: { retention: { rules: [{ id: 'usage-logs', categories: ['usage'] }] } },
  },
});
