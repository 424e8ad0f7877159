import { randomBytes } from 'node:crypto';
import { exampleDefinitions, generate, type KnownSubject, knownSubject } from '@pledge/refdata';
import { createScratchDatabase, type ScratchDatabase, serviceAvailable } from '@pledge/testing';
import { Redis } from 'ioredis';
import pg from 'pg';

const REDIS_URL = process.env.PLEDGE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ANTSENTRY = exampleDefinitions.antsentry;
const SQL_DATASET = ANTSENTRY.sql.dataset;
const REDIS_DATASET = ANTSENTRY.redis?.dataset ?? 'antsentry_redis';
/** The key that marks a Redis logical database as taken by one test file (see {@link claimRedisDb}). */
const CLAIM_KEY = 'pledge-e2e:claim';
const CLAIM_SECONDS = 3600;

/** Every stored item of the AntSentry datastores: `dataset|collection|primary key` (SQL) or `dataset|*|key` (Redis), to its JSON. */
export type StoreSnapshot = Map<string, string>;

/** The AntSentry reference datastores of one test file, and the subjects in them. */
export interface ReferenceStores {
  /** The variables the manifest names (`PLEDGE_ANTSENTRY_PG_URL`, `PLEDGE_ANTSENTRY_REDIS_URL`), for the server. */
  readonly env: Readonly<Record<string, string>>;
  /** Subject `index` as generated (identities and rows per collection). */
  subject(index: number): KnownSubject;
  /** Every row and key, read now. */
  snapshot(): Promise<StoreSnapshot>;
  /** Drops the database and empties and releases the Redis database. */
  drop(): Promise<void>;
}

/** Whether PostgreSQL and Redis answer (prints `SKIP:` and answers false when not, or throws under PLEDGE_REQUIRE_SERVICES=1). */
export async function referenceStoresUp(): Promise<boolean> {
  const redis = new URL(REDIS_URL);
  const up = await Promise.all([
    serviceAvailable('PostgreSQL', '127.0.0.1', 5432),
    serviceAvailable('Redis', redis.hostname, Number(redis.port || 6379)),
  ]);
  return up.every(Boolean);
}

/**
 * Claims a Redis logical database (1 to 15) for this test file: the server reads the datastore
 * from a URL alone (`PLEDGE_ANTSENTRY_REDIS_URL`), which can name a database but not a key
 * prefix, so a database is the unit of isolation. The claim is a key set only if absent (with
 * an expiry, so a crashed run frees it); the claimant empties the rest of the database, which
 * only a file that lost its claim could have left there.
 */
async function claimRedisDb(token: string): Promise<{ url: string; client: Redis }> {
  for (let db = 1; db <= 15; db++) {
    const url = new URL(REDIS_URL);
    url.pathname = `/${db}`;
    const client = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 2 });
    await client.connect();
    if ((await client.set(CLAIM_KEY, token, 'EX', CLAIM_SECONDS, 'NX')) === 'OK') {
      const stale = (await client.keys('*')).filter((k) => k !== CLAIM_KEY);
      if (stale.length > 0) await client.unlink(...stale);
      return { url: url.toString(), client };
    }
    await client.quit();
  }
  throw new Error('no free Redis database among 1 to 15');
}

/** Reads every row of the AntSentry tables and every key of its Redis database. */
async function readAll(pgUrl: string, redis: Redis): Promise<StoreSnapshot> {
  const out: StoreSnapshot = new Map();
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    for (const table of ANTSENTRY.sql.tables) {
      const { rows } = await client.query(`SELECT * FROM "${table.name}" ORDER BY id`);
      for (const row of rows) out.set(`${SQL_DATASET}|${table.name}|${String(row.id)}`, JSON.stringify(row));
    }
  } finally {
    await client.end();
  }
  for (const key of (await redis.keys('*')).sort()) {
    if (key === CLAIM_KEY) continue;
    const type = await redis.type(key);
    const value =
      type === 'hash'
        ? Object.entries(await redis.hgetall(key)).sort()
        : type === 'set'
          ? (await redis.smembers(key)).sort()
          : await redis.get(key);
    out.set(`${REDIS_DATASET}|*|${key}`, JSON.stringify(value));
  }
  return out;
}

/**
 * Loads the AntSentry reference data (`generate` of @pledge/refdata, `scale` subjects, seed 1)
 * into a scratch PostgreSQL database and a claimed Redis database of its own, so test files
 * running at the same time never see each other's rows.
 */
export async function openReferenceStores(scale = 6): Promise<ReferenceStores> {
  const token = randomBytes(8).toString('hex');
  let scratch: ScratchDatabase | undefined;
  let redis: { url: string; client: Redis } | undefined;
  const drop = async () => {
    if (redis) {
      const held = await redis.client.get(CLAIM_KEY);
      if (held === token) {
        const keys = (await redis.client.keys('*')).filter((k) => k !== CLAIM_KEY);
        if (keys.length > 0) await redis.client.unlink(...keys);
        await redis.client.del(CLAIM_KEY);
      }
      await redis.client.quit();
    }
    await scratch?.drop();
  };
  try {
    scratch = await createScratchDatabase('pledge_journey');
    redis = await claimRedisDb(token);
    await generate({
      example: 'antsentry',
      scale,
      seed: 1,
      targets: { pgUrl: scratch.url, redisUrl: redis.url },
    });
  } catch (error) {
    await drop();
    throw error;
  }
  const { url: pgUrl } = scratch;
  const { url: redisUrl, client } = redis;
  return {
    env: { PLEDGE_ANTSENTRY_PG_URL: pgUrl, PLEDGE_ANTSENTRY_REDIS_URL: redisUrl },
    subject: (index) => knownSubject('antsentry', index, 1, scale),
    snapshot: () => readAll(pgUrl, client),
    drop,
  };
}

/**
 * Whether a stored item belongs to the subject with `userId`: its users row, a row whose
 * `user_id` is theirs, or a Redis hash whose `user_id` field is theirs.
 */
export function belongsTo(key: string, json: string, userId: string): boolean {
  const [dataset, collection, id] = key.split('|');
  if (dataset === SQL_DATASET) {
    const row = JSON.parse(json) as Record<string, unknown>;
    return collection === 'users' ? id === userId : String(row.user_id) === userId;
  }
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) && value.some((e) => Array.isArray(e) && e[0] === 'user_id' && e[1] === userId);
}
