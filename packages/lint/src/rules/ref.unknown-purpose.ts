import { purposeReferences, unknownReferenceMessage } from '@pledge/core';
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
    for (const ref of purposeReferences(ctx.manifest)) {
      // Permissions have their own rule, permission.undeclared-purpose.
      if (ref.path[0] === 'permissions' || ctx.purposes.has(ref.id)) continue;
      report(ref.path, unknownReferenceMessage('purpose', ref.id, ctx.purposes.keys()));
    }
  },
  examples: {
    failing: { trackers: [{ id: 'session', purposes: ['service', 'advertising'] }] },
    passing: { trackers: [{ id: 'session', purposes: ['service'] }] },
  },
});
