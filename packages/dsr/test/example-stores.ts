import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { type Connector, createConnector, RedisConnector } from '@pledge/connectors';
import type { Manifest } from '@pledge/core';
import { createScratchDatabase, type ScratchDatabase, serviceAvailable } from '@pledge/testing';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { ConnectorFactory } from '../src/index.js';

export const MYSQL_URL = process.env.PLEDGE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const REDIS_URL = process.env.PLEDGE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether PostgreSQL, MariaDB and Redis all answer (skips with a warning otherwise). */
export async function serversUp(): Promise<boolean> {
  const checks = [
    serviceAvailable('PostgreSQL', '127.0.0.1', 5432),
    serviceAvailable('MariaDB', new URL(MYSQL_URL).hostname, Number(new URL(MYSQL_URL).port || 3306)),
    serviceAvailable('Redis', new URL(REDIS_URL).hostname, Number(new URL(REDIS_URL).port || 6379)),
  ];
  return (await Promise.all(checks)).every(Boolean);
}

/** Every stored item, keyed `dataset|collection|key` (SQL) or `dataset|*|key` (Redis keys, files). */
export type Snapshot = Map<string, string>;

/** A scratch PostgreSQL database, MariaDB database, Redis prefix and folder for one example. */
export interface Sandbox {
  targets: {
    pgUrl?: string;
    mysqlUrl?: string;
    mysqlDatabase?: string;
    redisUrl: string;
    redisPrefix: string;
    filesDir: string;
  };
  factory: ConnectorFactory;
  snapshot(manifest: Manifest): Promise<Snapshot>;
  drop(): Promise<void>;
}

export async function openSandbox(sqlKind: 'postgres' | 'mysql'): Promise<Sandbox> {
  const id = `pledge_dsr_${randomBytes(4).toString('hex')}`;
  const filesDir = await mkdtemp(join(tmpdir(), `${id}-`));
  const redisPrefix = `${id}:`;
  const redis = new Redis(REDIS_URL);
  let scratch: ScratchDatabase | undefined;
  let mysqlUri: string | undefined;
  if (sqlKind === 'postgres') scratch = await createScratchDatabase('pledge_dsr_e2e');
  else {
    const admin = await mysql.createConnection({ uri: MYSQL_URL });
    await admin.query(`CREATE DATABASE ${id}`);
    await admin.end();
    const url = new URL(MYSQL_URL);
    url.pathname = `/${id}`;
    mysqlUri = url.toString();
  }
  const factory: ConnectorFactory = (dataset) => {
    const kind = dataset.datastore.kind;
    if (kind === 'postgres' && scratch) return createConnector('postgres', scratch.url);
    if (kind === 'mysql' && mysqlUri) return createConnector('mysql', mysqlUri);
    if (kind === 'redis') return new RedisConnector({ url: REDIS_URL, keyPrefix: redisPrefix }) as Connector;
    if (kind === 'files') return createConnector('files', filesDir);
    return undefined;
  };
  const sqlRows = async (table: string, key: string): Promise<Array<Record<string, unknown>>> => {
    if (scratch) {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        return (await client.query(`SELECT * FROM "${table}" ORDER BY "${key}"`)).rows;
      } finally {
        await client.end();
      }
    }
    const connection = await mysql.createConnection({ uri: mysqlUri as string, dateStrings: true });
    try {
      const [rows] = await connection.query(`SELECT * FROM \`${table}\` ORDER BY \`${key}\``);
      return rows as Array<Record<string, unknown>>;
    } finally {
      await connection.end();
    }
  };
  return {
    targets: {
      ...(scratch ? { pgUrl: scratch.url } : { mysqlUrl: MYSQL_URL, mysqlDatabase: id }),
      redisUrl: REDIS_URL,
      redisPrefix,
      filesDir,
    },
    factory,
    async snapshot(manifest) {
      const out: Snapshot = new Map();
      for (const dataset of manifest.datasets) {
        const kind = dataset.datastore.kind;
        if (kind === 'postgres' || kind === 'mysql') {
          for (const c of dataset.collections) {
            for (const row of await sqlRows(c.name, c.primaryKey as string)) {
              out.set(`${dataset.id}|${c.name}|${String(row[c.primaryKey as string])}`, JSON.stringify(row));
            }
          }
        } else if (kind === 'redis') {
          for (const key of (await redis.keys(`${redisPrefix}*`)).sort()) {
            const type = await redis.type(key);
            const value =
              type === 'hash'
                ? await redis.hgetall(key)
                : type === 'set'
                  ? await redis.smembers(key)
                  : await redis.get(key);
            out.set(`${dataset.id}|*|${key.slice(redisPrefix.length)}`, JSON.stringify(value));
          }
        } else if (kind === 'files') {
          for (const file of await walk(filesDir)) {
            const path = relative(filesDir, file).split(sep).join('/');
            out.set(
              `${dataset.id}|*|${path}`,
              createHash('sha256')
                .update(await readFile(file))
                .digest('hex'),
            );
          }
        }
      }
      return out;
    },
    async drop() {
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await rm(filesDir, { recursive: true, force: true });
      if (scratch) await scratch.drop();
      else {
        const admin = await mysql.createConnection({ uri: MYSQL_URL });
        await admin.query(`DROP DATABASE IF EXISTS ${id}`);
        await admin.end();
      }
    },
  };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Keys that differ between two snapshots: changed or removed (added keys too). */
export function changedKeys(before: Snapshot, after: Snapshot): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of before) if (after.get(key) !== value) out.add(key);
  for (const key of after.keys()) if (!before.has(key)) out.add(key);
  return out;
}

/**
 * The snapshot keys of the index sets (`collection.indexes`) that list located Redis keys,
 * found from each located key's indexed field in `before`: an erasure may change exactly these.
 */
export function indexSetsOf(manifest: Manifest, before: Snapshot, located: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const dataset of manifest.datasets) {
    if (dataset.datastore.kind !== 'redis') continue;
    for (const collection of dataset.collections) {
      for (const index of collection.indexes ?? []) {
        for (const key of located) {
          const [ds, , redisKey] = key.split('|');
          if (ds !== dataset.id || redisKey === undefined) continue;
          const value = JSON.parse(before.get(key) ?? '{}') as Record<string, unknown>;
          const field = value[index.field];
          if (typeof field === 'string')
            out.add(`${dataset.id}|*|${index.set.replace(`{${index.field}}`, field)}`);
        }
      }
    }
  }
  return out;
}
