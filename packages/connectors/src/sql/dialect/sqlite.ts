import { type IdentityMatchRule, normaliseIdentity } from '@pledge/core';
import type Database from 'better-sqlite3';
import { loadDriver } from '../../drivers.js';
import { storeError } from '../../errors.js';
import type { MatchSpec } from '../../match.js';
import type { ColumnInfo } from '../../plan.js';
import { anonymiseValue, type FieldType, hashText, maskText, toInstant } from '../../strategies.js';
import type { CommonOptions, Row } from '../../types.js';
import { SqlConnector, type SqlResult } from '../connector.js';
import type { SqlParams } from '../statements.js';

/** Options of the SQLite connector. */
export interface SqliteOptions extends CommonOptions {
  /** Database file, or `:memory:`. */
  filename: string;
  /** Open read-only (erase and rectify then fail). */
  readonly?: boolean;
}

function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

class SqliteParams implements SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(toSqlite(value));
    return '?';
  }
  list(values: readonly unknown[]): string {
    return `IN (${values.map((v) => this.add(v)).join(', ')})`;
  }
  tuples(rows: ReadonlyArray<readonly unknown[]>): string {
    return `IN (${rows.map((row) => `(${row.map((v) => this.add(v)).join(', ')})`).join(', ')})`;
  }
}

/** The type class of a declared SQLite column type, after SQLite's own affinity rules. */
export function sqliteTypeClass(declared: string): FieldType {
  const t = declared.toUpperCase();
  if (t === '') return 'text';
  if (t.includes('DATETIME') || t.includes('TIMESTAMP')) return 'timestamp';
  if (t.includes('DATE')) return 'date';
  if (t.includes('BOOL')) return 'boolean';
  if (t.includes('INT')) return 'integer';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t.includes('BLOB')) return 'binary';
  if (t.includes('JSON')) return 'json';
  if (['REAL', 'FLOA', 'DOUB', 'NUMERIC', 'DECIMAL'].some((k) => t.includes(k))) return 'decimal';
  return 'other';
}

const fieldTypes = new Set<string>([
  'text',
  'integer',
  'decimal',
  'date',
  'timestamp',
  'boolean',
  'json',
  'binary',
]);

/**
 * SQLite through `better-sqlite3`. The strategies run as SQL functions registered from
 * the shared module (`pledge_mask`, `pledge_hash`, `pledge_anonymise`, `pledge_instant`),
 * so an erasure is still one statement per batch. Anchors are ISO-8601 text or epoch
 * numbers (see `toInstant`). Column types come from the declared type; an undeclared
 * column counts as text.
 */
export class SqliteConnector extends SqlConnector<Database.Database> {
  readonly kind = 'sqlite' as const;
  readonly #options: SqliteOptions;

  constructor(options: SqliteOptions) {
    super('sqlite', options);
    this.#options = options;
  }

  protected async open(): Promise<Database.Database> {
    const { default: Sqlite } = await loadDriver('better-sqlite3', () => import('better-sqlite3'));
    let db: Database.Database;
    try {
      db = new Sqlite(this.#options.filename, {
        readonly: this.#options.readonly ?? false,
        fileMustExist: this.#options.filename !== ':memory:',
      });
    } catch (error) {
      throw storeError('sqlite', 'introspect', '(connection)', error);
    }
    db.pragma('busy_timeout = 5000');
    const text = (v: unknown) =>
      v === null || v === undefined ? null : typeof v === 'string' ? v : String(v);
    db.function('pledge_mask', { deterministic: true }, (v: unknown) => {
      const s = text(v);
      return s === null ? null : maskText(s);
    });
    db.function('pledge_hash', { deterministic: true }, (v: unknown, secret: unknown) => {
      const s = text(v);
      return s === null ? null : hashText(s, String(secret));
    });
    db.function('pledge_anonymise', { deterministic: true }, (v: unknown, type: unknown) => {
      const t = String(type);
      const out = anonymiseValue(v, fieldTypes.has(t) ? (t as FieldType) : 'other');
      return out instanceof Date ? out.toISOString() : (out as string | number | bigint | null);
    });
    db.function('pledge_instant', { deterministic: true }, (v: unknown) => toInstant(v));
    db.function('pledge_norm', { deterministic: true }, (v: unknown, rule: unknown) => {
      const s = text(v);
      return s === null ? null : normaliseIdentity(String(rule) as IdentityMatchRule, s);
    });
    return db;
  }

  protected async release(db: Database.Database): Promise<void> {
    db.close();
  }

  protected params(): SqlParams {
    return new SqliteParams();
  }

  protected quote(identifier: string): string {
    return `"${identifier}"`;
  }

  protected async execute(db: Database.Database, text: string, values: unknown[]): Promise<SqlResult> {
    const statement = db.prepare(text);
    if (statement.reader) return { rows: statement.all(...values) as Row[], affected: 0 };
    return { rows: [], affected: statement.run(...values).changes };
  }

  protected columnsQuery(schema: string | undefined, table: string) {
    return { text: 'SELECT name, type FROM pragma_table_info(?, ?)', values: [table, schema ?? 'main'] };
  }

  protected columnOf(row: Row): ColumnInfo {
    const dbType = String(row.type);
    return { type: sqliteTypeClass(dbType), dbType, maxLength: null };
  }

  /** The rule's normaliser is core's own, registered as `pledge_norm`: the same function as the check after. */
  protected matchSql(
    column: string,
    spec: MatchSpec,
    _info: unknown,
    p: SqlParams,
    values: unknown[],
  ): string {
    if (!spec.normaliseColumn) return `${column} ${p.list(values)}`;
    return `pledge_norm(${column}, ${p.add(spec.rule)}) ${p.list(values)}`;
  }

  protected maskSql(column: string): string {
    return `pledge_mask(${column})`;
  }

  protected hashSql(column: string, params: SqlParams, secret: string): string {
    return `pledge_hash(${column}, ${params.add(secret)})`;
  }

  /** The type is a parameter of `pledge_anonymise`, so the text is the same for every column. */
  protected override anonymiseByType(): boolean {
    return false;
  }

  protected anonymiseSql(column: string, info: ColumnInfo, params: SqlParams): string {
    return `pledge_anonymise(${column}, ${params.add(info.type)})`;
  }

  protected override beforeSql(column: string, before: Date, params: SqlParams): string {
    return `pledge_instant(${column}) < ${params.add(before.getTime())}`;
  }
}
