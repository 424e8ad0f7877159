import { defineRule } from '../define-rule.js';

/** The policy makes no breach-notification promise. */
export const breachMissing = defineRule({
  code: 'breach.missing',
  severity: 'error',
  title: 'No breach notification settings',
  description: 'Checks that the manifest has a `breach` section.',
  why: 'Every supported law requires notifying breaches: GDPR Arts. 33-34 (authority within 72 hours, subjects when at high risk), PIPL Art. 57 (immediately, authority and individuals), Cal. Civ. Code §1798.82, LGPD Art. 48. Without settings, Pledge does not know whom to notify, by which channel, or with which contents. The SpacemiT seed makes no breach promise at all.',
  check(ctx, report) {
    if (ctx.manifest.breach === undefined)
      report('breach', 'the manifest has no breach notification settings');
  },
  examples: {
    failing: { breach: null },
    passing: {
      breach: {
        channels: ['email'],
        contents: ['nature', 'categories', 'likely-consequences', 'measures-taken', 'contact-point'],
      },
    },
  },
});
