import { runtimeDefault } from '../manifest/model/defaults.js';
import type { Breach, Manifest, Security } from '../manifest/schema/index.js';
import { change } from './change.js';
import { compareDurations, formatDuration } from './duration.js';
import type { Change, DiffPair } from './types.js';

const SIGNALS = ['doNotTrack', 'globalPrivacyControl'] as const;
const SECURITY_FLAGS = ['encryptionInTransit', 'encryptionAtRest', 'accessLogging', 'staffTraining'] as const;
const BREACH_FLAGS = [
  'notifySubjects',
  'notifyAuthority',
  'notifyGuardians',
  'publicNoticeFallback',
] as const;

/**
 * Standing commitments withdrawn: browser signals no longer honoured, security measures
 * dropped, breach notices weakened. Material (subjects must be told), no consent needed.
 */
export function diffCommitments({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  for (const signal of SIGNALS) {
    if (honours(before, signal) && !honours(after, signal)) {
      changes.push(
        change({
          code: 'signal-dropped',
          path: `signals.${signal}`,
          message: `${signal} no longer honoured`,
        }),
      );
    }
  }
  changes.push(...securityChanges(before.security, after.security));
  changes.push(...breachChanges(before.breach, after.breach));
  return changes;
}

/** Whether a signal is honoured at run time: as stated, else as Pledge does by default. */
function honours(manifest: Manifest, signal: (typeof SIGNALS)[number]): boolean {
  return manifest.signals[signal] ?? runtimeDefault(`signals.${signal}`);
}

/** A breach flag as Pledge acts on it: as stated, else its run-time default. */
function breachFlag(breach: Breach, flag: (typeof BREACH_FLAGS)[number]): boolean {
  if (flag === 'notifySubjects' || flag === 'notifyAuthority')
    return breach[flag] ?? runtimeDefault(`breach.${flag}`);
  return breach[flag];
}

function securityChanges(was: Security | undefined, now: Security | undefined): Change[] {
  if (!was) return [];
  const weakened = (path: string, message: string) => change({ code: 'security-weakened', path, message });
  if (!now) return [weakened('security', 'security commitments removed')];
  const changes = SECURITY_FLAGS.filter((flag) => was[flag] && !now[flag]).map((flag) =>
    weakened(`security.${flag}`, `${flag} no longer promised`),
  );
  if (was.accessReviewEvery && compareDurations(now.accessReviewEvery, was.accessReviewEvery) > 0) {
    changes.push(
      weakened(
        'security.accessReviewEvery',
        `access reviews less frequent (${formatDuration(was.accessReviewEvery)} -> ${formatDuration(now.accessReviewEvery)})`,
      ),
    );
  }
  if (now.measures.length < was.measures.length) {
    changes.push(
      weakened(
        'security.measures',
        `${was.measures.length - now.measures.length} security measure(s) removed`,
      ),
    );
  }
  return changes;
}

function breachChanges(was: Breach | undefined, now: Breach | undefined): Change[] {
  if (!was) return [];
  const weakened = (path: string, message: string) =>
    change({ code: 'breach-notice-weakened', path, message });
  if (!now) return [weakened('breach', 'breach notification promises removed')];
  const changes = BREACH_FLAGS.filter((flag) => breachFlag(was, flag) && !breachFlag(now, flag)).map((flag) =>
    weakened(`breach.${flag}`, `${flag} no longer promised`),
  );
  const lostContents = was.contents.filter((c) => !now.contents.includes(c));
  if (lostContents.length > 0) {
    changes.push(weakened('breach.contents', `notice no longer states ${lostContents.join(', ')}`));
  }
  const lostChannels = was.channels.filter((c) => !now.channels.includes(c));
  if (lostChannels.length > 0) {
    changes.push(weakened('breach.channels', `notice no longer sent by ${lostChannels.join(', ')}`));
  }
  if (was.subjectDeadline && compareDurations(now.subjectDeadline, was.subjectDeadline) > 0) {
    changes.push(
      weakened(
        'breach.subjectDeadline',
        `subjects told later (${formatDuration(was.subjectDeadline)} -> ${formatDuration(now.subjectDeadline)})`,
      ),
    );
  }
  return changes;
}
