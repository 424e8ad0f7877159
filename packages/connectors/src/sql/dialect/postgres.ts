import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { loadDriver } from '../../drivers.js';
import type { MatchSpec } from '../../match.js';
import type { ColumnInfo } from '../../plan.js';
import { type FieldType, HASHED_PATTERN, hmacPads } from '../../strategies.js';
import type { CommonOptions, Row } from '../../types.js';
import { bigintAsText, checkedPool, SqlConnector, type SqlResult } from '../connector.js';
import type { SqlParams } from '../statements.js';
import { isStalePlan, StatementNames } from './statement-names.js';

/** Options of the PostgreSQL connector. */
export interface PostgresOptions extends CommonOptions {
  /** A `postgres://` connection string. */
  connectionString: string;
  /** Schema of unqualified table names (default: the connection's `search_path`). */
  schema?: string;
  /** Pool size (default 4). */
  max?: number;
}

const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;

/**
 * A `timestamp without time zone` read as the UTC wall clock it holds (the connector writes
 * instants in UTC): pg would read it in the host's zone, so the instant would move with TZ.
 * Values no Date can hold (`infinity`, BC) stay text.
 */
function utcTimestamp(value: string): Date | string {
  const date = new Date(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? value : date;
}

const typeClasses: Record<string, FieldType> = {
  text: 'text',
  'character varying': 'text',
  character: 'text',
  citext: 'text',
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  numeric: 'decimal',
  real: 'decimal',
  'double precision': 'decimal',
  date: 'date',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamp',
  boolean: 'boolean',
  json: 'json',
  jsonb: 'json',
  bytea: 'binary',
};

class PostgresParams implements SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(toPg(value));
    return `$${this.values.length}`;
  }
  list(values: readonly unknown[]): string {
    return `= ANY(${this.add(values.map(bigintAsText))})`;
  }
  tuples(rows: ReadonlyArray<readonly unknown[]>): string {
    return `IN (${rows.map((row) => `(${row.map((v) => this.add(v)).join(', ')})`).join(', ')})`;
  }
}

/** A Date as an instant in UTC, so no host time zone shifts it (pg would send local time). */
function toPg(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : bigintAsText(value);
}

/**
 * PostgreSQL through `pg`: identifiers quoted, values parameterised, key batches as
 * `= ANY($1)`. Dates (`date`) are read as `YYYY-MM-DD` text so no time zone shifts them.
 */
export class PostgresConnector extends SqlConnector<pg.Pool> {
  readonly kind = 'postgres' as const;
  readonly #options: PostgresOptions;
  readonly #names = new StatementNames();
  /** The connection of the transaction the current asynchronous context is in, if any. */
  readonly #transaction = new AsyncLocalStorage<pg.PoolClient>();

  constructor(options: PostgresOptions) {
    super('postgres', options, 'schema');
    this.#options = options;
  }

  protected async open(): Promise<pg.Pool> {
    const { default: driver } = await loadDriver('pg', () => import('pg'));
    const pool = new driver.Pool({
      connectionString: this.#options.connectionString,
      max: this.#options.max ?? 4,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID
            ? (value: string) => value
            : oid === TIMESTAMP_OID
              ? utcTimestamp
              : driver.types.getTypeParser(oid, format)) as never,
      },
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    return checkedPool('postgres', pool, (p) => p.connect());
  }

  protected release(pool: pg.Pool): Promise<void> {
    return pool.end();
  }

  protected params(): SqlParams {
    return new PostgresParams();
  }

  protected quote(identifier: string): string {
    return `"${identifier}"`;
  }

