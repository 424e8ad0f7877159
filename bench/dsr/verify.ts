import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { World } from './world.js';

const DELETED = ['accounts', 'third_party_logins', 'devices', 'device_shares'] as const;

/** Rows the manifest keeps unlinked and anonymised, and the condition a kept row must meet. */
const ANONYMISED = {
  alarm_events:
    "device_id IS NULL AND account_id IS NULL AND kind IS NULL AND screenshot_key IS NULL AND occurred_at = date_trunc('year', occurred_at, 'UTC')",
  intercom_sessions:
    "device_id IS NULL AND account_id IS NULL AND audio_key IS NULL AND started_at = date_trunc('year', started_at, 'UTC')",
} as const;

/**
 * Checks an erasure from outside both lanes: every row, key and file the access phase found
 * is gone, except the alarm events and intercom sessions, which must still be there,
 * unlinked and anonymised as the manifest says. Returns what is wrong (empty when none).
 */
export class ErasureCheck {
  readonly #pg: pg.Client;
  readonly #redis: Redis;
  readonly #world: World;

  private constructor(client: pg.Client, redis: Redis, world: World) {
    this.#pg = client;
    this.#redis = redis;
    this.#world = world;
  }

  static async open(world: World): Promise<ErasureCheck> {
    const client = new pg.Client({ connectionString: world.pgUrl });
    await client.connect();
    const redis = new Redis(world.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    redis.on('error', () => {});
    await redis.connect();
    return new ErasureCheck(client, redis, world);
  }

  async problems(keys: Record<string, Array<string | number>>): Promise<string[]> {
    const out: string[] = [];
    const ids = (table: string) => (keys[`camera_pg.${table}`] ?? []).map(Number);
    for (const table of DELETED) {
      const { rows } = await this.#pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${table} WHERE id = ANY($1::bigint[])`,
        [ids(table)],
      );
      if (Number(rows[0]?.n) > 0) out.push(`${table}: ${rows[0]?.n} row(s) left`);
    }
    for (const [table, condition] of Object.entries(ANONYMISED)) {
      const wanted = ids(table);
      const { rows } = await this.#pg.query<{ kept: string; clean: string }>(
        `SELECT count(*) AS kept, count(*) FILTER (WHERE ${condition}) AS clean FROM ${table} WHERE id = ANY($1::bigint[])`,
        [wanted],
      );
      if (Number(rows[0]?.kept) !== wanted.length)
        out.push(`${table}: ${rows[0]?.kept} of ${wanted.length} kept`);
      if (Number(rows[0]?.clean) !== wanted.length) {
        out.push(`${table}: ${wanted.length - Number(rows[0]?.clean)} row(s) not unlinked and anonymised`);
      }
    }
    const redisKeys = Object.entries(keys)
      .filter(([c]) => c.startsWith('camera_redis.'))
      .flatMap(([, k]) => k.map((key) => this.#world.redisPrefix + String(key)));
    if (redisKeys.length > 0) {
      const left = await this.#redis.exists(...redisKeys);
      if (left > 0) out.push(`redis: ${left} key(s) left`);
    }
    // The app's index of sessions must not list an erased session any more.
    const sets = ids('accounts').map((a) => `${this.#world.redisPrefix}account-sessions:${a}`);
    if (sets.length > 0) {
      const left = await this.#redis.exists(...sets);
      if (left > 0) out.push(`redis: ${left} session index set(s) left`);
    }
    for (const [collection, paths] of Object.entries(keys)) {
      if (!collection.startsWith('camera_files.')) continue;
      for (const path of paths) {
        const exists = await access(join(this.#world.filesDir, String(path))).then(
          () => true,
          () => false,
        );
        if (exists) out.push(`${collection}: a file is left`);
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await this.#pg.end();
    this.#redis.disconnect();
  }
}
