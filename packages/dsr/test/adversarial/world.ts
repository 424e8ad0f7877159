import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { type Connector, createConnector, RedisConnector } from '@pledge/connectors';
import { createScratchDatabase, type ScratchDatabase } from '@pledge/testing';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { ConnectorFactory } from '../../src/index.js';
import { MYSQL_URL, REDIS_URL } from '../example-stores.js';

/**
 * One stored item of a full dump: a SQL row, a Redis key or a file. `text` is exact to the
 * byte (SQL values as the server's text or hex of their bytes, Redis values as hex, files as a
 * SHA-256 of their content); `values` is a readable form for predicates only.
 */
export interface DumpItem {
  /** `pg:<table>`, `mysql:<table>`, `redis` or `files`. */
  place: string;
  text: string;
  values: Record<string, string | null>;
}

/** Every item of every store of a world, in a stable order. */
export type Dump = DumpItem[];

/**
 * A scratch world for adversarial tests: a PostgreSQL database, a MariaDB database, a Redis
 * key prefix and a folder, all of which {@link World.dump} reads in full, whatever the
 * manifest declares, so that a write the plan did not mean is seen too.
 */
export interface World {
  pgUrl: string;
  mysqlUrl: string;
  redisPrefix: string;
  filesDir: string;
  /** Connectors over this world, for `runRequest` / the DSR queue. */
  factory: ConnectorFactory;
  /** Runs SQL statements on PostgreSQL. */
  pg(sql: string, params?: unknown[]): Promise<void>;
  /** Runs SQL statements on MariaDB. */
  mysql(sql: string, params?: unknown[]): Promise<void>;
  /** The world's Redis client (keys must start with `redisPrefix`). */
  redis: Redis;
  /** Writes a file under `filesDir`. */
  file(path: string, content: string): Promise<void>;
  dump(): Promise<Dump>;
  drop(): Promise<void>;
}

const hex = (value: string | Buffer): string => Buffer.from(value).toString('hex');

