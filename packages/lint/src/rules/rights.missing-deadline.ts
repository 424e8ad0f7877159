import { defineRule } from '../define-rule.js';
import { formatDuration, statutoryDeadline } from '../helpers.js';

/** A right has no deadline where a law sets one. */
export const rightsMissingDeadline = defineRule({
  code: 'rights.missing-deadline',
  severity: 'error',
  title: 'Right without a deadline where the law sets one',
  description:
    'Checks that every right granted in a jurisdiction whose law sets an answer deadline for it has a `deadline`. Complaints to a regulator and withdrawals of consent (effective at once) are not deadline-bound.',
  why: 'Requests must be answered within a set time: one month under GDPR Art. 12(3), 45 days under CCPA §1798.130(a)(2), 15 days under LGPD Art. 19, «timely» under PIPL Arts. 45-46 (Pledge applies 15 working days). A policy with no deadline promises nothing a subject can hold it to, and the AntSentry seed sets none at all.',
  check(ctx, report) {
    ctx.manifest.rights.forEach((right, i) => {
      if (right.deadline !== undefined) return;
      const laws = ctx.scope(right.jurisdictions).flatMap((law) => {
        const deadline = statutoryDeadline(law, right.right);
        if (!deadline) return [];
        const standard = deadline.value.standard === 'timely' ? ' "timely"; Pledge applies' : '';
        return [`${law.key}:${standard} ${formatDuration(deadline.value)}`];
      });
      if (laws.length === 0) return;
      report(['rights', i], `right "${right.right}" has no deadline (${laws.join('; ')})`);
    });
  },
  examples: {
    failing: { rights: [{ right: 'access', deadline: null }] },
    passing: { rights: [{ right: 'access', deadline: { amount: 1, unit: 'months' } }] },
  },
});
