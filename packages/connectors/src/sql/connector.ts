import { ConnectorError, storeError, valueError } from '../errors.js';
import { fitsColumn, matchSpec, storedText, wantedText } from '../match.js';
import { type ColumnInfo, checkColumnTypes, refuseKeyRewrite, resolvePlan } from '../plan.js';
import type {
  CollectionRef,
  Connector,
  EraseOptions,
  ErasurePlan,
  Key,
  Lookup,
  Row,
  Scalar,
  StatementOperation,
  Where,
  WriteOptions,
  WriteResult,
} from '../types.js';
import {
  checkDate,
  checkField,
  checkFields,
  checkKeys,
  checkScalar,
  checkWhereValues,
  chunk,
  distinct,
  keyColumns,
  pathOf,
} from '../validate.js';
import type { WriteCall, WriteProblem } from '../write-check.js';
import { keyOfRow, keyOfTable } from './composite-key.js';
import { type LookupPart, type SqlKind, SqlStatements } from './statements.js';
import { columnProblems, probeProblem, probeText, readOnlyProblem, readOnlyQuery } from './write-check.js';

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
 * The SQL half every relational connector shares: one statement per batch of keys, its
 * text from {@link SqlStatements}. Dialects supply the driver (a handle `H`: a pool or a
 * database) on top of the statements' quoting and expressions.
 */
export abstract class SqlConnector<H> extends SqlStatements implements Connector {
  #handle: H | null = null;

  /** Opens the connection and checks it works, throwing a store error when it does not. */
  protected abstract open(): Promise<H>;
  /** Releases what {@link open} returned. */
  protected abstract release(handle: H): Promise<void>;
  /** Runs one statement on the open handle. */
  protected abstract execute(handle: H, text: string, values: unknown[]): Promise<SqlResult>;

  /** The open handle; throws when the connector is not connected. */
  protected connected(): H {
    if (this.#handle === null) {
      throw new ConnectorError('not-connected', `${this.kind} connector is not connected`);
    }
    return this.#handle;
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

  async #columnsOf(collection: CollectionRef): Promise<Map<string, ColumnInfo>> {
    const cacheKey = this.cacheKey(collection);
    let columns = this.columnCache.get(cacheKey);
    if (!columns) {
      const query = this.introspection(collection);
      const { rows } = await this.run('introspect', collection, query.text, query.values);
      columns = new Map(rows.map((row) => [String(row.name), this.columnOf(row)]));
      if (columns.size === 0)
        throw valueError('field-unknown', 'collection.name', 'names a table with no columns');
      this.columnCache.set(cacheKey, columns);
    }
    return columns;
  }

  /**
   * Keys of the rows whose `where.field` matches: the wanted values are normalised by the rule
   * and typed to the column (a value that is no canonical literal of a numeric column is
   * dropped), the query narrows the rows, and every row it returns is checked again here
   * against the rule, byte for byte, so no collation, padding or coercion decides a match.
   */
  async locate(collection: CollectionRef, where: Where): Promise<Key[]> {
    this.table(collection);
    const field = checkField(collection, where?.field, 'where.field');
    const spec = matchSpec(where);
    const given = checkWhereValues(where);
    if (given.length === 0) return [];
    const info = (await this.#columnsOf(collection)).get(field);
    const wanted = this.#wantedOf(where, info);
    const width = keyColumns(collection).length;
    const keys: Key[] = [];
    for (const batch of chunk([...wanted], this.batchSize)) {
      const p = this.params();
      const text = this.locateSql(collection, field, p, batch, spec, info);
      const { rows } = await this.run('locate', collection, text, p.values);
      for (const row of rows) {
        const stored = storedText(row.v, info, spec);
        if (stored !== null && wanted.has(stored)) keys.push(keyOfRow(row, width));
      }
    }
    return distinct(keys);
  }

  /** The values of `where` that can match the column: normalised, typed, in canonical text. */
  #wantedOf(where: Where, info: ColumnInfo | undefined): Set<string> {
    const spec = matchSpec(where);
    const wanted = new Set<string>();
    for (const value of checkWhereValues(where)) {
      const text = wantedText(value, spec.rule);
      if (text !== null && fitsColumn(text, info, info && this.integerBits(info))) wanted.add(text);
    }
    return wanted;
  }

