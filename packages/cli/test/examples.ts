import { existsSync, readdirSync } from 'node:fs';
import { REPO_ROOT } from './run-pledge.js';

/** `examples/<name>/pledge.yaml` paths (relative to the repository root) present in the checkout. */
export function exampleFiles(): string[] {
  const dir = `${REPO_ROOT}examples`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(`${dir}/${name}/pledge.yaml`))
    .map((name) => `examples/${name}/pledge.yaml`);
}
