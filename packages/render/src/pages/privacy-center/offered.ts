import { isConsentBased, type Manifest, type Purpose } from '@pledge/core';

/** The purposes the manifest rests on consent (in at least one of its jurisdictions), in manifest order. */
export function consentPurposes(manifest: Manifest): Purpose[] {
  return manifest.purposes.filter((p) => isConsentBased(p, manifest));
}
