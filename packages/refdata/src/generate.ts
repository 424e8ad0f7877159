import { exampleDefinitions } from './examples/index.js';
import { FilesLoader } from './loaders/files.js';
import { databaseOfUrl, MysqlLoader } from './loaders/mysql.js';
import { PostgresLoader } from './loaders/postgres.js';
import { RedisLoader } from './loaders/redis.js';
import { DEFAULT_SEED } from './prng.js';
import { readSchemaFile } from './schema-files.js';
import {
  type ExampleDefinition,
  type FileRecord,
  type GenerateOptions,
  type GenerateResult,
  IdCounter,
  type RedisRecord,
  type RedisSetRecord,
  type TableSpec,
} from './types.js';

/** Subjects generated when no scale is given. */
export const DEFAULT_SCALE = 20;

interface SqlLoader {
  createSchema(ddl: string, tables: readonly TableSpec[]): Promise<void>;
  insert(table: TableSpec, rows: readonly unknown[][]): Promise<void>;
  finish(ddl: string, tables: readonly TableSpec[]): Promise<void>;
  close(): Promise<void>;
}

function required(value: string | undefined, name: string, example: string): string {
  if (!value) throw new Error(`refdata: the ${example} example needs targets.${name}`);
  return value;
}

/** Checks the targets the example needs before anything is opened, so a bad call changes nothing. */
function plan(definition: ExampleDefinition, options: GenerateOptions) {
  const t = options.targets;
  const name = definition.name;
  const sql =
    definition.sql.dialect === 'postgres'
      ? { dialect: 'postgres' as const, url: required(t.pgUrl, 'pgUrl', name), where: t.pgSchema ?? 'public' }
      : {
          dialect: 'mysql' as const,
          url: required(t.mysqlUrl, 'mysqlUrl', name),
          where: required(
            t.mysqlDatabase ?? databaseOfUrl(required(t.mysqlUrl, 'mysqlUrl', name)),
            'mysqlDatabase',
            name,
          ),
        };
  const redis = definition.redis
    ? { url: required(t.redisUrl, 'redisUrl', name), prefix: t.redisPrefix ?? '' }
    : undefined;
  const filesDir = definition.files ? required(t.filesDir, 'filesDir', name) : undefined;
  return { sql, redis, filesDir };
}

/** The line of a schema file after which come the keys and indexes added once the data is in. */
export const AFTER_LOAD_MARKER = '-- refdata: after load';

/** A schema file's DDL before and after the {@link AFTER_LOAD_MARKER} line (all before when absent). */
export function splitDdl(ddl: string): { before: string; after: string } {
  const at = ddl.indexOf(`\n${AFTER_LOAD_MARKER}`);
  return at < 0 ? { before: ddl, after: '' } : { before: ddl.slice(0, at + 1), after: ddl.slice(at + 1) };
}

/**
 * Creates an example's reference datastores and fills them with synthetic, deterministic
 * data: the same example, scale and seed always give the same rows, keys and files.
 * The example's own tables in the PostgreSQL schema (or MariaDB database), its key patterns
 * under the Redis prefix and its folders under the files folder are replaced; nothing else
 * there is touched. Throws when a target the example needs is missing or a store fails.
 *
 * @example
 * await generate({ example: 'camera-app', scale: 100, targets: { pgUrl, pgSchema: 'bench', redisUrl, filesDir } });
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const definition = exampleDefinitions[options.example];
  if (!definition) throw new Error(`refdata: unknown example ${JSON.stringify(options.example)}`);
  const scale = options.scale ?? DEFAULT_SCALE;
  if (!Number.isInteger(scale) || scale < 0) throw new Error('refdata: scale must be a non-negative integer');
  const seed = options.seed ?? DEFAULT_SEED;
  const batchRows = options.batchRows ?? 20_000;
  const targets = plan(definition, options);
  const ddl = splitDdl(await readSchemaFile(definition.name, definition.sql.schemaFile));
  const tables = definition.sql.tables;

  const opened: Array<{ close(): Promise<void> }> = [];
  try {
    const sql: SqlLoader =
      targets.sql.dialect === 'postgres'
        ? await PostgresLoader.open(targets.sql.url, targets.sql.where)
        : await MysqlLoader.open(targets.sql.url, targets.sql.where);
    opened.push(sql);
    const redis = targets.redis ? await RedisLoader.open(targets.redis.url, targets.redis.prefix) : undefined;
    if (redis) opened.push(redis);
    const files = targets.filesDir ? new FilesLoader(targets.filesDir) : undefined;

    await sql.createSchema(ddl.before, tables);
    if (redis && definition.redis)
      await redis.clear([...definition.redis.collections, ...(definition.redis.indexes ?? [])]);
    if (files && definition.files) await files.clear(definition.files.collections);

    const counts: Record<string, number> = {};
    const count = (key: string, n: number) => {
      counts[key] = (counts[key] ?? 0) + n;
    };
    for (const table of tables) count(`${definition.sql.dataset}.${table.name}`, 0);
    for (const c of definition.redis?.collections ?? []) count(`${definition.redis?.dataset}.${c}`, 0);
    for (const c of definition.files?.collections ?? []) count(`${definition.files?.dataset}.${c}`, 0);

    let rows = new Map<string, unknown[][]>(tables.map((t) => [t.name, []]));
    let keys: RedisRecord[] = [];
    let sets: RedisSetRecord[] = [];
    let blobs: FileRecord[] = [];
    let buffered = 0;
    const flush = async (done: number) => {
      const [r, k, x, b] = [rows, keys, sets, blobs];
      rows = new Map(tables.map((t) => [t.name, []]));
      keys = [];
      sets = [];
      blobs = [];
      buffered = 0;
      const writeSql = async () => {
        // In load order, so every referenced row is in before the rows that point to it.
        for (const table of tables) await sql.insert(table, r.get(table.name) ?? []);
      };
      const writeRedis = async () => {
        await redis?.write(k);
        await redis?.writeSets(x);
      };
      await Promise.all([writeSql(), writeRedis(), files?.write(b)]);
      options.onProgress?.(done, scale);
    };

    const ids = new IdCounter();
    for (let index = 0; index < scale; index++) {
      const records = definition.subject(index, seed, ids);
      for (const [table, tableRows] of Object.entries(records.sql)) {
        rows.get(table)?.push(...tableRows);
        buffered += tableRows.length;
        count(`${definition.sql.dataset}.${table}`, tableRows.length);
      }
      keys.push(...records.redis);
      sets.push(...(records.redisSets ?? []));
      for (const key of records.redis) count(`${definition.redis?.dataset}.${key.collection}`, 1);
      blobs.push(...records.files);
      for (const file of records.files) count(`${definition.files?.dataset}.${file.collection}`, 1);
      if (buffered + keys.length + blobs.length >= batchRows) await flush(index + 1);
    }
    await flush(scale);
    await sql.finish(ddl.after, tables);

    const total = (dataset: string | undefined) =>
      Object.entries(counts)
        .filter(([key]) => dataset !== undefined && key.startsWith(`${dataset}.`))
        .reduce((sum, [, n]) => sum + n, 0);
    return {
      example: definition.name,
      scale,
      seed,
      counts,
      sqlRows: total(definition.sql.dataset),
      redisKeys: total(definition.redis?.dataset),
      files: total(definition.files?.dataset),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    for (const store of opened.reverse()) await store.close().catch(() => undefined);
  }
}
