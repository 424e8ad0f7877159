import type { Connector, Row } from '../src/index.js';
import { type ConformanceFixture, recordsModel } from './conformance-fixture.js';
import { collection, ORDER_FIELDS, ORDERS, stableJson, USER_FIELDS, USERS } from './seed.js';

/** What a SQL test file supplies: its connector and a raw client on the same isolated schema. */
export interface SqlFixtureParts {
  connector: Connector;
  /** Runs a statement with the store's own client. */
  exec(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Placeholder of the i-th parameter (1-based). */
  placeholder(i: number): string;
  /** Creates `users` and `orders` (users.email unique). */
  ddl: string[];
  /** Converts an ISO timestamp to what the store's client binds (a Date, or text). */
  timestamp(iso: string): unknown;
  drop(): Promise<void>;
}

async function insert(parts: SqlFixtureParts, table: string, rows: ReadonlyArray<Record<string, unknown>>) {
  for (const row of rows) {
    const names = Object.keys(row);
    const values = names.map((n) => (n === 'created_at' ? parts.timestamp(String(row[n])) : row[n]));
    const marks = names.map((_, i) => parts.placeholder(i + 1)).join(', ');
    await parts.exec(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${marks})`, values);
  }
}

/** A records fixture on a SQL store: people = `users`, related = `orders`. */
export async function sqlFixture(parts: SqlFixtureParts): Promise<ConformanceFixture> {
  for (const statement of parts.ddl) await parts.exec(statement);
  const users = collection('users', USER_FIELDS, 'id');
  const orders = collection('orders', ORDER_FIELDS, 'id');
  return {
    ...recordsModel(users, orders, (into, rows) =>
      insert(parts, into === 'people' ? 'users' : 'orders', rows),
    ),
    connector: parts.connector,
    async reset() {
      await parts.exec('DELETE FROM orders');
      await parts.exec('DELETE FROM users');
      await insert(parts, 'users', USERS);
      await insert(parts, 'orders', ORDERS);
    },
    async snapshot() {
      const out = new Map<string, string>();
      for (const table of ['users', 'orders']) {
        for (const row of await parts.exec(`SELECT * FROM ${table} ORDER BY id`)) {
          out.set(`${table}|${String(row.id)}`, stableJson(row));
        }
      }
      return out;
    },
    expectedTransformStatements: (n, b) => Math.ceil(n / b),
    drop: parts.drop,
  };
}
