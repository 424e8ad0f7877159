import type { PolicyVersion } from '@pledge/store';

/**
 * Builds the `needsRenewal(version, purpose)` test for subject state: a consent given
 * under a version needs renewal when a version published after it reopened consent for
 * that purpose; acceptance of the policy as a whole (purpose undefined) needs renewal
 * after any later version with a material change.
 */
export function renewalCheck(
  versions: readonly PolicyVersion[],
): (version: string, purpose: string | undefined) => boolean {
  const lastSeqOf = new Map<string, number>();
  for (const v of versions) lastSeqOf.set(v.version, v.seq);
  return (version, purpose) => {
    const seq = lastSeqOf.get(version);
    if (seq === undefined) return false;
    return versions.some(
      (v) =>
        v.seq > seq &&
        (purpose === undefined ? v.changes.some((c) => c.material) : v.renewalPurposes.includes(purpose)),
    );
  };
}
