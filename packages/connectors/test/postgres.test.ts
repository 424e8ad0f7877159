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
});
