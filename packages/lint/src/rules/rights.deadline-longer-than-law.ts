import { defineRule } from '../define-rule.js';
import { calendarDayBounds, formatDuration, statutoryDeadline } from '../helpers.js';

/** A right's deadline is longer than the law allows. */
export const rightsDeadlineLongerThanLaw = defineRule({
  code: 'rights.deadline-longer-than-law',
  severity: 'error',
  title: 'Deadline longer than the law allows',
  description:
    'Checks that the base deadline of every right is not longer than the statutory deadline of each jurisdiction it is granted in. It compares calendar-day bounds, so it only reports a deadline that is longer whatever day the request arrives (working days allow for weekends and public holidays). Each right is compared with its own statutory deadline where the law sets one (LGPD Art. 19 II: access). Engine defaults where the law sets no number (PIPL «timely», LGPD «immediately» for the other rights) are not compared.',
  why: 'A policy may promise faster answers than the law, never slower ones: GDPR Art. 12(3) allows one month (extendable by two with notice), CCPA §1798.130(a)(2) 45 days (plus 45), LGPD Art. 19 II 15 days for confirmation and access (other rights: at once or a reasoned reply, Art. 18 §4, so no number to compare), and opt-outs of sale under 11 CCR §7026 15 business days.',
  check(ctx, report) {
    ctx.manifest.rights.forEach((right, i) => {
      if (right.deadline === undefined) return;
      const [policyMin] = calendarDayBounds(right.deadline);
      for (const law of ctx.scope(right.jurisdictions)) {
        const deadline = statutoryDeadline(law, right.right);
        if (!deadline || deadline.value.origin === 'engine-default') continue;
        const [, lawMax] = calendarDayBounds(deadline.value);
        if (policyMin <= lawMax) continue;
        report(
          ['rights', i, 'deadline'],
          `deadline ${formatDuration(right.deadline)} for "${right.right}" is longer than ${formatDuration(deadline.value)} under ${law.key} (${deadline.cite.ref})`,
        );
      }
    });
  },
  examples: {
    failing: { rights: [{ right: 'access', deadline: { amount: 60, unit: 'days' } }] },
    passing: { rights: [{ right: 'access', deadline: { amount: 30, unit: 'days' } }] },
  },
});
