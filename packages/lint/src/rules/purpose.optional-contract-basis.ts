import { defineRule } from '../define-rule.js';
import { purposeIn } from '../helpers.js';

/** A purpose the subject may refuse is said to be necessary for the contract. */
export const purposeOptionalContractBasis = defineRule({
  code: 'purpose.optional-contract-basis',
  severity: 'warning',
  title: 'Optional purpose on a contract basis',
  description:
    'Checks that a purpose marked `optional` does not name contract as its legal basis in any of the policy jurisdictions.',
  why: 'The contract basis covers only processing objectively necessary to perform the contract (GDPR Art. 6(1)(b); EDPB Guidelines 2/2019 on Art. 6(1)(b); PIPL Art. 13(1)(2)). A purpose the subject can refuse while still using the service is by definition not necessary, so it needs another basis.',
  check(ctx, report) {
    ctx.manifest.purposes.forEach((purpose, i) => {
      if (!purpose.optional) return;
      const seen = new Set<string>();
      for (const at of purposeIn(ctx, purpose)) {
        if (at.basis !== 'contract') continue;
        const path = `purposes[${i}].legalBasis.${at.basisKey}`;
        if (seen.has(path)) continue;
        seen.add(path);
        report(
          path,
          `purpose "${purpose.id}" is optional but relies on contract under ${at.jurisdiction.key}`,
        );
      }
    });
  },
  examples: {
    failing: { purposes: [{ id: 'analytics', legalBasis: 'contract', consent: 'none' }] },
    passing: { purposes: [{ id: 'analytics', legalBasis: 'consent', consent: 'opt-in' }] },
  },
});
