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
    ctx.manifest.trackers.forEach((tracker, i) => {
      if (tracker.recipient !== undefined && !ctx.recipients.has(tracker.recipient)) {
        report(
          ['trackers', i, 'recipient'],
          `recipient "${tracker.recipient}" is not declared under recipients`,
        );
      }
    });
    ctx.manifest.transfers.transfers.forEach((transfer, i) => {
      transfer.recipients.forEach((id, j) => {
        if (!ctx.recipients.has(id)) {
          report(
            ['transfers', 'transfers', i, 'recipients', j],
            `recipient "${id}" is not declared under recipients`,
          );
        }
      });
    });
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
