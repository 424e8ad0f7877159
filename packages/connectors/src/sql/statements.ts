import type { SqlKind } from '../capabilities.js';
import { ConnectorBase } from '../connector-base.js';
import { ConnectorError } from '../errors.js';
import { type MatchSpec, matchSpec } from '../match.js';
import {
  type ColumnInfo,
  checkColumnTypes,
  type ResolvedPlan,
  refuseKeyRewrite,
  resolvePlan,
} from '../plan.js';
import type {
  CollectionRef,
  CommonOptions,
  DescribedCall,
  DescribeOptions,
  ErasurePlan,
  Row,
  StatementDescription,
} from '../types.js';
import {
  checkField,
  checkFields,
  checkSqlCollection,
  describedKeys,
  distinct,
  isSqlIdentifier,
  keyColumns,
  pathOf,
} from '../validate.js';
import { keyTuples } from './composite-key.js';

export type { SqlKind };

/** One condition of a lookup: a locate's field, rule, column and wanted values. */
export interface LookupPart {
  field: string;
  spec: MatchSpec;
  info: ColumnInfo | undefined;
  values: readonly unknown[];
}

/** Collects the values of one statement and renders their placeholders. */
export interface SqlParams {
  readonly values: unknown[];
  /** Adds one value, returning its placeholder. */
  add(value: unknown): string;
  /** Adds a list, returning the membership test that follows the column, e.g. `= ANY($1)` or `IN (?)`. */
  list(values: readonly unknown[]): string;
  /** Adds a list of tuples, returning the membership test that follows a row of columns, e.g. `IN ((?, ?))`. */
  tuples(rows: ReadonlyArray<readonly unknown[]>): string;
}

/**
 * The text of every statement a SQL connector sends, in one place, so that running a call
 * and describing it (`describe`) build the same text: identifiers validated and quoted,
 * values always parameters. Dialects supply the quoting, the placeholders, the column
 * listing and the expressions of each strategy; {@link SqlConnector} runs the statements.
 */
export abstract class SqlStatements extends ConnectorBase {
  abstract override readonly kind: SqlKind;
  protected readonly schema: string | undefined;
  /** Columns per table (`schema.table`), as introspected: kept for the connector's life. */
  protected readonly columnCache = new Map<string, Map<string, ColumnInfo>>();

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

  /** A fresh placeholder collector. */
  protected abstract params(): SqlParams;
  /** Quotes an identifier that has already been validated. */
  protected abstract quote(identifier: string): string;
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
  /**
   * The condition of a locate: `column` (quoted) compared with the wanted `values`, already
   * normalised and typed, under `spec`. A superset is enough, never less: the connector checks
   * every row found against the rule (see `storedText`). `unknown` is called when the text needs
   * the column's type and `info` is not given.
   */
  protected abstract matchSql(
    column: string,
    spec: MatchSpec,
    info: ColumnInfo | undefined,
    p: SqlParams,
    values: readonly unknown[],
    unknown: () => void,
  ): string;

  /** Value bits of a signed integer column type the store refuses out-of-range literals for; undefined: no bound. */
  protected integerBits(_info: ColumnInfo): number | undefined {
    return undefined;
  }

  /** A condition true when `column` is earlier than `before` (a plain comparison unless a dialect says otherwise). */
  protected beforeSql(column: string, before: Date, params: SqlParams): string {
    return `${column} < ${params.add(before)}`;
  }

  protected split(collection: CollectionRef): { schema: string | undefined; table: string } {
    checkSqlCollection(collection);
    const [first, second] = collection.name.split('.') as [string, string | undefined];
    return second === undefined ? { schema: this.schema, table: first } : { schema: first, table: second };
  }

  protected table(collection: CollectionRef): string {
    const { schema, table } = this.split(collection);
    return schema === undefined ? this.quote(table) : `${this.quote(schema)}.${this.quote(table)}`;
  }

  protected cacheKey(collection: CollectionRef): string {
    const { schema, table } = this.split(collection);
    return `${schema ?? ''}.${table}`;
  }

