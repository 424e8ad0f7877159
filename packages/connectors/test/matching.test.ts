import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { portOpen } from '@pledge/testing';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CollectionRef,
  type Connector,
  ConnectorError,
  createConnector,
  type DescribedCall,
  type StatementEvent,
  type Where,
} from '../src/index.js';
import { mysqlService, postgresService, redisService, runId } from './servers.js';

// The comparison rules of `locate` on every datastore: the rule normalises both sides, then the
// comparison is exact (no collation, padding or numeric coercion), and `describe` still says
// exactly what is sent. Each store gets its own table, key prefix or folder.

const id = `pledge_match_${runId()}`;
const people: CollectionRef = {
  name: 'm_people',
  primaryKey: 'id',
  fields: ['id', 'name', 'email', 'phone', 'code'].map((name) => ({ name })),
};
const members: CollectionRef = {
  name: 'm_members',
  primaryKey: ['org', 'seq'],
  fields: ['org', 'seq', 'email', 'note'].map((name) => ({ name })),
};
const ROWS: Array<[number, string, string | null, string | null, string]> = [
  [1, 'bob', 'ALICE@Example.COM', '+44 20 7946 0958', '05'],
  [2, 'Bob', 'alice@example.com.au', '0044 20 7946 0959', '5x'],
  [3, 'BOB ', 'carol@example.com', null, '5.0'],
  [4, 'bob ', null, null, '5'],
  [5, 'böb', 'dora@example.com', '+1 415 555 0100', ' 5'],
];

interface SqlWorld {
  kind: 'postgres' | 'mysql' | 'sqlite';
  up: () => Promise<boolean>;
  open: () => Promise<{
    connector: () => Connector;
    exec: (sql: string) => Promise<void>;
    drop: () => Promise<void>;
  }>;
}

const insertPeople = ROWS.map(
  (r) =>
    `(${r[0]}, '${r[1]}', ${r[2] === null ? 'NULL' : `'${r[2]}'`}, ${r[3] === null ? 'NULL' : `'${r[3]}'`}, '${r[4]}')`,
).join(', ');

