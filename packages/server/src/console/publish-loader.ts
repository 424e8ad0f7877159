import type { PublishReviewModel } from '@pledge/console';
import { diffManifests, type Manifest, parseManifest } from '@pledge/core';
import { publishCheck } from '@pledge/engine';
import { lintManifest } from '@pledge/lint';
import { manifestHash } from '@pledge/store';
import type { Runtime } from '../runtime.js';
import { diffRow, lintRow, markAccepted } from './policies-loader.js';

/**
 * The confirmation step of publishing from the console: the manifest text parsed, then the
 * same checks `POST /v1/policies` makes before storing anything (the engine's publish check:
 * compiler, lint gate; and the version label not published before with other content), with
 * the core diff against the version in force and the lint report.
 */
export async function reviewManifest(
  rt: Runtime,
  text: string,
  now: Date = new Date(),
): Promise<PublishReviewModel> {
  await rt.syncPolicy();
  const current = rt.engine.policy;
  const basedOn = { seq: current.version.seq, version: current.version.version, hash: current.version.hash };
  const parsed = parseManifest(text);
  if (!parsed.ok) {
    return {
      manifestText: text,
      basedOn,
      outcome: { kind: 'invalid', issues: parsed.issues.map(lintRow) },
      diff: [],
      lint: [],
    };
  }
  const next = parsed.manifest;
  const label = next.policy.version;
  const hash = manifestHash(next);
  const same = rt.engine.versions.find((v) => v.hash === hash);
  const review = { manifestText: text, basedOn, label };
  if (same) return { ...review, outcome: { kind: 'unchanged', seq: same.seq }, diff: [], lint: [] };
  const lint = lintManifest(next, { now }).map(lintRow);
  const check = publishCheck(current.manifest, next);
  if (!check.ok) {
    return {
      ...review,
      outcome: {
        kind: 'refused',
        code: check.code,
        message: check.message,
        issues: (check.issues ?? []).map(lintRow),
      },
      diff: check.code === 'manifest.uncompilable' ? [] : diffManifests(current.manifest, next).map(diffRow),
      lint,
    };
  }
  const diff = diffManifests(current.manifest, next).map(diffRow);
  const taken = rt.engine.versions.find((v) => v.version === label);
  if (taken) {
    return {
      ...review,
      outcome: {
        kind: 'refused',
        code: 'policy.version-label-reused',
        message: `version ${label} was already published (seq ${taken.seq}) with a different manifest: give this one a new policy.version`,
        issues: [],
      },
      diff,
      lint: markAccepted(lint, check.acceptedLint),
    };
  }
  return { ...review, outcome: { kind: 'ready' }, diff, lint: markAccepted(lint, check.acceptedLint) };
}

/** Outcome of {@link publishReviewed}: the version published, or the review to show again. */
export type PublishOutcome =
  | { ok: true; seq: number; created: boolean }
  | { ok: false; review: PublishReviewModel };

/**
 * Publishes a reviewed manifest with the engine's `publishPolicy`, the function
 * `POST /v1/policies` calls (so the lint gate and unique labels are enforced there too), but
 * only while the version it was reviewed against (`basedOn`, a manifest hash) is still in
 * force: otherwise the review is shown again against the new one.
 */
export async function publishReviewed(rt: Runtime, text: string, basedOn: string): Promise<PublishOutcome> {
  await rt.syncPolicy();
  if (rt.engine.policy.version.hash !== basedOn) {
    const review = await reviewManifest(rt, text);
    return {
      ok: false,
      review: {
        ...review,
        notice:
          'The policy in force changed since this review: check the changes against it again before publishing.',
      },
    };
  }
  const parsed = parseManifest(text);
  if (!parsed.ok) return { ok: false, review: await reviewManifest(rt, text) };
  const manifest: Manifest = parsed.manifest;
  const result = await rt.engine.publishPolicy(manifest);
  if (result.ok) return { ok: true, seq: result.version.seq, created: result.created };
  const review = await reviewManifest(rt, text);
  return {
    ok: false,
    review: {
      ...review,
      outcome: {
        kind: 'refused',
        code: result.code,
        message: result.message,
        issues: (result.issues ?? []).map(lintRow),
      },
    },
  };
}
