import { ConnectorError, storeError, valueError } from './errors';
import { type ColumnInfo, checkColumnTypes, type FieldUpdate, resolvePlan } from './plan';
import { StatementLog } from './statement-log';
import type {
  CollectionRef,
  CommonOptions,
  Connector,
  EraseOptions,
  ErasurePlan,
  Key,
  Row,
  Scalar,
  StatementListener,
  StatementOperation,
  Where,
  WriteOptions,
  WriteResult,
} from './types';
import {
  checkBatchSize,
  checkField,
  checkFields,
  checkKeys,
  checkSqlCollection,
  chunk,
  distinct,
  pathOf,
} from './validate';

/** Collects the values of one statement and renders their placeholders. */
export interface SqlParams {
  readonly values: unknown[];
  /** Adds one value, returning its placeholder. */
  add(value: unknown): string;
  /** Adds a list, returning the membership test that follows the column, e.g. `= ANY($1)` or `IN (?)`. */
  list(values: readonly unknown[]): string;
}

/** Rows returned by a query, or how many rows a write changed. */
export interface SqlResult {
  rows: Row[];
  affected: number;
}

/** Default keys per statement. */
export const DEFAULT_BATCH_SIZE = 1000;

function checkValues(where: Where): Array<string | number | bigint> {
  if (!Array.isArray(where.values)) throw valueError('value-invalid', 'where.values', 'must be an array');
  where.values.forEach((value, i) => {
    const ok = typeof value === 'string' || typeof value === 'bigint' || Number.isFinite(value);
    if (!ok) throw valueError('value-invalid', `where.values[${i}]`, 'must be a string or a number');
  });
  return distinct(where.values);
}

function checkScalar(value: unknown, path: string): Scalar {
  const ok =
    value === null ||
    ['string', 'number', 'bigint', 'boolean'].includes(typeof value) ||
    (value instanceof Date && !Number.isNaN(value.getTime()));
  if (!ok) throw valueError('value-invalid', path, 'must be a string, number, boolean, date or null');
  return value as Scalar;
}

/**
 * The SQL half every relational connector shares: identifiers validated and quoted,
 * values always parameters, one statement per batch of keys. Dialects supply the
 * driver, the quoting, the placeholders and the expressions of each strategy.
 */
export abstract class SqlConnector implements Connector {
  abstract readonly kind: 'postgres' | 'mysql' | 'sqlite';
  protected readonly log: StatementLog;
  protected readonly batchSize: number;
  protected readonly schema: string | undefined;
  readonly #columns = new Map<string, Map<string, ColumnInfo>>();

  constructor(kind: 'postgres' | 'mysql' | 'sqlite', options: CommonOptions & { schema?: string }) {
    this.log = new StatementLog(kind);
    this.batchSize = checkBatchSize(options.batchSize ?? DEFAULT_BATCH_SIZE, 'options.batchSize');
    this.schema = options.schema;
  }

  abstract connect(): Promise<void>;
  abstract close(): Promise<void>;
  /** A fresh placeholder collector. */
  protected abstract params(): SqlParams;
  /** Quotes an identifier that has already been validated. */
  protected abstract quote(identifier: string): string;
  /** Runs one statement. */
  protected abstract execute(text: string, values: unknown[]): Promise<SqlResult>;
  /** Describes the columns of a table, through {@link run} with operation `introspect`. */
  protected abstract describe(
    collection: CollectionRef,
    schema: string | undefined,
    table: string,
  ): Promise<Map<string, ColumnInfo>>;
  /** The masked value of a text column. */
  protected abstract maskSql(column: string): string;
  /** The hashed value of a text column. */
  protected abstract hashSql(column: string, params: SqlParams, secret: string): string;
  /** The anonymised value of a column of the given type. */
  protected abstract anonymiseSql(column: string, info: ColumnInfo, params: SqlParams): string;
  /** A condition true when `column` is earlier than `before`. */
  protected abstract beforeSql(column: string, before: Date, params: SqlParams): string;

  get statementCount(): number {
    return this.log.count;
  }

  onStatement(listener: StatementListener): () => void {
    return this.log.listen(listener);
  }

  /** Records and runs one statement, replacing a driver error by one without values. */
  protected async run(
    operation: StatementOperation,
    collection: CollectionRef,
    text: string,
    values: unknown[],
  ): Promise<SqlResult> {
    this.log.record(operation, collection.name, text);
    try {
      return await this.execute(text, values);
    } catch (error) {
      throw storeError(this.kind, operation, collection.name, error);
    }
  }

