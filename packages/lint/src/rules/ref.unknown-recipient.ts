import { recipientReferences, unknownReferenceMessage } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** A tracker or transfer names a recipient the manifest does not declare. */
export const refUnknownRecipient = defineRule({
  code: 'ref.unknown-recipient',
  severity: 'error',
  title: 'Reference to an undeclared recipient',
  description:
    'Checks that the recipient of every tracker and every recipient of a transfer is declared under `recipients`.',
  why: 'The policy must name the recipients of personal data (GDPR Art. 13(1)(e); PIPL Art. 23 and Art. 39), and Pledge blocks a disclosure whose recipient, contracts and consent it cannot look up.',
  check(ctx, report) {
    for (const ref of recipientReferences(ctx.manifest)) {
      if (!ctx.recipients.has(ref.id))
        report(ref.path, unknownReferenceMessage('recipient', ref.id, ctx.recipients.keys()));
    }
  },
  examples: {
    failing: {
      transfers: {
        transfers: [{ id: 'support-us', to: 'US', recipients: ['helpdesk'], mechanisms: ['scc'] }],
      },
    },
    passing: {
      transfers: {
        transfers: [{ id: 'support-us', to: 'US', recipients: ['hosting'], mechanisms: ['scc'] }],
      },
    },
  },
});
