import { defineRule } from '../define-rule.js';
import { grantsRight } from '../helpers.js';

/** Direct marketing with no way to opt out of it. */
export const marketingWithoutOptOut = defineRule({
  code: 'marketing.without-opt-out',
  severity: 'error',
  title: 'Marketing without an opt-out',
  description:
    'Checks that when a purpose falls under the `marketing` taxonomy, the policy offers a way out in each of its jurisdictions: a contact channel used for `marketing-opt-out`, or an `objection` right granted there.',
  why: 'Subjects may object to direct marketing at any time, and the objection is absolute (GDPR Art. 21(2)-(3)); PIPL Art. 24 requires a convenient way to refuse personalised marketing; ePrivacy Art. 13(2) requires an opt-out in every marketing e-mail.',
  check(ctx, report) {
    if (ctx.manifest.controller.contacts.some((c) => c.uses.includes('marketing-opt-out'))) return;
    const without = ctx.jurisdictions.filter((j) => !grantsRight(ctx, 'objection', j.key)).map((j) => j.key);
    if (without.length === 0) return;
    ctx.manifest.purposes.forEach((purpose, i) => {
      if (ctx.taxonomy.isUnder(purpose.taxonomy, 'marketing', 'purpose')) {
        report(
          ['purposes', i],
          `marketing purpose "${purpose.id}" has no opt-out channel and no objection right in ${without.join(', ')}`,
        );
      }
    });
  },
  examples: {
    failing: {
      controller: { contacts: [{ id: 'privacy-email', uses: ['general', 'rights'] }] },
      rights: [{ right: 'objection', jurisdictions: ['cn-pipl'] }],
      purposes: [
        {
          id: 'analytics',
          taxonomy: 'marketing.communications.email',
          name: 'Newsletter',
          categories: ['email'],
        },
      ],
    },
    passing: {
      controller: { contacts: [{ id: 'privacy-email', uses: ['general', 'rights', 'marketing-opt-out'] }] },
      purposes: [
        {
          id: 'analytics',
          taxonomy: 'marketing.communications.email',
          name: 'Newsletter',
          categories: ['email'],
        },
      ],
    },
  },
});
