/**
 * Fails on an import cycle, type-only imports included: between the files of packages/*\/src
 * and between the packages themselves. A cross-package import counts as an edge to the
 * imported entry file (the exports map's source), so a cycle through two packages shows too.
 *
 *   tsx scripts/checks/cycles.ts
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { importsOf, tsFiles } from './imports.js';
import { packageOfSpecifier, ROOT, report, SCOPE, sourceEntries, workspacePackages } from './workspace.js';

/** Strongly connected components with more than one node, or a node importing itself (Tarjan). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(node, Math.min(low.get(node) as number, indices.get(next) as number));
    }
    if (low.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) connect(node);
  return found;
}

/** One shortest import path from the component's first node back to itself, to show in the report. */
export function cyclePath(graph: Map<string, Set<string>>, component: string[]): string[] {
  const start = component[0] as string;
  const inside = new Set(component);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of graph.get(node) ?? []) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at) as string) path.splice(1, 0, at);
        return [...path, start];
      }
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return component;
}

/** The .ts file a relative specifier with a .js extension names. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')])
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  return undefined;
}

function main(): void {
  const packages = workspacePackages();
  const entries = new Map<string, string>();
  for (const pkg of packages)
    for (const [subpath, file] of sourceEntries(pkg))
      entries.set(subpath === '.' ? (pkg.json.name as string) : `${pkg.json.name}${subpath.slice(1)}`, file);
  const files = new Map<string, Set<string>>();
  const pkgs = new Map<string, Set<string>>();
  for (const pkg of packages) {
    const name = pkg.json.name as string;
    const pkgEdges = pkgs.get(name) ?? new Set<string>();
    pkgs.set(name, pkgEdges);
    for (const file of tsFiles(join(pkg.dir, 'src'))) {
      const edges = new Set<string>();
      files.set(file, edges);
      for (const { specifier } of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = resolveRelative(file, specifier);
          if (target) edges.add(target);
          continue;
        }
        const imported = packageOfSpecifier(specifier);
        if (!imported?.startsWith(SCOPE)) continue;
        if (imported !== name) pkgEdges.add(imported);
        const entry = entries.get(specifier);
        if (entry) edges.add(entry);
      }
    }
  }
  const problems = [
    ...cycles(pkgs).map((cycle) => `package cycle: ${cyclePath(pkgs, cycle).join(' -> ')}`),
    ...cycles(files).map((cycle) => {
      const path = cyclePath(files, cycle).map((file) => relative(ROOT, file));
      return `file cycle (${cycle.length} files in it), one loop: ${path.join(' -> ')}`;
    }),
  ];
  report('cycles', problems);
}

main();
