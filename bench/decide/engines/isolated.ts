import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Answer, Engine } from './types.js';

/** Engines a worker thread can build, by name (see `isolated-worker.ts`). */
export const ISOLATED_ENGINES = ['cedar'] as const;

/** One of {@link ISOLATED_ENGINES}. */
export type IsolatedEngineName = (typeof ISOLATED_ENGINES)[number];

/** A call to the worker and its reply. */
export type IsolatedCall = { op: 'answer'; i: number } | { op: 'batch'; offset: number; n: number };
export type IsolatedReply =
  | { ok: true; answer?: Answer; sum?: number }
  | { ok: false; answer?: undefined; sum?: undefined; error: string };

/** What the worker needs to build the same world and engine. */
export interface IsolatedSetup {
  engine: IsolatedEngineName;
  subjects: number;
  requests: number;
  /** Int32 flag the worker sets (and notifies) when a reply is posted. */
  flag: SharedArrayBuffer;
}

/**
 * Builds an engine in a worker thread of its own and calls it synchronously (the caller blocks
 * on an `Atomics.wait` until the reply is posted). The worker builds the same seeded world. Why:
 * in one isolate, the Cedar WASM glue run after CASL's conditions lane stops Node 20 with a V8
 * fatal error in the deoptimizer (`DoComputeBuiltinContinuation`, "unreachable code"); in its own
 * isolate it runs. The round trip (tens of microseconds) is inside each timed batch; batches of
 * an engine this slow last milliseconds, so it weighs about 1-2% (see docs/performance.md).
 */
export async function isolatedEngine(
  name: IsolatedEngineName,
  size: { subjects: number; requests: number },
): Promise<Engine & { close(): Promise<void> }> {
  const flag = new SharedArrayBuffer(4);
  const state = new Int32Array(flag);
  const { port1, port2 } = new MessageChannel();
  const setup: IsolatedSetup = { engine: name, ...size, flag };
  // The worker loads the TypeScript module through tsx's API: tsx's loader hooks, registered on
  // the main thread by `npm run bench`, do not reach worker threads on Node 20.
  const url = new URL('./isolated-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true, workerData: { setup, port: port2 }, transferList: [port2] },
  );
  const info = await new Promise<{ name: string; encoding: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the ${name} worker exited (${code}) before it was ready`)),
    );
  });
  worker.removeAllListeners('exit');
  const call = (message: IsolatedCall): IsolatedReply => {
    Atomics.store(state, 0, 0);
    port1.postMessage(message);
    Atomics.wait(state, 0, 0);
    const reply = receiveMessageOnPort(port1)?.message as IsolatedReply | undefined;
    if (!reply) throw new Error(`the ${name} worker sent no reply`);
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  };
  return {
    name: info.name,
    encoding: `${info.encoding} (in a worker thread of its own)`,
    answer(i) {
      return call({ op: 'answer', i }).answer as Answer;
    },
    batch(offset, n) {
      return call({ op: 'batch', offset, n }).sum ?? 0;
    },
    async close() {
      port1.close();
      await worker.terminate();
    },
  };
}
