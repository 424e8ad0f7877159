import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { serviceAvailable } from '@pledge/testing';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { exampleDefinitions } from '../../src/examples/index.js';
import { patternGlob } from '../../src/loaders/redis.js';
import type { ExampleName, Targets } from '../../src/types.js';

export const PG_URL = process.env.PLEDGE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env.PLEDGE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const REDIS_URL = process.env.PLEDGE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function hostPort(url: string, port: number): [string, number] {
  const parsed = new URL(url);
  return [parsed.hostname || '127.0.0.1', Number(parsed.port || port)];
}

/** Whether every server the example needs answers (skips with a warning, or fails under PLEDGE_REQUIRE_SERVICES=1). */
export async function storesAvailable(example: ExampleName): Promise<boolean> {
  const definition = exampleDefinitions[example];
  const checks: Array<Promise<boolean>> = [];
  if (definition.sql.dialect === 'postgres')
    checks.push(serviceAvailable('PostgreSQL', ...hostPort(PG_URL, 5432)));
  else checks.push(serviceAvailable('MariaDB', ...hostPort(MYSQL_URL, 3306)));
  if (definition.redis) checks.push(serviceAvailable('Redis', ...hostPort(REDIS_URL, 6379)));
  return (await Promise.all(checks)).every(Boolean);
}

/** A uniquely named schema, database, key prefix and folder for one generation, and a way to read them back. */
export interface Sandbox {
  targets: Targets;
  /** Rows of a SQL query against the generated schema / database. */
  sql(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  redis: Redis | undefined;
  drop(): Promise<void>;
}

export async function openSandbox(example: ExampleName): Promise<Sandbox> {
  const definition = exampleDefinitions[example];
  const id = `refdata_t_${randomBytes(4).toString('hex')}`;
  const filesDir = definition.files ? await mkdtemp(join(tmpdir(), `${id}-`)) : undefined;
  const redis = definition.redis ? new Redis(REDIS_URL, { lazyConnect: true }) : undefined;
  await redis?.connect();
  const targets: Targets = { filesDir, redisUrl: REDIS_URL, redisPrefix: `${id}:` };
  let sql: Sandbox['sql'];
  let dropSql: () => Promise<void>;
  if (definition.sql.dialect === 'postgres') {
    Object.assign(targets, { pgUrl: PG_URL, pgSchema: id });
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    sql = async (text, params) => {
      await client.query(`SET search_path TO ${id}`);
      return (await client.query(text, params)).rows;
    };
    dropSql = async () => {
      await client.query(`DROP SCHEMA IF EXISTS ${id} CASCADE`);
      await client.end();
    };
  } else {
    Object.assign(targets, { mysqlUrl: MYSQL_URL, mysqlDatabase: id });
    const connection = await mysql.createConnection({ uri: MYSQL_URL, dateStrings: true });
    let used = false;
    sql = async (text, params) => {
      if (!used) {
        await connection.query(`USE ${id}`);
        used = true;
      }
      const [rows] = await connection.query(text, params);
      return rows as Record<string, unknown>[];
    };
    dropSql = async () => {
      await connection.query(`DROP DATABASE IF EXISTS ${id}`);
      await connection.end();
    };
  }
  return {
    targets,
    sql,
    redis,
    async drop() {
      await dropSql();
      if (redis) {
        const keys = await redisKeys(redis, `${id}:`, ['{all}']);
        if (keys.length > 0) await redis.unlink(...keys);
        await redis.quit();
      }
      if (filesDir) await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** Every key under the prefix matching one of the patterns. */
export async function redisKeys(
  redis: Redis,
  prefix: string,
  patterns: readonly string[],
): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of patterns) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', patternGlob(prefix, pattern), 'COUNT', 1000);
      cursor = next;
      out.push(...keys);
    } while (cursor !== '0');
  }
  return out.sort();
}

/** Every file under a folder, as paths relative to it with `/`, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** A checksum and count per manifest collection of what a generation wrote. */
export async function snapshot(
  example: ExampleName,
  sandbox: Sandbox,
): Promise<Record<string, { count: number; sha256: string }>> {
  const definition = exampleDefinitions[example];
  const out: Record<string, { count: number; sha256: string }> = {};
  for (const table of definition.sql.tables) {
    const rows = await sandbox.sql(`SELECT * FROM ${table.name} ORDER BY id`);
    const hash = createHash('sha256');
    for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
    out[`${definition.sql.dataset}.${table.name}`] = { count: rows.length, sha256: hash.digest('hex') };
  }
  const prefix = sandbox.targets.redisPrefix ?? '';
  for (const pattern of definition.redis?.collections ?? []) {
    const keys = sandbox.redis ? await redisKeys(sandbox.redis, prefix, [pattern]) : [];
    const hash = createHash('sha256');
    for (const key of keys) {
      const fields = await sandbox.redis?.hgetall(key);
      hash.update(`${key.slice(prefix.length)} ${JSON.stringify(Object.entries(fields ?? {}).sort())}\n`);
    }
    out[`${definition.redis?.dataset}.${pattern}`] = { count: keys.length, sha256: hash.digest('hex') };
  }
  const root = sandbox.targets.filesDir;
  const all = root ? await listFiles(root) : [];
  for (const pattern of definition.files?.collections ?? []) {
    const folder = pattern.split('/{')[0] as string;
    const files = all.filter((f) => f.startsWith(`${folder}/`));
    const hash = createHash('sha256');
    for (const file of files) {
      hash.update(
        `${file} ${createHash('sha256')
          .update(await readFile(join(root as string, file)))
          .digest('hex')}\n`,
      );
    }
    out[`${definition.files?.dataset}.${pattern}`] = { count: files.length, sha256: hash.digest('hex') };
  }
  return out;
}
