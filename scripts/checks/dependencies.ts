/**
 * Checks that each package's `dependencies` and `peerDependencies` are exactly what its src/
 * imports: an import of an undeclared package fails, and so does a declared package that no
 * file imports, unless the package provides it for a peer dependency of one of its workspace
 * dependencies (an app such as the CLI installs the drivers its libraries take as peers).
 * A package that compiles native code (better-sqlite3) is only ever an optional peer dependency.
 *
 *   tsx scripts/checks/dependencies.ts
 */
import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { importsOf, tsFiles } from './imports.js';
import { packageOfSpecifier, ROOT, report, type WorkspacePackage, workspacePackages } from './workspace.js';

const BUILTINS = new Set(builtinModules);

/** Packages that compile native code: only ever an optional peer dependency, so installing Pledge compiles nothing. */
const NATIVE = ['better-sqlite3'] as const;

/** The workspace packages a package depends on, directly or not (itself excluded). */
function workspaceClosure(name: string, byName: Map<string, WorkspacePackage>): WorkspacePackage[] {
  const seen = new Map<string, WorkspacePackage>();
  const visit = (current: string) => {
    for (const dep of Object.keys(byName.get(current)?.json.dependencies ?? {})) {
      const found = byName.get(dep);
      if (!found || seen.has(dep)) continue;
      seen.set(dep, found);
      visit(dep);
    }
  };
  visit(name);
  return [...seen.values()];
}

function main(): void {
  const packages = workspacePackages();
  const byName = new Map(packages.map((pkg) => [pkg.json.name ?? '', pkg]));
  const problems: string[] = [];
  for (const pkg of packages) {
    const at = `packages/${pkg.folder}/package.json`;
    const deps = pkg.json.dependencies ?? {};
    const peers = pkg.json.peerDependencies ?? {};
    const imported = new Map<string, string>();
    for (const file of tsFiles(`${pkg.dir}/src`)) {
      for (const ref of importsOf(file)) {
        const name = packageOfSpecifier(ref.specifier);
        if (!name || BUILTINS.has(name) || name === pkg.json.name) continue;
        if (!imported.has(name)) imported.set(name, `${relative(ROOT, file)}:${ref.line}`);
      }
    }
    for (const [name, where] of imported) {
      if (!(name in deps) && !(name in peers))
        problems.push(
          `${at}: imports "${name}" (${where}) but does not declare it in dependencies or peerDependencies`,
        );
    }
    const providedPeers = new Set(
      workspaceClosure(pkg.json.name ?? '', byName).flatMap((dep) =>
        Object.keys(dep.json.peerDependencies ?? {}),
      ),
    );
    for (const name of [...Object.keys(deps), ...Object.keys(peers)]) {
      if (imported.has(name) || (name in deps && providedPeers.has(name))) continue;
      problems.push(`${at}: declares "${name}" but no file under src/ imports it`);
    }
    for (const name of Object.keys(deps)) {
      if ((NATIVE as readonly string[]).includes(name))
        problems.push(`${at}: "${name}" compiles native code: declare it as an optional peer dependency`);
      if (name in peers) problems.push(`${at}: "${name}" is both a dependency and a peer dependency`);
    }
    for (const name of Object.keys(peers)) {
      if (!pkg.json.peerDependenciesMeta?.[name]?.optional)
        problems.push(`${at}: peer dependency "${name}" must be optional (peerDependenciesMeta)`);
    }
  }
  report('dependencies', problems);
}

main();
