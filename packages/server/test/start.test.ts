import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserAvailable, createScratchDatabase, launchBrowser } from '@pledge/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { startFromEnv, startServer } from '../src/start.js';
import { MINIMAL, REPO_ROOT } from './fixtures.js';
import { backends, captureLogs } from './helpers.js';

const quiet = { logger: false as const, handleSignals: false };
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-server-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  // The embedded database's subject key, checkpoint key and checkpoint folder are kept beside it.
  for (const dir of dirs)
    for (const path of [dir, `${dir}.subject-key`, `${dir}-keys`, `${dir}-checkpoints`])
      rmSync(path, { recursive: true, force: true });
});

function baseUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('readConfig', () => {
  it('defaults to 127.0.0.1:4400, the AntSentry example and .pledge-data at the repository root', () => {
    const read = readConfig({}, '/somewhere');
    expect(read).toEqual({
      ok: true,
      config: {
        port: 4400,
        host: '127.0.0.1',
        manifestPath: join(REPO_ROOT, 'examples/antsentry/pledge.yaml'),
        logLevel: 'info',
        dataDir: join(REPO_ROOT, '.pledge-data'),
      },
    });
  });

  it('takes relative paths from the working directory, and the database, token and key', () => {
    const read = readConfig(
      {
        PLEDGE_MANIFEST: 'conf/pledge.yaml',
        PORT: '8080',
        HOST: '0.0.0.0',
        PLEDGE_DATA_DIR: 'state',
        PLEDGE_DATABASE_URL: 'postgres://pledge:pw@db:5432/pledge',
        PLEDGE_API_TOKEN: 'a-token-of-20-chars!',
        PLEDGE_SUBJECT_KEY: 'a-key-of-at-least-16',
      },
      '/srv/app',
    );
    expect(read.ok && read.config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      manifestPath: '/srv/app/conf/pledge.yaml',
      dataDir: '/srv/app/state',
      databaseUrl: 'postgres://pledge:pw@db:5432/pledge',
      apiToken: 'a-token-of-20-chars!',
      subjectKey: 'a-key-of-at-least-16',
    });
  });

  it.each(['-1', '65536', 'http', '80.5'])('rejects PORT=%s naming the variable', (port) => {
    expect(readConfig({ PORT: port }, '/')).toEqual({
      ok: false,
      message: 'PORT must be an integer from 0 to 65535',
    });
  });

  it.each([
    [
      'PLEDGE_DATABASE_URL',
      'mysql://root:hunter2@db/x',
      'PLEDGE_DATABASE_URL must be a postgres:// or postgresql:// URL',
    ],
    ['PLEDGE_API_TOKEN', 'hunter2', 'PLEDGE_API_TOKEN must be at least 16 characters, without spaces'],
    ['PLEDGE_SUBJECT_KEY', 'hunter2', 'PLEDGE_SUBJECT_KEY must be at least 16 characters'],
  ])('rejects a bad %s without quoting it', (name, value, message) => {
    expect(readConfig({ [name]: value }, '/')).toEqual({ ok: false, message });
  });
});

