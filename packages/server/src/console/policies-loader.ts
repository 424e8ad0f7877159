import type { DiffRow, LintRow, PoliciesModel, PolicyVersionModel, PolicyVersionRow } from '@pledge/console';
import { type Change, diffManifests, type Issue } from '@pledge/core';
import { lintManifest } from '@pledge/lint';
import type { PolicyVersion } from '@pledge/store';
import type { Runtime } from '../runtime.js';

/** `GET /console/policies`: every published version, newest first. */
export async function loadPolicies(rt: Runtime): Promise<PoliciesModel> {
  await rt.syncPolicy();
  const inForce = rt.engine.policy.version.hash;
  return { versions: [...rt.engine.versions].reverse().map((v) => versionRow(v, inForce)) };
}

/**
 * `GET /console/policies/:seq`: the version, the core diff against the version published
 * before it and its lint report; undefined for an unknown seq.
 */
export async function loadPolicyVersion(
  rt: Runtime,
  seq: number,
  now: Date = new Date(),
): Promise<PolicyVersionModel | undefined> {
  await rt.syncPolicy();
  const versions = rt.engine.versions;
  const at = versions.findIndex((v) => v.seq === seq);
  const version = versions[at];
  if (!version) return undefined;
  const previous = at > 0 ? versions[at - 1] : undefined;
  return {
    version: versionRow(version, rt.engine.policy.version.hash),
    ...(previous ? { previous: { seq: previous.seq, version: previous.version } } : {}),
    diff: previous ? diffManifests(previous.manifest, version.manifest).map(diffRow) : [],
    lint: markAccepted(lintManifest(version.manifest, { now }).map(lintRow), version.acceptedLint),
    acceptedLint: version.acceptedLint,
    renewalPurposes: version.renewalPurposes,
  };
}

/** A stored version as a row of the list. */
export function versionRow(v: PolicyVersion, inForceHash: string): PolicyVersionRow {
  return {
    seq: v.seq,
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    hash: v.hash,
    changes: v.changes.length,
    material: v.changes.filter((c) => c.material).length,
    acceptedLint: v.acceptedLint.length,
    inForce: v.hash === inForceHash,
  };
}

/** A change of the core diff as the console shows it. */
export function diffRow(c: Change): DiffRow {
  return {
    code: c.code,
    path: c.path,
    message: c.message,
    material: c.material,
    needsConsent: c.needsConsent,
  };
}

/** Marks the errors a version's `lintOverrides` accepted (matched by rule and path). */
export function markAccepted(
  lint: readonly LintRow[],
  accepted: readonly { rule: string; path: string }[],
): LintRow[] {
  return lint.map((i) =>
    i.severity === 'error' && accepted.some((a) => a.rule === i.code && a.path === i.path)
      ? { ...i, accepted: true }
      : i,
  );
}

/** A lint finding (or a parse problem) as the console shows it. */
export function lintRow(i: Issue): LintRow {
  const where =
    i.line !== undefined ? ` (line ${i.line}${i.column !== undefined ? `, column ${i.column}` : ''})` : '';
  return { code: i.code, severity: i.severity, path: i.path, message: `${i.message}${where}` };
}
