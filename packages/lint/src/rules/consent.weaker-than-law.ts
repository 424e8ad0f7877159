import { defineRule } from '../define-rule.js';
import { ACTIVE_CONSENT, consentStrength, purposeIn } from '../helpers.js';

/** A sensitive category is used on consent weaker than the law requires for sensitive data. */
export const consentWeakerThanLaw = defineRule({
  code: 'consent.weaker-than-law',
  severity: 'error',
  title: 'Consent for sensitive data weaker than the law requires',
  description:
    'For each of the policy jurisdictions that require consent before sensitive data is processed, other than PIPL (see `pipl.sensitive-without-separate-consent`), checks that a purpose that asks for consent there (its basis is consent, or its consent mode is not `none`) and uses a category sensitive there asks for at least the consent that law requires. Modes rank none < implied < opt-out < opt-in < separate = guardian. Opt-out regimes (the CCPA right to limit) are checked as a right by `rights.missing-statutory-right`.',
  why: 'Sensitive data carries stronger consent requirements: explicit consent under GDPR and UK GDPR Art. 9(2)(a), specific and highlighted consent under LGPD Art. 11(I). Consent weaker than that is no valid basis for it.',
  check(ctx, report) {
    ctx.manifest.purposes.forEach((purpose, i) => {
      for (const at of purposeIn(ctx, purpose)) {
        const law = at.jurisdiction;
        if (law.key === 'cn-pipl' || (at.basis !== 'consent' && at.consent === 'none')) continue;
        const required = law.sensitive.consentMode.value;
        if (!ACTIVE_CONSENT.has(required)) continue;
        if (consentStrength(at.consent) >= consentStrength(required)) continue;
        const sensitive = purpose.categories.filter((id) => ctx.isSensitive(id, law));
        if (sensitive.length === 0) continue;
        report(
          `purposes[${i}].consent.${at.consentKey}`,
          `purpose "${purpose.id}" uses sensitive data (${sensitive.map((id) => `"${id}"`).join(', ')}) under ${law.key} with "${at.consent}" consent; that law requires "${required}" (${law.sensitive.consentMode.cite.ref})`,
        );
      }
    });
  },
  examples: {
    failing: {
      categories: [{ id: 'usage', taxonomy: 'user.health', name: 'Health data' }],
      purposes: [{ id: 'analytics', consent: 'implied' }],
    },
    passing: {
      categories: [{ id: 'usage', taxonomy: 'user.health', name: 'Health data' }],
      purposes: [{ id: 'analytics', consent: 'opt-in' }],
    },
  },
});
