import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runInProcess, tempDirs } from './support/harness.js';

const tempDir = tempDirs('pledge-cli-keys-');

const pledge = (...args: string[]) => runInProcess(args);

describe('pledge keys on an embedded database', () => {
  it('creates a key (secret printed once, alone on stdout), lists it without the secret, revokes it', {
    timeout: 60_000,
  }, async () => {
    const dir = tempDir();
    const created = await pledge(
      'keys',
      'create',
      '--name',
      'checkout',
      '--scope',
      'decide',
      '--scope',
      'consent:write',
      '--data-dir',
      dir,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^pledge_sk_[A-Za-z0-9_-]{43}\n$/);
    expect(created.stderr).toContain('shown this once');
    const secret = created.stdout.trim();
    const id = /created (key_\S+)/.exec(created.stderr)![1]!;

    const listed = await pledge('keys', 'list', '--data-dir', dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(`${id}  secret  decide,consent:write  actor subject  "checkout"\n`);
    expect(listed.stdout + listed.stderr).not.toContain(secret);

    const site = await pledge(
      'keys',
      'create',
      '--name',
      'banner',
      '--site',
      '--scope',
      'consent:write',
      '--origin',
      'https://shop.example',
      '--format',
      'json',
      '--data-dir',
      dir,
    );
    expect(JSON.parse(site.stdout)).toMatchObject({
      secret: expect.stringMatching(/^pledge_pk_/),
      key: { kind: 'site', origins: ['https://shop.example'] },
    });

    expect((await pledge('keys', 'revoke', id, '--data-dir', dir)).stdout).toBe(`revoked ${id}\n`);
    const again = await pledge('keys', 'revoke', id, '--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no active API key has id ${id}`);
    expect((await pledge('keys', 'list', '--data-dir', dir)).stdout).toContain(`"checkout"  REVOKED `);
  });

  it('a bad scope or a site key without an origin is a usage error naming the option', async () => {
    const dir = tempDir();
    const bad = await pledge('keys', 'create', '--name', 'x', '--scope', 'root', '--data-dir', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--scopes: must be one of consent:write, decide');
    const site = await pledge(
      'keys',
      'create',
      '--name',
      'x',
      '--site',
      '--scope',
      'consent:write',
      '--data-dir',
      dir,
    );
    expect(site.code).toBe(2);
    expect(site.stderr).toContain('--origins: a site key needs at least one origin');
  });
});

/** Starts `pledge serve` on an embedded database in `dir`; resolves once it listens. */
async function serve(dir: string) {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'packages/cli/bin/pledge.js'), 'serve', '--port', '0', '--data-dir', dir],
    { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      const match = /serving on (http:\/\/[\d.]+:\d+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`pledge serve exited: ${stderr}`)));
  });
  return { child, url, exited };
}

describe('pledge keys while a server holds the embedded database', () => {
  it('manages keys through its API: the first key ends development mode, later calls need PLEDGE_API_KEY', {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const server = await serve(dir);
    const saved = process.env.PLEDGE_API_KEY;
    try {
      const created = await pledge(
        'keys',
        'create',
        '--name',
        'ops',
        '--scope',
        'admin',
        '--scope',
        'ledger:read',
        '--data-dir',
        dir,
      );
      expect(created.code).toBe(0);
      expect(created.stderr).toContain('managing keys through its API');
      const secret = created.stdout.trim();
      expect(secret).toMatch(/^pledge_sk_/);

      // A key exists now: the server no longer answers without one, even on loopback.
      expect((await fetch(`${server.url}/v1/ledger/verify`)).status).toBe(401);
      const refused = await pledge('keys', 'list', '--data-dir', dir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('answered 401 unauthorized: set PLEDGE_API_KEY');

      process.env.PLEDGE_API_KEY = secret;
      const listed = await pledge('keys', 'list', '--data-dir', dir);
      expect(listed.stdout).toMatch(/^key_\S+ {2}secret {2}admin,ledger:read {2}actor subject {2}"ops"\n$/);
      const verify = await pledge('ledger', 'verify', '--data-dir', dir);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(/^ledger ok: 0 events verified in the server at /);
    } finally {
      if (saved === undefined) delete process.env.PLEDGE_API_KEY;
      else process.env.PLEDGE_API_KEY = saved;
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});
