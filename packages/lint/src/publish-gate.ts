import type { Issue, LintOverride, Manifest } from '@pledge/core';
import { lintManifest } from './lint-manifest.js';

/** A lint error published anyway: the finding and the reason its override gives. */
export interface AcceptedFinding {
  rule: string;
  path: string;
  message: string;
  reason: string;
}

/** An override that covers no error of the manifest (stale, or a typo in the rule or path). */
export interface UnusedOverride {
  /** Index in `lintOverrides`. */
  index: number;
  rule: string;
  /** The paths of the override that matched no error; absent when it names no paths. */
  paths?: string[];
}

/** Outcome of {@link publishGate}. */
export interface PublishGate {
  /** Whether the manifest may be published: every lint error is covered by an override. */
  ok: boolean;
  /** Lint errors no override covers: each blocks publishing. */
  errors: Issue[];
  /** Lint errors covered by an override, with its reason: stored with the version. */
  accepted: AcceptedFinding[];
  /** Overrides (or paths of them) that cover nothing. */
  unused: UnusedOverride[];
}

function covers(override: LintOverride, issue: Issue): boolean {
  return (
    override.rule === issue.code && (override.paths === undefined || override.paths.includes(issue.path))
  );
}

/**
 * The lint gate of publishing: lints the manifest and splits its errors into those its
 * `lintOverrides` accept (each with the reason) and those that block. Warnings and infos
 * never block. Pure and deterministic.
 *
 * @example
 * const gate = publishGate(manifest);
 * if (!gate.ok) for (const e of gate.errors) console.error(e.code, e.path);
 */
export function publishGate(manifest: Manifest): PublishGate {
  const overrides = manifest.lintOverrides ?? [];
  const errors: Issue[] = [];
  const accepted: AcceptedFinding[] = [];
  const used = overrides.map(() => new Set<string>());
  for (const issue of lintManifest(manifest)) {
    if (issue.severity !== 'error') continue;
    const index = overrides.findIndex((o) => covers(o, issue));
    const override = overrides[index];
    if (!override) {
      errors.push(issue);
      continue;
    }
    used[index]?.add(issue.path);
    accepted.push({ rule: issue.code, path: issue.path, message: issue.message, reason: override.reason });
  }
  const unused: UnusedOverride[] = [];
  overrides.forEach((override, index) => {
    const hit = used[index] as Set<string>;
    if (override.paths === undefined) {
      if (hit.size === 0) unused.push({ index, rule: override.rule });
      return;
    }
    const missed = override.paths.filter((p) => !hit.has(p));
    if (missed.length > 0) unused.push({ index, rule: override.rule, paths: missed });
  });
  return { ok: errors.length === 0, errors, accepted, unused };
}
