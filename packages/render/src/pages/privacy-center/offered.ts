import { isConsentBased, type Manifest, type Purpose, type Right, type RightKind } from '@pledge/core';

/** Rights a person cannot ask for through a form here (a complaint goes to an authority). */
const NOT_ASKED_HERE: ReadonlySet<RightKind> = new Set<RightKind>(['complaint']);

/** The purposes the manifest rests on consent (in at least one of its jurisdictions), in manifest order. */
export function consentPurposes(manifest: Manifest): Purpose[] {
  return manifest.purposes.filter((p) => isConsentBased(p, manifest));
}

/** A right the privacy center offers a form for: its kind and every manifest entry granting it. */
export interface OfferedRight {
  readonly right: RightKind;
  readonly entries: readonly Right[];
}

/** The rights the manifest grants that can be asked for here, one per kind, in manifest order. */
export function offeredRights(manifest: Manifest): OfferedRight[] {
  const out = new Map<RightKind, Right[]>();
  for (const entry of manifest.rights) {
    if (NOT_ASKED_HERE.has(entry.right)) continue;
    out.set(entry.right, [...(out.get(entry.right) ?? []), entry]);
  }
  return [...out].map(([right, entries]) => ({ right, entries }));
}
