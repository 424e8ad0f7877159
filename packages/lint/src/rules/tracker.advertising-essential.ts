import { defineRule } from '../define-rule.js';

/** A tracker is both "strictly necessary" and used for advertising. */
export const trackerAdvertisingEssential = defineRule({
  code: 'tracker.advertising-essential',
  severity: 'error',
  title: 'Advertising tracker marked essential',
  description: 'Checks that no tracker is marked both `essential` and `advertising`.',
  why: 'Only storage strictly necessary for a service the user asked for may be set without consent (ePrivacy Directive 2002/58/EC Art. 5(3); Article 29 Working Party Opinion 04/2012 on the cookie consent exemption). Advertising never is, and Pledge sets essential trackers before any consent.',
  check(ctx, report) {
    ctx.manifest.trackers.forEach((tracker, i) => {
      if (tracker.essential && tracker.advertising) {
        report(
          ['trackers', i, 'essential'],
          `tracker "${tracker.id}" is used for advertising but marked essential`,
        );
      }
    });
  },
  examples: {
    failing: { trackers: [{ id: 'session', advertising: true }] },
    passing: { trackers: [{ id: 'session', advertising: false }] },
  },
});
