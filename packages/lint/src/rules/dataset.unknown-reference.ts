import { datasetFields, fieldReferences, withDidYouMean } from '@pledge/core';
import { defineRule } from '../define-rule.js';
import { pageViews, shopDatasets } from '../examples/patches.js';

/** A dataset field refers to a field that is not declared. */
export const datasetUnknownReference = defineRule({
  code: 'dataset.unknown-reference',
  severity: 'error',
  title: 'Dataset reference to an undeclared field',
  description:
    'Checks that every `references` of a dataset field names a declared field, written `dataset.collection.field`.',
  why: "Pledge finds a subject's rows by walking from identity fields along references. A broken reference cuts that walk short, so an access request returns too little and an erasure leaves data behind (GDPR Art. 15 and 17; PIPL Arts. 45 and 47).",
  check(ctx, report) {
    const fields = datasetFields(ctx.manifest);
    const addresses = fields.map((f) => f.address);
    const known = new Set(addresses);
    for (const { field, path } of fields) {
      const list = fieldReferences(field);
      list.forEach((target, i) => {
        if (known.has(target)) return;
        const at =
          typeof field.references === 'string' ? [...path, 'references'] : [...path, 'references', i];
        report(
          at,
          withDidYouMean(
            `field "${field.name}" refers to "${target}", which is not a declared dataset field`,
            target,
            addresses,
          ),
        );
      });
    }
  },
  examples: {
    failing: shopDatasets(pageViews('shop.accounts.id')),
    passing: shopDatasets(pageViews()),
  },
});
