import { ConnectorBase } from './connector-base.js';
import { ConnectorError, storeError, valueError } from './errors.js';
import {
  type ColumnInfo,
  checkColumnTypes,
  type ResolvedPlan,
  refuseKeyRewrite,
  resolvePlan,
} from './plan.js';
import type {
  CollectionRef,
  CommonOptions,
  Connector,
  ConnectorKind,
  DescribedCall,
  DescribeOptions,
  EraseOptions,
  ErasurePlan,
  Key,
  Row,
  Scalar,
  StatementDescription,
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
  describedKeys,
  distinct,
  isSqlIdentifier,
  pathOf,
} from './validate.js';

/** The datastore kinds a {@link SqlConnector} serves. */
export type SqlKind = Extract<ConnectorKind, 'postgres' | 'mysql' | 'sqlite'>;

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
  kind: Exclude<SqlKind, 'sqlite'>,
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
  abstract override readonly kind: SqlKind;
  protected readonly schema: string | undefined;
  readonly #columns = new Map<string, Map<string, ColumnInfo>>();
  #handle: H | null = null;

  /** `schemaNoun` names what `options.schema` is in the dialect, for the error on a bad one. */
  constructor(kind: SqlKind, options: CommonOptions & { schema?: string }, schemaNoun = 'schema') {
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

  #cacheKey(collection: CollectionRef): string {
    const { schema, table } = this.#split(collection);
    return `${schema ?? ''}.${table}`;
  }

  #introspection(collection: CollectionRef): { text: string; values: unknown[] } {
    const { schema, table } = this.#split(collection);
    return this.columnsQuery(schema, table);
  }

  async #columnsOf(collection: CollectionRef): Promise<Map<string, ColumnInfo>> {
    const cacheKey = this.#cacheKey(collection);
    let columns = this.#columns.get(cacheKey);
    if (!columns) {
      const query = this.#introspection(collection);
      const { rows } = await this.run('introspect', collection, query.text, query.values);
      columns = new Map(rows.map((row) => [String(row.name), this.columnOf(row)]));
      if (columns.size === 0)
        throw valueError('field-unknown', 'collection.name', 'names a table with no columns');
      this.#columns.set(cacheKey, columns);
    }
    return columns;
  }

  #pk(collection: CollectionRef): string {
    return this.quote(collection.primaryKey as string);
  }

  #locateSql(collection: CollectionRef, field: string, p: SqlParams, values: readonly unknown[]): string {
    return `SELECT DISTINCT ${this.#pk(collection)} AS k FROM ${this.table(collection)} WHERE ${this.quote(field)} ${p.list(values)}`;
  }

  #readSql(
    collection: CollectionRef,
    wanted: readonly string[] | undefined,
    p: SqlParams,
    keys: readonly unknown[],
  ): string {
    const pk = collection.primaryKey as string;
    const columns = wanted
      ? distinct([pk, ...wanted])
          .map((f) => this.quote(f))
          .join(', ')
      : '*';
    return `SELECT ${columns} FROM ${this.table(collection)} WHERE ${this.quote(pk)} ${p.list(keys)} ORDER BY ${this.quote(pk)}`;
  }

  /** `unknown` is called for an expression whose text needs a column type not given. */
  #eraseSql(
    collection: CollectionRef,
    resolved: ResolvedPlan,
    columns: ReadonlyMap<string, ColumnInfo> | undefined,
    p: SqlParams,
    keys: readonly unknown[],
    unknown: () => void = () => {},
  ): string {
    const table = this.table(collection);
    const pk = this.#pk(collection);
    if (resolved.deleteRow) return `DELETE FROM ${table} WHERE ${pk} ${p.list(keys)}`;
    const sets = resolved.updates
      .map(({ field, strategy }) => {
        const column = this.quote(field);
        const info = columns?.get(field);
        let value = 'NULL';
        if (strategy === 'mask') value = this.maskSql(column);
        else if (strategy === 'hash') value = this.hashSql(column, p, resolved.secret ?? '');
        else if (strategy === 'anonymise' && info) value = this.anonymiseSql(column, info, p);
        else if (strategy === 'anonymise' && !this.anonymiseByType()) {
          value = this.anonymiseSql(column, { type: 'other', dbType: '', maxLength: null }, p);
        } else if (strategy === 'anonymise') {
          unknown();
          value = `anonymise(${column})`;
        }
        return `${column} = ${value}`;
      })
      .join(', ');
    return `UPDATE ${table} SET ${sets} WHERE ${pk} ${p.list(keys)}`;
  }

  /** Whether the text of {@link anonymiseSql} depends on the column's type (not only its parameters). */
  protected anonymiseByType(): boolean {
    return true;
  }

  #rectifySql(
    collection: CollectionRef,
    entries: ReadonlyArray<readonly [string, unknown]>,
    p: SqlParams,
    keys: readonly unknown[],
  ): string {
    const sets = entries.map(([field, value]) => `${this.quote(field)} = ${p.add(value)}`).join(', ');
    return `UPDATE ${this.table(collection)} SET ${sets} WHERE ${this.#pk(collection)} ${p.list(keys)}`;
  }

  #countSql(collection: CollectionRef, anchorField: string, before: Date, p: SqlParams): string {
    return `SELECT count(*) AS n FROM ${this.table(collection)} WHERE ${this.beforeSql(this.quote(anchorField), before, p)}`;
  }

  async locate(collection: CollectionRef, where: Where): Promise<Key[]> {
    this.table(collection);
    const field = checkField(collection, where?.field, 'where.field');
    const keys: Key[] = [];
    for (const batch of chunk(checkWhereValues(where), this.batchSize)) {
      const p = this.params();
      const text = this.#locateSql(collection, field, p, batch);
      const { rows } = await this.run('locate', collection, text, p.values);
      for (const row of rows) keys.push(row.k as Key);
    }
    return distinct(keys);
  }

  async read(collection: CollectionRef, keys: readonly Key[], fields?: readonly string[]): Promise<Row[]> {
    this.table(collection);
    checkKeys(keys);
    const wanted = checkFields(collection, fields);
    const out: Row[] = [];
    for (const batch of chunk(distinct(keys), this.batchSize)) {
      const p = this.params();
      const text = this.#readSql(collection, wanted, p, batch);
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
    this.table(collection);
    checkKeys(keys);
    const size = this.batchSizeOf(options);
    const resolved = resolvePlan(collection, plan, options);
    refuseKeyRewrite(resolved, collection.primaryKey, 'is the primary key: keep it or delete the row');
    const result: WriteResult = { affected: 0, statements: 0 };
    if (keys.length === 0 || (!resolved.deleteRow && resolved.updates.length === 0)) return result;
    const typed = resolved.updates.some((u) => u.strategy !== 'null');
    const columns = typed ? await this.#columnsOf(collection) : new Map<string, ColumnInfo>();
    if (typed) checkColumnTypes(resolved.updates, columns);
    for (const batch of chunk(distinct(keys), size)) {
      const p = this.params();
      const text = this.#eraseSql(collection, resolved, columns, p, batch);
      const { affected } = await this.run('erase', collection, text, p.values);
      result.affected += affected;
      result.statements++;
    }
    return result;
  }

  async rectify(
    collection: CollectionRef,
    keys: readonly Key[],
    values: Readonly<Record<string, Scalar>>,
    options?: WriteOptions,
  ): Promise<WriteResult> {
    this.table(collection);
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
    for (const batch of chunk(distinct(keys), size)) {
      const p = this.params();
      const text = this.#rectifySql(collection, entries, p, batch);
      result.affected += (await this.run('rectify', collection, text, p.values)).affected;
      result.statements++;
    }
    return result;
  }

  async countRetention(collection: CollectionRef, anchorField: string, before: Date): Promise<number> {
    this.table(collection);
    const anchor = checkField(collection, anchorField, 'anchorField');
    checkDate(before, 'before');
    const p = this.params();
    const text = this.#countSql(collection, anchor, before, p);
    const { rows } = await this.run('count', collection, text, p.values);
    return Number(rows[0]?.n ?? 0);
  }

  describe(
    collection: CollectionRef,
    call: DescribedCall,
    options: DescribeOptions = {},
  ): StatementDescription[] {
    this.table(collection);
    const keys = describedKeys(options);
    const p = this.params();
    switch (call.operation) {
      case 'locate': {
        const field = checkField(collection, call.field, 'where.field');
        return [this.described('locate', collection, this.#locateSql(collection, field, p, keys), 'batch')];
      }
      case 'read': {
        const text = this.#readSql(collection, checkFields(collection, call.fields), p, keys);
        return [this.described('read', collection, text, 'batch')];
      }
      case 'erase':
        return this.#describeErase(collection, call.plan, options.columns, p, keys);
      case 'rectify': {
        const entries = call.fields.map(
          (field, i) => [checkField(collection, field, pathOf('values', field, i)), null] as const,
        );
        if (entries.length === 0) return [];
        const text = this.#rectifySql(collection, entries, p, keys);
        return [this.described('rectify', collection, text, 'batch')];
      }
      case 'count': {
        const anchor = checkField(collection, call.anchorField, 'anchorField');
        return [
          this.described('count', collection, this.#countSql(collection, anchor, new Date(0), p), 'call'),
        ];
      }
    }
  }

  #describeErase(
    collection: CollectionRef,
    plan: ErasurePlan,
    given: ReadonlyMap<string, ColumnInfo> | undefined,
    p: SqlParams,
    keys: readonly unknown[],
  ): StatementDescription[] {
    const resolved = resolvePlan(collection, plan, null);
    refuseKeyRewrite(resolved, collection.primaryKey, 'is the primary key: keep it or delete the row');
    if (!resolved.deleteRow && resolved.updates.length === 0) return [];
    const out: StatementDescription[] = [];
    const typed = resolved.updates.some((u) => u.strategy !== 'null');
    const known = this.#columns.get(this.#cacheKey(collection));
    if (typed && !known) {
      out.push(this.described('introspect', collection, this.#introspection(collection).text, 'once'));
    }
    const columns = given ?? known;
    if (typed && columns) checkColumnTypes(resolved.updates, columns);
    let exact = true;
    const text = this.#eraseSql(collection, resolved, columns, p, keys, () => {
      exact = false;
    });
    out.push(this.described('erase', collection, text, 'batch', exact));
    return out;
  }
}