/** Opens a world on the local servers (the caller checks they answer, see `serversUp`). */
export async function openWorld(name: string): Promise<World> {
  const id = `pledge_adv_${name}_${randomBytes(3).toString('hex')}`;
  const scratch: ScratchDatabase = await createScratchDatabase(`pledge_adv_${name}`);
  const admin = await mysql.createConnection({ uri: MYSQL_URL });
  await admin.query(`CREATE DATABASE ${id}`);
  await admin.end();
  const mysqlUrl = Object.assign(new URL(MYSQL_URL), { pathname: `/${id}` }).toString();
  const filesDir = await mkdtemp(join(tmpdir(), `${id}-`));
  const redisPrefix = `${id}:`;
  const redis = new Redis(REDIS_URL);
  const pgClient = new pg.Client({ connectionString: scratch.url });
  await pgClient.connect();
  const my = await mysql.createConnection({ uri: mysqlUrl, multipleStatements: true });

  const factory: ConnectorFactory = (dataset) => {
    const kind = dataset.datastore.kind;
    if (kind === 'postgres') return createConnector('postgres', scratch.url);
    if (kind === 'mysql') return createConnector('mysql', mysqlUrl);
    if (kind === 'redis') return new RedisConnector({ url: REDIS_URL, keyPrefix: redisPrefix }) as Connector;
    if (kind === 'files') return createConnector('files', filesDir);
    return undefined;
  };

  const dumpPostgres = async (): Promise<Dump> => {
    const tables = await pgClient.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const out: Dump = [];
    for (const { name } of tables.rows) {
      const rows = await pgClient.query<{ text: string }>(
        `SELECT row_to_json(t)::text AS text FROM "${name}" t`,
      );
      for (const { text } of rows.rows) {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        const values = Object.fromEntries(
          Object.entries(parsed).map(([k, v]) => [k, v === null ? null : String(v)]),
        );
        out.push({ place: `pg:${name}`, text, values });
      }
    }
    return out;
  };

  const dumpMysql = async (): Promise<Dump> => {
    const [tables] = await my.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1',
      [id],
    );
    const out: Dump = [];
    for (const { name } of tables as Array<{ name: string }>) {
      const [columns] = await my.query(
        'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position',
        [id, name],
      );
      const names = (columns as Array<{ name: string }>).map((c) => c.name);
      // HEX of the stored bytes: trailing spaces, case and padding all count. The cast makes a
      // number its text first (HEX of a number alone is the number in base 16, not bytes).
      const select = names.map((c) => `HEX(CAST(\`${c}\` AS BINARY)) AS \`${c}\``).join(', ');
      const [rows] = await my.query(`SELECT ${select} FROM \`${name}\``);
      for (const row of rows as Array<Record<string, string | null>>) {
        const values = Object.fromEntries(
          names.map((c) => [
            c,
            row[c] === null ? null : Buffer.from(row[c] as string, 'hex').toString('utf8'),
          ]),
        );
        out.push({ place: `mysql:${name}`, text: JSON.stringify(names.map((c) => row[c])), values });
      }
    }
    return out;
  };

  const dumpRedis = async (): Promise<Dump> => {
    const out: Dump = [];
    for (const key of (await redis.keys(`${redisPrefix}*`)).sort()) {
      const type = await redis.type(key);
      let value: string[];
      if (type === 'string') value = [hex((await redis.getBuffer(key)) ?? '')];
      else if (type === 'hash') {
        const all = await redis.hgetallBuffer(key);
        value = Object.entries(all)
          .map(([f, v]) => `${hex(f)}=${hex(v)}`)
          .sort();
      } else if (type === 'set') value = (await redis.smembersBuffer(key)).map(hex).sort();
      else if (type === 'list') value = (await redis.lrangeBuffer(key, 0, -1)).map(hex);
      else if (type === 'zset') value = await redis.zrange(key, 0, -1, 'WITHSCORES');
      else value = [type];
      const expires = (await redis.pttl(key)) >= 0;
      const local = key.slice(redisPrefix.length);
      out.push({
        place: 'redis',
        text: JSON.stringify([local, type, expires, value]),
        values: { key: local, type },
      });
    }
    return out;
  };

  const dumpFiles = async (): Promise<Dump> => {
    const out: Dump = [];
    for (const full of (await walk(filesDir)).sort()) {
      const path = relative(filesDir, full).split(sep).join('/');
      const sha = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
      out.push({ place: 'files', text: JSON.stringify([path, sha]), values: { path } });
    }
    return out;
  };

  return {
    pgUrl: scratch.url,
    mysqlUrl,
    redisPrefix,
    filesDir,
    factory,
    redis,
    async pg(sql, params) {
      await pgClient.query(sql, params as unknown[]);
    },
    async mysql(sql, params) {
      await my.query(sql, params);
    },
    async file(path, content) {
      const full = join(filesDir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    },
    async dump() {
      return [
        ...(await dumpPostgres()),
        ...(await dumpMysql()),
        ...(await dumpRedis()),
        ...(await dumpFiles()),
      ];
    },
    async drop() {
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await pgClient.end();
      await my.query(`DROP DATABASE IF EXISTS ${id}`);
      await my.end();
      await scratch.drop();
      await rm(filesDir, { recursive: true, force: true });
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

/** What a request changed, item by item, from two dumps. */
export interface DumpChanges {
  /** Items of the first dump missing from the second (removed, or changed). */
  gone: DumpItem[];
  /** Items of the second dump missing from the first (added, or changed). */
  added: DumpItem[];
}

/** The items that differ between two dumps, as multisets of exact texts per place. */
export function dumpChanges(before: Dump, after: Dump): DumpChanges {
  const count = new Map<string, number>();
  const keyOf = (item: DumpItem) => `${item.place}\u0000${item.text}`;
  for (const item of after) count.set(keyOf(item), (count.get(keyOf(item)) ?? 0) + 1);
  const gone: DumpItem[] = [];
  for (const item of before) {
    const n = count.get(keyOf(item)) ?? 0;
    if (n > 0) count.set(keyOf(item), n - 1);
    else gone.push(item);
  }
  const added = after.filter((item) => {
    const n = count.get(keyOf(item)) ?? 0;
    if (n <= 0) return false;
    count.set(keyOf(item), n - 1);
    return true;
  });
  return { gone, added };
}

/**
 * Checks that only the subject's items changed: every item of `before` that is not the
 * subject's is in `after` byte for byte, and every new or changed item of `after` takes the
 * place of one of the subject's items in the same place. Returns the subject's items that
 * went, for the test's own assertions; throws naming the first item of another subject that
 * changed (its place and text: test data only).
 */
export function expectOnlySubjectChanged(
  before: Dump,
  after: Dump,
  isSubject: (item: DumpItem) => boolean,
): DumpItem[] {
  const { gone, added } = dumpChanges(before, after);
  const others = gone.filter((item) => !isSubject(item));
  if (others.length > 0) {
    throw new Error(
      `another subject's data changed: ${others.map((o) => `${o.place} ${o.text}`).join('; ')}`,
    );
  }
  const freed = new Map<string, number>();
  for (const item of gone) freed.set(item.place, (freed.get(item.place) ?? 0) + 1);
  for (const item of added) {
    const n = freed.get(item.place) ?? 0;
    if (n === 0)
      throw new Error(`an item appeared that replaces none of the subject's: ${item.place} ${item.text}`);
    freed.set(item.place, n - 1);
  }
  return gone;
}
