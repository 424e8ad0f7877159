import type { Manifest } from '@pledge/core';
import type { CompiledPolicy, SubjectState } from '@pledge/decide';
import type { BatchFn } from '../../lib/timing.js';
import type { PolicyFacts, SubjectFacts } from '../facts.js';
import type { RequestStream } from '../population.js';

/** One engine's answer to one request: allow or deny, and the reasons it gave. */
export interface Answer {
  allowed: boolean;
  reasons: readonly string[];
}

/** Everything an engine is built from: the same policy, population and requests for all. */
export interface BenchWorld {
  manifest: Manifest;
  policy: CompiledPolicy;
  facts: PolicyFacts;
  states: readonly SubjectState[];
  subjects: readonly SubjectFacts[];
  requests: RequestStream;
}

/** A decision engine under test. */
export interface Engine {
  name: string;
  /** How the policy and state are encoded for it. */
  encoding: string;
  /** Answers request `i` (used to check agreement). */
  answer(i: number): Answer;
  /** Answers requests `offset..offset+count` (wrapping), reading each reason; returns a checksum. */
  batch: BatchFn;
}

/** Builds an engine; may be async (WASM loading). */
export type EngineFactory = (world: BenchWorld) => Engine | Promise<Engine>;
