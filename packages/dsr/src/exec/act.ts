import type { Connector, Key, Scalar } from '@pledge/connectors';
import type { DatasetCollection } from '@pledge/core';
import type { RectifyValue } from '../jobs/requests.js';
import type { PlanStep } from '../plan/types.js';
import { type JsonValue, toJsonRow } from './values.js';

/** Progress of a write step after each batch: stored before the next batch starts. */
export interface BatchProgress {
  batchesDone: number;
  affected: number;
  statements: number;
}

/** What one step's action needs. */
export interface ActInput {
  connector: Connector;
  collection: DatasetCollection;
  step: PlanStep;
  keys: readonly Key[];
  batchSize: number;
  /** Batches already done by an earlier attempt: skipped. */
  start: BatchProgress;
  /** Stores progress; throws to stop (a lost lease). */
  onBatch(progress: BatchProgress): Promise<void>;
  secret?: string;
  /** Rectification values by target (`field`, `collection.field`, `dataset.collection.field`). */
  rectify?: Record<string, RectifyValue>;
}

/** Reads the located rows (access); every value as JSON. */
export async function readStep(input: ActInput): Promise<Array<Record<string, JsonValue>>> {
  if (input.keys.length === 0) return [];
  return (await input.connector.read(input.collection, input.keys)).map(toJsonRow);
}

async function batched(
  input: ActInput,
  write: (batch: readonly Key[]) => Promise<{ affected: number; statements: number }>,
): Promise<BatchProgress> {
  const progress = { ...input.start };
  for (let b = progress.batchesDone; b * input.batchSize < input.keys.length; b++) {
    const batch = input.keys.slice(b * input.batchSize, (b + 1) * input.batchSize);
    const result = await write(batch);
    progress.batchesDone = b + 1;
    progress.affected += result.affected;
    progress.statements += result.statements;
    await input.onBatch({ ...progress });
  }
  return progress;
}

/**
 * Erases the located rows batch by batch with the step's per-field plan: one connector call,
 * hence one statement per table (two for Redis field rewrites), per batch of keys. A batch
 * re-run after a crash is harmless: deleted rows are gone, null and anonymise give the same
 * value again, and the connectors leave a value already in hashed or masked form as it is.
 */
export async function eraseStep(input: ActInput): Promise<BatchProgress> {
  const erasure = input.step.erasure;
  if (!erasure || erasure.mode === 'none') return input.start;
  return batched(input, (batch) =>
    input.connector.erase(input.collection, batch, erasure.plan, {
      batchSize: input.batchSize,
      ...(input.secret ? { secret: input.secret } : {}),
    }),
  );
}

/** The values a rectification sets on one step's collection. */
export function rectifyValuesFor(
  step: PlanStep,
  rectify: Record<string, RectifyValue>,
): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [target, value] of Object.entries(rectify)) {
    const parts = target.split('.');
    const field = parts.at(-1) ?? '';
    if (!step.rectify?.includes(field)) continue;
    const ok =
      parts.length === 1 ||
      (parts.length === 2 && parts[0] === step.collection) ||
      (parts[0] === step.dataset && parts.slice(1, -1).join('.') === step.collection);
    if (ok) out[field] = value;
  }
  return out;
}

/** Sets the rectified fields on the located rows, one statement per batch of keys. */
export async function rectifyStep(input: ActInput): Promise<BatchProgress> {
  const values = rectifyValuesFor(input.step, input.rectify ?? {});
  if (Object.keys(values).length === 0) return input.start;
  return batched(input, (batch) =>
    input.connector.rectify(input.collection, batch, values, { batchSize: input.batchSize }),
  );
}
