/**
 * Checks that every packages/* folder has the shape that builds and installs anywhere: the
 * package.json fields, an exports map whose every entry has the source condition, types and
 * default pointing at dist/, the files list, and a tsconfig.build.json whose references are the
 * package's workspace dependencies. `--fix` writes what can be derived (exports, files,
 * engines, license, tsconfig.build.json, the root tsconfig.build.json).
 *
 *   tsx scripts/checks/packages.ts [--fix]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  type PackageJson,
  ROOT,
  report,
  SCOPE,
  SOURCE_CONDITION,
  type WorkspacePackage,
  workspacePackages,
} from './workspace.js';

/** Node versions every package supports (the root's engines). */
const ENGINES_NODE = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson).engines
  ?.node as string;
const LICENSE = 'Apache-2.0';
/** The build info of `tsc -b` lives in dist/ (so deleting dist/ rebuilds) and is not packed. */
const BUILD_INFO = 'dist/.tsbuildinfo';

/** The exports entry for a source file `./src/<path>.ts`. */
export function exportEntry(source: string): Record<string, string> {
  const stem = source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '');
  return { [SOURCE_CONDITION]: source, types: `${stem}.d.ts`, default: `${stem}.js` };
}

/** The files list: the build, its bin folder if any, never the build info. */
function filesList(json: PackageJson): string[] {
  const bins = Object.values(json.bin ?? {}).map((path) => path.replace(/^\.\//, '').split('/')[0] as string);
  return ['dist', ...new Set(bins), `!${BUILD_INFO}`];
}

/** Workspace packages this one depends on (dependencies and peer dependencies). */
function workspaceDependencies(json: PackageJson): string[] {
  const names = new Set([
    ...Object.keys(json.dependencies ?? {}),
    ...Object.keys(json.peerDependencies ?? {}),
  ]);
  return [...names].filter((name) => name.startsWith(SCOPE)).sort();
}

function buildConfig(pkg: WorkspacePackage, byName: Map<string, WorkspacePackage>): unknown {
  return {
    extends: '../../tsconfig.package.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: BUILD_INFO },
    include: ['src'],
    references: workspaceDependencies(pkg.json)
      .map((name) => byName.get(name))
      .filter((dep): dep is WorkspacePackage => dep !== undefined)
      .map((dep) => ({ path: `../${dep.folder}/tsconfig.build.json` })),
  };
}

function rootBuildConfig(packages: WorkspacePackage[]): unknown {
  return {
    files: [],
    references: packages.map((pkg) => ({ path: `packages/${pkg.folder}/tsconfig.build.json` })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/** Problems of one package.json (not counting what --fix writes when fixing). */
function checkPackage(pkg: WorkspacePackage): string[] {
  const { json } = pkg;
  const at = `packages/${pkg.folder}/package.json`;
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(`${at}: ${message}`);
  };
  expect(json.name === `${SCOPE}${pkg.folder}`, `name must be "${SCOPE}${pkg.folder}"`);
  expect(typeof json.version === 'string' && /^\d+\.\d+\.\d+/.test(json.version), 'version must be semver');
  expect(json.private === true, '"private": true (nothing is published yet)');
  expect(json.type === 'module', '"type": "module"');
  expect(typeof json.description === 'string' && json.description.length > 0, 'a one-line "description"');
  expect(json.license === LICENSE, `"license": "${LICENSE}"`);
  expect(json.engines?.node === ENGINES_NODE, `"engines": { "node": "${ENGINES_NODE}" } (as the root)`);
  expect(same(json.files, filesList(json)), `"files": ${JSON.stringify(filesList(json))}`);
  const exportsMap = json.exports ?? {};
  expect('.' in exportsMap, 'an exports entry for "."');
  for (const [subpath, target] of Object.entries(exportsMap)) {
    // A package's runnable scripts (bin/*.js, plain JavaScript) are exported as they are.
    if (/^\.\/bin\/[^/]+\.js$/.test(subpath) && target === subpath) {
      expect(existsSync(join(pkg.dir, subpath)), `exports["${subpath}"] does not exist`);
      continue;
    }
    const source =
      target && typeof target === 'object'
        ? (target as Record<string, unknown>)[SOURCE_CONDITION]
        : undefined;
    if (typeof source !== 'string' || !/^\.\/src\/.+\.ts$/.test(source)) {
      problems.push(`${at}: exports["${subpath}"] needs "${SOURCE_CONDITION}": "./src/<file>.ts" first`);
      continue;
    }
    expect(
      same(target, exportEntry(source)),
      `exports["${subpath}"] must be ${JSON.stringify(exportEntry(source))} (keys in this order)`,
    );
    expect(existsSync(join(pkg.dir, source)), `exports["${subpath}"]: ${source} does not exist`);
  }
  for (const [name, path] of Object.entries(json.bin ?? {}))
    expect(existsSync(join(pkg.dir, path)), `bin "${name}": ${path} does not exist`);
  return problems;
}

/** Rewrites the derivable fields of a package.json; returns whether it changed. */
function fixPackage(pkg: WorkspacePackage): boolean {
  const json: PackageJson = { ...pkg.json };
  json.license = LICENSE;
  json.engines = { ...json.engines, node: ENGINES_NODE };
  json.files = filesList(json);
  json.exports = Object.fromEntries(
    Object.entries(json.exports ?? { '.': './src/index.ts' }).map(([subpath, target]) => {
      if (/^\.\/bin\/[^/]+\.js$/.test(subpath)) return [subpath, target];
      const source =
        typeof target === 'string'
          ? target
          : ((target as Record<string, unknown> | null)?.[SOURCE_CONDITION] as string | undefined);
      return [subpath, typeof source === 'string' ? exportEntry(source) : target];
    }),
  );
  if (same(json, pkg.json)) return false;
  pkg.json = json;
  writeFileSync(join(pkg.dir, 'package.json'), `${JSON.stringify(json, null, 2)}\n`);
  return true;
}

function main(): void {
  const fix = process.argv.includes('--fix');
  const packages = workspacePackages();
  const byName = new Map(packages.map((pkg) => [pkg.json.name ?? '', pkg]));
  const written: string[] = [];
  const problems: string[] = [];
  const expectFile = (path: string, wanted: unknown) => {
    if (same(readJson(path), wanted)) return;
    if (fix) {
      writeFileSync(path, `${JSON.stringify(wanted, null, 2)}\n`);
      written.push(path);
    } else problems.push(`${relative(ROOT, path)}: differs from what the package needs (run with --fix)`);
  };
  for (const pkg of packages) {
    if (fix && fixPackage(pkg)) written.push(join(pkg.dir, 'package.json'));
    problems.push(...checkPackage(pkg));
    expectFile(join(pkg.dir, 'tsconfig.build.json'), buildConfig(pkg, byName));
  }
  expectFile(join(ROOT, 'tsconfig.build.json'), rootBuildConfig(packages));
  if (written.length > 0) {
    execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', ...written], {
      stdio: 'ignore',
    });
    process.stdout.write(`wrote ${written.map((path) => relative(ROOT, path)).join(', ')}\n`);
  }
  report('packages', problems);
}

main();
