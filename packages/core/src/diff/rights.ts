import type { Right } from '../manifest/schema/index.js';
import { change } from './change.js';
import { deadlineFindings, type Finding, feeFinding } from './right-terms.js';
import type { Change, ConsentFrom, DiffPair } from './types.js';

const VERIFICATION_RANK: Partial<Record<Right['verification'], number>> = {
  none: 0,
  'signed-in': 1,
  'one-time-code': 1,
  documents: 2,
};
const FORM_RANK: Partial<Record<Right['form'], number>> = { any: 0, written: 1, 'in-app': 1 };

/**
 * Rights removed or made harder to use: narrower jurisdictions, fewer channels, stricter
 * verification or form, new conditions, longer deadlines, new fees. When the old policy
 * promised no reduction of rights without consent, each needs the express consent of all subjects.
 */
export function diffRights({ before, after }: DiffPair): Change[] {
  const findings: Finding[] = [];
  const afterKeys = occurrenceKeys(after.rights);
  occurrenceKeys(before.rights).forEach((key, index) => {
    const was = before.rights[index]!;
    // Entries match by kind, jurisdictions and occurrence: the second `access` entry for
    // everywhere matches the second such entry of the new version.
    const same = afterKeys.indexOf(key);
    const now = after.rights[same];
    if (now) {
      findings.push(...compareRight(was, now, `rights[${same}]`));
      return;
    }
    const sameKind = after.rights.filter((r) => r.right === was.right);
    if (sameKind.length === 0) {
      // A kind granted by several entries (one per jurisdiction) is removed once.
      if (before.rights.findIndex((r) => r.right === was.right) === index) {
        findings.push({
          code: 'right-removed',
          path: `rights[${index}]`,
          message: `right '${was.right}' removed`,
        });
      }
      return;
    }
    const path = `rights[${after.rights.indexOf(sameKind[0]!)}]`;
    const lost = lostScope(was, sameKind);
    if (lost) {
      findings.push({
        code: 'right-reduced',
        path: `${path}.jurisdictions`,
        message: `right '${was.right}' no longer granted ${lost}`,
      });
    }
    const channels = new Set(sameKind.flatMap((r) => r.channels));
    const lostChannels = was.channels.filter((c) => !channels.has(c));
    if (lostChannels.length > 0) {
      findings.push({
        code: 'right-reduced',
        path: `${path}.channels`,
        message: `right '${was.right}': channels ${lostChannels.map((c) => `'${c}'`).join(', ')} removed`,
      });
    }
  });
  const promised = before.policy.changes.noRightsReductionWithoutConsent;
  const consentFrom: ConsentFrom = promised ? 'all-subjects' : 'none';
  const changes = findings.map((finding) =>
    change({
      ...finding,
      message: promised
        ? `${finding.message}; the policy promises no such reduction without express consent`
        : finding.message,
      consentFrom,
    }),
  );
  if (promised && !after.policy.changes.noRightsReductionWithoutConsent) {
    changes.push(
      change({
        code: 'rights-promise-removed',
        path: 'policy.changes.noRightsReductionWithoutConsent',
        message: 'the promise not to reduce rights without express consent was withdrawn',
        consentFrom: 'all-subjects',
      }),
    );
  }
  return changes;
}

function compareRight(was: Right, now: Right, path: string): Finding[] {
  const findings: Finding[] = [];
  const reduced = (field: string, what: string) =>
    findings.push({
      code: 'right-reduced',
      path: `${path}.${field}`,
      message: `right '${now.right}': ${what}`,
    });
  const lostChannels = was.channels.filter((c) => !now.channels.includes(c));
  if (lostChannels.length > 0)
    reduced('channels', `channels ${lostChannels.map((c) => `'${c}'`).join(', ')} removed`);
  if (stricter(VERIFICATION_RANK, was.verification, now.verification)) {
    reduced('verification', `verification stricter (${was.verification} -> ${now.verification})`);
  }
  if (stricter(FORM_RANK, was.form, now.form)) reduced('form', `form stricter (${was.form} -> ${now.form})`);
  if (now.conditions.length > was.conditions.length) {
    reduced('conditions', `${now.conditions.length - was.conditions.length} new condition(s) on the request`);
  }
  findings.push(...deadlineFindings(was, now, path));
  const fee = feeFinding(was, now, path);
  if (fee) findings.push(fee);
  return findings;
}

function stricter<K extends string>(rank: Partial<Record<K, number>>, was: K, now: K): boolean {
  const a = rank[was];
  const b = rank[now];
  return a !== undefined && b !== undefined && b > a;
}

/** `kind|jurisdictions|n` for the n-th entry with that kind and those jurisdictions. */
function occurrenceKeys(rights: readonly Right[]): string[] {
  const seen = new Map<string, number>();
  return rights.map((r) => {
    const scope = `${r.right}|${[...r.jurisdictions].sort().join()}`;
    const n = seen.get(scope) ?? 0;
    seen.set(scope, n + 1);
    return `${scope}|${n}`;
  });
}

/** Where the old entry granted the right and no new entry of that kind does, as text. */
function lostScope(was: Right, now: readonly Right[]): string | undefined {
  if (now.some((r) => r.jurisdictions.length === 0)) return undefined;
  const covered = new Set(now.flatMap((r) => r.jurisdictions));
  if (was.jurisdictions.length === 0) return `everywhere (now only in ${[...covered].join(', ')})`;
  const lost = was.jurisdictions.filter((j) => !covered.has(j));
  return lost.length > 0 ? `in ${lost.join(', ')}` : undefined;
}
