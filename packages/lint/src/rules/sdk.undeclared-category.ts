import { defineRule } from '../define-rule.js';

/** An SDK whose collected data the policy does not state. */
export const sdkUndeclaredCategory = defineRule({
  code: 'sdk.undeclared-category',
  severity: 'warning',
  title: 'SDK with undeclared data',
  description:
    'Checks that every SDK either lists the data categories it collects or is declared to collect nothing (`declaresNoCollection`).',
  why: "An embedded SDK collects data from the same device under the app's name; the policy must say what (PIPL Art. 17(1)(2) and Art. 23; GB/T 35273-2020 §9.7 on third-party access). An SDK listed with no data leaves subjects, and Pledge, unable to tell what it receives.",
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      if (recipient.kind === 'sdk' && !recipient.declaresNoCollection && recipient.categories.length === 0) {
        report(
          ['recipients', i, 'categories'],
          `SDK "${recipient.id}" lists no data categories and is not declared to collect nothing`,
        );
      }
    });
  },
  examples: {
    failing: {
      recipients: [
        { id: 'qr-sdk', name: 'QR code scanner', kind: 'sdk', privacyUrl: 'https://qr-scan.dev/privacy' },
      ],
    },
    passing: {
      recipients: [
        {
          id: 'qr-sdk',
          name: 'QR code scanner',
          kind: 'sdk',
          privacyUrl: 'https://qr-scan.dev/privacy',
          declaresNoCollection: true,
        },
      ],
    },
  },
});
