import { defineRule } from '../define-rule.js';

/** A recipient or tracker serves a purpose the manifest does not declare. */
export const refUnknownPurpose = defineRule({
  code: 'ref.unknown-purpose',
  severity: 'error',
  title: 'Reference to an undeclared purpose',
  description:
    'Checks that every purpose id a recipient or tracker lists is declared under `purposes`. Permissions have their own rule, `permission.undeclared-purpose`.',
  why: 'Processing for a purpose the policy does not declare has no stated legal basis and was never disclosed (GDPR Art. 5(1)(b), Art. 13(1)(c); PIPL Art. 6 and Art. 17(1)(2)). A typical case is advertising that appears only in the tracker or SDK list.',
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      recipient.purposes.forEach((id, j) => {
        if (!ctx.purposes.has(id))
          report(['recipients', i, 'purposes', j], `purpose "${id}" is not declared under purposes`);
      });
    });
    ctx.manifest.trackers.forEach((tracker, i) => {
      tracker.purposes.forEach((id, j) => {
        if (!ctx.purposes.has(id))
          report(['trackers', i, 'purposes', j], `purpose "${id}" is not declared under purposes`);
      });
    });
  },
  examples: {
    failing: { trackers: [{ id: 'session', purposes: ['service', 'advertising'] }] },
    passing: { trackers: [{ id: 'session', purposes: ['service'] }] },
  },
});
