import type { DatastoreKind, ErasureStrategy, IdentityMatchRule } from '@pledge/core';
import type { FieldType } from './strategies.js';
import type { WriteCall, WriteProblem } from './write-check.js';

/** The datastore kinds a manifest dataset can name: core's `DATASTORE_KINDS`. */
export type ConnectorKind = DatastoreKind;

/**
 * What a connector needs to know of a collection. The manifest's `DatasetCollection`
 * fits this shape as it is; connectors read only these members.
 *
 * - SQL: `name` is a table (optionally `schema.table`), `primaryKey` its key column, or its key
 *   columns (`[a, b]`) for a composite key: a row's {@link Key} is then the JSON text of the
 *   tuple of its key values, e.g. `["acme",5]`.
 * - Redis: `name` is a key pattern with one placeholder, e.g. `session:{id}`.
 * - Files: `name` is a folder pattern with one placeholder segment, e.g. `screenshots/{account_id}`.
 */
export interface CollectionRef {
  name: string;
  primaryKey?: string | readonly string[];
  fields: ReadonlyArray<{ name: string }>;
  /**
   * Redis: sets the application keeps listing the collection's keys by a field's value
   * (`{ field: 'account_id', set: 'account-sessions:{account_id}' }`, members the keys or
   * their ids). Locating by such a field reads the sets instead of scanning the pattern.
   */
  indexes?: ReadonlyArray<{ field: string; set: string }>;
}

/**
 * A handle to one row: a primary-key value (the JSON text of the tuple for a composite key), a
 * Redis key (without the connector's prefix) or a file path.
 */
export type Key = string | number;

/** A value a connector reads or writes. */
export type Scalar = string | number | bigint | boolean | Date | null;

/** A row as read: field name to value (SQL values as the driver returns them, Redis values as strings). */
export type Row = Record<string, unknown>;

/** How identity values are compared: core's `IDENTITY_MATCH_RULES` (`exact`, `casefold`, `e164`). */
export type MatchRule = IdentityMatchRule;

/**
 * Rows whose `field` equals one of `values`: identity values, or reference values found earlier.
 * Both sides are normalised by `match` (default `exact`) and then compared exactly, byte for
 * byte, never by a collation: no case or accent folding, no trailing-space equality, and a value
 * typed to the column (`05`, `5x`, `5.0` match no integer 5; the number 5 matches the text `5`
 * only). A blank value matches nothing.
 */
export interface Where {
  field: string;
  values: ReadonlyArray<string | number | bigint>;
  /** The rule both sides are normalised by; default `exact`. */
  match?: MatchRule;
  /** The column holds values already normalised by `match`: it is compared as stored. */
  normalised?: boolean;
}

/**
 * Strategy per field. Any `delete-row` deletes the whole row (key, file); `keep` leaves
 * the field as it is, and may not be combined with `delete-row` in one plan.
 */
export type ErasurePlan = Readonly<Record<string, ErasureStrategy>>;

/** Options of one write call. */
export interface WriteOptions {
  /** Keys per statement; defaults to the connector's `batchSize` (1000). */
  batchSize?: number;
}

/** Options of one erasure. */
export interface EraseOptions extends WriteOptions {
  /** HMAC key for the `hash` strategy; required when the plan hashes a field. */
  secret?: string;
}

/** What a write did. */
export interface WriteResult {
  /** Rows, keys or files changed or removed. */
  affected: number;
  /** Statements (round trips, file-system calls) the write issued. */
  statements: number;
}

/** What a statement was issued for (`transaction`: the BEGIN and COMMIT of {@link Connector.transaction}). */
export type StatementOperation =
  | 'locate'
  | 'read'
  | 'erase'
  | 'rectify'
  | 'count'
  | 'introspect'
  | 'transaction';

/**
 * One statement sent to a datastore. `text` is the statement template (SQL with
 * placeholders, Redis command names, file-system call): it never holds row values.
 */
export interface StatementEvent {
  kind: ConnectorKind;
  operation: StatementOperation;
  collection: string;
  text: string;
}

/**
 * A call to describe, by its arguments without values: `locate` by a field, `read` of some
 * fields (all when omitted), `erase` by a plan, `rectify` of some fields, `count` by an anchor.
 */
export type DescribedCall =
  | { operation: 'locate'; field: string; match?: MatchRule; normalised?: boolean }
  | { operation: 'read'; fields?: readonly string[] }
  | { operation: 'erase'; plan: ErasurePlan }
  | { operation: 'rectify'; fields: readonly string[] }
  | { operation: 'count'; anchorField: string }
  | { operation: 'lookup'; wheres: ReadonlyArray<Omit<Where, 'values'>>; fields?: readonly string[] };

/** What {@link Connector.lookup} found. */
export interface Lookup {
  /** Keys of the rows found, without duplicates, those of the first where first. */
  keys: Key[];
  /** The rows of `keys`, in key order, with the fields asked for, the key and the where fields. */
  rows: Row[];
}

/** Options of {@link Connector.describe}. */
export interface DescribeOptions {
  /** Keys (or values) in the batch described, default 1: SQLite writes one placeholder per key. */
  keys?: number;
  /**
   * Column types of a SQL table, as its introspection gives them. Default: those the connector
   * has already read; an `anonymise` on PostgreSQL or MySQL needs them to be exact.
   */
  columns?: ReadonlyMap<string, ColumnInfo>;
}

/**
 * How often a described statement runs in one call: `once` per collection per connection
 * (a SQL table's column listing), per `batch` of keys or values, per `page` of a SCAN, per
 * `key` (file), per `folder` listed or removed, or once per `call`.
 */
