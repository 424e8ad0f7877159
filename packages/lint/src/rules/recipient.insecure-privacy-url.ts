import { defineRule } from '../define-rule.js';

/** A recipient's privacy policy link uses plain HTTP. */
export const recipientInsecurePrivacyUrl = defineRule({
  code: 'recipient.insecure-privacy-url',
  severity: 'info',
  title: 'Privacy policy link over plain HTTP',
  description: 'Checks that recipient privacy policy links use `https://`, not `http://`.',
  why: "A policy fetched over plain HTTP can be altered on the way, so the reader cannot rely on the text being the recipient's (the same reason GDPR Art. 32 asks for encryption in transit). Most providers publish an HTTPS address; the camera-app seed links two SDK policies over HTTP.",
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      if (recipient.privacyUrl?.trim().toLowerCase().startsWith('http://')) {
        report(
          ['recipients', i, 'privacyUrl'],
          `privacy policy link of recipient "${recipient.id}" uses plain HTTP`,
        );
      }
    });
  },
  examples: {
    failing: { recipients: [{ id: 'hosting', privacyUrl: 'http://hosting-provider.eu/privacy' }] },
    passing: { recipients: [{ id: 'hosting', privacyUrl: 'https://hosting-provider.eu/privacy' }] },
  },
});
