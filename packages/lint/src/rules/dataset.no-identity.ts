import { defineRule } from '../define-rule.js';
import { pageViews, shopDatasets } from '../examples/patches.js';

/** A collection holds personal data but cannot be tied to a subject. */
export const datasetNoIdentity = defineRule({
  code: 'dataset.no-identity',
  severity: 'warning',
  title: 'Collection with personal data but no way to find the subject',
  description:
    'Checks that every collection whose fields hold data categories has an identity field or a field that references another collection (a `link` reference, never followed, does not count).',
  why: 'Pledge answers access and erasure requests by finding the subject through identity fields and references. A collection with neither is invisible to those requests, so its data is never returned or erased (GDPR Art. 15 and 17; PIPL Arts. 45 and 47).',
  check(ctx, report) {
    ctx.manifest.datasets.forEach((dataset, d) => {
      dataset.collections.forEach((collection, c) => {
        const personal = collection.fields.some((f) => f.categories.length > 0);
        const reachable = collection.fields.some(
          (f) => f.identity !== undefined || (f.references !== undefined && f.relation !== 'link'),
        );
        if (personal && !reachable) {
          report(
            ['datasets', d, 'collections', c],
            `collection "${collection.name}" of dataset "${dataset.id}" holds personal data but has no identity field or reference`,
          );
        }
      });
    });
  },
  examples: {
    failing: shopDatasets({
      name: 'page_views',
      fields: [
        { name: 'session', categories: ['usage'] },
        { name: 'path', categories: ['usage'] },
      ],
    }),
    passing: shopDatasets(pageViews()),
  },
});