  /**
   * {@link locate} of several wheres and the {@link read} of their rows in one statement (`OR`
   * of the locates' conditions) when every where's values fit one batch, else one statement per
   * where and batch. Every row returned is checked again here, as `locate` checks it: a row no
   * where matches byte for byte under its rule is dropped.
   */
  async lookup(
    collection: CollectionRef,
    wheres: readonly Where[],
    fields?: readonly string[],
  ): Promise<Lookup> {
    this.table(collection);
    if (!Array.isArray(wheres)) throw valueError('value-invalid', 'wheres', 'must be an array');
    const wanted = fields === undefined ? undefined : checkFields(collection, fields);
    const fieldsOf = wheres.map((where, i) => checkField(collection, where?.field, `wheres[${i}].field`));
    for (const where of wheres) matchSpec(where);
    if (wheres.every((where) => checkWhereValues(where).length === 0)) return { keys: [], rows: [] };
    const columns = await this.#columnsOf(collection);
    const parts = wheres
      .map((where, i) => {
        const field = fieldsOf[i] as string;
        const info = columns.get(field);
        return { field, spec: matchSpec(where), info, wanted: this.#wantedOf(where, info) };
      })
      .filter((part) => part.wanted.size > 0);
    const statements: LookupPart[][] = parts.every((part) => part.wanted.size <= this.batchSize)
      ? [parts.map((part) => ({ ...part, values: [...part.wanted] }))]
      : parts.flatMap((part) =>
          chunk([...part.wanted], this.batchSize).map((values) => [{ ...part, values }]),
        );
    const keyNames = keyColumns(collection);
    const byKey = new Map<string, { key: Key; row: Row; matched: Set<number> }>();
    for (const statement of statements) {
      const p = this.params();
      const text = this.lookupSql(collection, statement, wanted, p);
      const { rows } = await this.run('locate', collection, text, p.values);
      for (const row of rows) {
        const matched = parts.flatMap((part, i) => {
          const stored = storedText(row[part.field], part.info, part.spec);
          return stored !== null && part.wanted.has(stored) ? [i] : [];
        });
        if (matched.length === 0) continue;
        const key = keyOfTable(row, keyNames);
        const id = `${typeof key}:${key}`;
        const seen = byKey.get(id);
        if (seen) for (const i of matched) seen.matched.add(i);
        else byKey.set(id, { key, row, matched: new Set(matched) });
      }
    }
    const found = [...byKey.values()];
    const keys = distinct(parts.flatMap((_, i) => found.filter((f) => f.matched.has(i)).map((f) => f.key)));
    return { keys, rows: found.map((f) => f.row) };
  }

  async read(collection: CollectionRef, keys: readonly Key[], fields?: readonly string[]): Promise<Row[]> {
    this.table(collection);
    checkKeys(keys);
    const wanted = checkFields(collection, fields);
    const out: Row[] = [];
    for (const batch of chunk(distinct(keys), this.batchSize)) {
      const p = this.params();
      const text = this.readSql(collection, wanted, p, batch);
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
    refuseKeyRewrite(resolved, keyColumns(collection), 'is the primary key: keep it or delete the row');
    const result: WriteResult = { affected: 0, statements: 0 };
    if (keys.length === 0 || (!resolved.deleteRow && resolved.updates.length === 0)) return result;
    const typed = resolved.updates.some((u) => u.strategy !== 'null');
    const columns = typed ? await this.#columnsOf(collection) : new Map<string, ColumnInfo>();
    if (typed) checkColumnTypes(resolved.updates, columns);
    for (const batch of chunk(distinct(keys), size)) {
      const p = this.params();
      const text = this.eraseSql(collection, resolved, columns, p, batch);
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
      const text = this.rectifySql(collection, entries, p, batch);
      result.affected += (await this.run('rectify', collection, text, p.values)).affected;
      result.statements++;
    }
    return result;
  }

  /**
   * Checks a write without writing: the session's read-only setting, each column's type
   * against its strategy, and the user's privileges by asking the server to plan (EXPLAIN)
   * the DELETE or UPDATE with a condition no row meets.
   */
  async checkWrite(collection: CollectionRef, call: WriteCall): Promise<WriteProblem[]> {
    const table = this.table(collection);
    const problems: WriteProblem[] = [];
    const readOnly = readOnlyQuery(this.kind);
    if (readOnly) {
      const { rows } = await this.run('introspect', collection, readOnly, []);
      const problem = readOnlyProblem(this.kind, rows);
      if (problem) problems.push(problem);
    }
    let write: { deleteRow: boolean; fields: string[] };
    if (call.operation === 'erase') {
      const resolved = resolvePlan(collection, call.plan, null);
      write = { deleteRow: resolved.deleteRow, fields: resolved.updates.map((u) => u.field) };
      const typed = resolved.updates.filter((u) => u.strategy !== 'null');
      if (typed.length > 0)
        problems.push(...columnProblems(typed, await this.#columnsOf(collection), collection.name));
    } else {
      write = {
        deleteRow: false,
        fields: call.fields.map((f, i) => checkField(collection, f, pathOf('fields', f, i))),
      };
    }
    const probe = probeText(table, (f) => this.quote(f), write);
    if (probe) {
      try {
        await this.run('introspect', collection, probe, []);
      } catch (error) {
        problems.push(probeProblem(error, write.deleteRow ? 'DELETE' : 'UPDATE', collection.name));
      }
    }
    return problems;
  }

  async countRetention(collection: CollectionRef, anchorField: string, before: Date): Promise<number> {
    this.table(collection);
    const anchor = checkField(collection, anchorField, 'anchorField');
    checkDate(before, 'before');
    const p = this.params();
    const text = this.countSql(collection, anchor, before, p);
    const { rows } = await this.run('count', collection, text, p.values);
    return Number(rows[0]?.n ?? 0);
  }
}
