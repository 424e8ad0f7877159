import { defineRule } from '../define-rule.js';

/** The policy does not say what happens to the data when the service stops. */
export const retentionCessationUnstated = defineRule({
  code: 'retention.cessation-unstated',
  severity: 'warning',
  title: 'No rule for when the service stops',
  description:
    'Checks that `retention.onCessation` says whether data is deleted or anonymised when the service stops operating.',
  why: 'PIPL Art. 47(1)(2) requires deleting personal information when the processor stops providing the product or service, and storage limitation (GDPR Art. 5(1)(e)) ends every purpose with the service. Pledge runs the cessation sweep only when the action is stated.',
  check(ctx, report) {
    if (ctx.manifest.retention.onCessation === 'unstated') {
      report(
        'retention.onCessation',
        'the policy does not say whether data is deleted or anonymised when the service stops',
      );
    }
  },
  examples: {
    failing: { retention: { onCessation: 'unstated' } },
    passing: { retention: { onCessation: 'delete' } },
  },
});
