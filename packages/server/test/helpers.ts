import { Writable } from 'node:stream';
import type { Manifest } from '@pledge/core';
import { openStore, type Store } from '@pledge/store';
import { createScratchDatabase, serviceAvailable } from '@pledge/testing';
import Ajv2020 from 'ajv/dist/2020';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildServer, type ServerOptions } from '../src/app.js';
import { loadManifest, REPO_ROOT } from './fixtures.js';

/** Back ends every API test runs on: PGlite always, PostgreSQL when it answers. */
export const backends: Array<'pglite' | 'postgres'> = (await serviceAvailable(
  'PostgreSQL',
  '127.0.0.1',
  5432,
))
  ? ['pglite', 'postgres']
  : ['pglite'];

/** The AntSentry deployment `npm start` serves. */
export const antsentry: Manifest = loadManifest(`${REPO_ROOT}examples/antsentry/pledge.yaml`);

/** A copy of AntSentry changed by `mutate`. */
export function antsentryWith(mutate: (m: Manifest) => void): Manifest {
  const copy = structuredClone(antsentry);
  mutate(copy);
  return copy;
}

/** The subject key of test servers on PostgreSQL (production mode requires one). */
export const TEST_SUBJECT_KEY = 'server-test-subject-key-0123456789';

/** A fresh store of the given kind, with its cleanup (a scratch database on PostgreSQL). */
export async function freshStore(
  kind: 'pglite' | 'postgres',
): Promise<{ store: Store; cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const store = await openStore();
    return { store, cleanup: () => store.close() };
  }
  const scratch = await createScratchDatabase('pledge_server');
  const store = await openStore({ url: scratch.url });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await scratch.drop();
    },
  };
}

/** An app over a fresh store; `close` closes both. */
export interface TestApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export async function testApp(
  kind: 'pglite' | 'postgres',
  options: Partial<ServerOptions> = {},
): Promise<TestApp> {
  const { store, cleanup } = await freshStore(kind);
  // PostgreSQL is production mode: the subject key must be configured (never kept in the database).
  const key = kind === 'postgres' ? { subjectKey: TEST_SUBJECT_KEY } : {};
  const app = await buildServer({ manifest: antsentry, logger: false, ...key, ...options, store });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

/** Events in the ledger, counted in the database itself. */
export async function ledgerCount(store: Store): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pledge_ledger_events`.execute(
    store.db,
  );
  return result.rows[0]!.n;
}

/** Policy versions stored. */
export async function versionCount(store: Store): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pledge_policy_versions`.execute(
    store.db,
  );
  return result.rows[0]!.n;
}

/** A pino destination collecting every line. */
export function captureLogs(): { stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** POSTs JSON through `inject`. */
export function post(
  app: FastifyInstance,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({ method: 'POST', url, payload: payload as object, headers });
}

type Method = 'get' | 'post';

/**
 * Checks answers against the app's own OpenAPI document: the status must be documented for
 * the route and a JSON body must match the documented schema. Returns the problems found.
 */
export async function documentChecker(
  app: FastifyInstance,
): Promise<(method: Method, path: string, res: LightMyRequestResponse) => string[]> {
  const doc = (await app.inject({ url: '/docs/json' })).json() as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >;
    components: { schemas: Record<string, unknown> };
  };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  const base = 'https://pledge.invalid/components';
  const rewrite = (schema: unknown) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${base}#/$defs/`)) as object;
  ajv.addSchema({ $id: base, $defs: rewrite(doc.components.schemas) });
  return (method, path, res) => {
    const operation = doc.paths[path]?.[method];
    if (!operation) return [`${method} ${path} is not in the document`];
    const response = operation.responses[String(res.statusCode)];
    if (!response) return [`${method} ${path}: status ${res.statusCode} is not documented`];
    const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
    const content = response.content?.[type];
    if (!content) return [`${method} ${path} ${res.statusCode}: content-type ${type} is not documented`];
    if (type !== 'application/json') return [];
    const validate = ajv.compile(rewrite(content.schema));
    return validate(res.json())
      ? []
      : (validate.errors ?? []).map(
          (e) => `${method} ${path} ${res.statusCode}: ${e.instancePath} ${e.message}`,
        );
  };
}
