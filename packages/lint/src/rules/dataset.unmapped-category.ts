import { datasetFields } from '@pledge/core';
import { defineRule } from '../define-rule.js';
import { pageViews, shopDatasets } from '../examples/patches.js';

/** A category in use is stored in no declared dataset field. */
export const datasetUnmappedCategory = defineRule({
  code: 'dataset.unmapped-category',
  severity: 'info',
  title: 'Category stored in no dataset',
  description:
    'When the manifest declares datasets, checks that every category a purpose uses is held by at least one dataset field.',
  why: 'Pledge answers access and erasure requests from the dataset map. A category that is processed but mapped nowhere is left out of every copy and every erasure (GDPR Art. 15 and 17; PIPL Arts. 45 and 47). Information only: the data may live with a processor or never be stored.',
  check(ctx, report) {
    if (ctx.manifest.datasets.length === 0) return;
    const mapped = new Set(datasetFields(ctx.manifest).flatMap(({ field }) => field.categories));
    const used = new Set(ctx.manifest.purposes.flatMap((p) => p.categories));
    ctx.manifest.categories.forEach((category, i) => {
      if (used.has(category.id) && !mapped.has(category.id)) {
        report(['categories', i], `category "${category.id}" is used but stored in no dataset field`);
      }
    });
  },
  examples: {
    failing: shopDatasets(),
    passing: shopDatasets(pageViews()),
  },
});
