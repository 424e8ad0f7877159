import { coppa } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** A US policy that admits children under 13 and discloses to third parties (COPPA as amended in 2025). */
export const minorsCoppaDisclosure = defineRule({
  code: 'minors.coppa-disclosure',
  severity: 'warning',
  title: 'Children under 13 and third-party disclosure (COPPA)',
  description:
    'When the policy addresses a US jurisdiction, lets children under 13 in with a guardian\u2019s consent (no rule bars them there) and names a third-party or affiliate recipient, checks that each such recipient requires the subject\u2019s consent (`consentRequired`), so a parent\u2019s consent to disclosure is asked apart from the consent to collection.',
  why: `The COPPA Rule as amended in 2025 (effective ${coppa.effective.value}, compliance from ${coppa.compliance.value}) requires a separate verifiable parental consent to disclose a child\u2019s personal information to third parties (16 CFR §312.5(a)(2)) and a written retention policy in the online notice (16 CFR §312.10).`,
  check(ctx, report) {
    const us = ctx.jurisdictions.filter((j) => j.key.startsWith('us-'));
    if (us.length === 0) return;
    const rulesHere = (key: string) =>
      ctx.manifest.minors.rules.filter(
        (r) => r.jurisdictions.length === 0 || r.jurisdictions.includes(key as never),
      );
    const admitsChildren = us.some((j) => {
      const rules = rulesHere(j.key);
      const barred = rules.some((r) => r.rule === 'barred' && r.below >= 13);
      return !barred && rules.some((r) => r.rule === 'guardian-consent');
    });
    if (!admitsChildren) return;
    ctx.manifest.recipients.forEach((recipient, i) => {
      if (recipient.kind !== 'third-party' && recipient.kind !== 'affiliate') return;
      if (recipient.consentRequired) return;
      report(
        ['recipients', i, 'consentRequired'],
        `recipient "${recipient.id}" receives data of a service open to children under 13 without its own consent; COPPA requires a separate parental consent for disclosure (${coppa.separateDisclosureConsent.cite.ref})`,
      );
    });
  },
  examples: {
    failing: {
      policy: { jurisdictions: ['us-tx-tdpsa'] },
      minors: { rules: [{ below: 13, rule: 'guardian-consent' }] },
      recipients: [
        { id: 'hosting', kind: 'third-party', privacyUrl: 'https://hosting.acme-partner.net/privacy' },
      ],
    },
    passing: {
      policy: { jurisdictions: ['us-tx-tdpsa'] },
      minors: { rules: [{ below: 13, rule: 'guardian-consent' }] },
      recipients: [
        {
          id: 'hosting',
          kind: 'third-party',
          privacyUrl: 'https://hosting.acme-partner.net/privacy',
          consentRequired: true,
        },
      ],
    },
  },
});
