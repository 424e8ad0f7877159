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
    const m = ctx.manifest;
    const lists: Array<[Array<string | number>, ReadonlyArray<{ id: string }>]> = [
      [['categories'], m.categories],
      [['purposes'], m.purposes],
      [['recipients'], m.recipients],
      [['trackers'], m.trackers],
      [['permissions'], m.permissions],
      [['controller', 'contacts'], m.controller.contacts],
      [['retention', 'rules'], m.retention.rules],
      [['retention', 'legalHolds'], m.retention.legalHolds],
      [['datasets'], m.datasets],
      [['transfers', 'transfers'], m.transfers.transfers],
    ];
    for (const [path, list] of lists) {
      const first = new Map<string, number>();
      list.forEach((entry, index) => {
        const earlier = first.get(entry.id);
        if (earlier === undefined) {
          first.set(entry.id, index);
          return;
        }
        report([...path, index, 'id'], `id "${entry.id}" is already used by entry ${earlier} of this list`);
      });
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
