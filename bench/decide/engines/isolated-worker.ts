import type { MessagePort } from 'node:worker_threads';
import { parentPort, workerData } from 'node:worker_threads';
import { buildWorld } from '../world.js';
import { cedarEngine } from './cedar.js';
import type { IsolatedCall, IsolatedReply, IsolatedSetup } from './isolated.js';
import type { Engine } from './types.js';

const { setup, port } = workerData as { setup: IsolatedSetup; port: MessagePort };
const flag = new Int32Array(setup.flag);
const world = buildWorld(setup.subjects, setup.requests);
const builders: Record<IsolatedSetup['engine'], () => Promise<Engine>> = {
  cedar: () => cedarEngine(world),
};
const engine = await builders[setup.engine]();

port.on('message', (message: IsolatedCall) => {
  let reply: IsolatedReply;
  try {
    reply =
      message.op === 'answer'
        ? { ok: true, answer: engine.answer(message.i) }
        : { ok: true, sum: engine.batch(message.offset, message.n) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
parentPort?.postMessage({ name: engine.name, encoding: engine.encoding });
