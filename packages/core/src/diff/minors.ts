import { runtimeDefault } from '../manifest/model/defaults.js';
import type { JurisdictionKey } from '../manifest/schema/common.js';
import type { Manifest, MinorRule } from '../manifest/schema/index.js';
import { change } from './change.js';
import { onlySome } from './consent.js';
import type { Change, DiffPair } from './types.js';

/** Protection levels; a stronger rule also gives every weaker protection. */
const STRENGTH: Record<MinorRule['rule'], number> = {
  barred: 3,
  'guardian-consent': 2,
  'guardian-guidance': 1,
};
const VERIFICATION: Record<NonNullable<Manifest['minors']['ageVerification']>, number> = {
  none: 0,
  'self-declared': 1,
  verified: 2,
};

/**
 * Minors' protection lowered: for each level (barred, guardian consent, guardian guidance)
 * and each jurisdiction, the age below which it applies (counting stronger rules too)
 * went down; or age verification got weaker. These need notice, not consent.
 */
export function diffMinors({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  const jurisdictions = after.policy.jurisdictions;
  // The same move at a stronger level already says it: report each move once, at the strongest level.
  const stronger = new Map<JurisdictionKey, string>();
  for (const level of Object.keys(STRENGTH) as MinorRule['rule'][]) {
    const moves: string[] = [];
    const where = new Set<JurisdictionKey>();
    for (const j of jurisdictions) {
      const was = threshold(before, j, STRENGTH[level]);
      const now = threshold(after, j, STRENGTH[level]);
      const move = `${j}: under ${was} -> ${now === 0 ? 'nobody' : `under ${now}`}`;
      const seen = stronger.get(j) === move;
      stronger.set(j, move);
      if (now >= was || seen) continue;
      moves.push(move);
      where.add(j);
    }
    if (moves.length === 0) continue;
    changes.push(
      change({
        code: 'minors-threshold-lowered',
        path: 'minors.rules',
        message: `minors covered by '${level}' lowered (${moves.join('; ')})`,
        affected: onlySome(where, jurisdictions),
      }),
    );
  }
  const was = before.minors.ageVerification ?? runtimeDefault('minors.ageVerification');
  const now = after.minors.ageVerification ?? runtimeDefault('minors.ageVerification');
  if (VERIFICATION[now] < VERIFICATION[was]) {
    changes.push(
      change({
        code: 'age-verification-weakened',
        path: 'minors.ageVerification',
        message: `age verification weakened (${was} -> ${now})`,
      }),
    );
  }
  return changes;
}

/** Age below which at least `strength` protection applies in a jurisdiction; 0 when none does. */
function threshold(manifest: Manifest, jurisdiction: JurisdictionKey, strength: number): number {
  let below = 0;
  for (const rule of manifest.minors.rules) {
    const applies = rule.jurisdictions.length === 0 || rule.jurisdictions.includes(jurisdiction);
    if (applies && STRENGTH[rule.rule] >= strength) below = Math.max(below, rule.below);
  }
  return below;
}
