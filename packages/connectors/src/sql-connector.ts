import { ConnectorBase } from './connector-base.js';
import { ConnectorError, storeError, valueError } from './errors.js';
import {
  type ColumnInfo,
  checkColumnTypes,
  type FieldUpdate,
  refuseKeyRewrite,
  resolvePlan,
} from './plan.js';
import type {
  CollectionRef,
  CommonOptions,
  Connector,
  EraseOptions,
  ErasurePlan,
  Key,
  Row,
  Scalar,
  StatementOperation,
  Where,
  WriteOptions,
  WriteResult,
} from './types.js';
import {
  checkDate,
  checkField,
  checkFields,
  checkKeys,
  checkScalar,
  checkSqlCollection,
  checkWhereValues,
  chunk,
  distinct,
  isSqlIdentifier,
  pathOf,
} from './validate.js';

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

/** A value as `pg` and `mysql2` should bind it: a bigint as text, so no precision is lost. */
export function bigintAsText(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * Checks that a new pool reaches its server by taking one connection. When it cannot, ends
 * the pool and throws a store error that keeps only the driver's error code.
 */
export async function checkedPool<P extends { end(): Promise<void> }>(
  kind: 'postgres' | 'mysql',
  pool: P,
  take: (pool: P) => Promise<{ release(): void }>,
): Promise<P> {
  try {
    (await take(pool)).release();
  } catch (error) {
    await pool.end();
    throw storeError(kind, 'introspect', '(connection)', error);
  }
  return pool;
}

/**
 * The SQL half every relational connector shares: identifiers validated and quoted,
 * values always parameters, one statement per batch of keys. Dialects supply the
 * driver (a handle `H`: a pool or a database), the quoting, the placeholders, the
 * column listing and the expressions of each strategy.
 */
export abstract class SqlConnector<H> extends ConnectorBase implements Connector {
  abstract override readonly kind: 'postgres' | 'mysql' | 'sqlite';
  protected readonly schema: string | undefined;
  readonly #columns = new Map<string, Map<string, ColumnInfo>>();
  #handle: H | null = null;

  /** `schemaNoun` names what `options.schema` is in the dialect, for the error on a bad one. */
  constructor(
    kind: 'postgres' | 'mysql' | 'sqlite',
    options: CommonOptions & { schema?: string },
    schemaNoun = 'schema',
  ) {
    super(kind, options);
    if (options.schema !== undefined && !isSqlIdentifier(options.schema)) {
      throw new ConnectorError(
        'identifier-invalid',
        `options.schema is not a valid ${schemaNoun} name`,
        'options.schema',
      );
    }
    this.schema = options.schema;
  }

  /** Opens the connection and checks it works, throwing a store error when it does not. */
  protected abstract open(): Promise<H>;
  /** Releases what {@link open} returned. */
  protected abstract release(handle: H): Promise<void>;
  /** A fresh placeholder collector. */
  protected abstract params(): SqlParams;
  /** Quotes an identifier that has already been validated. */
  protected abstract quote(identifier: string): string;
  /** Runs one statement on the open handle. */
  protected abstract execute(handle: H, text: string, values: unknown[]): Promise<SqlResult>;
  /** The statement listing a table's columns: one row per column, its name as `name`. */
  protected abstract columnsQuery(
    schema: string | undefined,
    table: string,
  ): { text: string; values: unknown[] };
  /** The column that a row of {@link columnsQuery} describes. */
  protected abstract columnOf(row: Row): ColumnInfo;
  /** The masked value of a text column. */
  protected abstract maskSql(column: string): string;
  /** The hashed value of a text column. */
  protected abstract hashSql(column: string, params: SqlParams, secret: string): string;
  /** The anonymised value of a column of the given type. */
  protected abstract anonymiseSql(column: string, info: ColumnInfo, params: SqlParams): string;

  /** A condition true when `column` is earlier than `before` (a plain comparison unless a dialect says otherwise). */
  protected beforeSql(column: string, before: Date, params: SqlParams): string {
    return `${column} < ${params.add(before)}`;
  }

  async connect(): Promise<void> {
    if (this.#handle !== null) return;
    this.#handle = await this.open();
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = null;
    if (handle !== null) await this.release(handle);
  }

  /** Records and runs one statement, replacing a driver error by one without values. */
  protected run(
    operation: StatementOperation,
    collection: CollectionRef,
    text: string,
    values: unknown[],
  ): Promise<SqlResult> {
    return this.statement(operation, collection, text, () => {
      if (this.#handle === null) {
        throw new ConnectorError('not-connected', `${this.kind} connector is not connected`);
      }
      return this.execute(this.#handle, text, values);
    });
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
      const query = this.columnsQuery(schema, table);
      const { rows } = await this.run('introspect', collection, query.text, query.values);
      columns = new Map(rows.map((row) => [String(row.name), this.columnOf(row)]));
      if (columns.size === 0)
        throw valueError('field-unknown', 'collection.name', 'names a table with no columns');
      this.#columns.set(cacheKey, columns);
    }
    return columns;
  }

  async locate(collection: CollectionRef, where: Where): Promise<Key[]> {
    const table = this.table(collection);
    const field = this.quote(checkField(collection, where?.field, 'where.field'));
    const pk = this.quote(collection.primaryKey as string);
    const keys: Key[] = [];
    for (const batch of chunk(checkWhereValues(where), this.batchSize)) {
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
    const size = this.batchSizeOf(options);
    const resolved = resolvePlan(collection, plan, options);
    refuseKeyRewrite(resolved, collection.primaryKey, 'is the primary key: keep it or delete the row');
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
    const size = this.batchSizeOf(options);
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
    checkDate(before, 'before');
    const p = this.params();
    const text = `SELECT count(*) AS n FROM ${table} WHERE ${this.beforeSql(anchor, before, p)}`;
    const { rows } = await this.run('count', collection, text, p.values);
    return Number(rows[0]?.n ?? 0);
  }
}
