import { defineRule } from '../define-rule.js';
import { placeholderKind } from '../placeholder.js';

/** A published contact channel is blank or template text. */
export const contactPlaceholder = defineRule({
  code: 'contact.placeholder',
  severity: 'error',
  title: 'Blank or placeholder contact channel',
  description:
    'Checks every contact channel value: empty, only punctuation or brackets (`[]`, `(`), template text (`[...]`, `TBD`, `xxx`), an `example.com` address, an e-mail address without a domain, a phone number without digits, or a label ending in a colon.',
  why: 'The controller must give its contact details and a way to exercise rights (GDPR Art. 13(1)(a)-(b) and 12(2); PIPL Art. 17(1)(1) and Art. 50; CCPA §1798.130(a)(1)). All three seed policies publish an unusable e-mail address, so nobody can write to them.',
  check(ctx, report) {
    ctx.manifest.controller.contacts.forEach((contact, i) => {
      const kind = placeholderKind(contact.value, contact.kind);
      if (kind) {
        const what = kind === 'blank' ? 'is blank' : 'is a placeholder, not a usable value';
        report(
          ['controller', 'contacts', i, 'value'],
          `contact channel "${contact.id}" (${contact.kind}) ${what}`,
        );
      }
    });
  },
  examples: {
    failing: { controller: { contacts: [{ id: 'privacy-email', value: '[]' }] } },
    passing: { controller: { contacts: [{ id: 'privacy-email', value: 'privacy@acme-shop.eu' }] } },
  },
});
