import { defineRule } from '../define-rule.js';
import { pageViews, shopDatasets } from '../examples/patches.js';

const newsletter = { name: 'newsletter', fields: [{ name: 'address', identity: 'email' as const }] };

/** E-mail identities with no matching rule: they match exactly, case included. */
export const datasetIdentityMatchUnstated = defineRule({
  code: 'dataset.identity-match-unstated',
  severity: 'info',
  title: 'E-mail identity without a matching rule',
  description:
    'Checks that a manifest whose datasets locate subjects by e-mail address declares how e-mail addresses are matched (`identities.email.match`).',
  why: 'Without a rule an identity matches exactly, so `Alice@Example.com` is not found by a request for `alice@example.com` and the subject gets an incomplete access answer or erasure. E-mail addresses are usually compared case-insensitively: `casefold` does that whatever the database collation; declare `exact` when case matters in your data.',
  check(ctx, report) {
    if (ctx.manifest.identities?.email !== undefined) return;
    ctx.manifest.datasets.forEach((dataset, d) => {
      dataset.collections.forEach((collection, c) => {
        collection.fields.forEach((field, f) => {
          if (field.identity !== 'email') return;
          report(
            ['datasets', d, 'collections', c, 'fields', f],
            `field "${field.name}" of "${dataset.id}.${collection.name}" is an e-mail identity matched exactly: declare identities.email.match (casefold, or exact on purpose)`,
          );
        });
      });
    });
  },
  examples: {
    failing: {
      ...shopDatasets(newsletter, pageViews()),
      identities: { email: null },
    },
    passing: {
      ...shopDatasets(newsletter, pageViews()),
      identities: { email: { match: 'exact' } },
    },
  },
});
