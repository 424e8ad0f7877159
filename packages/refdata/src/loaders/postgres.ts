import pg from 'pg';
import type { TableSpec } from '../types.js';

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a checked lower-case identifier. */
export function quoteIdent(name: string): string {
  if (!identifier.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/**
 * Bulk loader into one PostgreSQL schema. Rows go in as one
 * `INSERT ... SELECT * FROM unnest($1::type[], ...)` per batch: one round trip and one
 * parse per batch whatever its size, with the column types read back from the created tables.
 */
export class PostgresLoader {
  readonly #client: pg.Client;
  readonly #schema: string;
  readonly #types = new Map<string, Map<string, string>>();

  private constructor(client: pg.Client, schema: string) {
    this.#client = client;
    this.#schema = schema;
  }

  static async open(url: string, schema: string): Promise<PostgresLoader> {
    quoteIdent(schema);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PostgresLoader(client, schema);
  }

  /** Drops the example's tables in the schema, then runs the DDL there. */
  async createSchema(ddl: string, tables: readonly TableSpec[]): Promise<void> {
    const schema = quoteIdent(this.#schema);
    await this.#client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await this.#client.query(`SET search_path TO ${schema}`);
    const names = tables.map((t) => quoteIdent(t.name)).join(', ');
    await this.#client.query(`DROP TABLE IF EXISTS ${names} CASCADE`);
    await this.#client.query(ddl);
    const { rows } = await this.#client.query<{ table_name: string; column_name: string; type: string }>(
      `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = ANY($2) AND a.attnum > 0 AND NOT a.attisdropped`,
      [this.#schema, tables.map((t) => t.name)],
    );
    for (const row of rows) {
      const table = this.#types.get(row.table_name) ?? new Map<string, string>();
      table.set(row.column_name, row.type);
      this.#types.set(row.table_name, table);
    }
  }

  /** Inserts rows (arrays in `table.columns` order). */
  async insert(table: TableSpec, rows: readonly unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const types = this.#types.get(table.name);
    const columns = table.columns.map((column, i) => {
      const type = types?.get(column);
      if (!type) throw new Error(`column ${table.name}.${column} is not in the created schema`);
      return { name: quoteIdent(column), type, values: rows.map((row) => row[i] ?? null) };
    });
    const text =
      `INSERT INTO ${quoteIdent(this.#schema)}.${quoteIdent(table.name)} (${columns.map((c) => c.name).join(', ')}) ` +
      `SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
    await this.#client.query(
      text,
      columns.map((c) => c.values),
    );
  }

  /**
   * Runs the DDL that follows the load (foreign keys, indexes), then refreshes planner
   * statistics so lookups on the fresh data plan as they would in production.
   */
  async finish(ddl: string, tables: readonly TableSpec[]): Promise<void> {
    if (ddl.trim() !== '') await this.#client.query(ddl);
    for (const table of tables) {
      await this.#client.query(`ANALYZE ${quoteIdent(this.#schema)}.${quoteIdent(table.name)}`);
    }
  }

  async close(): Promise<void> {
    await this.#client.end();
  }
}
