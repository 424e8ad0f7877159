import { defineRule } from '../define-rule.js';

/** A law bars selling to or targeting minors, and the policy does not know ages. */
export const minorsSaleBarredWithoutAge = defineRule({
  code: 'minors.sale-barred-without-age',
  severity: 'warning',
  title: 'Sale or targeted advertising barred for minors, with no age check',
  description:
    'When a policy jurisdiction bars sale, sharing or targeted advertising below an age (Maryland, India, Brazil\u2019s ECA Digital: 18) and a purpose sells, shares or targets advertising, checks that `minors.ageVerification` is `self-declared` or `verified`. Pledge denies such purposes (`deny.minor-barred`) only for subjects whose age it is given.',
  why: 'Md. Code, Com. Law §14-4707(a) bars sale and targeted advertising when the controller knew or should have known the consumer is under 18; the DPDP Act 2023 §9(3) bars targeted advertising directed at children (under 18); Lei 15.211/2025 (ECA Digital) bars profiling to target advertising at children and adolescents and rejects self-declaration as an age check.',
  check(ctx, report) {
    const sells = ctx.manifest.purposes.some((p) => p.sale || p.targetedAdvertising);
    if (!sells) return;
    const known = ctx.manifest.minors.ageVerification;
    if (known === 'verified' || known === 'self-declared') return;
    for (const law of ctx.jurisdictions) {
      const barred = law.minors.saleBarredBelow;
      if (!barred) continue;
      report(
        'minors.ageVerification',
        `${law.key} bars sale and targeted advertising below age ${barred.value} (${barred.cite.ref}) but the policy states no age check, so Pledge cannot apply the bar`,
      );
    }
  },
  examples: {
    failing: {
      policy: { jurisdictions: ['in-dpdp'] },
      minors: { rules: [{ below: 18, rule: 'guardian-consent' }] },
      purposes: [{ id: 'analytics', targetedAdvertising: true }],
    },
    passing: {
      policy: { jurisdictions: ['in-dpdp'] },
      minors: { rules: [{ below: 18, rule: 'guardian-consent' }], ageVerification: 'verified' },
      purposes: [{ id: 'analytics', targetedAdvertising: true }],
    },
  },
});
