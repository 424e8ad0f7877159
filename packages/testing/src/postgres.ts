import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Base URL of the local PostgreSQL used by tests. */
export const TEST_PG_URL = process.env.PLEDGE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A throwaway database on the test server, dropped by `drop()`. */
export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named database so parallel test files never share state. */
export async function createScratchDatabase(prefix = 'pledge_t'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