describe('startFromEnv', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
  });

  it('listens on PORT/HOST and serves the manifest from PLEDGE_MANIFEST', async () => {
    const app = await startFromEnv({
      env: { PORT: '0', HOST: '127.0.0.1', PLEDGE_MANIFEST: MINIMAL, PLEDGE_DATA_DIR: tempDir() },
      ...quiet,
    });
    expect(app).toBeDefined();
    try {
      const res = await fetch(`${baseUrl(app!)}/healthz`);
      expect(await res.json()).toEqual({ status: 'ok', policy: { id: 'minimal', version: '1' } });
    } finally {
      await app!.close();
    }
  });

  it('on the embedded database, signs the ledger head at start with a key generated beside (not inside) its folder', async () => {
    const dir = tempDir();
    const app = await startFromEnv({
      env: { PORT: '0', PLEDGE_MANIFEST: MINIMAL, PLEDGE_DATA_DIR: dir },
      ...quiet,
    });
    expect(app).toBeDefined();
    // Closing waits for the checkpoint run in flight.
    await app!.close();
    expect(readdirSync(`${dir}-keys`)).toEqual(['checkpoint-ed25519.pem']);
    const [name, ...more] = readdirSync(join(`${dir}-checkpoints`, 'ledger'));
    expect(more).toEqual([]);
    expect(JSON.parse(readFileSync(join(`${dir}-checkpoints`, 'ledger', name!), 'utf8'))).toMatchObject({
      pledgeCheckpoint: 1,
      chain: 'ledger',
      seq: 0,
      headHash: 'genesis',
    });
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.pem'))).toEqual([]);
  });

  it('serves the full API over real HTTP on the embedded database, which keeps its data and one owner', {
    timeout: 120_000,
  }, async () => {
    const dataDir = tempDir();
    const env = { PORT: '0', PLEDGE_DATA_DIR: dataDir };
    const app = await startFromEnv({ env, ...quiet });
    expect(app).toBeDefined();
    const base = baseUrl(app!);
    const decide = { subject: 'user-42', purpose: 'marketing-emails', categories: ['email'] };
    try {
      const written = await postJson(`${base}/v1/consents`, {
        subject: 'user-42',
        events: [{ type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in' }],
      });
      expect(written.status).toBe(201);
      expect((await written.json()).events[0].seq).toBe(1);
      const decision = await postJson(`${base}/v1/decide`, decide);
      expect(await decision.json()).toMatchObject({ allowed: true, reasons: ['ok.consent'] });
      const doc = await fetch(`${base}/docs/json`);
      expect(doc.headers.get('content-type')).toContain('application/json');
      const paths = Object.keys((await doc.json()).paths);
      expect(paths).toEqual(expect.arrayContaining(['/v1/consents', '/v1/decide', '/v1/sdk/config']));
      expect((await fetch(`${base}/`)).headers.get('content-type')).toBe('text/html; charset=utf-8');

      // A second process on the same folder is refused: PGlite has one owner.
      const err: string[] = [];
      const second = await startServer({ env, stderr: (t) => void err.push(t), ...quiet });
      expect(second).toEqual({ ok: false, exitCode: 1 });
      expect(err.join('')).toMatch(/the data directory .+ is in use by process \d+/);
    } finally {
      await app!.close();
    }
    // Restarted on the same folder: the consent is still there.
    const again = await startFromEnv({ env, ...quiet });
    try {
      const decision = await postJson(`${baseUrl(again!)}/v1/decide`, decide);
      expect(await decision.json()).toMatchObject({ allowed: true });
    } finally {
      await again!.close();
    }
  });

  it('PLEDGE_API_TOKEN ends development mode and is an admin-only bootstrap key: it creates keys, nothing else', {
    timeout: 60_000,
  }, async () => {
    const token = 'token-for-start-test-0123';
    const app = await startFromEnv({
      env: { PORT: '0', PLEDGE_DATA_DIR: tempDir(), PLEDGE_API_TOKEN: token },
      ...quiet,
    });
    try {
      const url = `${baseUrl(app!)}/v1/ledger/verify`;
      expect((await fetch(url)).status).toBe(401);
      const admin = { authorization: `Bearer ${token}` };
      expect((await fetch(url, { headers: admin })).status).toBe(403);
      const created = await postJson(
        `${baseUrl(app!)}/v1/keys`,
        { name: 'auditor', scopes: ['ledger:read'] },
        admin,
      );
      expect(created.status).toBe(201);
      const { secret } = (await created.json()) as { secret: string };
      const ok = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
      expect(await ok.json()).toMatchObject({ ok: true, events: 0 });
    } finally {
      await app!.close();
    }
  });

  it('refuses to listen on a non-loopback address while no key exists (exit code 2); with a key it listens', {
    timeout: 60_000,
  }, async () => {
    const err: string[] = [];
    const dir = tempDir();
    const refused = await startServer({
      env: { PORT: '0', HOST: '0.0.0.0', PLEDGE_DATA_DIR: dir },
      stderr: (t) => void err.push(t),
      ...quiet,
    });
    expect(refused).toEqual({ ok: false, exitCode: 2 });
    expect(err.join('')).toContain('refusing to listen on 0.0.0.0: no API key exists');
    const started = await startServer({
      env: {
        PORT: '0',
        HOST: '0.0.0.0',
        PLEDGE_DATA_DIR: dir,
        PLEDGE_API_TOKEN: 'bootstrap-0123456789abcdef',
      },
      ...quiet,
    });
    expect(started.ok).toBe(true);
    if (started.ok) {
      // Keys exist, so nothing answers without one, not even on loopback.
      expect((await fetch(`${baseUrl(started.app)}/v1/policies`)).status).toBe(401);
      await started.app.close();
    }
  });

  it('says it is in development mode at start when no key exists', { timeout: 60_000 }, async () => {
    const logs = captureLogs();
    const app = await startFromEnv({
      env: { PORT: '0', PLEDGE_DATA_DIR: tempDir() },
      logger: { level: 'info', stream: logs.stream },
      handleSignals: false,
    });
    await app!.close();
    expect(logs.text()).toContain('development mode: no API key exists');
  });

  it.runIf(backends.includes('postgres'))('runs on PLEDGE_DATABASE_URL', { timeout: 60_000 }, async () => {
    const scratch = await createScratchDatabase('pledge_start');
    const app = await startFromEnv({
      env: { PORT: '0', PLEDGE_DATABASE_URL: scratch.url, PLEDGE_SUBJECT_KEY: 'start-test-subject-key-0123' },
      ...quiet,
    });
    try {
      const base = baseUrl(app!);
      expect((await postJson(`${base}/v1/use`, { subject: 'user-1' })).status).toBe(200);
      expect(await (await fetch(`${base}/v1/ledger/verify`)).json()).toMatchObject({ ok: true, events: 1 });
    } finally {
      await app!.close();
      await scratch.drop();
    }
  });

  it('an unreachable database is reported without its password, exit code 1', async () => {
    const err: string[] = [];
    const app = await startFromEnv({
      env: { PORT: '0', PLEDGE_DATABASE_URL: 'postgres://pledge:s3cret-pw@127.0.0.1:1/pledge' },
      stderr: (t) => void err.push(t),
      ...quiet,
    });
    expect(app).toBeUndefined();
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toBe(
      'pledge-server: cannot reach PostgreSQL at postgres://127.0.0.1:1/pledge (ECONNREFUSED)\n',
    );
  });

  it('an invalid manifest prints its issues with positions and does not start', async () => {
    const dir = tempDir();
    const file = join(dir, 'pledge.yaml');
    writeFileSync(file, 'pledge: 2\n');
    const err: string[] = [];
    const app = await startFromEnv({
      env: { PLEDGE_MANIFEST: file, PORT: '0', PLEDGE_DATA_DIR: dir },
      cwd: dir,
      stderr: (t) => void err.push(t),
      ...quiet,
    });
    expect(app).toBeUndefined();
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toMatch(/^pledge\.yaml:1:9 pledge: .+ \(schema\.invalid_value\)$/m);
    expect(err.join('')).toContain('pledge-server: pledge.yaml is not a valid manifest');
  });

  it('a missing manifest or a bad PORT is reported, exit code 2', async () => {
    const err: string[] = [];
    const stderr = (t: string) => void err.push(t);
    expect(
      await startFromEnv({ env: { PLEDGE_MANIFEST: '/nonexistent/pledge.yaml' }, stderr, ...quiet }),
    ).toBeUndefined();
    expect(process.exitCode).toBe(2);
    expect(await startFromEnv({ env: { PORT: 'eighty' }, stderr, ...quiet })).toBeUndefined();
    expect(err).toEqual([
      'pledge-server: cannot read manifest /nonexistent/pledge.yaml (ENOENT); set PLEDGE_MANIFEST\n',
      'pledge-server: PORT must be an integer from 0 to 65535\n',
    ]);
  });
});

describe.runIf(browserAvailable())('Swagger UI in a browser', () => {
  it('renders every operation without console errors', { timeout: 120_000 }, async () => {
    const app = await startFromEnv({ env: { PORT: '0', PLEDGE_DATA_DIR: tempDir() }, ...quiet });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${baseUrl(app!)}/docs`);
      await page.waitForSelector('.opblock');
      const doc = (await (await fetch(`${baseUrl(app!)}/docs/json`)).json()) as {
        paths: Record<string, object>;
      };
      const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
      expect(await page.locator('.opblock').count()).toBe(operations);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await app!.close();
    }
  });
});
