import { defineRule } from '../define-rule.js';
import { isPlaceholder } from '../placeholder.js';

/** An SDK or third party that receives data has no privacy policy link. */
export const recipientMissingPrivacyUrl = defineRule({
  code: 'recipient.missing-privacy-url',
  severity: 'warning',
  title: 'SDK or third party without a privacy policy link',
  description:
    'Checks that every SDK not declared to collect nothing, and every third party that receives data categories, has a `privacyUrl` that is neither blank nor a placeholder.',
  why: 'A third party processes the data under its own rules, which subjects can only learn from its policy. PIPL Art. 23 requires telling subjects who the recipient is and how it processes the data, and Chinese app guidance (GB/T 35273-2020 §9.7 on third-party access; the TC260 practice guide on apps using SDKs, 2020) expects each SDK to be listed with its rules. The camera-app seed gives 11 links for 12 SDKs.',
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      if (recipient.declaresNoCollection) return;
      if (recipient.kind !== 'sdk' && !(recipient.kind === 'third-party' && recipient.categories.length > 0))
        return;
      if (recipient.privacyUrl === undefined) {
        report(['recipients', i], `${recipient.kind} "${recipient.id}" has no privacy policy link`);
      } else if (isPlaceholder(recipient.privacyUrl)) {
        report(
          ['recipients', i, 'privacyUrl'],
          `privacy policy link of ${recipient.kind} "${recipient.id}" is blank or a placeholder`,
        );
      }
    });
  },
  examples: {
    failing: {
      recipients: [
        { id: 'map-sdk', name: 'Map SDK', kind: 'sdk', categories: ['usage'], purposes: ['service'] },
      ],
    },
    passing: {
      recipients: [
        {
          id: 'map-sdk',
          name: 'Map SDK',
          kind: 'sdk',
          privacyUrl: 'https://maps.acme-partner.net/privacy',
          categories: ['usage'],
          purposes: ['service'],
        },
      ],
    },
  },
});
