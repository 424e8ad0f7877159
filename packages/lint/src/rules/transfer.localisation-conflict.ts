import { defineRule } from '../define-rule.js';

/** Data the policy keeps in a region is also declared as transferred out of it. */
export const transferLocalisationConflict = defineRule({
  code: 'transfer.localisation-conflict',
  severity: 'error',
  title: 'Transfer out of a region the data must stay in',
  description:
    'Checks each declared transfer against each localisation rule: a transfer to another country (or an unspecified one) that may start in the localised region and overlaps its categories (an empty list means all) contradicts the rule.',
  why: 'The policy promises the data stays in the region and also says it leaves; subjects cannot know which is true, and Pledge cannot enforce both. Where localisation is a legal duty (PIPL Art. 40 for critical-information-infrastructure operators and processors above the CAC thresholds), the transfer also needs the security assessment. The camera-app seed keeps China data in China and, a few lines later, transfers it to «jurisdictions other than where you live».',
  check(ctx, report) {
    const { localisation, transfers } = ctx.manifest.transfers;
    localisation.forEach((rule, l) => {
      transfers.forEach((transfer, t) => {
        if (transfer.to === rule.region) return;
        if (transfer.from !== undefined && transfer.from !== rule.region) return;
        const overlaps =
          rule.categories.length === 0 ||
          transfer.categories.length === 0 ||
          transfer.categories.some((category) => rule.categories.includes(category));
        if (!overlaps) return;
        const exceptions =
          rule.exceptions.length > 0 ? ' (the rule lists exceptions; say which one this transfer uses)' : '';
        report(
          ['transfers', 'transfers', t],
          `transfer "${transfer.id}" sends data to ${transfer.to} while transfers.localisation[${l}] keeps it in ${rule.region}${exceptions}`,
        );
      });
    });
  },
  examples: {
    failing: {
      transfers: {
        localisation: [{ region: 'IE', scope: 'All customer data' }],
        transfers: [{ id: 'support-us', to: 'US', recipients: ['hosting'], mechanisms: ['scc'] }],
      },
    },
    passing: {
      transfers: {
        localisation: [{ region: 'IE', scope: 'Account data', categories: ['email'] }],
        transfers: [
          { id: 'support-us', to: 'US', recipients: ['hosting'], categories: ['usage'], mechanisms: ['scc'] },
        ],
      },
    },
  },
});
