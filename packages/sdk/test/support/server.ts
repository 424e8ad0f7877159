import type { AddressInfo } from 'node:net';
import type { Manifest } from '@pledge/core';
import { buildServer } from '@pledge/server';
import { openStore, type Store } from '@pledge/store';
import { createScratchDatabase, serviceAvailable } from '@pledge/testing';
import type { FastifyInstance } from 'fastify';
import { shopManifest } from '../../../decide/test/fixture.js';

/** A real Pledge server listening on a random loopback port, on PGlite or a scratch PostgreSQL database. */
export interface TestServer {
  kind: 'pglite' | 'postgres';
  app: FastifyInstance;
  store: Store;
  baseUrl: string;
  token: string;
  /** The scratch database URL (postgres only): what the SDK LISTENs on. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

export const TOKEN = 'sdk-test-token-0123456789abcdef';

/** Back ends to run on: PGlite always, PostgreSQL when it answers (skipped with a message otherwise). */
export async function backends(): Promise<Array<'pglite' | 'postgres'>> {
  return (await serviceAvailable('PostgreSQL', '127.0.0.1', 5432)) ? ['pglite', 'postgres'] : ['pglite'];
}

/** Starts a server with the shop manifest (or `manifest`). */
export async function startServer(
  kind: 'pglite' | 'postgres',
  manifest: Manifest = shopManifest(),
): Promise<TestServer> {
  const scratch = kind === 'postgres' ? await createScratchDatabase('pledge_sdk') : undefined;
  const store = await openStore(scratch ? { url: scratch.url } : {});
  const app = await buildServer({
    manifest,
    store,
    logger: false,
    apiToken: TOKEN,
    subjectKey: 'sdk-test-subject-key-0123456789',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    kind,
    app,
    store,
    baseUrl: `http://127.0.0.1:${port}`,
    token: TOKEN,
    databaseUrl: scratch?.url,
    async close() {
      await app.close();
      await store.close();
      await scratch?.drop();
    },
  };
}

/**
 * Polls `check` until it returns true, at most `timeoutMs`: waits on an observable outcome,
 * never on a fixed sleep. Fails with `what` when the time runs out.
 */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
