import { datasetFields } from '@pledge/core';
import { defineRule } from '../define-rule.js';

const NAMED_ANCHORS = new Set([
  'collected',
  'last-activity',
  'account-closed',
  'purpose-fulfilled',
  'contract-ended',
]);

/** A retention rule counts from something Pledge cannot find. */
export const retentionUnknownAnchor = defineRule({
  code: 'retention.unknown-anchor',
  severity: 'error',
  title: 'Retention counted from an unknown anchor',
  description:
    'Checks that every retention anchor is one of `collected`, `last-activity`, `account-closed`, `purpose-fulfilled`, `contract-ended`, or a declared dataset field written `dataset.collection.field`.',
  why: 'The anchor is the moment the retention clock starts. If Pledge cannot read it, the period never ends and the data is kept indefinitely, against the storage-limitation principle (GDPR Art. 5(1)(e); PIPL Art. 19).',
  check(ctx, report) {
    const fields = new Set(datasetFields(ctx.manifest).map((f) => f.address));
    ctx.manifest.retention.rules.forEach((rule, i) => {
      if (NAMED_ANCHORS.has(rule.anchor) || fields.has(rule.anchor)) return;
      report(
        ['retention', 'rules', i, 'anchor'],
        `anchor "${rule.anchor}" of retention rule "${rule.id}" is neither a named anchor nor a declared dataset field`,
      );
    });
  },
  examples: {
    failing: { retention: { rules: [{ id: 'usage-logs', anchor: 'shop.page_views.visited_at' }] } },
    passing: { retention: { rules: [{ id: 'usage-logs', anchor: 'shop.page_views.viewed_at' }] } },
  },
});
