import { type Connector, WRITE_CHECKS, type WriteCall, type WriteProblem } from '@pledge/connectors';
import type { Manifest } from '@pledge/core';
import type { RectifyValue } from '../jobs/requests.js';
import type { Plan, PlanStep } from '../plan/types.js';
import { rectifyValuesFor } from './act.js';
import { collectionOf } from './collections.js';
import type { ConnectorPool } from './connections.js';
import { describeFailure } from './failure.js';

/**
 * What the preflight checks before a request writes anything: every connection opens, the
 * secrets the plan needs are there, every collection has its key declared, and then, per
 * connector, the {@link WRITE_CHECKS}: not read-only, the privilege held, each column able
 * to take its strategy.
 */
export const PREFLIGHT_CHECKS = ['connection', 'secret', 'key', ...WRITE_CHECKS] as const;
/** One of {@link PREFLIGHT_CHECKS}. */
export type PreflightCheck = (typeof PREFLIGHT_CHECKS)[number];

/** A reason the request cannot start, naming the connector, the table and the check. */
export interface PreflightProblem {
  step: number;
  dataset: string;
  collection: string;
  check: PreflightCheck;
  message: string;
}

const CHECK_WORDS: Readonly<Record<PreflightCheck, string>> = {
  connection: 'connection',
  secret: 'secret',
  key: 'key declared',
  'read-only': 'writable connection',
  privilege: 'write privilege',
  'column-type': 'strategy fits the column type',
};

/** Write checks already passed, per connector (kept connectors live as long as a worker). */
const passed = new WeakMap<Connector, Set<string>>();

/** What the preflight needs to know of the request. */
export interface PreflightInput {
  pool: ConnectorPool;
  manifest: Manifest;
  plan: Plan;
  /** Indexes of the steps still to run (done ones are not checked again). */
  steps: readonly number[];
  secret?: string;
  rectify?: Record<string, RectifyValue>;
}

/**
 * Checks everything a run needs before its first write, writing nothing; returns every
 * problem found (none: the run can start). A connector that cannot check writes
 * (`checkWrite` absent) is only connected.
 */
export async function preflight(input: PreflightInput): Promise<PreflightProblem[]> {
  const { pool, manifest, plan } = input;
  const problems: PreflightProblem[] = [];
  const unreachable = new Set<string>();
  const problem = (step: PlanStep, check: PreflightCheck, message: string) =>
    problems.push({ step: step.index, dataset: step.dataset, collection: step.collection, check, message });
  for (const index of input.steps) {
    const step = plan.steps[index];
    if (!step || unreachable.has(step.dataset)) continue;
    let connector: Connector;
    try {
      connector = await pool.get(step.dataset);
    } catch (error) {
      unreachable.add(step.dataset);
      problem(step, 'connection', describeFailure(error).message);
      continue;
    }
    const collection = collectionOf(manifest, step.dataset, step.collection);
    if (connector.capabilities.keyField(collection) === undefined) {
      problem(
        step,
        'key',
        `${step.dataset}.${step.collection} declares no key (${connector.capabilities.keyDeclaration})`,
      );
      continue;
    }
    const call = writeCall(plan, step, input.rectify);
    if (!call) continue;
    if (call.operation === 'erase' && Object.values(call.plan).includes('hash') && !input.secret) {
      problem(step, 'secret', 'the plan hashes a field but no secret is configured (PLEDGE_ERASURE_SECRET)');
    }
    if (!connector.checkWrite) continue;
    const key = JSON.stringify([step.collection, call]);
    if (passed.get(connector)?.has(key)) continue;
    let found: WriteProblem[];
    try {
      found = await connector.checkWrite(collection, call);
    } catch (error) {
      problem(step, 'connection', describeFailure(error).message);
      continue;
    }
    for (const p of found) problem(step, p.check, p.message);
    if (found.length === 0) {
      const known = passed.get(connector) ?? new Set<string>();
      known.add(key);
      passed.set(connector, known);
    }
  }
  return problems;
}

/** The write a step will make, if any. */
function writeCall(
  plan: Plan,
  step: PlanStep,
  rectify?: Record<string, RectifyValue>,
): WriteCall | undefined {
  if (plan.kind === 'erase') {
    const erasure = step.erasure;
    if (!erasure || erasure.mode === 'none' || Object.keys(erasure.plan).length === 0) return undefined;
    return { operation: 'erase', plan: erasure.plan };
  }
  if (plan.kind === 'rectify') {
    const fields = Object.keys(rectifyValuesFor(step, rectify ?? {}));
    return fields.length > 0 ? { operation: 'rectify', fields } : undefined;
  }
  return undefined;
}

/** A preflight problem as a step failure: `preflight.<check>` and a message naming connector, table and check. */
export function preflightFailure(
  problem: PreflightProblem,
  datastore: string,
): { code: string; message: string } {
  return {
    code: `preflight.${problem.check}`,
    message: `preflight refused ${problem.dataset}.${problem.collection} (${datastore}), check "${CHECK_WORDS[problem.check]}": ${problem.message}`,
  };
}

/** The preflight's problems as one failure per step (problems of a step joined), in step order. */
export function stepFailures(
  plan: Plan,
  problems: readonly PreflightProblem[],
): Array<[number, { code: string; message: string }]> {
  const out: Array<[number, { code: string; message: string }]> = [];
  for (const step of plan.steps) {
    const own = problems.filter((p) => p.step === step.index).map((p) => preflightFailure(p, step.datastore));
    if (own.length === 0) continue;
    out.push([
      step.index,
      { code: own[0]?.code ?? 'preflight', message: own.map((f) => f.message).join('; ') },
    ]);
  }
  return out;
}
