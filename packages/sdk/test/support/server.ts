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
  /** An API key with every scope but admin (what the SDK and the tests call). */
  token: string;
  /** A key recording as `officer` with `consent:write`: the only kind that may lift an objection. */
  officerToken: string;
  /** The scratch database URL (postgres only): what the SDK LISTENs on. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** PLEDGE_API_TOKEN of the test server: the admin key that creates {@link TestServer.token}. */
export const ADMIN_TOKEN = 'sdk-test-token-0123456789abcdef';

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
    apiToken: ADMIN_TOKEN,
    subjectKey: 'sdk-test-subject-key-0123456789',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const created = await app.inject({
    method: 'POST',
    url: '/v1/keys',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    payload: {
      name: 'sdk tests',
      scopes: [
        'consent:write',
        'decide',
        'ledger:read',
        'policy:publish',
        'dsr',
        'sdk:config',
        'audit:write',
        'disclose',
        'recipients',
      ],
    },
  });
  if (created.statusCode !== 201) throw new Error(`cannot create the test key: ${created.body}`);
  const token = (created.json() as { secret: string }).secret;
  const officer = await app.inject({
    method: 'POST',
    url: '/v1/keys',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    payload: { name: 'sdk tests (officer)', scopes: ['consent:write'], actor: 'officer' },
  });
  if (officer.statusCode !== 201) throw new Error(`cannot create the officer key: ${officer.body}`);
  const officerToken = (officer.json() as { secret: string }).secret;
  return {
    kind,
    app,
    store,
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    officerToken,
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
