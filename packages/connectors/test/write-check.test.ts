import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Connector, MysqlConnector, PostgresConnector, RedisConnector } from '../src/index.js';
import { describeWithService, mysqlService, postgresService, redisService, runId } from './servers.js';

// checkWrite tells, writing nothing, whether an erasure or rectification could run: a
// read-only session, a missing privilege, a column that cannot take its strategy.
const id = runId();
const table = `runsafe_wc_${id}`;
const collection = {
  name: table,
  primaryKey: 'id',
  fields: [{ name: 'id' }, { name: 'email' }, { name: 'age' }, { name: 'code' }],
};

const withUser = (url: string, user: string, password: string) =>
  Object.assign(new URL(url), { username: user, password }).toString();

async function expectChecks(connector: Connector, rows: () => Promise<string>) {
  const before = await rows();
  await connector.connect();
  try {
    const check = connector.checkWrite?.bind(connector);
    if (!check) throw new Error('no checkWrite');
    expect(await check(collection, { operation: 'erase', plan: { email: 'hash', age: 'null' } })).toEqual([]);
    expect(await check(collection, { operation: 'erase', plan: { id: 'delete-row' } })).toEqual([]);
    const typed = await check(collection, { operation: 'erase', plan: { age: 'hash', code: 'hash' } });
    expect(typed.map((p) => [p.check, p.field])).toEqual([
      ['column-type', 'age'],
      ['column-type', 'code'],
    ]);
    expect(typed[0]?.message).toMatch(
      /^column age of runsafe_wc_\w+ \(int\w*\) cannot take the hash strategy/,
    );
    expect(typed[1]?.message).toContain('shorter than 69 characters');
    expect(await check(collection, { operation: 'rectify', fields: ['email'] })).toEqual([]);
  } finally {
    await connector.close();
  }
  expect(await rows()).toBe(before);
}

await describeWithService(postgresService(), 'checkWrite on PostgreSQL', () => {
  const url = postgresService().url;
  const role = `runsafe_wc_ro_${id}`;
  let admin: pg.Client;
  const rows = async () => JSON.stringify((await admin.query(`SELECT * FROM ${table} ORDER BY id`)).rows);
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE TABLE ${table} (id int PRIMARY KEY, email text, age int, code varchar(10))`);
    await admin.query(`INSERT INTO ${table} VALUES (1, 'a@example.com', 30, 'x')`);
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'ro'`);
    await admin.query(`GRANT SELECT ON ${table} TO ${role}`);
  });
  afterAll(async () => {
    await admin.query(`DROP TABLE IF EXISTS ${table}`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('passes a writable table and refuses strategies its columns cannot take', async () => {
    await expectChecks(new PostgresConnector({ connectionString: url }), rows);
  });

  it('names the missing privilege of a read-only role, writing nothing', async () => {
    const before = await rows();
    const connector = new PostgresConnector({ connectionString: withUser(url, role, 'ro') });
    await connector.connect();
    try {
      const erase = await connector.checkWrite(collection, {
        operation: 'erase',
        plan: { id: 'delete-row' },
      });
      expect(erase).toEqual([
        {
          check: 'privilege',
          message: `the user of the connection may not DELETE rows of ${table} (42501)`,
          storeCode: '42501',
        },
      ]);
      const update = await connector.checkWrite(collection, { operation: 'rectify', fields: ['email'] });
      expect(update.map((p) => p.check)).toEqual(['privilege']);
    } finally {
      await connector.close();
    }
    expect(await rows()).toBe(before);
  });
});

await describeWithService(mysqlService(), 'checkWrite on MySQL / MariaDB', () => {
  const url = mysqlService().url;
  const user = `runsafe_wc_${id}`.slice(0, 32);
  let admin: mysql.Connection;
  const rows = async () => JSON.stringify((await admin.query(`SELECT * FROM ${table} ORDER BY id`))[0]);
  beforeAll(async () => {
    admin = await mysql.createConnection({ uri: url });
    await admin.query(
      `CREATE TABLE ${table} (id int PRIMARY KEY, email varchar(120), age int, code varchar(10))`,
    );
    await admin.query(`INSERT INTO ${table} VALUES (1, 'a@example.com', 30, 'x')`);
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'ro'`);
    const database = new URL(url).pathname.slice(1);
    await admin.query(`GRANT SELECT ON \`${database}\`.\`${table}\` TO '${user}'@'%'`);
  });
  afterAll(async () => {
    await admin.query(`DROP TABLE IF EXISTS ${table}`);
    await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await admin.end();
  });

  it('passes a writable table and refuses strategies its columns cannot take', async () => {
    await expectChecks(new MysqlConnector({ uri: url }), rows);
  });

  it('names the missing privilege of a read-only user, writing nothing', async () => {
    const before = await rows();
    const connector = new MysqlConnector({ uri: withUser(url, user, 'ro') });
    await connector.connect();
    try {
      const erase = await connector.checkWrite(collection, {
        operation: 'erase',
        plan: { email: 'null' },
      });
      expect(erase).toEqual([
        {
          check: 'privilege',
          message: `the user of the connection may not UPDATE columns of ${table} (ER_TABLEACCESS_DENIED_ERROR)`,
          storeCode: 'ER_TABLEACCESS_DENIED_ERROR',
        },
      ]);
    } finally {
      await connector.close();
    }
    expect(await rows()).toBe(before);
  });
});

await describeWithService(redisService(), 'checkWrite on Redis', () => {
  const url = redisService().url;
  const prefix = `runsafe_wc_${id}:`;
  const user = `runsafe_wc_${id}`;
  const sessions = { name: 'session:{id}', fields: [{ name: 'id' }, { name: 'email' }] };
  let admin: Redis;
  const keys = async () => (await admin.keys(`${prefix}*`)).sort().join(',');
  beforeAll(async () => {
    admin = new Redis(url);
    await admin.hset(`${prefix}session:1`, 'email', 'a@example.com');
    await admin.call('ACL', 'SETUSER', user, 'on', '>ro', `~${prefix}*`, '+@read', '+@connection', '+info');
  });
  afterAll(async () => {
    await admin.del(`${prefix}session:1`);
    await admin.call('ACL', 'DELUSER', user);
    admin.disconnect();
  });

  it('passes a writable server and names the missing permission of a read-only user, writing nothing', async () => {
    const before = await keys();
    const writable = new RedisConnector({ url, keyPrefix: prefix });
    await writable.connect();
    try {
      expect(await writable.checkWrite(sessions, { operation: 'erase', plan: { id: 'delete-row' } })).toEqual(
        [],
      );
      expect(await writable.checkWrite(sessions, { operation: 'erase', plan: { email: 'null' } })).toEqual(
        [],
      );
    } finally {
      await writable.close();
    }
    const readOnly = new RedisConnector({
      url: Object.assign(new URL(url), { username: user, password: 'ro' }).toString(),
      keyPrefix: prefix,
    });
    await readOnly.connect();
    try {
      const erase = await readOnly.checkWrite(sessions, { operation: 'erase', plan: { id: 'delete-row' } });
      expect(erase).toEqual([
        {
          check: 'privilege',
          message: 'the Redis user may not run DEL on keys of session:{id} (NOPERM)',
          storeCode: 'NOPERM',
        },
      ]);
      const fields = await readOnly.checkWrite(sessions, { operation: 'erase', plan: { email: 'null' } });
      expect(fields.map((p) => [p.check, p.storeCode])).toEqual([['privilege', 'NOPERM']]);
    } finally {
      await readOnly.close();
    }
    expect(await keys()).toBe(before);
  });
});
