import type { Issue, Manifest } from '@pledge/core';
import { createLintContext, type LintOptions } from './context.js';
import { rules } from './rules/index.js';
import type { LintRuleMeta } from './types.js';

const SEGMENT = /(\d+)|(\D+)/g;

/** Compares paths so that `a[2]` sorts before `a[10]`. */
function comparePaths(a: string, b: string): number {
  const left = a.match(SEGMENT) ?? [];
  const right = b.match(SEGMENT) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    const nx = /^\d/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d/.test(y) ? Number(y) : Number.NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * Runs every lint rule over a validated manifest and returns the findings sorted by path
 * (then code and message). Pure and deterministic; never throws for manifest content. Rules
 * that look ahead count from `options.now`, else from the policy's own date.
 *
 * @example
 * const result = parseManifest(text, { file: 'pledge.yaml' });
 * if (result.ok) for (const issue of lintManifest(result.manifest)) console.log(issue.code, issue.path);
 */
export function lintManifest(manifest: Manifest, options: LintOptions = {}): Issue[] {
  const ctx = createLintContext(manifest, options);
  const issues = rules.flatMap((rule) => rule.check(ctx));
  return issues.sort(
    (a, b) =>
      comparePaths(a.path, b.path) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Metadata of every lint rule (code, severity, what it checks, why, examples), in code order. */
export const lintRules: ReadonlyArray<LintRuleMeta> = rules.map(
  ({ code, severity, title, description, why, examples }) => ({
    code,
    severity,
    title,
    description,
    why,
    examples,
  }),
);
