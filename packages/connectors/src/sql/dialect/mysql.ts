import type mysql from 'mysql2/promise';
import { loadDriver } from '../../drivers.js';
import type { MatchSpec } from '../../match.js';
import type { ColumnInfo } from '../../plan.js';
import { type FieldType, HASHED_PATTERN, hmacPads } from '../../strategies.js';
import type { CommonOptions, Row } from '../../types.js';
import { bigintAsText, checkedPool, SqlConnector, type SqlResult } from '../connector.js';
import type { SqlParams } from '../statements.js';

/** Options of the MySQL / MariaDB connector. */
export interface MysqlOptions extends CommonOptions {
  /** A `mysql://user:password@host:port/database` URL. */
  uri: string;
  /** Database of unqualified table names (default: the URL's). */
  schema?: string;
  /** Pool size (default 4). */
  max?: number;
}

const typeClasses: Record<string, FieldType> = {
  char: 'text',
  varchar: 'text',
  tinytext: 'text',
  text: 'text',
  mediumtext: 'text',
  longtext: 'text',
  tinyint: 'integer',
  smallint: 'integer',
  mediumint: 'integer',
  int: 'integer',
  bigint: 'integer',
  decimal: 'decimal',
  float: 'decimal',
  double: 'decimal',
  date: 'date',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  json: 'json',
  binary: 'binary',
  varbinary: 'binary',
  blob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
};

class MysqlParams implements SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(bigintAsText(value));
    return '?';
  }
  list(values: readonly unknown[]): string {
    this.values.push(values.map(bigintAsText));
    return 'IN (?)';
  }
  tuples(rows: ReadonlyArray<readonly unknown[]>): string {
    // mysql2 writes an array of arrays as `(a, b), (c, d)`.
    this.values.push(rows.map((row) => row.map(bigintAsText)));
    return 'IN (?)';
  }
}

/**
 * MySQL and MariaDB through `mysql2`: identifiers quoted with backticks, values as `?`
 * (key batches as `IN (?)`), sessions in UTC, `DATE` read as `YYYY-MM-DD` text and
 * BIGINT / DECIMAL as strings so no precision is lost.
 */
export class MysqlConnector extends SqlConnector<mysql.Pool> {
  readonly kind = 'mysql' as const;
  readonly #options: MysqlOptions;

  constructor(options: MysqlOptions) {
    super('mysql', options, 'database');
    this.#options = options;
  }

  protected async open(): Promise<mysql.Pool> {
    const { default: driver } = await loadDriver('mysql2', () => import('mysql2/promise'));
    const pool = driver.createPool({
      uri: this.#options.uri,
      connectionLimit: this.#options.max ?? 4,
      charset: 'utf8mb4',
      timezone: 'Z',
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      bigNumberStrings: true,
      decimalNumbers: false,
    });
    // Every session in UTC, so TIMESTAMP columns and date arithmetic agree with the Date values sent.
    pool.pool.on('connection', (connection) => {
      connection.query("SET time_zone = '+00:00'", () => {});
    });
    return checkedPool('mysql', pool, (p) => p.getConnection());
  }

  protected release(pool: mysql.Pool): Promise<void> {
    return pool.end();
  }

  protected params(): SqlParams {
    return new MysqlParams();
  }

  protected quote(identifier: string): string {
    return `\`${identifier}\``;
  }

  protected async execute(pool: mysql.Pool, text: string, values: unknown[]): Promise<SqlResult> {
    const [result] = await pool.query({ sql: text, values });
    if (Array.isArray(result)) return { rows: result as Row[], affected: 0 };
    return { rows: [], affected: (result as mysql.ResultSetHeader).affectedRows };
  }

  protected columnsQuery(schema: string | undefined, table: string) {
    return {
      text:
        'SELECT COLUMN_NAME AS name, DATA_TYPE AS type, CHARACTER_MAXIMUM_LENGTH AS len ' +
        'FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?',
      values: [schema ?? null, table],
    };
  }

  protected columnOf(row: Row): ColumnInfo {
    const dbType = String(row.type).toLowerCase();
    return {
      type: typeClasses[dbType] ?? 'other',
      dbType,
      maxLength: row.len === null ? null : Number(row.len),
    };
  }

  protected maskSql(c: string): string {
    return (
      `CASE WHEN ${c} IS NULL OR CHAR_LENGTH(${c}) = 0 THEN ${c} ` +
      `WHEN LOCATE('@', ${c}, 2) > 0 THEN CONCAT(LEFT(${c}, 1), '***@', SUBSTRING_INDEX(${c}, '@', -1)) ` +
      `ELSE CONCAT(LEFT(${c}, 1), '***') END`
    );
  }

  protected hashSql(c: string, params: SqlParams, secret: string): string {
    const { inner, outer } = hmacPads(secret);
    // Placeholders are positional: add them in the order they appear in the text.
    const head = `CASE WHEN ${c} IS NULL OR CAST(${c} AS BINARY) REGEXP '${HASHED_PATTERN}' THEN ${c} `;
    const o = params.add(outer);
    const i = params.add(inner);
    return `${head}ELSE CONCAT('hmac:', SHA2(CONCAT(${o}, UNHEX(SHA2(CONCAT(${i}, CONVERT(${c} USING utf8mb4)), 256))), 256)) END`;
  }

  /**
   * Text columns compare their bytes (`CAST(... AS BINARY)`): the default collations fold case
   * and accents and pad spaces, and MariaDB's `_bin` collations still pad. The plain `IN` first
   * keeps the column's index in use; the binary test then drops what the collation let through.
   */
  protected matchSql(
    c: string,
    spec: MatchSpec,
    info: ColumnInfo | undefined,
    p: SqlParams,
    values: unknown[],
    unknown: () => void,
  ): string {
    if (spec.normaliseColumn) {
      const normalised =
        spec.rule === 'casefold'
          ? `LOWER(${c})`
          : `REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(${c}, '(0)', ''), '[^0-9+]', ''), '^00', '+')`;
      return `${normalised} ${p.list(values)}`;
    }
    if (!info) unknown();
    if (info && info.type !== 'text') return `${c} ${p.list(values)}`;
    return `${c} ${p.list(values)} AND CAST(${c} AS BINARY) ${p.list(values)}`;
  }

  protected anonymiseSql(c: string, info: ColumnInfo): string {
    if (info.type === 'integer' || info.type === 'decimal') return `FLOOR(${c} / 10) * 10`;
    if (info.type === 'date') return `MAKEDATE(YEAR(${c}), 1)`;
    if (info.type === 'timestamp') return `CAST(MAKEDATE(YEAR(${c}), 1) AS DATETIME)`;
    return 'NULL';
  }
}
