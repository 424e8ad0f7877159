import { defineRule } from '../define-rule.js';
import { purposeIn } from '../helpers.js';

/** A purpose's legal basis does not exist in a jurisdiction the policy addresses. */
export const purposeBasisNotValidInJurisdiction = defineRule({
  code: 'purpose.basis-not-valid-in-jurisdiction',
  severity: 'error',
  title: 'Legal basis not available in the jurisdiction',
  description:
    'For each of the policy jurisdictions, checks that the legal basis a purpose has there is one that law recognises. Jurisdictions with no legal-basis model (CCPA, whose bases include `business-purpose`) accept any basis.',
  why: 'Each law has its own closed list of bases: GDPR Art. 6(1), PIPL Art. 13 (which has no legitimate-interests basis), LGPD Art. 7. A basis the law does not know leaves the processing unlawful there, so give that jurisdiction an override.',
  check(ctx, report) {
    ctx.manifest.purposes.forEach((purpose, i) => {
      for (const at of purposeIn(ctx, purpose)) {
        const bases = at.jurisdiction.legalBases.value;
        if (bases.includes('business-purpose') || bases.includes(at.basis)) continue;
        report(
          `purposes[${i}].legalBasis.${at.basisKey}`,
          `"${at.basis}" is not a legal basis under ${at.jurisdiction.key} (${at.jurisdiction.legalBases.cite.ref})`,
        );
      }
    });
  },
  examples: {
    failing: {
      policy: { jurisdictions: ['eu-gdpr', 'cn-pipl'] },
      purposes: [{ id: 'analytics', legalBasis: 'legitimate-interests', consent: 'opt-out' }],
    },
    passing: {
      policy: { jurisdictions: ['eu-gdpr', 'cn-pipl'] },
      purposes: [
        {
          id: 'analytics',
          legalBasis: { default: 'legitimate-interests', 'cn-pipl': 'consent' },
          consent: { default: 'opt-out', 'cn-pipl': 'opt-in' },
        },
      ],
    },
  },
});
