import { defineRule } from '../define-rule.js';
import { purposeIn } from '../helpers.js';

/** A purpose names consent as its basis but collects no consent. */
export const purposeConsentBasisWithoutMode = defineRule({
  code: 'purpose.consent-basis-without-mode',
  severity: 'error',
  title: 'Consent basis without a consent mode',
  description:
    'For each of the policy jurisdictions, checks that a purpose whose legal basis there is consent has a consent mode other than `none` there.',
  why: 'Processing based on consent needs a consent the controller can show (GDPR Art. 7(1); PIPL Art. 14). With mode `none`, Pledge would never ask, so the purpose would run with no basis at all.',
  check(ctx, report) {
    ctx.manifest.purposes.forEach((purpose, i) => {
      const seen = new Set<string>();
      for (const at of purposeIn(ctx, purpose)) {
        if (at.basis !== 'consent' || at.consent !== 'none') continue;
        const path = `purposes[${i}].consent.${at.consentKey}`;
        if (seen.has(path)) continue;
        seen.add(path);
        report(
          path,
          `purpose "${purpose.id}" is based on consent under ${at.jurisdiction.key} but its consent mode there is "none"`,
        );
      }
    });
  },
  examples: {
    failing: { purposes: [{ id: 'analytics', consent: 'none' }] },
    passing: { purposes: [{ id: 'analytics', consent: 'opt-in' }] },
  },
});
