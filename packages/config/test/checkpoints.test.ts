import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointLocation, openCheckpoints, readSettings, type Settings } from '../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'pledge-config-checkpoints-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function settings(env: Record<string, string>): Settings {
  const read = readSettings(env, root);
  if (!read.ok) throw new Error(read.message);
  return read.settings;
}

describe('checkpoint settings', () => {
  it('the embedded mode generates its key once beside the database folder, never inside, and warns', async () => {
    const s = settings({ PLEDGE_DATA_DIR: 'data' });
    expect(checkpointLocation(s)).toEqual({
      keyFile: join(root, 'data-keys', 'checkpoint-ed25519.pem'),
      dir: join(root, 'data-checkpoints'),
      everyMs: 900_000,
      defaulted: true,
    });
    const first = await openCheckpoints(s);
    if (!first.ok) throw new Error(first.message);
    expect(first.warnings.join('\n')).toMatch(/generated a checkpoint key .* in .*data-keys/);
    expect(statSync(first.keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(join(root, 'data'))).toBe(false);
    const second = await openCheckpoints(s);
    expect(second).toMatchObject({ ok: true, key: { keyId: first.key.keyId } });
    expect(second.ok && second.warnings.join('\n')).not.toMatch(/generated/);
    expect(readdirSync(join(root, 'data-keys'))).toEqual(['checkpoint-ed25519.pem']);
  });

  it('takes the key file, folder and interval from the environment', () => {
    const s = settings({
      PLEDGE_DATABASE_URL: 'postgres://db/pledge',
      PLEDGE_CHECKPOINT_KEY_FILE: '/etc/pledge/checkpoint.pem',
      PLEDGE_CHECKPOINT_DIR: 'checkpoints',
      PLEDGE_CHECKPOINT_INTERVAL_MS: '60000',
    });
    expect(checkpointLocation(s)).toEqual({
      keyFile: '/etc/pledge/checkpoint.pem',
      dir: join(root, 'checkpoints'),
      everyMs: 60_000,
      defaulted: false,
    });
  });

  it('PostgreSQL without settings has no checkpoints, and says what is then not covered', async () => {
    const off = await openCheckpoints(settings({ PLEDGE_DATABASE_URL: 'postgres://db/pledge' }));
    expect(off).toMatchObject({ ok: false, code: 'checkpoints.off' });
    expect(!off.ok && off.message).toMatch(/PLEDGE_CHECKPOINT_KEY_FILE.*rewrite, truncation or wipe/);
  });

  it('a key file inside the database folder is refused', async () => {
    const refused = await openCheckpoints(
      settings({ PLEDGE_DATA_DIR: 'data2', PLEDGE_CHECKPOINT_KEY_FILE: 'data2/key.pem' }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'checkpoints.key-inside-data' });
    expect(existsSync(join(root, 'data2'))).toBe(false);
  });
});
