import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

/** Where a package specifier's source lives, from the package's own `exports` map. */
function resolvePackage(spec: string): string {
  const [, scope, name, sub] = /^(@pledge)\/([^/]+)(\/.*)?$/.exec(spec) ?? [];
  if (!scope || !name) throw new Error(`not a workspace package: ${spec}`);
  const manifest = JSON.parse(readFileSync(join(PACKAGES, name, 'package.json'), 'utf8'));
  let target: unknown = manifest.exports[sub ? `.${sub}` : '.'];
  if (target && typeof target === 'object') {
    const conditions = target as Record<string, string>;
    target = conditions['@pledge/source'] ?? conditions.default;
  }
  if (typeof target !== 'string') throw new Error(`${spec} is not exported`);
  return resolve(PACKAGES, name, target.replace(/^\.\/dist\/(.*)\.js$/, './src/$1.ts'));
}

/**
 * Every module the decision engine loads at run time, following value imports only (`import
 * type` is erased by the compiler), with the bare specifiers they name.
 */
function runtimeGraph(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (spec.startsWith('@pledge/')) {
        bare.add(spec);
        queue.push(resolvePackage(spec));
      } else bare.add(spec);
    }
  }
  return { files, bare };
}

describe('@pledge/decide runs anywhere', () => {
  const { files, bare } = runtimeGraph(join(PACKAGES, 'decide/src/index.ts'));

  it('loads no Node built-in, no schema library and no YAML parser at run time', () => {
    expect(files.size).toBeGreaterThan(10);
    const forbidden = [...bare].filter(
      (spec) => spec.startsWith('node:') || spec === 'zod' || spec === 'yaml' || spec === '@pledge/core',
    );
    expect(forbidden).toEqual([]);
  });

  it('takes only the zod-free parts of core: vocabulary, model helpers, taxonomy and jurisdictions', () => {
    const fromCore = [...bare].filter((spec) => spec.startsWith('@pledge/core')).sort();
    expect(fromCore).toEqual([
      '@pledge/core/jurisdictions',
      '@pledge/core/model-runtime',
      '@pledge/core/taxonomy',
      '@pledge/core/vocabulary',
    ]);
  });
});
