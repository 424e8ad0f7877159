import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Environment variable naming a tarball of a freshly initialised, empty PGlite cluster. When it
 * is set, a new embedded database is unpacked from it instead of running `initdb`, which takes
 * seconds in WebAssembly against well under one for the unpack. The test harness sets it (one
 * template per test run); a deployment has no reason to. The tarball must come from
 * `writePgliteTemplate` with the same PGlite version, and only from a folder the operator trusts:
 * it becomes the database.
 */
export const PGLITE_TEMPLATE_ENV = 'PLEDGE_PGLITE_TEMPLATE';

let cached: { path: string; blob: Promise<Blob> } | undefined;

/**
 * The template to start a new embedded database from, or undefined when none is configured or
 * the folder already holds a database (which is opened as it is).
 */
export async function pgliteTemplateFor(dataDir: string | undefined): Promise<Blob | undefined> {
  const path = process.env[PGLITE_TEMPLATE_ENV];
  if (!path) return undefined;
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return undefined;
  if (cached?.path !== path) {
    const blob = readFile(path).then((bytes) => new Blob([bytes]));
    cached = { path, blob };
  }
  return cached.blob;
}

/**
 * Runs `initdb` once and writes the empty cluster as an uncompressed tarball to `path`
 * (through a temporary name, so a reader never sees half a file).
 */
export async function writePgliteTemplate(path: string): Promise<void> {
  const pglite = new PGlite();
  await pglite.waitReady;
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, path);
}
