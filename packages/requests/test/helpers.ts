import { readFileSync } from 'node:fs';
import { type Manifest, parseManifest } from '@pledge/core';
import { REPO_ROOT } from '@pledge/testing/manifests';

/** An example manifest from examples/<name>/pledge.yaml. */
export function exampleManifest(name: 'antsentry' | 'camera-app' | 'spacemit-site'): Manifest {
  const loaded = parseManifest(readFileSync(`${REPO_ROOT}examples/${name}/pledge.yaml`, 'utf8'));
  if (!loaded.ok) throw new Error(`example ${name} does not load: ${loaded.issues[0]?.code}`);
  return loaded.manifest;
}
