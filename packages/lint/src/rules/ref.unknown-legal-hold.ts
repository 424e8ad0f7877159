import { defineRule } from '../define-rule.js';
import { datasetFields } from '../references.js';

/** A retention rule or dataset field names a legal hold the manifest does not declare. */
export const refUnknownLegalHold = defineRule({
  code: 'ref.unknown-legal-hold',
  severity: 'error',
  title: 'Reference to an undeclared legal hold',
  description:
    'Checks that every legal hold named by a retention rule or a dataset field is declared under `retention.legalHolds`.',
  why: 'A legal hold keeps data past its retention or an erasure request, which is only lawful for the reason and period the hold states (GDPR Art. 17(3)(b), (e); PIPL Art. 47). An unknown hold has neither, so Pledge cannot apply it.',
  check(ctx, report) {
    ctx.manifest.retention.rules.forEach((rule, i) => {
      rule.legalHolds.forEach((id, j) => {
        if (!ctx.legalHolds.has(id)) {
          report(
            ['retention', 'rules', i, 'legalHolds', j],
            `legal hold "${id}" is not declared under retention.legalHolds`,
          );
        }
      });
    });
    for (const { field, path } of datasetFields(ctx.manifest)) {
      if (field.legalHold !== undefined && !ctx.legalHolds.has(field.legalHold)) {
        report(
          [...path, 'legalHold'],
          `legal hold "${field.legalHold}" is not declared under retention.legalHolds`,
        );
      }
    }
  },
  examples: {
    failing: { retention: { rules: [{ id: 'account', legalHolds: ['tax-records'] }] } },
    passing: {
      retention: {
        rules: [{ id: 'account', legalHolds: ['tax-records'] }],
        legalHolds: [{ id: 'tax-records', reason: 'Invoices are kept for tax law', categories: ['email'] }],
      },
    },
  },
});
