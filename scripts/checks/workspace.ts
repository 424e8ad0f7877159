import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The condition under which every package's exports point at its TypeScript source. */
export const SOURCE_CONDITION = '@pledge/source';

/** The scope of the workspace's packages. */
export const SCOPE = '@pledge/';

/** The parts of a package.json the checks read. */
export interface PackageJson {
  name?: string;
  version?: string;
  private?: boolean;
  type?: string;
  description?: string;
  license?: string;
  engines?: Record<string, string>;
  bin?: Record<string, string>;
  files?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/** One workspace package. */
export interface WorkspacePackage {
  /** Folder name under packages/. */
  folder: string;
  /** Absolute path of the folder. */
  dir: string;
  json: PackageJson;
}

/** Every packages/* folder with a package.json, sorted by folder name. */
export function workspacePackages(): WorkspacePackage[] {
  const base = join(ROOT, 'packages');
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const dir = join(base, folder);
      return {
        folder,
        dir,
        json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson,
      };
    });
}

/** The source entry files of a package's exports map: subpath to absolute .ts path. */
export function sourceEntries(pkg: WorkspacePackage): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.json.exports ?? {})) {
    const source =
      typeof target === 'string'
        ? target
        : target && typeof target === 'object'
          ? (target as Record<string, unknown>)[SOURCE_CONDITION]
          : undefined;
    if (typeof source === 'string' && source.endsWith('.ts')) entries.set(subpath, join(pkg.dir, source));
  }
  return entries;
}

/** The package a bare import specifier names (`@scope/name/sub` gives `@scope/name`), or undefined for a relative or built-in one. */
export function packageOfSpecifier(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name;
}

/** Prints the findings of one check and sets a failing exit code when there are any. */
export function report(check: string, problems: string[]): void {
  if (problems.length === 0) {
    process.stdout.write(`${check}: ok\n`);
    return;
  }
  process.stderr.write(`${check}: ${problems.length} problem(s)\n`);
  for (const problem of problems) process.stderr.write(`  ${problem}\n`);
  process.exitCode = 1;
}
