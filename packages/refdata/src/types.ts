import type { IdentityKind } from '@pledge/core';
import type { Seed } from './prng.js';

/** The example deployments under `examples/`, each with its own reference datastores. */
export const EXAMPLES = ['antsentry', 'camera-app', 'spacemit-site'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** Where the reference data goes. Only the stores the example uses are needed. */
export interface Targets {
  /** PostgreSQL URL (antsentry, camera-app). */
  pgUrl?: string;
  /** PostgreSQL schema the tables go in, created when missing (default `public`). */
  pgSchema?: string;
  /** MariaDB/MySQL URL (spacemit-site); its path names the database unless `mysqlDatabase` is given. */
  mysqlUrl?: string;
  /** MariaDB database the tables go in, created when missing. */
  mysqlDatabase?: string;
  /** Redis URL (antsentry, camera-app). */
  redisUrl?: string;
  /** Text put before every Redis key, e.g. `t1:` (default none): the manifest's patterns follow it. */
  redisPrefix?: string;
  /** Folder the file collections (camera-app, spacemit-site) are written under, created when missing. */
  filesDir?: string;
}

/** What {@link generate} is asked to do. */
export interface GenerateOptions {
  example: ExampleName;
  /** Number of data subjects (default 20); related rows grow in proportion. */
  scale?: number;
  /** Same seed, same data (default 1). */
  seed?: Seed;
  targets: Targets;
  /** Rows buffered before a bulk write (default 20,000). */
  batchRows?: number;
  /** Called after each bulk write with the subjects done so far. */
  onProgress?: (subjectsDone: number, scale: number) => void;
}

/** What {@link generate} wrote. */
export interface GenerateResult {
  example: ExampleName;
  scale: number;
  seed: Seed;
  /** Rows, keys or files written per manifest collection, keyed `dataset.collection`. */
  counts: Record<string, number>;
  /** SQL rows in all. */
  sqlRows: number;
  redisKeys: number;
  files: number;
  /** Wall-clock duration of the whole run. */
  durationMs: number;
}

/** The identities of one subject, as a DSR would give them; absent kinds are left out. */
export type SubjectIdentities = Partial<Record<IdentityKind, string[]>>;

/** A generated subject a test or benchmark can target. */
export interface KnownSubject {
  example: ExampleName;
  index: number;
  seed: Seed;
  identities: SubjectIdentities;
  /** Shortcuts to the first value of the common identities. */
  userId?: string;
  email?: string;
  phone?: string;
  /**
   * Rows, keys or files linked to the subject through an identity or reference field, per
   * manifest collection (`dataset.collection`), in a generation of `scale` subjects.
   */
  rows: Record<string, number>;
}

/** A Redis hash: its key without the target prefix, and its fields. */
export interface RedisRecord {
  collection: string;
  key: string;
  fields: Record<string, string>;
}

/** A Redis set an application keeps as an index: its key without the target prefix, and its members. */
export interface RedisSetRecord {
  key: string;
  members: string[];
}

/** A file: its path relative to the files folder, with `/`, and its content. */
export interface FileRecord {
  collection: string;
  path: string;
  content: Uint8Array;
}

/** Everything one subject contributes. SQL rows are arrays in the table's column order. */
export interface SubjectRecords {
  identities: SubjectIdentities;
  sql: Record<string, unknown[][]>;
  redis: RedisRecord[];
  /** Index sets (e.g. the session keys of an account); not rows of a collection. */
  redisSets?: RedisSetRecord[];
  files: FileRecord[];
}

/** A table of an example's SQL store: its name and the order of the values in each row. */
export interface TableSpec {
  name: string;
  columns: readonly string[];
}

/** Hands out increasing ids per table, in generation order. */
export class IdCounter {
  readonly #next = new Map<string, number>();

  next(table: string): number {
    const id = this.#next.get(table) ?? 1;
    this.#next.set(table, id + 1);
    return id;
  }
}

/** One example deployment's reference datastores and how a subject's data is made. */
export interface ExampleDefinition {
  name: ExampleName;
  sql: {
    dialect: 'postgres' | 'mysql';
    /** Manifest dataset id of the SQL store. */
    dataset: string;
    /** DDL file name under `examples/<name>/data/`. */
    schemaFile: string;
    /** Tables in load order: every table after the ones it references. */
    tables: readonly TableSpec[];
  };
  /** Manifest dataset id of the Redis store, and its key patterns. */
  redis?: { dataset: string; collections: readonly string[]; indexes?: readonly string[] };
  /** Manifest dataset id of the file store, and its folder patterns. */
  files?: { dataset: string; collections: readonly string[] };
  /** The records of subject `index`; ids come from `ids`, in subject order. */
  subject(index: number, seed: Seed, ids: IdCounter): SubjectRecords;
  /** Rows linked to subject `index` that other subjects' records hold, in a generation of `scale`. */
  linkedElsewhere?(index: number, seed: Seed, scale: number): Record<string, number>;
}
