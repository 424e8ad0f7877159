import { duplicateIdMessage, duplicateIds } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** Two entries of the same list share an id. */
export const idDuplicate = defineRule({
  code: 'id.duplicate',
  severity: 'error',
  title: 'Duplicate id',
  description:
    'Checks that ids are unique within each list that other entries refer to: categories, purposes, recipients, trackers, permissions, contact channels, retention rules, legal holds, datasets and transfers.',
  why: 'References name entries by id. With two entries under one id, a reference is ambiguous and Pledge would silently use the first one, so what is enforced could differ from what is written.',
  check(ctx, report) {
    for (const duplicate of duplicateIds(ctx.manifest)) {
      report(duplicate.path, duplicateIdMessage(duplicate.id, duplicate.firstIndex));
    }
  },
  examples: {
    failing: {
      retention: {
        legalHolds: [
          { id: 'tax-records', reason: 'Invoices are kept for tax law', categories: ['email'] },
          { id: 'tax-records', reason: 'Kept for audits', categories: ['email'] },
        ],
      },
    },
    passing: {
      retention: {
        legalHolds: [
          { id: 'tax-records', reason: 'Invoices are kept for tax law', categories: ['email'] },
          { id: 'audit-records', reason: 'Kept for audits', categories: ['email'] },
        ],
      },
    },
  },
});
