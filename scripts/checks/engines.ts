/**
 * Fails when a package that package-lock.json installs declares an `engines.node` range that
 * excludes the Node version CI runs (20.20): such a package may not load there. Optional
 * packages for another platform, which npm skips, do not count.
 *
 *   tsx scripts/checks/engines.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { ROOT, report } from './workspace.js';

/** The oldest Node line Pledge supports, as CI runs it. */
const NODE = '20.20.0';

interface LockEntry {
  version?: string;
  optional?: boolean;
  link?: boolean;
  engines?: { node?: string } | string[];
}

function main(): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.link || Array.isArray(entry.engines)) continue;
    const range = entry.engines?.node;
    if (!range || semver.satisfies(NODE, range, { includePrerelease: true })) continue;
    // npm skips an optional package whose platform or engines do not fit: not installed, no harm.
    if (entry.optional && !existsSync(join(ROOT, path))) continue;
    problems.push(
      `${path}@${entry.version}: engines.node "${range}" excludes Node ${NODE} (pin or override it)`,
    );
  }
  report('engines', problems);
}

main();
