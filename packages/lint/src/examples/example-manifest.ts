import { type Manifest, ManifestSchema } from '@pledge/core';
import type { ManifestPatch } from '../types.js';
import { applyPatch } from './apply-patch.js';
import { baseManifest } from './base.js';

/**
 * The base manifest with a rule example's patch applied, validated. Throws when the result is
 * not a valid manifest: examples are part of Pledge, so that is a bug, not user input.
 */
export function exampleManifest(patch: ManifestPatch): Manifest {
  const result = ManifestSchema.safeParse(applyPatch(baseManifest, patch));
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`lint example is not a valid manifest: ${first?.path.join('.')}: ${first?.message}`);
  }
  return result.data;
}
