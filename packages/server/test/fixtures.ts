import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Manifest, parseManifest } from '@pledge/core';

/** Repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** A small valid manifest (shared with the CLI tests). */
export const MINIMAL = `${REPO_ROOT}packages/cli/test/fixtures/minimal.yaml`;

/** Loads and validates a manifest file, failing the test if it is invalid. */
export function loadManifest(file: string): Manifest {
  const result = parseManifest(readFileSync(file, 'utf8'), { file });
  if (!result.ok) throw new Error(`invalid fixture ${file}: ${JSON.stringify(result.issues)}`);
  return result.manifest;
}
