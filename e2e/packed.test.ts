import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packages as a user gets them: `npm pack` of the built packages, installed into a folder
 * outside the repository (third-party dependencies come from the registry), run by plain
 * `node` with no TypeScript loader.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const manifest = join(root, 'examples/antsentry/pledge.yaml');
/** Every package a user installs; @pledge/testing is for this repository's tests only. */
const PACKAGES = readdirSync(join(root, 'packages')).filter(
  (name) => name !== 'testing' && existsSync(join(root, 'packages', name, 'package.json')),
);

/** The root's overrides that pin third-party versions (rollup is the test runner's). */
const { rollup: _, ...pins } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  .overrides as Record<string, string>;

let app: string;

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'pledge-packed-'));
  await run(
    'npm',
    ['pack', '--silent', '--pack-destination', app, ...PACKAGES.flatMap((p) => ['-w', `@pledge/${p}`])],
    {
      cwd: root,
    },
  );
  const tarballs = (await readdir(app)).filter((file) => file.endsWith('.tgz'));
  const deps = Object.fromEntries(
    PACKAGES.map((p) => [`@pledge/${p}`, `file:./${tarballs.find((t) => t.startsWith(`pledge-${p}-`))}`]),
  );
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'packed-app',
      private: true,
      type: 'module',
      dependencies: deps,
      overrides: {
        // The repository's pins (versions that run on Node 20), as a user would copy them.
        ...pins,
        // The tarballs depend on each other by version: resolve those to the tarballs too.
        ...Object.fromEntries(PACKAGES.map((p) => [`@pledge/${p}`, `$@pledge/${p}`])),
      },
    }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: app,
    timeout: 150_000,
  });
}, 180_000);

afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

describe('the packed packages, installed outside the repository', () => {
  it('install no native module: better-sqlite3 is an optional peer of the connectors', () => {
    expect(existsSync(join(app, 'node_modules/@pledge/sdk/dist/index.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@pledge/sdk/src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/better-sqlite3'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
  });

  it('an ESM app decides in process with @pledge/sdk against the AntSentry manifest', async () => {
    const script = `
import { startServer } from '@pledge/server';
import { createClient, createPledge } from '@pledge/sdk';

const started = await startServer({
  env: { PLEDGE_MANIFEST: ${JSON.stringify(manifest)}, PORT: '0', PLEDGE_DATA_DIR: 'data', LOG_LEVEL: 'silent' },
  cwd: process.cwd(),
  handleSignals: false,
  logger: false,
});
if (!started.ok) throw new Error('server did not start');
const { port } = started.app.server.address();
const baseUrl = 'http://127.0.0.1:' + port;
await createClient({ baseUrl }).recordConsent('user-42', [
  { type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in' },
]);
const pledge = await createPledge({ baseUrl, policyRefreshMs: 0 });
const request = { purpose: 'marketing-emails', categories: ['email'], jurisdiction: 'eu-gdpr' };
await pledge.load('user-42');
await pledge.load('user-43');
const out = { given: pledge.decide('user-42', request), none: pledge.decide('user-43', request) };
await pledge.close();
await started.app.close();
process.stdout.write(JSON.stringify(out));
`;
    await writeFile(join(app, 'decide.mjs'), script);
    const { stdout } = await run(process.execPath, ['decide.mjs'], { cwd: app, timeout: 60_000 });
    const { given, none } = JSON.parse(stdout);
    expect(given).toMatchObject({ allowed: true, legalBasis: 'contract', reasons: ['ok.contract'] });
    expect(none).toMatchObject({ allowed: false, reasons: ['deny.no-consent'] });
  });

  it('the pledge binary lints the AntSentry manifest with plain node', async () => {
    const bin = join(app, 'node_modules/.bin/pledge');
    const failed = await run(bin, ['lint', manifest, '--format', 'json'], { cwd: app }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toBe('');
    expect(failed?.stdout).toContain('purpose.basis-contradicts-consent');
  });
});
