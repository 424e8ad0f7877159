import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '@pledge/engine';
import { GENESIS_HASH, LEDGER_CHAIN, openStore } from '@pledge/store';
import { createScratchDatabase } from '@pledge/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backendKinds as backends } from '../../store/test/backends.js';
import { hashAt, moveHead, rewriteConsistently } from '../../store/test/tamper-helpers.js';
import { antsentryManifest, REPO_ROOT, runInProcess, tempDir, withStore } from './support/harness.js';

/** PostgreSQL needs a subject key from outside the database (docs/keys.md). */
const SUBJECT_KEY = 'ledger-checkpoints-test-subject-key';

const antsentry = antsentryManifest();

const root = tempDir('pledge-cli-checkpoints-');
let n = 0;
const place = () => {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  return dir;
};

const pledge = (...args: string[]) => runInProcess(args);

describe.each(backends)('pledge ledger checkpoint and verify --checkpoints on %s', (kind) => {
  it('a consistent rewrite, a truncation and a wipe pass plain verify and fail with --checkpoints', {
    timeout: 120_000,
  }, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase('pledge_cli_ckpt') : undefined;
    const base = place();
    const open = () => openStore(scratch ? { url: scratch.url } : { dataDir: join(base, 'data') });
    const where = scratch ? ['--database-url', scratch.url] : ['--data-dir', join(base, 'data')];
    const keys = ['--checkpoint-key', join(base, 'keys', 'checkpoint.pem')];
    const checkpoints = ['--checkpoints', join(base, 'checkpoints'), ...keys];
    const verify = (...more: string[]) => pledge('ledger', 'verify', ...where, ...more);
    try {
      await withStore(open, async (store) => {
        const engine = await createEngine({ store, manifest: antsentry, subjectKey: SUBJECT_KEY });
        for (const subject of ['a', 'b', 'c', 'd'])
          await engine.record(subject, [{ type: 'opt-out', method: 'api', source: 'api', actor: 'subject' }]);
      });
      const signed = await pledge('ledger', 'checkpoint', ...where, ...checkpoints);
      expect(signed.stderr).toMatch(/generated a checkpoint key \(ed25519:[0-9a-f]{16}\)/);
      expect(signed.code).toBe(0);
      expect(signed.stdout).toMatch(/^ledger: signed seq 4, head [0-9a-f]{64}, key ed25519:/);
      expect(readdirSync(join(base, 'checkpoints', 'ledger'))).toHaveLength(1);

      const clean = await verify(...checkpoints);
      expect(clean.code).toBe(0);
      expect(clean.stdout).toMatch(/^ledger ok: 4 events verified .*\ncheckpoints: 1 signed by ed25519:/);

      // Without its key, a folder of checkpoints proves nothing: refused.
      const keyless = await verify(
        '--checkpoints',
        join(base, 'checkpoints'),
        '--checkpoint-key',
        join(base, 'none.pem'),
      );
      expect(keyless.code).toBe(2);
      expect(keyless.stderr).toContain('cannot read the checkpoint key');

      await withStore(open, (store) =>
        rewriteConsistently(store.db, LEDGER_CHAIN, 2, (values) => {
          values.type = 'consent-given';
        }),
      );
      expect((await verify()).code).toBe(0);
      const rewritten = await verify(...checkpoints);
      expect(rewritten.code).toBe(1);
      expect(rewritten.stdout).toContain(
        'fault: rewritten: event 4 is not the event signed in the checkpoint of',
      );

      await withStore(open, async (store) => {
        const hash2 = await hashAt(store.db, LEDGER_CHAIN, 2);
        await sql`DELETE FROM pledge_ledger_events WHERE seq > 2`.execute(store.db);
        await moveHead(store.db, LEDGER_CHAIN, 2, hash2);
      });
      expect(await verify()).toMatchObject({ code: 0 });
      const truncated = await verify(...checkpoints, '--format', 'json');
      expect(truncated.code).toBe(1);
      expect(JSON.parse(truncated.stdout)).toMatchObject({
        ok: false,
        fault: 'truncated',
        faults: [{ fault: 'truncated', seq: 3 }],
        checkpoints: { trusted: 1, problems: [] },
      });
      // A broken chain is not signed again.
      const refused = await pledge('ledger', 'checkpoint', ...where, ...checkpoints);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('ledger: NOT signed');

      await withStore(open, async (store) => {
        await sql`DELETE FROM pledge_ledger_events`.execute(store.db);
        await moveHead(store.db, LEDGER_CHAIN, 0, GENESIS_HASH);
      });
      expect(await verify()).toMatchObject({ code: 0 });
      const wiped = await verify(...checkpoints);
      expect(wiped.code).toBe(1);
      expect(wiped.stdout).toContain('fault: wiped:');
    } finally {
      await scratch?.drop();
    }
  });
});

describe('checkpoints while a server holds the embedded database', () => {
  it('the server signs on demand and verify --checkpoints goes through it', {
    timeout: 120_000,
  }, async () => {
    const dir = join(place(), 'data');
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
    try {
      const consent = await fetch(`${url}/v1/consents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'someone', events: [{ type: 'opt-out' }] }),
      });
      expect(consent.status).toBe(201);
      const signed = await pledge('ledger', 'checkpoint', '--data-dir', dir);
      expect(signed.stderr).toMatch(/holds .+; it signed\n$/);
      expect(signed.stdout).toMatch(/^ledger: signed seq 1, head [0-9a-f]{64}, key ed25519:/);
      const verify = await pledge(
        'ledger',
        'verify',
        '--data-dir',
        dir,
        '--checkpoints',
        `${dir}-checkpoints`,
      );
      expect(verify.stderr).toMatch(/verified through its API\n$/);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(
        /^ledger ok: 1 events verified in the server at .*\ncheckpoints: 1 signed by/,
      );
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