export type StatementRepeat = 'once' | 'batch' | 'page' | 'key' | 'folder' | 'call';

/**
 * A statement a connector will send for a call: the statement event it records when it sends
 * it (same `text`, never values), with how often it runs. `exact` is false when part of the
 * text stands in for what only the datastore can tell: the type of a column an `anonymise`
 * rewrites on PostgreSQL or MySQL, before the connector has read it.
 */
export interface StatementDescription extends StatementEvent {
  per: StatementRepeat;
  exact: boolean;
}

/** Called for each statement a connector issues. */
export type StatementListener = (event: StatementEvent) => void;

/** Options every connector accepts. */
export interface CommonOptions {
  /** Keys per statement for locate, read, erase and rectify (default 1000). */
  batchSize?: number;
}

/**
 * A datastore seen through the operations a privacy engine needs: find a subject's
 * rows, read them, erase or rectify them set-based, and count rows past retention.
 * Connectors never put row values into errors or statement events.
 */
export interface Connector {
  readonly kind: ConnectorKind;
  /** What the datastore kind supports: key field, strategies, rectification, set-based writes. */
  readonly capabilities: DatastoreCapabilities;
  /** Opens the connection (pool, client, file handle). */
  connect(): Promise<void>;
  /** Releases the connection; the connector can be connected again. */
  close(): Promise<void>;
  /**
   * Runs `work` with every statement this connector sends from `work`'s asynchronous context in
   * one transaction: committed when `work` resolves, rolled back when it throws (the error is
   * passed on). Calls from other contexts are not part of it. Absent on connectors without
   * transactions.
   */
  transaction?<T>(work: () => Promise<T>): Promise<T>;
  /** Keys of the rows whose `where.field` holds one of `where.values`, without duplicates. */
  locate(collection: CollectionRef, where: Where): Promise<Key[]>;
  /**
   * The rows whose fields match any of `wheres`, each compared as {@link locate} compares
   * (every row returned checked again against its rule): a step's lookups and the read that
   * follows them in one statement when every where's values fit one batch. `fields`: the
   * fields wanted besides the key and the where fields; omitted, all of them. SQL connectors.
   */
  lookup?(collection: CollectionRef, wheres: readonly Where[], fields?: readonly string[]): Promise<Lookup>;
  /** The rows of `keys` (missing keys are skipped), with `fields` only when given, plus the key field. */
  read(collection: CollectionRef, keys: readonly Key[], fields?: readonly string[]): Promise<Row[]>;
  /** Applies `plan` to the rows of `keys`: one statement per batch of keys, never one per row. */
  erase(
    collection: CollectionRef,
    keys: readonly Key[],
    plan: ErasurePlan,
    options?: EraseOptions,
  ): Promise<WriteResult>;
  /** Sets `values` on the rows of `keys`, one statement per batch of keys. */
  rectify(
    collection: CollectionRef,
    keys: readonly Key[],
    values: Readonly<Record<string, Scalar>>,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  /**
   * Checks, writing nothing, that `call` could run on the collection: the connection is not
   * read-only, its user holds the privilege, every column can take its strategy. Returns the
   * problems found (none: the write can be tried). Absent on connectors that cannot tell.
   */
  checkWrite?(collection: CollectionRef, call: WriteCall): Promise<WriteProblem[]>;
  /** How many rows have `anchorField` earlier than `before`. */
  countRetention(collection: CollectionRef, anchorField: string, before: Date): Promise<number>;
  /**
   * The statements `call` sends for one batch of keys, in order, as its statement events will
   * record them; validates like the call itself (throws the same {@link ConnectorError}s for
   * unknown fields, refused strategies or unsupported operations). Needs no connection.
   */
  describe(collection: CollectionRef, call: DescribedCall, options?: DescribeOptions): StatementDescription[];
  /** Statements issued since the connector was created. */
  readonly statementCount: number;
  /** Registers a listener for every statement; returns a function that removes it. */
  onStatement(listener: StatementListener): () => void;
}

/**
 * What a datastore kind supports, declared by its connector so that callers (the DSR planner)
 * ask instead of switching on the kind.
 */
export interface DatastoreCapabilities {
  readonly kind: DatastoreKind;
  /**
   * The field whose values identify a row, as `locate` hands out keys of: the SQL primary
   * key, a Redis key pattern's placeholder, a file's `path`. Undefined when the collection
   * declares none.
   */
  keyField(collection: CollectionRef): string | undefined;
  /** What a collection declares for its key field, for messages: `a primaryKey`. */
  readonly keyDeclaration: string;
  /** What one record is called: `row`, `key`, `file`. */
  readonly recordNoun: string;
  /** Erasure strategies it applies; a plan with any other is refused (`strategy-unsupported`). */
  readonly strategies: readonly ErasureStrategy[];
  /** Whether `rectify` can set values (files cannot: a file is replaced, not edited). */
  readonly rectify: boolean;
  /** Whether a write is one statement per batch of keys rather than one call per key. */
  readonly setBased: boolean;
  /** Whether one write statement applies to its whole batch or not at all. */
  readonly atomicBatch: boolean;
  /** Whether the datastore offers transactions across statements (connectors open none today). */
  readonly transactions: boolean;
  /** Whether the keys `locate` hands out are the key field's values, so reading that field back adds nothing. */
  readonly keysAreKeyFieldValues: boolean;
}

/** A column as a SQL store describes it. */
export interface ColumnInfo {
  type: FieldType;
  /** The store's own type name, e.g. `timestamp with time zone`. */
  dbType: string;
  /** Maximum characters of a text column, null when unbounded. */
  maxLength: number | null;
}
