import { defineRule } from '../define-rule.js';
import { grantsRight } from '../helpers.js';

/** Sale, sharing or targeted advertising under the CCPA without a way to opt out. */
export const ccpaNoOptOut = defineRule({
  code: 'ccpa.no-opt-out',
  severity: 'error',
  title: 'Sale or sharing without an opt-out (CCPA)',
  description:
    'When the policy addresses the CCPA, checks that every purpose that sells or shares personal information or does targeted advertising has an `opt-out-sale` right granted in California and a consent mode there that lets the consumer refuse (opt-out, opt-in, separate or guardian; not none or implied).',
  why: 'Consumers have the right to opt out of the sale and sharing of their personal information (Cal. Civ. Code §1798.120), exercised through a «Do Not Sell or Share My Personal Information» link (§1798.135(a)); cross-context behavioural advertising is sharing (§1798.140(ah)). A sale with no opt-out cannot be stopped.',
  check(ctx, report) {
    if (!ctx.jurisdictions.some((j) => j.key === 'us-ca-ccpa')) return;
    const hasRight = grantsRight(ctx, 'opt-out-sale', 'us-ca-ccpa');
    ctx.manifest.purposes.forEach((purpose, i) => {
      if (!purpose.sale && !purpose.targetedAdvertising) return;
      const mode = ctx.valueIn(purpose.consent, 'us-ca-ccpa');
      const refusable = mode !== 'none' && mode !== 'implied';
      if (hasRight && refusable) return;
      const missing = [
        ...(hasRight ? [] : ['no opt-out-sale right is granted in us-ca-ccpa']),
        ...(refusable ? [] : [`its consent mode there is "${mode}"`]),
      ];
      const flag = purpose.sale ? 'sale' : 'targetedAdvertising';
      report(
        ['purposes', i, flag],
        `purpose "${purpose.id}" sells or shares personal information but ${missing.join(' and ')}`,
      );
    });
  },
  examples: {
    failing: {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      purposes: [{ id: 'analytics', targetedAdvertising: true, consent: 'implied' }],
    },
    passing: {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      signals: { showsSignalStatus: true },
      purposes: [{ id: 'analytics', targetedAdvertising: true, consent: 'opt-out' }],
    },
  },
});
