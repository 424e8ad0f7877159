import { defineRule } from '../define-rule.js';

/** A transfer abroad that does not name its destination. */
export const transferUnknownDestination = defineRule({
  code: 'transfer.unknown-destination',
  severity: 'warning',
  title: 'Transfer to an unspecified country',
  description: 'Checks that no transfer uses the destination `XX` (unspecified).',
  why: 'Subjects must be told the third country their data goes to and the safeguard used (GDPR Art. 13(1)(f); PIPL Art. 39 requires the overseas recipient name and contact). The safeguard itself depends on the destination (adequacy, GDPR Art. 45), so an unnamed country cannot be checked.',
  check(ctx, report) {
    ctx.manifest.transfers.transfers.forEach((transfer, i) => {
      if (transfer.to.toUpperCase() === 'XX') {
        report(
          ['transfers', 'transfers', i, 'to'],
          `transfer "${transfer.id}" does not name its destination country`,
        );
      }
    });
  },
  examples: {
    failing: {
      transfers: { transfers: [{ id: 'support', to: 'XX', recipients: ['hosting'], mechanisms: ['scc'] }] },
    },
    passing: {
      transfers: { transfers: [{ id: 'support', to: 'US', recipients: ['hosting'], mechanisms: ['scc'] }] },
    },
  },
});
