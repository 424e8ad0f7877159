import type { Kysely } from 'kysely';
import type { ChainSpec } from '../chain/types.js';
import { type CheckpointResult, type CreateCheckpointOptions, createCheckpoints } from './create.js';

/** A running {@link startCheckpoints} loop. */
export interface CheckpointTimer {
  /** Checkpoints now (after a run in flight); unchanged heads are not written again. */
  runNow(): Promise<CheckpointResult[]>;
  /** Stops the loop and waits for a run in flight. */
  stop(): Promise<void>;
}

/**
 * Signs the heads of `specs` every `everyMs` (and once at once), skipping heads already
 * signed. Runs never overlap. Results, including chains found broken (which are not signed),
 * go to `onResult`; errors (a sink that cannot be written) to `onError`.
 */
export function startCheckpoints<T>(
  db: Kysely<T>,
  specs: readonly ChainSpec[],
  options: Omit<CreateCheckpointOptions, 'skipUnchanged'> & {
    everyMs: number;
    onResult?: (results: CheckpointResult[]) => void;
    onError?: (error: unknown) => void;
  },
): CheckpointTimer {
  let running: Promise<unknown> = Promise.resolve();
  const run = (): Promise<CheckpointResult[]> => {
    const next = running.then(async () => {
      const results = await createCheckpoints(db, specs, { ...options, skipUnchanged: true });
      options.onResult?.(results);
      return results;
    });
    running = next.catch((error) => options.onError?.(error));
    return next;
  };
  void run().catch(() => undefined);
  const timer =
    options.everyMs > 0 ? setInterval(() => void run().catch(() => undefined), options.everyMs) : undefined;
  timer?.unref();
  return {
    runNow: run,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
