import { defineRule } from '../define-rule.js';

/** An SDK declared to collect nothing (example). */
const crashSdk = () =>
  ({
    id: 'crash-sdk',
    name: 'Crash reporter',
    kind: 'sdk',
    privacyUrl: 'https://crashkit.dev/privacy',
    declaresNoCollection: true,
  }) as const;

/** A recipient is said to collect nothing while data categories are listed for it. */
export const recipientNoCollectionContradiction = defineRule({
  code: 'recipient.no-collection-contradiction',
  severity: 'error',
  title: 'Recipient said to collect nothing but listed with data',
  description:
    'Checks that a recipient with `declaresNoCollection: true` lists no categories, and that no tracker or permission sends categories to it.',
  why: 'The policy cannot say both that an SDK collects no personal information and which personal information it collects: one statement is false, and subjects cannot give informed consent to either (GDPR Art. 5(1)(a) and 13(1)(e); PIPL Art. 7 and 17). The camera-app seed says the BeiZi SDK «will not collect and save information» right before listing what it collects.',
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      if (!recipient.declaresNoCollection) return;
      if (recipient.categories.length > 0) {
        report(
          ['recipients', i, 'declaresNoCollection'],
          `recipient "${recipient.id}" is declared to collect nothing but lists ${recipient.categories.length} data categories`,
        );
      }
      ctx.manifest.trackers.forEach((tracker, t) => {
        if (tracker.recipient === recipient.id && tracker.categories.length > 0) {
          report(
            ['trackers', t, 'categories'],
            `tracker "${tracker.id}" sends data to recipient "${recipient.id}", which is declared to collect nothing`,
          );
        }
      });
    });
  },
  examples: {
    failing: { recipients: [{ ...crashSdk(), categories: ['usage'], purposes: ['service'] }] },
    passing: { recipients: [crashSdk()] },
  },
});
