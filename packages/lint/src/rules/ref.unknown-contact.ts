import { contactReferences, unknownReferenceMessage } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** A right, officer, representative or complaint channel names an undeclared contact channel. */
export const refUnknownContact = defineRule({
  code: 'ref.unknown-contact',
  severity: 'error',
  title: 'Reference to an undeclared contact channel',
  description:
    'Checks that the channels of rights, the privacy officer, representatives and the internal complaint channel are declared under `controller.contacts`.',
  why: 'Subjects must be told how to reach the controller and exercise their rights (GDPR Art. 12(2) and 13(1)(a)-(b); PIPL Art. 17(1)(1) and Art. 50). A channel id that resolves to nothing publishes no way to do so.',
  check(ctx, report) {
    for (const ref of contactReferences(ctx.manifest)) {
      if (!ctx.contacts.has(ref.id))
        report(ref.path, unknownReferenceMessage('contact', ref.id, ctx.contacts.keys()));
    }
  },
  examples: {
    failing: { rights: [{ right: 'access', channels: ['privacy-form'] }] },
    passing: { rights: [{ right: 'access', channels: ['privacy-email'] }] },
  },
});
