import type { MatchRule } from '@pledge/connectors';
import { type IdentityKind, type Manifest, matchRuleOf } from '@pledge/core';

/** How a locate by an identity field compares: the kind's rule, and whether the field is stored normalised. */
export interface IdentityWhere {
  match: MatchRule;
  normalised: boolean;
}

/** The `where` options of a locate of `kind` values in `field` of `collection`. */
export function identityWhere(
  manifest: Pick<Manifest, 'identities'>,
  collection: { fields: ReadonlyArray<{ name: string; normalised?: boolean }> },
  field: string,
  kind: IdentityKind,
): IdentityWhere {
  return {
    match: matchRuleOf(manifest, kind),
    normalised: collection.fields.some((f) => f.name === field && f.normalised === true),
  };
}
