import type { IdentityKind } from '../manifest/schema/datasets.js';
import { DEFAULT_IDENTITY_MATCH, type IdentityMatchRule } from '../manifest/schema/identities.js';
import type { Manifest } from '../manifest/schema/index.js';

/** The match rule the manifest declares for an identity kind, `exact` when it declares none. */
export function matchRuleOf(manifest: Pick<Manifest, 'identities'>, kind: IdentityKind): IdentityMatchRule {
  return manifest.identities?.[kind]?.match ?? DEFAULT_IDENTITY_MATCH;
}
