import { runtimeDefault } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** Subjects are to be told of a breach, but by no channel. */
export const breachNoChannel = defineRule({
  code: 'breach.no-channel',
  severity: 'warning',
  title: 'Breach notices without a channel',
  description:
    'Checks that when `breach.notifySubjects` is on, `breach.channels` lists at least one channel.',
  why: 'Notifying affected subjects (GDPR Art. 34; PIPL Art. 57) needs a way to reach them. With no channel, Pledge can only fall back to a public notice, which the law allows only when individual notice is impossible or disproportionate (GDPR Art. 34(3)(c)).',
  check(ctx, report) {
    const breach = ctx.manifest.breach;
    if (
      breach &&
      (breach.notifySubjects ?? runtimeDefault('breach.notifySubjects')) &&
      breach.channels.length === 0
    ) {
      report('breach.channels', 'subjects are to be notified of breaches but no channel is listed');
    }
  },
  examples: {
    failing: { breach: { channels: [] } },
    passing: { breach: { channels: ['email', 'in-app'] } },
  },
});
