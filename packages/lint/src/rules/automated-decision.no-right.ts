import { defineRule } from '../define-rule.js';
import { grantsRight, lawGrants } from '../helpers.js';

/** Automated decision-making without the right that goes with it. */
export const automatedDecisionNoRight = defineRule({
  code: 'automated-decision.no-right',
  severity: 'error',
  title: 'Automated decisions without the right to contest them',
  description:
    'Checks that when a purpose involves automated decisions, the policy grants the `automated-decision` right in every jurisdiction whose law grants it.',
  why: 'Subjects of decisions made solely by automated means may obtain human intervention, express their view and contest the decision (GDPR Art. 22(3)), and may refuse decisions with a major impact and ask for an explanation (PIPL Art. 24). Pledge routes such requests only for a right the manifest grants.',
  check(ctx, report) {
    const missing = ctx.jurisdictions
      .filter((j) => lawGrants(j, 'automated-decision') && !grantsRight(ctx, 'automated-decision', j.key))
      .map((j) => j.key);
    if (missing.length === 0) return;
    ctx.manifest.purposes.forEach((purpose, i) => {
      if (purpose.automatedDecisions) {
        report(
          ['purposes', i, 'automatedDecisions'],
          `purpose "${purpose.id}" makes automated decisions but the automated-decision right is not granted in ${missing.join(', ')}`,
        );
      }
    });
  },
  examples: {
    failing: {
      purposes: [{ id: 'analytics', automatedDecisions: true }],
      rights: [{ right: 'automated-decision', jurisdictions: ['cn-pipl'] }],
    },
    passing: {
      purposes: [{ id: 'analytics', automatedDecisions: true }],
      rights: [{ right: 'automated-decision', jurisdictions: ['eu-gdpr'] }],
    },
  },
});
