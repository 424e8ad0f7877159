/** What renewal needs to know of a published version (also sent to SDKs). */
export interface RenewalVersion {
  seq: number;
  version: string;
  /** Purposes whose earlier consents this version reopened. */
  renewalPurposes: readonly string[];
  /** Whether the version made a material change (reopens acceptance of the policy as a whole). */
  material: boolean;
}

/**
 * Builds the `needsRenewal(version, purpose)` test for subject state: a consent given
 * under a version needs renewal when a version published after it reopened consent for
 * that purpose; acceptance of the policy as a whole (purpose undefined) needs renewal
 * after any later version with a material change.
 */
export function renewalCheck(
  versions: readonly RenewalVersion[],
): (version: string, purpose: string | undefined) => boolean {
  const lastSeqOf = new Map<string, number>();
  for (const v of versions) lastSeqOf.set(v.version, v.seq);
  return (version, purpose) => {
    const seq = lastSeqOf.get(version);
    if (seq === undefined) return false;
    return versions.some(
      (v) => v.seq > seq && (purpose === undefined ? v.material : v.renewalPurposes.includes(purpose)),
    );
  };
}
