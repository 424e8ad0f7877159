import { defineRule } from '../define-rule.js';

/** A third-party tracker does not say which third party gets the data. */
export const trackerThirdPartyWithoutRecipient = defineRule({
  code: 'tracker.third-party-without-recipient',
  severity: 'warning',
  title: 'Third-party tracker without a recipient',
  description: 'Checks that every tracker with `party: third` names the recipient that sets or receives it.',
  why: 'A third-party tracker discloses data to that third party, which the policy must identify (GDPR Art. 13(1)(e); PIPL Art. 23 requires its name and contact details). «Some third parties», as the AntSentry seed writes, identifies nobody, and Pledge cannot check the contracts or consent for it.',
  check(ctx, report) {
    ctx.manifest.trackers.forEach((tracker, i) => {
      if (tracker.party === 'third' && tracker.recipient === undefined) {
        report(['trackers', i], `third-party tracker "${tracker.id}" names no recipient`);
      }
    });
  },
  examples: {
    failing: {
      trackers: [
        { id: 'cdn-stats', name: 'CDN statistics', kind: 'pixel', party: 'third', purposes: ['analytics'] },
      ],
    },
    passing: {
      trackers: [
        {
          id: 'cdn-stats',
          name: 'CDN statistics',
          kind: 'pixel',
          party: 'third',
          recipient: 'hosting',
          purposes: ['analytics'],
        },
      ],
    },
  },
});
