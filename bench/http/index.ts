import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Manifest, parseManifest } from '@pledge/core';
import { buildServer } from '@pledge/server';
import { openStore, type Store, verifyLedger } from '@pledge/store';
import { createScratchDatabase, serviceAvailable, TEST_PG_URL } from '@pledge/testing';
import autocannon from 'autocannon';
import { createRandom } from '../lib/random.js';
import { formatCount } from '../lib/table.js';
import type { BenchOptions, BenchResult, BenchSize, BenchTable } from '../lib/types.js';

/** Seconds of load per route, by size (`--quick`: 5 s; default 15 s; smoke test: 1 s). */
const SECONDS: Readonly<Record<BenchSize, number>> = { tiny: 1, quick: 5, full: 15 };
/** Concurrent connections. */
const CONNECTIONS = 16;
/** Subjects with recorded consents, decided on (the smoke test's tiny run seeds fewer). */
const SUBJECTS: Readonly<Record<BenchSize, number>> = { tiny: 200, quick: 2000, full: 2000 };
/** Distinct request bodies (and subjects) each connection cycles through. */
const BODIES = 1000;

const MANIFEST_FILE = new URL('../../examples/antsentry/pledge.yaml', import.meta.url);

/** Figures of one route under load. */
export interface RouteFigures {
  route: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Figures of one back end. */
export interface BackendFigures {
  backend: 'pglite' | 'postgres';
  routes: RouteFigures[];
  /**
   * Ledger events the timed consent run wrote (one per 2xx answer, plus any request still in
   * flight when the clock stopped) and the chain check after both runs.
   */
  ledger: { events: number; consentAnswers2xx: number; verified: boolean };
}

/**
 * HTTP load on the two hot routes, `POST /v1/consents` (one event per request, over 1000
 * subjects) and `POST /v1/decide` (subjects with recorded consents), with
 * autocannon on loopback against the real server started in this process on a random port;
 * autocannon runs in a worker thread so it does not share the server's event loop. Back
 * ends: PGlite in a temporary data directory (as `npm start`), and PostgreSQL (a scratch
 * database) when reachable, unless `--no-postgres`.
 */
export async function run(options: BenchOptions): Promise<BenchResult> {
  const seconds = Number(options.flags.seconds ?? SECONDS[options.size]);
  const manifest = await loadManifest();
  const notes: string[] = [];
  const backends: BackendFigures[] = [];

  const dir = await mkdtemp(join(tmpdir(), 'pledge-bench-http-'));
  try {
    options.log('PGlite (temporary data directory)');
    const store = await openStore({ dataDir: dir });
    try {
      backends.push(
        await benchBackend('pglite', store, manifest, seconds, SUBJECTS[options.size], options.log),
      );
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const url = new URL(TEST_PG_URL);
  if (options.flags['no-postgres'] === true) notes.push('PostgreSQL skipped (--no-postgres)');
  else if (await serviceAvailable('PostgreSQL', url.hostname, Number(url.port || 5432))) {
    const scratch = await createScratchDatabase('pledge_bench_http');
    options.log(`PostgreSQL (scratch database ${scratch.name})`);
    const store = await openStore({ url: scratch.url, poolSize: 10 });
    try {
      backends.push(
        await benchBackend('postgres', store, manifest, seconds, SUBJECTS[options.size], options.log),
      );
    } finally {
      await store.close();
      await scratch.drop();
    }
  } else
    notes.push(
      `PostgreSQL skipped: not reachable at ${url.hostname}:${url.port || 5432} (PLEDGE_TEST_PG_URL)`,
    );

  notes.push(
    `${CONNECTIONS} connections, ${seconds} s per route after a 1 s warm-up; load generator and server share this machine (see loadAverage)`,
  );
  for (const b of backends) {
    notes.push(
      `${b.backend}: ${formatCount(b.ledger.consentAnswers2xx)} consent writes answered 2xx, ${formatCount(b.ledger.events)} ledger events, chain ${b.ledger.verified ? 'verified' : 'BROKEN'}`,
    );
  }
  const table: BenchTable = {
    title: 'HTTP API under load (autocannon, loopback)',
    columns: ['backend', 'route', 'req/s', 'p50', 'p90', 'p99', 'requests', 'errors', 'non-2xx'],
    rows: backends.flatMap((b) =>
      b.routes.map((r) => [
        b.backend,
        r.route,
        formatCount(r.requestsPerSec),
        `${r.p50Ms} ms`,
        `${r.p90Ms} ms`,
        `${r.p99Ms} ms`,
        formatCount(r.requests),
        formatCount(r.errors + r.timeouts),
        formatCount(r.non2xx),
      ]),
    ),
  };
  return {
    name: 'http',
    tables: [table],
    notes,
    results: { connections: CONNECTIONS, seconds, subjects: SUBJECTS[options.size], backends },
  };
}

async function loadManifest(): Promise<Manifest> {
  const parsed = parseManifest(await readFile(MANIFEST_FILE, 'utf8'), { file: 'pledge.yaml' });
  if (!parsed.ok) throw new Error('examples/antsentry/pledge.yaml is not a valid manifest');
  return parsed.manifest;
}

async function benchBackend(
  backend: 'pglite' | 'postgres',
  store: Store,
  manifest: Manifest,
  seconds: number,
  subjects: number,
  log: (message: string) => void,
): Promise<BackendFigures> {
  // PostgreSQL is production mode: the subject key is configured, never kept in the database.
  const app = await buildServer({
    manifest,
    store,
    logger: false,
    subjectKey: 'bench-http-subject-key-0123456789',
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    const base = `http://127.0.0.1:${address.port}`;
    const random = createRandom(0x4774);
    const purposes = ['marketing-emails', 'personalisation', 'new-services-emails'];

    log(`seeding ${subjects} subjects`);
    for (let i = 0; i < subjects; i += 500) {
      const batch = Array.from({ length: Math.min(500, subjects - i) }, (_, k) => `subject-${i + k}`);
      await Promise.all(
        batch.map((subject) =>
          app.inject({
            method: 'POST',
            url: '/v1/consents',
            payload: {
              subject,
              events: [{ type: 'consent-given', purposes: [random.pick(purposes)], consentMode: 'opt-in' }],
            },
          }),
        ),
      );
    }

    // autocannon's idReplacement sends nothing in this version, so the bodies are distinct instead.
    const consentBodies = Array.from({ length: BODIES }, (_, i) =>
      JSON.stringify({
        subject: `load-${i}`,
        events: [
          { type: 'consent-given', purposes: [random.pick(purposes)], consentMode: 'opt-in', source: 'web' },
        ],
      }),
    );
    const decideBodies = Array.from({ length: BODIES }, () =>
      JSON.stringify({
        subject: `subject-${random.int(subjects)}`,
        purpose: random.pick(purposes),
        categories: ['email'],
        facts: { jurisdiction: random.pick(['eu-gdpr', 'us-ca-ccpa', 'cn-pipl']) },
      }),
    );
    await load(`${base}/v1/consents`, consentBodies, 1, log);
    const before = (await verifyLedger(store.db)).events;
    const consents = await load(`${base}/v1/consents`, consentBodies, seconds, log);
    const written = (await verifyLedger(store.db)).events - before;
    await load(`${base}/v1/decide`, decideBodies, 1, log);
    const decide = await load(`${base}/v1/decide`, decideBodies, seconds, log);
    const verification = await verifyLedger(store.db);
    return {
      backend,
      routes: [
        { route: 'POST /v1/consents', ...consents.figures },
        { route: 'POST /v1/decide', ...decide.figures },
      ],
      ledger: { events: written, consentAnswers2xx: consents.answered2xx, verified: verification.ok },
    };
  } finally {
    await app.close();
  }
}

async function load(
  url: string,
  bodies: readonly string[],
  seconds: number,
  log: (message: string) => void,
): Promise<{ figures: Omit<RouteFigures, 'route'>; answered2xx: number }> {
  log(`${url}: ${seconds} s`);
  const request: autocannon.Options = {
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    workers: 1,
    headers: { 'content-type': 'application/json' },
    requests: bodies.map((body) => ({ method: 'POST', body })),
  };
  const result = await autocannon(request);
  return {
    figures: {
      connections: CONNECTIONS,
      seconds,
      requests: result.requests.total,
      requestsPerSec: result.requests.total / result.duration,
      p50Ms: result.latency.p50,
      p90Ms: result.latency.p90,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    },
    answered2xx: result['2xx'],
  };
}
