import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dataset, type Manifest, parseManifest } from '@pledge/core';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** One of the three example manifests, parsed. */
export function exampleManifest(name: 'antsentry' | 'camera-app' | 'spacemit-site'): Manifest {
  const file = `${root}examples/${name}/pledge.yaml`;
  const result = parseManifest(readFileSync(file, 'utf8'), { file });
  if (!result.ok) throw new Error(`${name} manifest invalid: ${result.issues.map((i) => i.code).join(', ')}`);
  return result.manifest;
}

/** A manifest whose datasets are replaced by these (YAML text, defaults applied). */
export function withDatasets(base: Manifest, yaml: string, extra: Partial<Manifest> = {}): Manifest {
  const datasets = (parse(yaml) as unknown[]).map((d) => Dataset.parse(d));
  return { ...base, ...extra, datasets };
}
