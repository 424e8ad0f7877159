import { legalHoldReferences, unknownReferenceMessage } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** A retention rule or dataset field names a legal hold the manifest does not declare. */
export const refUnknownLegalHold = defineRule({
  code: 'ref.unknown-legal-hold',
  severity: 'error',
  title: 'Reference to an undeclared legal hold',
  description:
    'Checks that every legal hold named by a retention rule or a dataset field is declared under `retention.legalHolds`.',
  why: 'A legal hold keeps data past its retention or an erasure request, which is only lawful for the reason and period the hold states (GDPR Art. 17(3)(b), (e); PIPL Art. 47). An unknown hold has neither, so Pledge cannot apply it.',
  check(ctx, report) {
    for (const ref of legalHoldReferences(ctx.manifest)) {
      if (!ctx.legalHolds.has(ref.id))
        report(ref.path, unknownReferenceMessage('legal-hold', ref.id, ctx.legalHolds.keys()));
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
