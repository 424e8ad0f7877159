import { defineRule } from '../define-rule.js';

/** A recipient receives data for no stated purpose. */
export const recipientNoPurpose = defineRule({
  code: 'recipient.no-purpose',
  severity: 'warning',
  title: 'Recipient receives data for no purpose',
  description: 'Checks that a recipient that receives data categories lists at least one purpose.',
  why: 'Subjects must learn why their data is disclosed (GDPR Art. 13(1)(c) and (e); PIPL Art. 23 requires the recipient purpose and method of processing). Without a purpose, Pledge cannot decide whether a disclosure is allowed, so it never is.',
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      if (recipient.categories.length > 0 && recipient.purposes.length === 0) {
        report(
          ['recipients', i, 'purposes'],
          `recipient "${recipient.id}" receives data but lists no purpose`,
        );
      }
    });
  },
  examples: {
    failing: { recipients: [{ id: 'hosting', purposes: [] }] },
    passing: { recipients: [{ id: 'hosting', purposes: ['service', 'analytics'] }] },
  },
});
