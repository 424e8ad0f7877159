import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { startFromEnv } from '../src/start';
import { MINIMAL, REPO_ROOT } from './fixtures';

const quiet = { logger: false as const, handleSignals: false };

describe('readConfig', () => {
  it('defaults to 127.0.0.1:4400 and the AntSentry example at the repository root', () => {
    const read = readConfig({}, '/somewhere');
    expect(read).toEqual({
      ok: true,
      config: {
        port: 4400,
        host: '127.0.0.1',
        manifestPath: join(REPO_ROOT, 'examples/antsentry/pledge.yaml'),
        logLevel: 'info',
      },
    });
  });

  it('takes a relative PLEDGE_MANIFEST from the working directory', () => {
    const read = readConfig(
      { PLEDGE_MANIFEST: 'conf/pledge.yaml', PORT: '8080', HOST: '0.0.0.0' },
      '/srv/app',
    );
    expect(read.ok && read.config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      manifestPath: '/srv/app/conf/pledge.yaml',
    });
  });

  it.each(['-1', '65536', 'http', '80.5'])('rejects PORT=%s naming the variable', (port) => {
    expect(readConfig({ PORT: port }, '/')).toEqual({
      ok: false,
      message: 'PORT must be an integer from 0 to 65535',
    });
  });
});

describe('startFromEnv', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
  });

  it('listens on PORT/HOST and serves the manifest from PLEDGE_MANIFEST', async () => {
    const app = await startFromEnv({
      env: { PORT: '0', HOST: '127.0.0.1', PLEDGE_MANIFEST: MINIMAL },
      ...quiet,
    });
    expect(app).toBeDefined();
    try {
      const address = app!.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const res = await fetch(`http://127.0.0.1:${address.port}/healthz`);
      expect(await res.json()).toEqual({ status: 'ok', policy: { id: 'minimal', version: '1' } });
    } finally {
      await app!.close();
    }
  });

  it('an invalid manifest prints its issues with positions and does not start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledge-server-'));
    const file = join(dir, 'pledge.yaml');
    writeFileSync(file, 'pledge: 2\n');
    const err: string[] = [];
    const app = await startFromEnv({
      env: { PLEDGE_MANIFEST: file, PORT: '0' },
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
