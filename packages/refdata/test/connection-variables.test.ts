import { createScratchDatabase, type ScratchDatabase } from '@pledge/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runRefdataCli } from '../src/cli.js';
import { connectionVariables } from '../src/connections.js';
import { openSandbox, REDIS_URL, type Sandbox, storesAvailable } from './helpers/stores.js';

describe('the connection variables each example manifest names', () => {
  it('are the ones the data-subject requests read', async () => {
    expect(await connectionVariables('camera-app')).toEqual({
      sql: 'PLEDGE_CAMERA_PG_URL',
      redis: 'PLEDGE_CAMERA_REDIS_URL',
      files: 'PLEDGE_CAMERA_FILES_DIR',
    });
    expect(await connectionVariables('antsentry')).toEqual({
      sql: 'PLEDGE_ANTSENTRY_PG_URL',
      redis: 'PLEDGE_ANTSENTRY_REDIS_URL',
    });
    expect(await connectionVariables('spacemit-site')).toEqual({
      sql: 'PLEDGE_SPACEMIT_MYSQL_URL',
      files: 'PLEDGE_SPACEMIT_CV_DIR',
    });
  });
});

const ready = await storesAvailable('antsentry');

describe.skipIf(!ready)('refdata writes where the tour points the requests', () => {
  let scratch: ScratchDatabase | undefined;
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    delete process.env.PLEDGE_ANTSENTRY_PG_URL;
    delete process.env.PLEDGE_ANTSENTRY_REDIS_URL;
    await sandbox?.drop();
    await scratch?.drop();
  });

  it('with no --pg-url, the database PLEDGE_ANTSENTRY_PG_URL names gets the tables, and the output says so', async () => {
    scratch = await createScratchDatabase('pledge_refdata_env');
    sandbox = await openSandbox('antsentry');
    process.env.PLEDGE_ANTSENTRY_PG_URL = scratch.url;
    process.env.PLEDGE_ANTSENTRY_REDIS_URL = REDIS_URL;
    let stderr = '';
    const io = {
      stdout: () => {},
      stderr: (text: string) => {
        stderr += text;
      },
    };
    const prefix = String(sandbox.targets.redisPrefix);
    const code = await runRefdataCli(
      ['--example', 'antsentry', '--scale', '3', '--redis-prefix', prefix],
      io,
    );
    expect([code, stderr]).toEqual([0, expect.stringContaining('(from PLEDGE_ANTSENTRY_PG_URL)')]);
    expect(stderr).toContain(`antsentry_pg -> postgres://127.0.0.1:5432/${scratch.name}`);
    expect(stderr).toContain('(from PLEDGE_ANTSENTRY_REDIS_URL)');
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM public.users');
      expect(rows[0]?.n).toBe(3);
    } finally {
      await client.end();
    }
    const keys = await sandbox.redis?.keys(`${prefix}*`);
    expect(keys?.length).toBeGreaterThan(0);
  });
});
