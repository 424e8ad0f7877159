import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Repository root, from this file's location. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The example manifests present in the checkout: `examples/<name>/pledge.yaml`. */
export function exampleManifests(): Array<{ name: string; file: string; text: string }> {
  const dir = `${REPO_ROOT}examples`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${dir}/${entry.name}/pledge.yaml`))
    .map((entry) => {
      const file = `${dir}/${entry.name}/pledge.yaml`;
      return { name: entry.name, file, text: readFileSync(file, 'utf8') };
    });
}