  /**
   * One transaction on one pooled connection: the statements sent from `work`'s asynchronous
   * context use that connection (other callers of this connector keep using the pool), and a
   * transaction inside another is part of it.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.#transaction.getStore()) return work();
    const pool = this.connected();
    const scope = { name: '(transaction)', fields: [] };
    const client = await this.statement('transaction', scope, 'BEGIN', async () => {
      const taken = await pool.connect();
      try {
        await taken.query('BEGIN');
      } catch (error) {
        taken.release(true);
        throw error;
      }
      return taken;
    });
    let result: T;
    try {
      result = await this.#transaction.run(client, work);
    } catch (error) {
      // A connection that cannot roll back is closed rather than returned to the pool.
      await client.query('ROLLBACK').then(
        () => client.release(),
        () => client.release(true),
      );
      throw error;
    }
    try {
      await this.statement('transaction', scope, 'COMMIT', () => client.query('COMMIT'));
      client.release();
    } catch (error) {
      client.release(true);
      throw error;
    }
    return result;
  }

  protected async execute(pool: pg.Pool, text: string, values: unknown[]): Promise<SqlResult> {
    const name = this.#names.nameOf(text);
    const on: pg.Pool | pg.PoolClient = this.#transaction.getStore() ?? pool;
    try {
      const result = await on.query<Row>(name ? { name, text, values } : { text, values });
      return { rows: result.rows, affected: result.rowCount ?? 0 };
    } catch (error) {
      // A table whose columns changed under a prepared `SELECT *`: run it unprepared from now on.
      if (!name || !isStalePlan(error)) throw error;
      this.#names.forget(text);
      const result = await on.query<Row>(text, values);
      return { rows: result.rows, affected: result.rowCount ?? 0 };
    }
  }

  protected columnsQuery(schema: string | undefined, table: string) {
    return {
      text:
        'SELECT column_name AS name, data_type AS type, udt_name AS udt, character_maximum_length AS len ' +
        'FROM information_schema.columns WHERE table_schema = COALESCE($1, current_schema()) AND table_name = $2',
      values: [schema ?? null, table],
    };
  }

  protected columnOf(row: Row): ColumnInfo {
    const dbType = String(row.type);
    const type = typeClasses[dbType] ?? typeClasses[String(row.udt)] ?? 'other';
    return { type, dbType, maxLength: row.len === null ? null : Number(row.len) };
  }

  protected maskSql(column: string): string {
    const x = `${column}::text`;
    return (
      `CASE WHEN ${x} IS NULL OR ${x} = '' THEN ${x} ` +
      `WHEN strpos(substr(${x}, 2), '@') > 0 THEN left(${x}, 1) || '***' || substring(${x} from '@[^@]*$') ` +
      `ELSE left(${x}, 1) || '***' END`
    );
  }

  protected hashSql(column: string, params: SqlParams, secret: string): string {
    const x = `${column}::text`;
    const { inner, outer } = hmacPads(secret);
    const o = params.add(outer);
    const i = params.add(inner);
    return (
      `CASE WHEN ${x} IS NULL OR ${x} ~ '${HASHED_PATTERN}' THEN ${x} ` +
      `ELSE 'hmac:' || encode(sha256(${o}::bytea || sha256(${i}::bytea || convert_to(${x}, 'UTF8'))), 'hex') END`
    );
  }

  /** PostgreSQL refuses a literal out of an integer column's range: such a value matches nothing. */
  protected override integerBits(info: ColumnInfo): number | undefined {
    return { smallint: 15, integer: 31, bigint: 63 }[info.dbType];
  }

  protected matchSql(
    column: string,
    spec: MatchSpec,
    _info: unknown,
    p: SqlParams,
    values: unknown[],
  ): string {
    if (!spec.normaliseColumn) return `${column} ${p.list(values)}`;
    const x = `${column}::text`;
    const normalised =
      spec.rule === 'casefold'
        ? `lower(normalize(${x}, NFC))`
        : `regexp_replace(regexp_replace(replace(${x}, '(0)', ''), '[^0-9+]', '', 'g'), '^00', '+')`;
    return `${normalised} = ANY(${p.add(values)}::text[])`;
  }

  protected anonymiseSql(column: string, info: ColumnInfo): string {
    if (info.type === 'integer' || info.type === 'decimal') return `floor(${column} / 10.0) * 10`;
    if (info.type === 'date') return `date_trunc('year', ${column})::date`;
    if (info.dbType === 'timestamp with time zone') return `date_trunc('year', ${column}, 'UTC')`;
    if (info.type === 'timestamp') return `date_trunc('year', ${column})`;
    return 'NULL';
  }
}
