import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: `tsc -b`, so the bins that tests spawn run the current sources; then one
 * empty PGlite cluster for the whole run, which every embedded store the tests open (in the
 * workers and in the processes they spawn, through the environment) unpacks instead of running
 * `initdb` again.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const store = await import('../packages/store/dist/index.js');
  const path = join(tmpdir(), `pledge-pglite-template-${process.pid}.tar`);
  await store.writePgliteTemplate(path);
  process.env[store.PGLITE_TEMPLATE_ENV] = path;
  return () => rm(path, { force: true });
}
