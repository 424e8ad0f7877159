import type { RenewalVersion } from '@pledge/core';
import type { PolicyVersion } from '@pledge/store';

/** Reduces a stored version to its {@link RenewalVersion}. */
export function toRenewalVersion(version: PolicyVersion): RenewalVersion {
  return {
    seq: version.seq,
    version: version.version,
    renewalPurposes: version.renewalPurposes,
    material: version.changes.some((c) => c.material),
  };
}