  protected introspection(collection: CollectionRef): { text: string; values: unknown[] } {
    const { schema, table } = this.split(collection);
    return this.columnsQuery(schema, table);
  }

  protected pk(collection: CollectionRef): string {
    return keyColumns(collection)
      .map((c) => this.quote(c))
      .join(', ');
  }

  /** Rows whose key is one of `keys`: `pk = ANY(...)`, or `(a, b) IN ((...), ...)` for a composite key. */
  protected keyTest(collection: CollectionRef, p: SqlParams, keys: readonly unknown[]): string {
    const columns = keyColumns(collection);
    if (columns.length === 1) return `${this.pk(collection)} ${p.list(keys)}`;
    return `(${this.pk(collection)}) ${p.tuples(keyTuples(keys, columns.length))}`;
  }

  /** Stand-in keys of a described batch: numbers, or tuples of them for a composite key. */
  protected standInKeys(collection: CollectionRef, keys: readonly number[]): unknown[] {
    const width = keyColumns(collection).length;
    return width === 1 ? [...keys] : keys.map((k) => JSON.stringify(Array.from({ length: width }, () => k)));
  }

  protected locateSql(
    collection: CollectionRef,
    field: string,
    p: SqlParams,
    values: readonly unknown[],
    spec: MatchSpec,
    info: ColumnInfo | undefined,
    unknown: () => void = () => {},
  ): string {
    const columns = keyColumns(collection);
    const keys =
      columns.length === 1
        ? `${this.pk(collection)} AS k`
        : columns.map((c, i) => `${this.quote(c)} AS k${i}`).join(', ');
    const column = this.quote(field);
    const test = this.matchSql(column, spec, info, p, values, unknown);
    return `SELECT DISTINCT ${keys}, ${column} AS v FROM ${this.table(collection)} WHERE ${test}`;
  }

  /**
   * The rows matching any of `parts` (each a locate's condition), with the key, the where
   * fields and `wanted` (all columns when undefined), in key order.
   */
  protected lookupSql(
    collection: CollectionRef,
    parts: ReadonlyArray<LookupPart>,
    wanted: readonly string[] | undefined,
    p: SqlParams,
    unknown: () => void = () => {},
  ): string {
    const columns = wanted
      ? distinct([...keyColumns(collection), ...parts.map((part) => part.field), ...wanted])
          .map((f) => this.quote(f))
          .join(', ')
      : '*';
    const tests = parts.map((part) =>
      this.matchSql(this.quote(part.field), part.spec, part.info, p, part.values, unknown),
    );
    const where = tests.length === 1 ? tests[0] : tests.map((t) => `(${t})`).join(' OR ');
    return `SELECT ${columns} FROM ${this.table(collection)} WHERE ${where} ORDER BY ${this.pk(collection)}`;
  }

  protected readSql(
    collection: CollectionRef,
    wanted: readonly string[] | undefined,
    p: SqlParams,
    keys: readonly unknown[],
  ): string {
    const columns = wanted
      ? distinct([...keyColumns(collection), ...wanted])
          .map((f) => this.quote(f))
          .join(', ')
      : '*';
    return `SELECT ${columns} FROM ${this.table(collection)} WHERE ${this.keyTest(collection, p, keys)} ORDER BY ${this.pk(collection)}`;
  }

  /** `unknown` is called for an expression whose text needs a column type not given. */
  protected eraseSql(
    collection: CollectionRef,
    resolved: ResolvedPlan,
    columns: ReadonlyMap<string, ColumnInfo> | undefined,
    p: SqlParams,
    keys: readonly unknown[],
    unknown: () => void = () => {},
  ): string {
    const table = this.table(collection);
    if (resolved.deleteRow) return `DELETE FROM ${table} WHERE ${this.keyTest(collection, p, keys)}`;
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
    return `UPDATE ${table} SET ${sets} WHERE ${this.keyTest(collection, p, keys)}`;
  }

