import { defineRule } from '../define-rule.js';
import { ageBoundJurisdictions, consentRulesIn } from '../minors.js';

/** A law sets a digital-consent age but the policy has no age rule for it. */
export const minorsNoRule = defineRule({
  code: 'minors.no-rule',
  severity: 'warning',
  title: 'No minors rule where the law sets an age',
  description:
    'For each of the policy jurisdictions, checks that at least one minors rule bars children or requires a guardian consent there (a rule with no jurisdictions applies everywhere).',
  why: 'Every supported law sets an age below which a guardian consents for the child (GDPR Art. 8; PIPL Art. 31; UK GDPR Art. 8(1); LGPD Art. 14; CCPA §1798.120(c) for sale). Without a rule, Pledge has no age below which to ask for a guardian, and nothing stops a child consenting alone.',
  check(ctx, report) {
    for (const law of ageBoundJurisdictions(ctx)) {
      if (consentRulesIn(ctx, law).length > 0) continue;
      report(
        'minors.rules',
        `${law.key} requires a guardian consent below age ${law.minors.digitalConsentAge.value} but no minors rule applies there`,
      );
    }
  },
  examples: {
    failing: { minors: { rules: [{ below: 18, rule: 'guardian-guidance' }] } },
    passing: {
      minors: {
        rules: [
          { below: 16, rule: 'guardian-consent' },
          { below: 18, rule: 'guardian-guidance' },
        ],
      },
    },
  },
});
