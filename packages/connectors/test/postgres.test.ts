import pg from 'pg';
import { expect, it } from 'vitest';
import { createConnector, PostgresConnector } from '../src/index.js';
import { runConformance } from './conformance.js';
import { collection, USERS } from './seed.js';
import { describeWithService, postgresService, runId } from './servers.js';
import { runSqlExtras } from './sql-extras.js';
import { sqlFixture } from './sql-fixture.js';

const service = postgresService();
const schema = `pledge_conn_${runId()}`;

await describeWithService(service, 'PostgreSQL connector', () => {
  const fixture = runConformance({
    name: 'postgres',
    async open() {
      const admin = new pg.Client({ connectionString: service.url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(`SET search_path TO ${schema}`);
      return sqlFixture({
        connector: new PostgresConnector({ connectionString: service.url, schema }),
        exec: async (sql, params) => (await admin.query(sql, params)).rows,
        placeholder: (i) => `$${i}`,
        ddl: [
          `CREATE TABLE users (id integer PRIMARY KEY, email varchar(255) UNIQUE, name text, phone text,
             age integer, birth_date date, plan text, created_at timestamptz, code varchar(10))`,
          `CREATE TABLE orders (id integer PRIMARY KEY, user_id integer, address text, amount integer,
             created_at timestamptz)`,
        ],
        timestamp: (iso) => new Date(iso),
        async drop() {
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await admin.end();
        },
      });
    },
  });
  runSqlExtras(fixture, { columnLengths: true });

  it('accepts schema-qualified table names, created from a connection string', async () => {
    const connector = createConnector('postgres', service.url);
    await connector.connect();
    try {
      const users = collection(`${schema}.users`, ['id', 'email'], 'id');
      expect(await connector.locate(users, { field: 'email', values: [USERS[2].email] })).toEqual([
        USERS[2].id,
      ]);
      expect(connector.kind).toBe('postgres');
    } finally {
      await connector.close();
    }
  });
  it('prepares each statement text once per connection, and still reads a table whose columns changed', async () => {
    const admin = new pg.Client({ connectionString: service.url });
    await admin.connect();
    const table = `${schema}.prepared_${runId()}`;
    const connector = new PostgresConnector({ connectionString: service.url });
    try {
      await admin.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, email text)`);
      await admin.query(`INSERT INTO ${table} VALUES (1, 'a@example.test'), (2, 'b@example.test')`);
      await connector.connect();
      const before = collection(table, ['id', 'email'], 'id');
      const where = { field: 'email', values: ['b@example.test'] };
      // The same text every time: prepared (and planned) once, then executed by name.
      for (let i = 0; i < 7; i++) {
        expect((await connector.lookup(before, [where])).rows).toEqual([{ id: 2, email: 'b@example.test' }]);
      }
      // A column added under a prepared `SELECT *`: PostgreSQL refuses the cached plan; the
      // connector runs the text unprepared and returns the new shape.
      await admin.query(`ALTER TABLE ${table} ADD COLUMN name text DEFAULT 'B'`);
      const after = collection(table, ['id', 'email', 'name'], 'id');
      for (let i = 0; i < 3; i++) {
        expect((await connector.lookup(after, [where])).rows).toEqual([
          { id: 2, email: 'b@example.test', name: 'B' },
        ]);
      }
    } finally {
      await connector.close();
      await admin.query(`DROP TABLE IF EXISTS ${table}`);
      await admin.end();
    }
  });
  it('writes in one transaction: committed together, rolled back together, invisible to other callers until committed', async () => {
    const admin = new pg.Client({ connectionString: service.url });
    await admin.connect();
    const table = `${schema}.tx_${runId()}`;
    const connector = new PostgresConnector({ connectionString: service.url });
    const events: string[] = [];
    connector.onStatement((e) => events.push(`${e.operation} ${e.text}`));
    try {
      await admin.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, email text)`);
      await admin.query(`INSERT INTO ${table} VALUES (1, 'a@x.test'), (2, 'b@x.test'), (3, 'c@x.test')`);
      await connector.connect();
      const rows = collection(table, ['id', 'email'], 'id');
      const ids = async () =>
        (await admin.query(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);

      // Rolled back: the error is passed on and nothing is written.
      await expect(
        connector.transaction(async () => {
          await connector.erase(rows, [1], { email: 'delete-row' });
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await ids()).toEqual([1, 2, 3]);

      // Committed together; a read from outside the transaction's context does not see its writes before.
      let seenInside: number[] = [];
      await connector.transaction(async () => {
        await connector.erase(rows, [1], { email: 'delete-row' });
        await connector.erase(rows, [2], { email: 'delete-row' });
        seenInside = await ids();
      });
      expect(seenInside).toEqual([1, 2, 3]);
      expect(await ids()).toEqual([3]);
      expect(events.filter((e) => e.startsWith('transaction'))).toEqual([
        'transaction BEGIN',
        'transaction BEGIN',
        'transaction COMMIT',
      ]);
    } finally {
      await connector.close();
      await admin.query(`DROP TABLE IF EXISTS ${table}`);
      await admin.end();
    }
  });
});
