import { diffManifests, type Manifest } from '@pledge/core';
import { compilePolicy } from '@pledge/decide';
import type { EngineRefusal } from './event-time.js';

/**
 * Compiles the manifest and diffs it against the policy in force before anything is stored:
 * publishing stores first and compiles after, so a manifest the schema accepts but the
 * compiler cannot use would otherwise be stored and never be in force.
 */
export function publishRefusal(
  current: Manifest,
  next: Manifest,
): EngineRefusal<'manifest.uncompilable'> | undefined {
  try {
    compilePolicy(next);
    diffManifests(current, next);
    return undefined;
  } catch {
    return {
      ok: false,
      code: 'manifest.uncompilable',
      path: '(root)',
      message: 'the decision compiler refused this manifest',
    };
  }
}
