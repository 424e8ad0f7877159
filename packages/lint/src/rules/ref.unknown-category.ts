import { categoryReferences, unknownReferenceMessage } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** A reference to a data category the manifest does not declare. */
export const refUnknownCategory = defineRule({
  code: 'ref.unknown-category',
  severity: 'error',
  title: 'Reference to an undeclared data category',
  description:
    'Checks that every category id used by purposes, recipients, trackers, permissions, retention rules, legal holds, transfers, localisation rules and dataset fields is declared under `categories`.',
  why: 'A category that is used but never declared is personal data the policy does not disclose (GDPR Art. 13(1)(c) and 14(1)(d); PIPL Art. 17(1)(2)), and Pledge cannot decide, retain or erase what it cannot name.',
  check(ctx, report) {
    for (const ref of categoryReferences(ctx.manifest)) {
      if (!ctx.categories.has(ref.id))
        report(ref.path, unknownReferenceMessage('category', ref.id, ctx.categories.keys()));
    }
  },
  examples: {
    failing: { purposes: [{ id: 'service', categories: ['email', 'usage', 'phone'] }] },
    passing: { purposes: [{ id: 'service', categories: ['email', 'usage'] }] },
  },
});