const SQL_WORLDS: SqlWorld[] = [
  {
    kind: 'postgres',
    up: () => portOpen(postgresService().host, postgresService().port, 1500),
    async open() {
      const url = postgresService().url;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${id}; SET search_path TO ${id}`);
      return {
        connector: () => createConnector('postgres', { connectionString: url, schema: id }),
        exec: async (sql) => void (await admin.query(sql)),
        drop: async () => {
          await admin.query(`DROP SCHEMA IF EXISTS ${id} CASCADE`);
          await admin.end();
        },
      };
    },
  },
  {
    kind: 'mysql',
    up: () => portOpen(mysqlService().host, mysqlService().port, 1500),
    async open() {
      const admin = await mysql.createConnection({ uri: mysqlService().url });
      await admin.query(`CREATE DATABASE ${id}`);
      await admin.query(`USE ${id}`);
      return {
        connector: () => createConnector('mysql', { uri: mysqlService().url, schema: id }),
        exec: async (sql) => void (await admin.query(sql)),
        drop: async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${id}`);
          await admin.end();
        },
      };
    },
  },
  {
    kind: 'sqlite',
    up: async () => true,
    async open() {
      const dir = await mkdtemp(join(tmpdir(), `${id}-`));
      const file = join(dir, 'db.sqlite');
      const db = new Database(file);
      return {
        connector: () => createConnector('sqlite', file),
        exec: async (sql) => void db.exec(sql),
        drop: async () => {
          db.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

async function logged(c: Connector, run: () => Promise<unknown>): Promise<StatementEvent[]> {
  const events: StatementEvent[] = [];
  const stop = c.onStatement((e) => events.push(e));
  try {
    await run();
  } finally {
    stop();
  }
  return events;
}

/** Describes a locate, runs it, and checks that both say the same statements (distinct, in order). */
async function describedLocate(c: Connector, collection: CollectionRef, where: Where): Promise<unknown[]> {
  const call: DescribedCall = {
    operation: 'locate',
    field: where.field,
    ...(where.match ? { match: where.match } : {}),
    ...(where.normalised ? { normalised: true } : {}),
  };
  const described = c.describe(collection, call, { keys: where.values.length });
  let keys: unknown[] = [];
  const events = await logged(c, async () => {
    keys = await c.locate(collection, where);
  });
  const distinct = events.filter(
    (e, i) => events.findIndex((x) => JSON.stringify(x) === JSON.stringify(e)) === i,
  );
  const wanted = described.map(({ per: _p, exact: _e, ...event }) => event);
  if (described.every((d) => d.exact)) expect(distinct).toEqual(wanted);
  else expect(distinct.map((e) => e.operation)).toEqual(wanted.map((e) => e.operation));
  return keys;
}

for (const w of SQL_WORLDS) {
  const up = await w.up();
  describe.skipIf(!up)(`${w.kind}: locate compares by the rule, exactly`, () => {
    let world: Awaited<ReturnType<SqlWorld['open']>>;
    let c: Connector;
    beforeAll(async () => {
      world = await w.open();
      const text = 'varchar(80)';
      await world.exec(
        `CREATE TABLE m_people (id integer PRIMARY KEY, name ${text}, email ${text}, phone ${text}, code ${text})`,
      );
      await world.exec(`INSERT INTO m_people VALUES ${insertPeople}`);
      await world.exec(
        `CREATE TABLE m_members (org varchar(10), seq integer, email ${text}, note ${text}, PRIMARY KEY (org, seq))`,
      );
      await world.exec(
        "INSERT INTO m_members VALUES ('acme', 1, 'hana@example.com', 'a'), ('acme', 2, 'ivan@example.com', 'b'), ('zeta', 1, 'jo@example.com', 'c')",
      );
      c = world.connector();
      await c.connect();
    });
    afterAll(async () => {
      await c?.close();
      await world?.drop();
    });

    it('exact: case, accents and trailing spaces all count', async () => {
      expect(await c.locate(people, { field: 'name', values: ['bob'] })).toEqual([1]);
      expect(await c.locate(people, { field: 'name', values: ['bob '] })).toEqual([4]);
      expect(await c.locate(people, { field: 'name', values: ['Bob'] })).toEqual([2]);
      expect(await c.locate(people, { field: 'name', values: ['BOB'] })).toEqual([]);
      expect(await c.locate(people, { field: 'name', values: ['bob', ''] })).toEqual([1]);
      const fresh = world.connector();
      await fresh.connect();
      try {
        expect(await describedLocate(fresh, people, { field: 'name', values: ['bob', 'böb'] })).toEqual([
          1, 5,
        ]);
      } finally {
        await fresh.close();
      }
    });

    it('typed to the column: 05, 5x, 5.0 and +5 match no integer 5; the number 5 matches the text 5 only', async () => {
      expect(await c.locate(people, { field: 'id', values: ['05', '5x', '5.0', '+5', ' 5'] })).toEqual([]);
      expect(await c.locate(people, { field: 'id', values: ['5'] })).toEqual([5]);
      // Out of the column's range: matches nothing, and is no error on any store.
      expect(await c.locate(people, { field: 'id', values: ['99999999999', '5'] })).toEqual([5]);
      expect(await c.locate(people, { field: 'id', values: [5] })).toEqual([5]);
      expect(await c.locate(people, { field: 'code', values: [5] })).toEqual([4]);
      expect(await c.locate(people, { field: 'code', values: ['05'] })).toEqual([1]);
    });

    it('casefold: a mixed-case stored e-mail is found; stored-normalised compares the column as it is', async () => {
      const where: Where = { field: 'email', values: ['alice@EXAMPLE.com'], match: 'casefold' };
      expect(await describedLocate(c, people, where)).toEqual([1]);
      expect(await describedLocate(c, people, { ...where, normalised: true })).toEqual([]);
      expect(await c.locate(people, { ...where, values: ['CAROL@example.com'], normalised: true })).toEqual([
        3,
      ]);
    });

    it('e164: separators, (0) and a 00 prefix are normalised on both sides', async () => {
      const where: Where = { field: 'phone', values: ['+44 (0)20 7946-0958'], match: 'e164' };
      expect(await describedLocate(c, people, where)).toEqual([1]);
      expect(await c.locate(people, { ...where, values: ['+442079460959'] })).toEqual([2]);
      expect(await c.locate(people, { ...where, values: ['4420794'] })).toEqual([]);
    });

    it('a composite key locates, reads, rectifies and erases exactly its row', async () => {
      const keys = await describedLocate(c, members, { field: 'email', values: ['hana@example.com'] });
      expect(keys).toEqual(['["acme",1]']);
      const rows = await c.read(members, keys as string[]);
      expect(rows.map((r) => [r.org, Number(r.seq), r.note])).toEqual([['acme', 1, 'a']]);
      expect((await c.rectify(members, keys as string[], { note: 'z' })).affected).toBe(1);
      expect((await c.erase(members, keys as string[], { email: 'delete-row' })).affected).toBe(1);
      const left = await c.read(members, ['["acme",2]', '["zeta",1]']);
      expect(left.map((r) => [r.org, Number(r.seq), r.note])).toEqual([
        ['acme', 2, 'b'],
        ['zeta', 1, 'c'],
      ]);
      const error = await c.read(members, ['acme']).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect([error.code, error.path]).toEqual(['value-invalid', 'keys[0]']);
    });
  });
}

const redisUp = await portOpen(redisService().host, redisService().port, 1500);

describe.skipIf(!redisUp)('redis: locate compares by the rule, exactly', () => {
  const prefix = `${id}:`;
  let redis: Redis;
  let c: Connector;
  const names: CollectionRef = { name: 'name:{id}', fields: [{ name: 'id' }, { name: 'v' }] };
  const hashes: CollectionRef = { name: 'h:{id}', fields: [{ name: 'id' }, { name: 'email' }] };
  beforeAll(async () => {
    redis = new Redis(redisService().url);
    for (const key of ['bob', 'Bob', 'BOB ', 'ALICE@Example.COM', 'b*'])
      await redis.set(`${prefix}name:${key}`, '1');
    await redis.hset(`${prefix}h:1`, 'email', 'ALICE@Example.COM');
    await redis.hset(`${prefix}h:2`, 'email', 'alice@example.com.au');
    c = createConnector('redis', { url: redisService().url, keyPrefix: prefix });
    await c.connect();
  });
  afterAll(async () => {
    await c?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('exact ids and values; a glob character or blank id is refused', async () => {
    expect(await describedLocate(c, names, { field: 'id', values: ['bob'] })).toEqual(['name:bob']);
    expect(await c.locate(names, { field: 'id', values: ['BOB'] })).toEqual([]);
    expect(await c.locate(hashes, { field: 'email', values: ['alice@example.com'] })).toEqual([]);
    for (const value of ['b*', 'b?', '[bB]ob', 'a\\b', '', ' ']) {
      const error = await c.locate(names, { field: 'id', values: [value] }).catch((e) => e);
      expect(error, value).toBeInstanceOf(ConnectorError);
      expect([error.code, error.path]).toEqual(['value-invalid', 'where.values[0]']);
    }
  });

  it('casefold scans and normalises ids and field values', async () => {
    const id = await describedLocate(c, names, {
      field: 'id',
      values: ['alice@EXAMPLE.com'],
      match: 'casefold',
    });
    expect(id).toEqual(['name:ALICE@Example.COM']);
    const bobs = await c.locate(names, { field: 'id', values: ['BOB'], match: 'casefold' });
    expect(bobs.sort()).toEqual(['name:Bob', 'name:bob']);
    const field = await describedLocate(c, hashes, {
      field: 'email',
      values: ['alice@example.COM'],
      match: 'casefold',
    });
    expect(field).toEqual(['h:1']);
  });
});

describe('files: locate compares by the rule, exactly', () => {
  let root: string;
  let c: Connector;
  const uploads: CollectionRef = { name: 'up/{user}', fields: [{ name: 'user' }] };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), `${id}-files-`));
    for (const path of ['up/bob/a.png', 'up/Bob/b.png', 'up/carol/c.png']) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), path);
    }
    c = createConnector('files', root);
    await c.connect();
  });
  afterAll(async () => {
    await c?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('exact names; casefold lists and normalises; separators and .. are refused', async () => {
    expect(await describedLocate(c, uploads, { field: 'user', values: ['bob'] })).toEqual(['up/bob/a.png']);
    expect(await c.locate(uploads, { field: 'user', values: ['BOB'] })).toEqual([]);
    const folded = await describedLocate(c, uploads, { field: 'user', values: ['BOB'], match: 'casefold' });
    expect(folded.sort()).toEqual(['up/Bob/b.png', 'up/bob/a.png']);
    for (const value of ['..', '../carol', 'a/b', '']) {
      const error = await c.locate(uploads, { field: 'user', values: [value] }).catch((e) => e);
      expect(error, value).toBeInstanceOf(ConnectorError);
      expect(error.code).toBe('path-unsafe');
    }
  });
});
