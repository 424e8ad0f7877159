import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@pledge/store';
import { createScratchDatabase } from '@pledge/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../src/start.js';
import { MINIMAL } from './fixtures.js';
import { backends } from './helpers.js';

const quiet = { logger: false as const, handleSignals: false };
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-subjectkeys-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the server and the subject key', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
  });

  it('embedded: a generated key file next to the data folder, warnings at start, and another key refused naming the setting', async () => {
    const parent = tempDir();
    const dataDir = join(parent, 'data');
    const env = { PORT: '0', PLEDGE_MANIFEST: MINIMAL, PLEDGE_DATA_DIR: dataDir };
    const err: string[] = [];
    const first = await startServer({ env, stderr: (t) => void err.push(t), ...quiet });
    if (!first.ok) throw new Error(err.join(''));
    const key = readFileSync(join(parent, 'data.subject-key'), 'utf8').trim();
    const config = await first.app.inject({ url: '/v1/sdk/config' });
    expect(config.json()).toMatchObject({ subjectKey: key, subjectKeyFingerprint: expect.any(String) });
    await first.app.close();
    const said = err.join('');
    expect(said).toMatch(/subject key is kept in .*data\.subject-key, outside the database files/);
    expect(said).toMatch(/not sync its files to disk, so a power loss/);
    expect(said).not.toContain(key);

    const refused: string[] = [];
    const second = await startServer({
      env: { ...env, PLEDGE_SUBJECT_KEY: 'a-different-key-0123456789' },
      stderr: (t) => void refused.push(t),
      ...quiet,
    });
    expect(second).toEqual({ ok: false, exitCode: 1 });
    expect(refused.join('')).toMatch(/PLEDGE_SUBJECT_KEY is not the key this store's ledger is written with/);
    expect(refused.join('')).not.toContain('a-different-key-0123456789');

    // The same key from a file starts.
    const third = await startServer({
      env: { ...env, PLEDGE_SUBJECT_KEY_FILE: join(parent, 'data.subject-key') },
      stderr: () => undefined,
      ...quiet,
    });
    expect(third.ok).toBe(true);
    if (third.ok) await third.app.close();
  });

  it('PLEDGE_SUBJECT_KEY_REQUIRED refuses to start without a key', async () => {
    const err: string[] = [];
    const started = await startServer({
      env: {
        PORT: '0',
        PLEDGE_MANIFEST: MINIMAL,
        PLEDGE_DATA_DIR: tempDir(),
        PLEDGE_SUBJECT_KEY_REQUIRED: '1',
      },
      stderr: (t) => void err.push(t),
      ...quiet,
    });
    expect(started).toEqual({ ok: false, exitCode: 1 });
    expect(err.join('')).toMatch(/no subject key: set PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE/);
  });

  it.runIf(backends.includes('postgres'))(
    'PostgreSQL: no key is refused; the key is never written to the database',
    async () => {
      const scratch = await createScratchDatabase('pledge_subjectkeys');
      try {
        const err: string[] = [];
        const env = { PORT: '0', PLEDGE_MANIFEST: MINIMAL, PLEDGE_DATABASE_URL: scratch.url };
        expect(await startServer({ env, stderr: (t) => void err.push(t), ...quiet })).toEqual({
          ok: false,
          exitCode: 1,
        });
        expect(err.join('')).toMatch(/no subject key: set PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE/);
        const key = 'pg-subject-key-0123456789abc';
        const started = await startServer({ env: { ...env, PLEDGE_SUBJECT_KEY: key }, ...quiet });
        if (!started.ok) throw new Error('did not start');
        const res = await started.app.inject({
          method: 'POST',
          url: '/v1/consents',
          payload: { subject: 'user-1', events: [{ type: 'policy-accepted' }] },
        });
        expect(res.statusCode).toBe(201);
        await started.app.close();
        const store = await openStore({ url: scratch.url });
        const settings = await store.db.selectFrom('pledge_settings').selectAll().execute();
        await store.close();
        expect(settings.map((r) => r.key)).toEqual(['subject-key-fingerprint']);
        expect(JSON.stringify(settings)).not.toContain(key);
      } finally {
        await scratch.drop();
      }
    },
  );
});
