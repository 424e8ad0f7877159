import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@pledge/refdata';
import { createScratchDatabase, serviceAvailable, TEST_PG_URL } from '@pledge/testing';
import { Redis } from 'ioredis';

/** Redis of the benchmark (the tests' variable). */
export const BENCH_REDIS_URL = process.env.PLEDGE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The three datastores of the camera-app deployment, filled with reference data. */
export interface World {
  pgUrl: string;
  redisUrl: string;
  redisPrefix: string;
  filesDir: string;
  scale: number;
  seed: number;
  /** Rows, keys and files per `dataset.collection`, as generated. */
  counts: Record<string, number>;
  totals: { sqlRows: number; redisKeys: number; files: number; all: number };
  generateMs: number;
  /** Drops the scratch database, the Redis keys under the prefix and the folder. */
  drop(): Promise<void>;
}

/** Whether PostgreSQL and Redis answer (skips with a warning otherwise, see `serviceAvailable`). */
export async function servicesUp(): Promise<{ ok: boolean; missing: string[] }> {
  const pg = new URL(TEST_PG_URL);
  const redis = new URL(BENCH_REDIS_URL);
  const [pgUp, redisUp] = await Promise.all([
    serviceAvailable('PostgreSQL', pg.hostname, Number(pg.port || 5432)),
    serviceAvailable('Redis', redis.hostname, Number(redis.port || 6379)),
  ]);
  const missing = [
    ...(pgUp ? [] : [`PostgreSQL at ${pg.hostname}:${pg.port || 5432}`]),
    ...(redisUp ? [] : [`Redis at ${redis.hostname}:${redis.port || 6379}`]),
  ];
  return { ok: missing.length === 0, missing };
}

/** Deletes every key under `prefix` (SCAN + UNLINK). */
async function dropPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  redis.on('error', () => {});
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Generates the camera-app reference data once (`packages/refdata`) into a scratch
 * PostgreSQL database, a Redis key prefix of its own and a temporary folder. On failure
 * everything made so far is dropped.
 */
export async function createWorld(
  scale: number,
  seed: number,
  log: (message: string) => void,
): Promise<World> {
  const id = `pledge_bench_dsr_${randomBytes(4).toString('hex')}`;
  const redisPrefix = `${id}:`;
  const filesDir = await mkdtemp(join(tmpdir(), `${id}-`));
  const scratch = await createScratchDatabase('pledge_bench_dsr');
  const drop = async () => {
    await Promise.allSettled([
      scratch.drop(),
      dropPrefix(BENCH_REDIS_URL, redisPrefix),
      rm(filesDir, { recursive: true, force: true }),
    ]);
  };
  try {
    let reported = 0;
    const generated = await generate({
      example: 'camera-app',
      scale,
      seed,
      targets: { pgUrl: scratch.url, redisUrl: BENCH_REDIS_URL, redisPrefix, filesDir },
      onProgress: (done) => {
        if (done - reported >= scale / 10 || done === scale) {
          reported = done;
          log(`generated ${done.toLocaleString('en-US')} / ${scale.toLocaleString('en-US')} subjects`);
        }
      },
    });
    return {
      pgUrl: scratch.url,
      redisUrl: BENCH_REDIS_URL,
      redisPrefix,
      filesDir,
      scale,
      seed,
      counts: generated.counts,
      totals: {
        sqlRows: generated.sqlRows,
        redisKeys: generated.redisKeys,
        files: generated.files,
        all: generated.sqlRows + generated.redisKeys + generated.files,
      },
      generateMs: Math.round(generated.durationMs),
      drop,
    };
  } catch (error) {
    await drop();
    throw error;
  }
}
