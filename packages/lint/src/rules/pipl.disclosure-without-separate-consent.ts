import { defineRule } from '../define-rule.js';
import { piplOf } from '../pipl.js';

/** A third party receiving an e-mail address (example). */
const partner = () =>
  ({
    id: 'partner',
    name: 'Delivery partner',
    kind: 'third-party',
    privacyUrl: 'https://deliveries.acme-partner.net/privacy',
    categories: ['email'],
    purposes: ['service'],
  }) as const;

/** Under PIPL, data goes to another controller without a consent of its own. */
export const piplDisclosureWithoutSeparateConsent = defineRule({
  code: 'pipl.disclosure-without-separate-consent',
  severity: 'warning',
  title: 'Disclosure to another processor without separate consent (PIPL)',
  description:
    'When the policy addresses PIPL, checks that every third party or affiliate that receives data categories is marked `consentRequired`.',
  why: 'PIPL Art. 23 requires telling the individual the recipient name, contact, purpose, method and categories, and obtaining a separate consent, before providing personal information to another personal information processor (an independent controller, not an entrusted processor under Art. 21). A warning, because a disclosure on another Art. 13 basis (a legal duty) needs no consent.',
  check(ctx, report) {
    if (!piplOf(ctx)) return;
    ctx.manifest.recipients.forEach((recipient, i) => {
      if (recipient.kind !== 'third-party' && recipient.kind !== 'affiliate') return;
      if (recipient.categories.length === 0 || recipient.consentRequired) return;
      report(
        ['recipients', i, 'consentRequired'],
        `${recipient.kind} "${recipient.id}" receives personal information without a consent of its own`,
      );
    });
  },
  examples: {
    failing: { policy: { jurisdictions: ['cn-pipl'] }, recipients: [partner()] },
    passing: {
      policy: { jurisdictions: ['cn-pipl'] },
      recipients: [{ ...partner(), consentRequired: true }],
    },
  },
});
