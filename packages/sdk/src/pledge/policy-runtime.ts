import type { Manifest } from '@pledge/core';
import {
  type CompiledPolicy,
  compilePolicy,
  type SubjectState,
  subjectStateFromEvents,
} from '@pledge/decide';
import { renewalCheck, type SubjectFactsInput, toSubjectEvent } from '@pledge/engine';
import type { LedgerEvent, SdkConfigResponse } from '../client/types.js';

/** The policy the SDK decides with: what the server serves at `/v1/sdk/config`, compiled. */
export interface PolicyRuntime {
  readonly manifest: Manifest;
  readonly compiled: CompiledPolicy;
  /** Version and content hash of the policy in force on the server. */
  readonly version: string;
  readonly hash: string;
  /** Counts recompilations: cached subject states built for an older one are rebuilt. */
  readonly generation: number;
  /** Number of published versions known (a new one may reopen consents without changing the hash in force). */
  readonly versionCount: number;
  readonly needsRenewal: (version: string, purpose: string | undefined) => boolean;
}

/** Compiles the policy of an SDK config. */
export function buildRuntime(config: SdkConfigResponse, generation: number): PolicyRuntime {
  return {
    manifest: config.manifest,
    compiled: compilePolicy(config.manifest),
    version: config.version,
    hash: config.hash,
    generation,
    versionCount: config.versions.length,
    needsRenewal: renewalCheck(config.versions),
  };
}

/**
 * Subject state from ledger events, built exactly as the server's engine builds it
 * (`Engine.stateFromEvents`), so an in-process decision equals the server's.
 */
export function stateFromEvents(
  runtime: PolicyRuntime,
  events: readonly LedgerEvent[],
  facts: SubjectFactsInput = {},
): SubjectState {
  return subjectStateFromEvents(runtime.compiled, events.map(toSubjectEvent), {
    ...facts,
    gpc: facts.gpc,
    dnt: facts.dnt,
    needsRenewal: runtime.needsRenewal,
  });
}
