import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetCollection } from '@pledge/core';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConnectorError, SqliteConnector } from '../src/index.js';
import { sqliteTypeClass } from '../src/sql/dialect/sqlite.js';
import { runConformance } from './conformance.js';
import { collection, ORDERS, USERS } from './seed.js';
import { runSqlExtras } from './sql-extras.js';
import { sqlFixture } from './sql-fixture.js';

describe('SQLite connector', () => {
  const fixture = runConformance({
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'pledge-conn-sqlite-'));
      const filename = join(dir, 'test.db');
      const admin = new Database(filename);
      return sqlFixture({
        connector: new SqliteConnector({ filename }),
        exec: async (sql, params = []) => {
          const statement = admin.prepare(sql);
          if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
          statement.run(...params);
          return [];
        },
        placeholder: () => '?',
        ddl: [
          `CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, name TEXT, phone TEXT, age INTEGER,
             birth_date DATE, plan TEXT, created_at TIMESTAMP)`,
          'CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, address TEXT, amount INTEGER, created_at TIMESTAMP)',
        ],
        timestamp: (iso) => iso,
        async drop() {
          admin.close();
          rmSync(dir, { recursive: true, force: true });
        },
      });
    },
  });
  runSqlExtras(fixture);

  it("works on the manifest's own dataset collection description", async () => {
    const f = fixture();
    const users = DatasetCollection.parse({
      name: 'users',
      primaryKey: 'id',
      fields: [
        { name: 'id' },
        { name: 'email', identity: 'email', categories: ['user.contact.email'], erasure: 'mask' },
        { name: 'phone', erasure: 'hash' },
      ],
    });
    const keys = await f.connector.locate(users, { field: 'email', values: [USERS[0].email] });
    const plan = Object.fromEntries(
      users.fields.filter((x) => x.name !== 'id').map((x) => [x.name, x.erasure]),
    );
    expect(await f.connector.erase(users, keys, plan, { secret: 's' })).toEqual({
      affected: 1,
      statements: 1,
    });
    const [row] = await f.connector.read(users, keys, ['email']);
    expect(row?.email).toBe('a***@example.com');
  });

  it('counts epoch-second anchors as well as ISO text', async () => {
    const f = fixture();
    const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    const keys = ORDERS.map((o) => o.id);
    for (const order of ORDERS)
      await f.connector.rectify(f.related, [order.id], { created_at: epoch(order.created_at) });
    expect(await f.connector.read(f.related, keys, ['created_at'])).toHaveLength(6);
    expect(await f.connector.countRetention(f.related, 'created_at', new Date('2023-01-01T00:00:00Z'))).toBe(
      3,
    );
  });

  it('classifies declared column types as SQLite affinity does', () => {
    const types = ['', 'VARCHAR(20)', 'BIGINT', 'DATETIME', 'DATE', 'BOOLEAN', 'BLOB', 'DOUBLE', 'GEOMETRY'];
    expect(types.map(sqliteTypeClass)).toEqual([
      'text',
      'text',
      'integer',
      'timestamp',
      'date',
      'boolean',
      'binary',
      'decimal',
      'other',
    ]);
  });

  it('fails to connect to a missing file with a store error', async () => {
    const connector = new SqliteConnector({ filename: join(tmpdir(), 'pledge-no-such-dir', 'none.db') });
    const error = await connector.connect().catch((e) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.code).toBe('store-failed');
    const users = collection('users', ['id'], 'id');
    const unconnected = await connector.locate(users, { field: 'id', values: [1] }).catch((e) => e);
    expect(unconnected.code).toBe('not-connected');
  });
});
