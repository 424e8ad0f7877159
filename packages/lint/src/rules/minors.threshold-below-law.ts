import { defineRule } from '../define-rule.js';
import { ageBoundJurisdictions, consentRulesIn } from '../minors.js';

/** The policy's age threshold is below the age the law sets. */
export const minorsThresholdBelowLaw = defineRule({
  code: 'minors.threshold-below-law',
  severity: 'error',
  title: 'Minors threshold below the law',
  description:
    'For each of the policy jurisdictions, takes the highest age below which the policy bars children or requires a guardian consent there, and checks it reaches the age below which that law requires a guardian consent.',
  why: 'Below the digital-consent age a child cannot consent alone: 16 under GDPR Art. 8(1) unless a member state lowers it (to no less than 13), 14 under PIPL Art. 31, 13 under UK GDPR Art. 8(1), and for selling or sharing, 13 (guardian) and 16 (opt-in) under CCPA §1798.120(c). A lower threshold lets children consent where the law says they cannot. The AntSentry seed bars only under-14s, while it addresses EEA users.',
  check(ctx, report) {
    for (const law of ageBoundJurisdictions(ctx)) {
      const rules = consentRulesIn(ctx, law);
      if (rules.length === 0) continue;
      const highest = rules.reduce((a, b) => (b.rule.below > a.rule.below ? b : a));
      const age = law.minors.digitalConsentAge.value;
      if (highest.rule.below >= age) continue;
      const minimum = law.minors.minimumAllowedAge?.value;
      const lowered =
        minimum !== undefined && highest.rule.below >= minimum
          ? `; only states that lowered the age to ${highest.rule.below} or less allow it`
          : '';
      report(
        ['minors', 'rules', highest.index, 'below'],
        `under ${law.key} a guardian must consent below age ${age} (${law.minors.digitalConsentAge.cite.ref}) but the policy threshold is ${highest.rule.below}${lowered}`,
      );
    }
  },
  examples: {
    failing: { minors: { rules: [{ below: 14, rule: 'guardian-consent' }] } },
    passing: { minors: { rules: [{ below: 16, rule: 'guardian-consent' }] } },
  },
});
