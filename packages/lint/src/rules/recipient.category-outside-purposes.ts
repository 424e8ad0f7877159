import { defineRule } from '../define-rule.js';
import { categoriesOutsidePurposes } from '../helpers.js';

/** A recipient receives a category none of its purposes uses. */
export const recipientCategoryOutsidePurposes = defineRule({
  code: 'recipient.category-outside-purposes',
  severity: 'warning',
  title: 'Recipient receives data its purposes do not use',
  description:
    'Checks that every category disclosed to a recipient is used by at least one of the purposes listed for that recipient (skipped when the recipient lists no declared purpose).',
  why: 'A disclosure is part of a purpose and limited to what that purpose needs (GDPR Art. 5(1)(b)-(c); PIPL Art. 6 and Art. 23). Data sent beyond its purposes is disclosed for no stated reason, and Pledge would refuse it.',
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      for (const { category, index } of categoriesOutsidePurposes(ctx, recipient)) {
        report(
          ['recipients', i, 'categories', index],
          `recipient "${recipient.id}" receives category "${category}", which none of its purposes uses`,
        );
      }
    });
  },
  examples: {
    failing: { recipients: [{ id: 'hosting', purposes: ['analytics'] }] },
    passing: { recipients: [{ id: 'hosting', purposes: ['service', 'analytics'] }] },
  },
});
