import { runtimeDefault } from '../manifest/model/defaults.js';
import type { Deadline, Fee, Right } from '../manifest/schema/index.js';
import { compareDurations, formatDuration } from './duration.js';
import type { ChangeCode } from './types.js';

/** One way a right got worse, before it becomes a change. */
export interface Finding {
  code: ChangeCode;
  path: string;
  message: string;
}

const CLOCK_RANK: Record<NonNullable<Deadline['clockStart']>, number> = {
  receipt: 0,
  verification: 1,
  'later-of-receipt-and-verification': 1,
};

/** Ways the response deadline of a right got longer. */
export function deadlineFindings(was: Right, now: Right, path: string): Finding[] {
  const before = was.deadline;
  if (!before) return [];
  const after = now.deadline;
  const longer = (field: string, what: string): Finding => ({
    code: 'deadline-longer',
    path: `${path}.${field}`,
    message: `right '${now.right}': ${what}`,
  });
  if (!after) return [longer('deadline', `deadline of ${formatDuration(before)} dropped`)];
  const findings: Finding[] = [];
  if (compareDurations(after, before) > 0) {
    findings.push(longer('deadline', `deadline ${formatDuration(before)} -> ${formatDuration(after)}`));
  }
  // Compared as Pledge counts them: an unstated clock start or kind takes its run-time default.
  const clock = (d: Deadline) => d.clockStart ?? runtimeDefault('rights[].deadline.clockStart');
  const kind = (d: Deadline) => d.kind ?? runtimeDefault('rights[].deadline.kind');
  if (CLOCK_RANK[clock(after)] > CLOCK_RANK[clock(before)]) {
    findings.push(
      longer('deadline.clockStart', `deadline clock now starts at ${clock(after)} (was ${clock(before)})`),
    );
  }
  if (kind(before) === 'completion' && kind(after) === 'reply') {
    findings.push(longer('deadline.kind', 'deadline now only covers a reply, not completion'));
  }
  const extension = extensionFinding(before, after);
  if (extension) findings.push(longer('deadline.extension', extension));
  return findings;
}

function extensionFinding(before: Deadline, after: Deadline): string | undefined {
  if (!after.extension) return undefined;
  const was = extensionLength(before);
  const now = extensionLength(after);
  if (!before.extension) return `deadline can now be extended by ${formatDuration(now)}`;
  if (compareDurations(now, was) > 0) return `extension ${formatDuration(was)} -> ${formatDuration(now)}`;
  return undefined;
}

/** The extension as a duration; undefined when the policy sets no limit on it. */
function extensionLength(deadline: Deadline) {
  const extension = deadline.extension;
  if (!extension || extension.amount === undefined) return undefined;
  return { amount: extension.amount, unit: extension.unit ?? deadline.unit };
}

/** A fee where requests used to be free, or fewer free requests than before. */
export function feeFinding(was: Right, now: Right, path: string): Finding | undefined {
  const before: Fee = was.fee;
  const after: Fee = now.fee;
  const found = (what: string): Finding => ({
    code: 'fee-added',
    path: `${path}.fee`,
    message: `right '${now.right}': ${what}`,
  });
  if (before.kind === 'free' && after.kind !== 'free') return found(`no longer free (${after.kind})`);
  if (before.kind === 'unstated' || after.kind === 'unstated' || after.kind === 'free') return undefined;
  const freeBefore = before.freeRequestsPerYear ?? 0;
  const freeAfter = after.freeRequestsPerYear ?? 0;
  if (freeAfter < freeBefore) return found(`free requests per year ${freeBefore} -> ${freeAfter}`);
  return undefined;
}
