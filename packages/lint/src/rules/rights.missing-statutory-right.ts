import { defineRule } from '../define-rule.js';
import { grantsRight } from '../helpers.js';

/** A law grants a right the policy does not grant there. */
export const rightsMissingStatutoryRight = defineRule({
  code: 'rights.missing-statutory-right',
  severity: 'warning',
  title: 'Statutory right missing from the policy',
  description:
    'For each of the policy jurisdictions, checks that every right that law grants is granted by the policy there (`know` and `access` count as one; a complaint right is also met by naming a regulator under `complaints.regulators`).',
  why: 'The policy must tell subjects each right they have (GDPR Art. 13(2)(b)-(d); PIPL Art. 17(1)(3); CCPA §1798.130(a)(5)), and Pledge only accepts requests for rights the manifest grants. A right the law grants but the policy omits cannot be exercised through it.',
  check(ctx, report) {
    const regulators = (ctx.manifest.complaints?.regulators.length ?? 0) > 0;
    for (const law of ctx.jurisdictions) {
      for (const right of law.rights.value) {
        if (right === 'complaint' && regulators) continue;
        if (grantsRight(ctx, right, law.key)) continue;
        report('rights', `${law.key} grants the right "${right}" but the policy does not grant it there`);
      }
    }
  },
  examples: {
    failing: { rights: [{ right: 'portability', jurisdictions: ['cn-pipl'] }] },
    passing: { rights: [{ right: 'portability', jurisdictions: ['eu-gdpr'] }] },
  },
});
