import { defineRule } from '../define-rule.js';
import { purposeIn } from '../helpers.js';

/** Under PIPL, a consent-based purpose uses sensitive personal information without separate consent. */
export const piplSensitiveWithoutSeparateConsent = defineRule({
  code: 'pipl.sensitive-without-separate-consent',
  severity: 'error',
  title: 'Sensitive personal information without separate consent (PIPL)',
  description:
    'When the policy addresses PIPL, checks that every purpose that asks for consent there (its basis is consent, or its consent mode is not `none`) and uses a category sensitive under PIPL Art. 28 (biometrics, religion, specific identity, health, financial accounts, whereabouts, minors under 14) asks for `separate` (or `guardian`) consent there.',
  why: 'PIPL Art. 29 requires a separate consent (单独同意) for processing sensitive personal information, apart from the general agreement to the policy, with the notice of necessity and impact of Art. 30; implied or bundled consent does not count. A purpose on another Art. 13 basis (contract, legal duty) with consent mode `none` needs no consent; one that asks for consent anyway, such as a system permission prompt, must ask separately. Other jurisdictions are checked by `consent.weaker-than-law`.',
  check(ctx, report) {
    ctx.manifest.purposes.forEach((purpose, i) => {
      for (const at of purposeIn(ctx, purpose)) {
        if (at.jurisdiction.key !== 'cn-pipl') continue;
        // Consent is not needed on another Art. 13 basis, but any consent the policy asks for must be separate.
        if (at.basis !== 'consent' && at.consent === 'none') continue;
        if (at.consent === 'separate' || at.consent === 'guardian') continue;
        const sensitive = purpose.categories.filter((id) => ctx.isSensitive(id, at.jurisdiction));
        if (sensitive.length === 0) continue;
        report(
          `purposes[${i}].consent.${at.consentKey}`,
          `purpose "${purpose.id}" uses sensitive personal information (${sensitive.map((id) => `"${id}"`).join(', ')}) under cn-pipl with "${at.consent}" consent instead of a separate consent`,
        );
      }
    });
  },
  examples: {
    failing: {
      policy: { jurisdictions: ['cn-pipl'] },
      categories: [{ id: 'usage', taxonomy: 'user.location.precise', name: 'Precise location' }],
      purposes: [{ id: 'analytics', consent: 'opt-in' }],
    },
    passing: {
      policy: { jurisdictions: ['cn-pipl'] },
      categories: [{ id: 'usage', taxonomy: 'user.location.precise', name: 'Precise location' }],
      purposes: [{ id: 'analytics', consent: 'separate' }],
    },
  },
});