  #split(collection: CollectionRef): { schema: string | undefined; table: string } {
    checkSqlCollection(collection);
    const [first, second] = collection.name.split('.') as [string, string | undefined];
    return second === undefined ? { schema: this.schema, table: first } : { schema: first, table: second };
  }

  protected table(collection: CollectionRef): string {
    const { schema, table } = this.#split(collection);
    return schema === undefined ? this.quote(table) : `${this.quote(schema)}.${this.quote(table)}`;
  }

  async #columnsOf(collection: CollectionRef): Promise<Map<string, ColumnInfo>> {
    const { schema, table } = this.#split(collection);
    const cacheKey = `${schema ?? ''}.${table}`;
    let columns = this.#columns.get(cacheKey);
    if (!columns) {
      columns = await this.describe(collection, schema, table);
      if (columns.size === 0)
        throw valueError('field-unknown', 'collection.name', 'names a table with no columns');
      this.#columns.set(cacheKey, columns);
    }
    return columns;
  }

  #size(options: WriteOptions | undefined): number {
    return options?.batchSize === undefined
      ? this.batchSize
      : checkBatchSize(options.batchSize, 'options.batchSize');
  }

  async locate(collection: CollectionRef, where: Where): Promise<Key[]> {
    const table = this.table(collection);
    const field = this.quote(checkField(collection, where?.field, 'where.field'));
    const pk = this.quote(collection.primaryKey as string);
    const keys: Key[] = [];
    for (const batch of chunk(checkValues(where), this.batchSize)) {
      const p = this.params();
      const text = `SELECT DISTINCT ${pk} AS k FROM ${table} WHERE ${field} ${p.list(batch)}`;
      const { rows } = await this.run('locate', collection, text, p.values);
      for (const row of rows) keys.push(row.k as Key);
    }
    return distinct(keys);
  }

  async read(collection: CollectionRef, keys: readonly Key[], fields?: readonly string[]): Promise<Row[]> {
    const table = this.table(collection);
    checkKeys(keys);
    const wanted = checkFields(collection, fields);
    const pk = collection.primaryKey as string;
    const columns = wanted
      ? distinct([pk, ...wanted])
          .map((f) => this.quote(f))
          .join(', ')
      : '*';
    const out: Row[] = [];
    for (const batch of chunk(distinct(keys), this.batchSize)) {
      const p = this.params();
      const text = `SELECT ${columns} FROM ${table} WHERE ${this.quote(pk)} ${p.list(batch)} ORDER BY ${this.quote(pk)}`;
      out.push(...(await this.run('read', collection, text, p.values)).rows);
    }
    return out;
  }

  async erase(
    collection: CollectionRef,
    keys: readonly Key[],
    plan: ErasurePlan,
    options?: EraseOptions,
  ): Promise<WriteResult> {
    const table = this.table(collection);
    checkKeys(keys);
    const size = this.#size(options);
    const resolved = resolvePlan(collection, plan, options);
    const onKey = resolved.updates.find((u) => u.field === collection.primaryKey);
    if (onKey) {
      const path = pathOf('plan', onKey.field, 0);
      throw new ConnectorError(
        'strategy-unsupported',
        `${path} is the primary key: keep it or delete the row`,
        path,
      );
    }
    const result: WriteResult = { affected: 0, statements: 0 };
    if (keys.length === 0 || (!resolved.deleteRow && resolved.updates.length === 0)) return result;
    const typed = resolved.updates.some((u) => u.strategy !== 'null');
    const columns = typed ? await this.#columnsOf(collection) : new Map<string, ColumnInfo>();
    if (typed) checkColumnTypes(resolved.updates, columns);
    const pk = this.quote(collection.primaryKey as string);
    for (const batch of chunk(distinct(keys), size)) {
      const p = this.params();
      const text = resolved.deleteRow
        ? `DELETE FROM ${table} WHERE ${pk} ${p.list(batch)}`
        : `UPDATE ${table} SET ${this.#assignments(resolved.updates, columns, p, resolved.secret)} WHERE ${pk} ${p.list(batch)}`;
      const { affected } = await this.run('erase', collection, text, p.values);
      result.affected += affected;
      result.statements++;
    }
    return result;
  }

  #assignments(
    updates: readonly FieldUpdate[],
    columns: ReadonlyMap<string, ColumnInfo>,
    p: SqlParams,
    secret: string | undefined,
  ): string {
    return updates
      .map(({ field, strategy }) => {
        const column = this.quote(field);
        const info = columns.get(field);
        let value = 'NULL';
        if (strategy === 'mask') value = this.maskSql(column);
        else if (strategy === 'hash') value = this.hashSql(column, p, secret ?? '');
        else if (strategy === 'anonymise' && info) value = this.anonymiseSql(column, info, p);
        return `${column} = ${value}`;
      })
      .join(', ');
  }

  async rectify(
    collection: CollectionRef,
    keys: readonly Key[],
    values: Readonly<Record<string, Scalar>>,
    options?: WriteOptions,
  ): Promise<WriteResult> {
    const table = this.table(collection);
    checkKeys(keys);
    const size = this.#size(options);
    if (typeof values !== 'object' || values === null)
      throw valueError('value-invalid', 'values', 'must be an object');
    const entries = Object.entries(values).map(([field, value], i) => {
      const path = pathOf('values', field, i);
      return [checkField(collection, field, path), checkScalar(value, path)] as const;
    });
    const result: WriteResult = { affected: 0, statements: 0 };
    if (keys.length === 0 || entries.length === 0) return result;
    const pk = this.quote(collection.primaryKey as string);
    for (const batch of chunk(distinct(keys), size)) {
      const p = this.params();
      const sets = entries.map(([field, value]) => `${this.quote(field)} = ${p.add(value)}`).join(', ');
      const text = `UPDATE ${table} SET ${sets} WHERE ${pk} ${p.list(batch)}`;
      result.affected += (await this.run('rectify', collection, text, p.values)).affected;
      result.statements++;
    }
    return result;
  }

  async countRetention(collection: CollectionRef, anchorField: string, before: Date): Promise<number> {
    const table = this.table(collection);
    const anchor = this.quote(checkField(collection, anchorField, 'anchorField'));
    if (!(before instanceof Date) || Number.isNaN(before.getTime())) {
      throw valueError('value-invalid', 'before', 'must be a valid date');
    }
    const p = this.params();
    const text = `SELECT count(*) AS n FROM ${table} WHERE ${this.beforeSql(anchor, before, p)}`;
    const { rows } = await this.run('count', collection, text, p.values);
    return Number(rows[0]?.n ?? 0);
  }
}
