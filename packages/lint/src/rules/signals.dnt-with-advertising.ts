import { defineRule } from '../define-rule.js';

/** Do Not Track is said to be honoured while advertising trackers are declared. */
export const signalsDntWithAdvertising = defineRule({
  code: 'signals.dnt-with-advertising',
  severity: 'warning',
  title: 'Do Not Track honoured while advertising trackers are declared',
  description:
    'Checks that a policy which honours Do Not Track (`signals.doNotTrack`) declares no tracker used for advertising.',
  why: 'Honouring DNT means not tracking a visitor who sends `DNT: 1`, yet advertising trackers exist to track. The policy contradicts itself unless it says those trackers stay off under DNT; Pledge blocks them then, and the policy text should say so (CalOPPA, Cal. Bus. & Prof. Code §22575(b)(5)-(6), requires saying how DNT is handled). The AntSentry seed promises to respect DNT on all its sites while declaring advertising pixels and beacons.',
  check(ctx, report) {
    if (!ctx.manifest.signals.doNotTrack) return;
    const ids = ctx.manifest.trackers
      .filter((tracker) => tracker.advertising)
      .map((tracker) => `"${tracker.id}"`);
    if (ids.length === 0) return;
    report(
      'signals.doNotTrack',
      `Do Not Track is honoured but advertising trackers are declared: ${ids.join(', ')}`,
    );
  },
  examples: {
    failing: {
      signals: { doNotTrack: true },
      trackers: [
        {
          id: 'ad-pixel',
          name: 'Ad pixel',
          kind: 'pixel',
          party: 'first',
          purposes: ['analytics'],
          advertising: true,
        },
      ],
    },
    passing: {
      signals: { doNotTrack: true },
      trackers: [
        { id: 'stats', name: 'Statistics cookie', kind: 'cookie', party: 'first', purposes: ['analytics'] },
      ],
    },
  },
});
