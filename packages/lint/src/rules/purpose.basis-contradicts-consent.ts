import { defineRule } from '../define-rule.js';
import { ACTIVE_CONSENT, purposeIn } from '../helpers.js';

/** A purpose rests on a basis other than consent while the policy also asks for consent. */
export const purposeBasisContradictsConsent = defineRule({
  code: 'purpose.basis-contradicts-consent',
  severity: 'error',
  title: 'Legal basis contradicts the consent the policy requires',
  description:
    'For each of the policy jurisdictions, checks that a purpose whose consent mode there is opt-in, separate or guardian consent also names consent as its legal basis there.',
  why: 'A controller must not present one basis and rely on another: asking for consent while claiming contract (or legitimate interests) misleads subjects about what withdrawing consent changes (GDPR Art. 6(1) and 13(1)(c); EDPB Guidelines 05/2020 on consent, section 6 on the interaction with other lawful bases). The AntSentry seed does this for marketing e-mail: express consent in its general part, contract in its EEA section.',
  check(ctx, report) {
    ctx.manifest.purposes.forEach((purpose, i) => {
      const seen = new Set<string>();
      for (const at of purposeIn(ctx, purpose)) {
        if (at.basis === 'consent' || !ACTIVE_CONSENT.has(at.consent)) continue;
        const path = `purposes[${i}].legalBasis.${at.basisKey}`;
        if (seen.has(path)) continue;
        seen.add(path);
        report(
          path,
          `purpose "${purpose.id}" requires ${at.consent} consent under ${at.jurisdiction.key} but names "${at.basis}" as its legal basis there`,
        );
      }
    });
  },
  examples: {
    failing: { purposes: [{ id: 'analytics', legalBasis: { default: 'consent', 'eu-gdpr': 'contract' } }] },
    passing: { purposes: [{ id: 'analytics', legalBasis: { default: 'consent', 'eu-gdpr': 'consent' } }] },
  },
});