  /** Whether the text of {@link anonymiseSql} depends on the column's type (not only its parameters). */
  protected anonymiseByType(): boolean {
    return true;
  }

  protected rectifySql(
    collection: CollectionRef,
    entries: ReadonlyArray<readonly [string, unknown]>,
    p: SqlParams,
    keys: readonly unknown[],
  ): string {
    const sets = entries.map(([field, value]) => `${this.quote(field)} = ${p.add(value)}`).join(', ');
    return `UPDATE ${this.table(collection)} SET ${sets} WHERE ${this.keyTest(collection, p, keys)}`;
  }

  protected countSql(collection: CollectionRef, anchorField: string, before: Date, p: SqlParams): string {
    return `SELECT count(*) AS n FROM ${this.table(collection)} WHERE ${this.beforeSql(this.quote(anchorField), before, p)}`;
  }

  describe(
    collection: CollectionRef,
    call: DescribedCall,
    options: DescribeOptions = {},
  ): StatementDescription[] {
    this.table(collection);
    const keys = this.standInKeys(collection, describedKeys(options));
    const p = this.params();
    switch (call.operation) {
      case 'locate': {
        const field = checkField(collection, call.field, 'where.field');
        const spec = matchSpec(call);
        const known = this.columnCache.get(this.cacheKey(collection));
        const columns = options.columns ?? known;
        let exact = true;
        const text = this.locateSql(collection, field, p, keys, spec, columns?.get(field), () => {
          exact = false;
        });
        const introspect = known
          ? []
          : [this.described('introspect', collection, this.introspection(collection).text, 'once')];
        return [...introspect, this.described('locate', collection, text, 'batch', exact)];
      }
      case 'lookup': {
        if (call.wheres.length === 0) return [];
        const known = this.columnCache.get(this.cacheKey(collection));
        const columns = options.columns ?? known;
        let exact = true;
        const parts = call.wheres.map((w, i) => {
          const field = checkField(collection, w.field, `wheres[${i}].field`);
          return { field, spec: matchSpec(w), info: columns?.get(field), values: keys };
        });
        const wanted = call.fields === undefined ? undefined : checkFields(collection, call.fields);
        const text = this.lookupSql(collection, parts, wanted, p, () => {
          exact = false;
        });
        const introspect = known
          ? []
          : [this.described('introspect', collection, this.introspection(collection).text, 'once')];
        return [...introspect, this.described('locate', collection, text, 'batch', exact)];
      }
      case 'read': {
        const text = this.readSql(collection, checkFields(collection, call.fields), p, keys);
        return [this.described('read', collection, text, 'batch')];
      }
      case 'erase':
        return this.#describeErase(collection, call.plan, options.columns, p, keys);
      case 'rectify': {
        const entries = call.fields.map(
          (field, i) => [checkField(collection, field, pathOf('values', field, i)), null] as const,
        );
        if (entries.length === 0) return [];
        const text = this.rectifySql(collection, entries, p, keys);
        return [this.described('rectify', collection, text, 'batch')];
      }
      case 'count': {
        const anchor = checkField(collection, call.anchorField, 'anchorField');
        return [
          this.described('count', collection, this.countSql(collection, anchor, new Date(0), p), 'call'),
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
    refuseKeyRewrite(resolved, keyColumns(collection), 'is the primary key: keep it or delete the row');
    if (!resolved.deleteRow && resolved.updates.length === 0) return [];
    const out: StatementDescription[] = [];
    const typed = resolved.updates.some((u) => u.strategy !== 'null');
    const known = this.columnCache.get(this.cacheKey(collection));
    if (typed && !known) {
      out.push(this.described('introspect', collection, this.introspection(collection).text, 'once'));
    }
    const columns = given ?? known;
    if (typed && columns) checkColumnTypes(resolved.updates, columns);
    let exact = true;
    const text = this.eraseSql(collection, resolved, columns, p, keys, () => {
      exact = false;
    });
    out.push(this.described('erase', collection, text, 'batch', exact));
    return out;
  }
}
