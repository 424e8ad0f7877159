import { diffManifests, type Issue, type Manifest } from '@pledge/core';
import { compilePolicy } from '@pledge/decide';
import { publishGate } from '@pledge/lint';
import type { AcceptedLint } from '@pledge/store';
import type { EngineRefusal } from './event-time.js';

/** Codes of a refused publish (see docs/publishing.md). */
export const PUBLISH_REFUSALS = [
  'manifest.uncompilable',
  'manifest.lint-errors',
  'policy.version-label-reused',
] as const;
export type PublishRefusalCode = (typeof PUBLISH_REFUSALS)[number];

/** A refused publish: the code, the path of the first fault, and every lint error when linting refused it. */
export interface PublishRefusal extends EngineRefusal<PublishRefusalCode> {
  /** The lint errors no override covers (for `manifest.lint-errors`), each with its rule code and path. */
  issues?: Issue[];
}

/** Outcome of {@link publishCheck}: the lint errors to accept with the version, or a refusal. */
export type PublishCheck = { ok: true; acceptedLint: AcceptedLint[] } | PublishRefusal;

/**
 * The checks before anything is stored: the manifest's lint errors are each accepted by one of
 * its `lintOverrides` (the accepted ones are returned, to be stored with the version), the
 * decision compiler can use it, and it diffs against the policy in force. Publishing stores
 * first and compiles after, so a manifest the compiler cannot use would otherwise be stored
 * and never be in force. The version label is checked by the store, under its lock.
 */
export function publishCheck(current: Manifest | undefined, next: Manifest): PublishCheck {
  try {
    compilePolicy(next);
    if (current) diffManifests(current, next);
  } catch {
    return {
      ok: false,
      code: 'manifest.uncompilable',
      path: '(root)',
      message: 'the decision compiler refused this manifest',
    };
  }
  const gate = publishGate(next);
  if (!gate.ok) {
    const first = gate.errors[0] as Issue;
    const rules = [...new Set(gate.errors.map((e) => e.code))];
    return {
      ok: false,
      code: 'manifest.lint-errors',
      path: first.path,
      message: `the manifest has ${gate.errors.length} lint error(s) no lintOverrides entry accepts (${rules.join(', ')}): fix them, or accept each with its rule, path and reason`,
      issues: gate.errors,
    };
  }
  return {
    ok: true,
    acceptedLint: gate.accepted.map(({ rule, path, message, reason }) => ({ rule, path, message, reason })),
  };
}

/**
 * A refused publish as an error, for where a refusal cannot be returned (the publish at
 * start): the message names every lint rule and path at fault.
 */
export class PublishRefusedError extends Error {
  readonly refusal: PublishRefusal;

  constructor(refusal: PublishRefusal) {
    const details = refusal.issues?.map((i) => `\n  ${i.path}: ${i.message} (${i.code})`).join('') ?? '';
    super(`publishing refused (${refusal.code}) at ${refusal.path}: ${refusal.message}${details}`);
    this.name = 'PublishRefusedError';
    this.refusal = refusal;
  }
}
