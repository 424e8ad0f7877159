import type { Manifest, RetentionRule } from '../manifest/schema/index.js';
import { change, listIds } from './change.js';
import { consentOfPurposes } from './consent.js';
import { compareDurations, formatDuration } from './duration.js';
import type { Change, DiffPair } from './types.js';

/** The rule that keeps a category longest, with its index in `retention.rules`. */
interface Kept {
  rule: RetentionRule;
  index: number;
}

/**
 * Categories kept longer than before: a longer duration from the same anchor, a duration
 * dropped, a rule dropped, or a different anchor (which cannot be shown to be shorter).
 * A category gaining a limit it did not have is never longer. Longer retention of data a
 * consent-based purpose uses needs re-consent from that purpose's subjects.
 */
export function diffRetention({ before, after }: DiffPair): Change[] {
  const groups = new Map<
    string,
    { code: Change['code']; path: string; what: string; categories: string[] }
  >();
  for (const category of after.categories) {
    const was = longestRule(before, category.id);
    if (!was) continue;
    const now = longestRule(after, category.id);
    const finding = compare(was.rule, now);
    if (!finding) continue;
    const path = now ? `retention.rules[${now.index}]` : `retention.rules[${was.index}]`;
    const key = `${finding.code}|${path}|${finding.what}`;
    const group = groups.get(key) ?? { ...finding, path, categories: [] };
    group.categories.push(category.id);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const purposes = after.purposes.filter((p) => p.categories.some((c) => group.categories.includes(c)));
    const need = consentOfPurposes(
      after,
      purposes.map((p) => p.id),
    );
    return change({
      code: group.code,
      path: group.path,
      message: `${listIds(group.categories)} ${group.what}`,
      consentFrom: need.consentFrom,
      affected: { ...need.affected, categories: group.categories },
    });
  });
}

function compare(
  was: RetentionRule,
  now: Kept | undefined,
): { code: Change['code']; what: string } | undefined {
  if (!now) return { code: 'retention-longer', what: 'no longer covered by a retention rule' };
  const rule = now.rule;
  if (rule.anchor !== was.anchor) {
    return {
      code: 'retention-anchor-changed',
      what: `kept from '${rule.anchor}' instead of '${was.anchor}' (${formatDuration(was.duration)} -> ${formatDuration(rule.duration)})`,
    };
  }
  if (compareDurations(rule.duration, was.duration) > 0) {
    return {
      code: 'retention-longer',
      what: `kept longer: ${formatDuration(was.duration)} -> ${formatDuration(rule.duration)} after '${rule.anchor}'`,
    };
  }
  return undefined;
}

function longestRule(manifest: Manifest, categoryId: string): Kept | undefined {
  let best: Kept | undefined;
  manifest.retention.rules.forEach((rule, index) => {
    if (!rule.categories.includes(categoryId)) return;
    if (!best || compareDurations(rule.duration, best.rule.duration) > 0) best = { rule, index };
  });
  return best;
}
