import mysql from 'mysql2/promise';
import type { TableSpec } from '../types.js';

const identifier = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function quote(name: string): string {
  if (!identifier.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `\`${name}\``;
}

/** The database a MariaDB/MySQL URL names in its path, if any. */
export function databaseOfUrl(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name === '' ? undefined : name;
}

/**
 * Bulk loader into one MariaDB/MySQL database: multi-row `INSERT ... VALUES (...), (...)`
 * of up to `rowsPerStatement` rows, well under the default 16 MiB packet limit.
 */
export class MysqlLoader {
  readonly #connection: mysql.Connection;
  readonly #database: string;

  private constructor(connection: mysql.Connection, database: string) {
    this.#connection = connection;
    this.#database = database;
  }

  static async open(url: string, database: string): Promise<MysqlLoader> {
    quote(database);
    const parsed = new URL(url);
    parsed.pathname = '/';
    const connection = await mysql.createConnection({
      uri: parsed.toString(),
      multipleStatements: true,
      timezone: 'Z',
      dateStrings: true,
    });
    return new MysqlLoader(connection, database);
  }

  /** Creates the database when missing, drops the example's tables in it, then runs the DDL there. */
  async createSchema(ddl: string, tables: readonly TableSpec[]): Promise<void> {
    const db = quote(this.#database);
    await this.#connection.query(`CREATE DATABASE IF NOT EXISTS ${db} CHARACTER SET utf8mb4`);
    await this.#connection.query(`USE ${db}`);
    await this.#connection.query('SET FOREIGN_KEY_CHECKS = 0');
    await this.#connection.query(`DROP TABLE IF EXISTS ${tables.map((t) => quote(t.name)).join(', ')}`);
    await this.#connection.query('SET FOREIGN_KEY_CHECKS = 1');
    await this.#connection.query(ddl);
  }

  /** Inserts rows (arrays in `table.columns` order). */
  async insert(table: TableSpec, rows: readonly unknown[][], rowsPerStatement = 5000): Promise<void> {
    const columns = table.columns.map(quote).join(', ');
    for (let at = 0; at < rows.length; at += rowsPerStatement) {
      const batch = rows.slice(at, at + rowsPerStatement);
      await this.#connection.query(`INSERT INTO ${quote(table.name)} (${columns}) VALUES ?`, [batch]);
    }
  }

  /** Runs the DDL that follows the load (indexes, foreign keys), then refreshes statistics. */
  async finish(ddl: string, tables: readonly TableSpec[]): Promise<void> {
    if (ddl.trim() !== '') await this.#connection.query(ddl);
    await this.#connection.query(`ANALYZE TABLE ${tables.map((t) => quote(t.name)).join(', ')}`);
  }

  async close(): Promise<void> {
    await this.#connection.end();
  }
}
