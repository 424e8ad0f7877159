import { runtimeDefault } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** Breaches are not reported to the authority where the law requires it. */
export const breachNoAuthority = defineRule({
  code: 'breach.no-authority',
  severity: 'error',
  title: 'Breaches not reported to the authority',
  description:
    'Checks that `breach.notifyAuthority` is on when one of the policy jurisdictions requires notifying a regulator.',
  why: 'Reporting to the regulator is a duty, not an option: GDPR Art. 33(1) within 72 hours, PIPL Art. 57 immediately, LGPD Art. 48 (3 business days under ANPD Resolution 15/2024), and the California Attorney General under Cal. Civ. Code §1798.82(f) when more than 500 residents are notified of one breach (within 15 days of notifying them).',
  check(ctx, report) {
    const breach = ctx.manifest.breach;
    if (!breach || (breach.notifyAuthority ?? runtimeDefault('breach.notifyAuthority'))) return;
    const laws = ctx.jurisdictions.filter((j) => j.breach.authorityDeadline.value !== 'none');
    if (laws.length === 0) return;
    const required = laws.map((j) => {
      const above = j.breach.authorityAbove;
      return above ? `${j.key} (above ${above.value} residents, ${above.cite.ref.split(':')[0]})` : j.key;
    });
    report(
      'breach.notifyAuthority',
      `breaches are not reported to the authority, which ${required.join(', ')} require`,
    );
  },
  examples: {
    failing: { breach: { notifyAuthority: false } },
    passing: { breach: { notifyAuthority: true } },
  },
});
