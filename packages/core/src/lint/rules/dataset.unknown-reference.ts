import { defineRule } from '../define-rule';
import { datasetFields } from '../references';

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
    const addresses = new Set(fields.map((f) => f.address));
    for (const { field, path } of fields) {
      if (field.references !== undefined && !addresses.has(field.references)) {
        report(
          [...path, 'references'],
          `field "${field.name}" refers to "${field.references}", which is not a declared dataset field`,
        );
      }
    }
  },
  examples: {
    failing: {
      datasets: [
        {
          id: 'shop',
          collections: [
            {
              name: 'users',
              fields: [
                { name: 'id', identity: 'user-id' },
                { name: 'email', categories: ['email'] },
              ],
            },
            {
              name: 'page_views',
              fields: [
                { name: 'user_id', references: 'shop.accounts.id' },
                { name: 'path', categories: ['usage'] },
              ],
            },
          ],
        },
      ],
    },
    passing: {
      datasets: [
        {
          id: 'shop',
          collections: [
            {
              name: 'users',
              fields: [
                { name: 'id', identity: 'user-id' },
                { name: 'email', categories: ['email'] },
              ],
            },
            {
              name: 'page_views',
              fields: [
                { name: 'user_id', references: 'shop.users.id' },
                { name: 'path', categories: ['usage'] },
              ],
            },
          ],
        },
      ],
    },
  },
});
