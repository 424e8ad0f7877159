import type { Manifest } from '@pledge/core';
import { DSR_QUEUE, openDsrQueue } from '@pledge/dsr';
import type { KnownSubject } from '@pledge/refdata';
import { openStore } from '@pledge/store';
import type { Phase } from './lane.js';
import { benchConnectors } from './pledge-lane.js';
import type { World } from './world.js';

/** One subject answered through the queue: submit, a worker picks the job up, wait for the end. */
export interface QueueRun {
  subject: number;
  accessMs: number;
  eraseMs: number;
}

/** The pg-boss polling interval of the worker, seconds (pg-boss's minimum). */
export const QUEUE_POLLING_SECONDS = 0.5;

/**
 * The path a deployment takes: `openDsrQueue` on an in-memory PGlite store, a worker with
 * the benchmark's connectors polling every {@link QUEUE_POLLING_SECONDS} s, and for each
 * subject `submit` then `wait` (checking every 10 ms), access (with the package read back)
 * then erasure. This adds pg-boss's pick-up delay to the direct `runRequest` figures.
 */
export async function runThroughQueue(
  manifest: Manifest,
  world: World,
  subjects: readonly KnownSubject[],
): Promise<QueueRun[]> {
  const store = await openStore();
  const queue = await openDsrQueue(store);
  // A rejection pg-boss leaves unhandled would end the process before the scratch data is
  // dropped: catch it here and report it once the queue is closed.
  let stray: unknown;
  const onRejection = (reason: unknown) => {
    stray ??= reason;
  };
  process.on('unhandledRejection', onRejection);
  const out: QueueRun[] = [];
  try {
    const worker = await queue.work({
      connectors: benchConnectors(world),
      secret: 'bench-erasure-secret',
      pollingIntervalSeconds: QUEUE_POLLING_SECONDS,
    });
    const one = async (kind: Phase, subject: KnownSubject): Promise<number> => {
      const started = performance.now();
      const created = await queue.submit({ manifest, kind, identity: subject.identities, source: 'bench' });
      if (!created.ok) throw new Error(`plan refused: ${created.issues.map((i) => i.code).join(', ')}`);
      const state = await queue.wait(created.id, { timeoutMs: 120_000, intervalMs: 10 });
      if (kind === 'access' && !(await queue.package(created.id))) throw new Error('no package');
      const ms = performance.now() - started;
      if (state.status !== 'completed') throw new Error(`queued ${kind} ended ${state.status}`);
      return ms;
    };
    for (const subject of subjects) {
      const accessMs = await one('access', subject);
      const eraseMs = await one('erase', subject);
      out.push({ subject: subject.index, accessMs, eraseMs });
    }
    // pg-boss marks a job completed after the handler returns, without awaiting it; closing
    // the store before that lands rejects inside pg-boss and ends the process. Wait for it.
    await worker.stop();
    const deadline = Date.now() + 10_000;
    while ((await queue.boss.getQueueSize(DSR_QUEUE, { before: 'completed' })) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await queue.close();
    await store.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.off('unhandledRejection', onRejection);
  }
  if (stray !== undefined) {
    throw new Error(
      `pg-boss failed after the run: ${stray instanceof Error ? stray.message : String(stray)}`,
    );
  }
  return out;
}
