import { createHash } from 'node:crypto';
import { readdir, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnownSubject } from '@pledge/refdata';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Lane, LaneRun, Phase } from '../lane.js';
import type { StatementCounts } from '../probe.js';
import type { World } from '../world.js';
import { type BaselineCollection, zipRows } from './package.js';
import { ACCESS, ERASE } from './statements.js';

type Row = Record<string, unknown>;

const FOLDERS = [
  { collection: 'camera_files.screenshots/{account_id}', folder: 'screenshots' },
  { collection: 'camera_files.intercom/{account_id}', folder: 'intercom' },
] as const;

/**
 * The baseline: a hand-written script for the camera-app deployment that does the same
 * reads and the same erasure as Pledge's plan, with no Pledge code. One long-lived
 * PostgreSQL connection with named (prepared) statements, one Redis client with pipelines
 * (the sessions of an account from the app's `account-sessions:{account_id}` set), plain
 * `fs` calls. It finds the same rows (checked against `knownSubject`) and leaves the
 * datastores in the same state (checked by `verifyErased`).
 */
export class BaselineLane implements Lane {
  readonly name = 'baseline (hand-written)';
  readonly #pg: pg.Client;
  readonly #redis: Redis;
  readonly #world: World;
  #counts: StatementCounts = { sql: 0, redis: 0, files: 0 };
  #kindMs: Record<string, number> = {};

  private constructor(client: pg.Client, redis: Redis, world: World) {
    this.#pg = client;
    this.#redis = redis;
    this.#world = world;
  }

  static async open(world: World): Promise<BaselineLane> {
    const client = new pg.Client({ connectionString: world.pgUrl });
    await client.connect();
    const redis = new Redis(world.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    redis.on('error', () => {});
    await redis.connect();
    return new BaselineLane(client, redis, world);
  }

  async #timed<T>(kind: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.#kindMs[kind] = (this.#kindMs[kind] ?? 0) + performance.now() - started;
    }
  }

  async #sql(name: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<Row>> {
    this.#counts.sql++;
    return this.#timed('postgres', () => this.#pg.query<Row>({ name: `bench_${name}`, text, values }));
  }

  async #fs<T>(call: () => Promise<T>): Promise<T> {
    this.#counts.files++;
    return this.#timed('files', call);
  }

  async #redisCall<T>(call: (client: Redis) => Promise<T>): Promise<T> {
    this.#counts.redis++;
    return this.#timed('redis', () => call(this.#redis));
  }

  /** Session keys (without prefix) of `accounts`: their `account-sessions:{account_id}` sets, one pipeline. */
  async #sessionKeys(accounts: readonly number[]): Promise<string[]> {
    if (accounts.length === 0) return [];
    const prefix = this.#world.redisPrefix;
    const replies = await this.#redisCall((r) => {
      const pipeline = r.pipeline();
      for (const account of accounts) pipeline.smembers(`${prefix}account-sessions:${account}`);
      return pipeline.exec();
    });
    return [...new Set((replies ?? []).flatMap(([, members]) => members as string[]))];
  }

  /** Files of the accounts in one folder collection, relative to the root (missing folders: none). */
  async #files(folder: string, accounts: readonly number[]): Promise<string[]> {
    const out: string[] = [];
    for (const account of accounts) {
      const names = await this.#fs(() => readdir(join(this.#world.filesDir, folder, String(account)))).catch(
        (error: { code?: string }) => (error.code === 'ENOENT' ? [] : Promise.reject(error)),
      );
      for (const name of names.sort()) out.push(`${folder}/${account}/${name}`);
    }
    return out;
  }

  async run(phase: Phase, subject: KnownSubject): Promise<LaneRun> {
    this.#counts = { sql: 0, redis: 0, files: 0 };
    this.#kindMs = {};
    const started = performance.now();
    const result = phase === 'access' ? await this.#access(subject) : await this.#erase(subject);
    const ms = performance.now() - started;
    return {
      ...result,
      ms,
      rows: Object.values(result.perCollection).reduce((sum, n) => sum + n, 0),
      statements: this.#counts,
      kindMs: this.#kindMs,
    };
  }

  async #access(subject: KnownSubject): Promise<Omit<LaneRun, 'ms' | 'rows' | 'statements' | 'kindMs'>> {
    const id = subject.identities;
    const accounts = (
      await this.#sql('a_accounts', ACCESS.accounts, [
        id['user-id'] ?? [],
        id.phone ?? [],
        id.email ?? [],
        id['external-id'] ?? [],
        id['device-serial'] ?? [],
      ])
    ).rows;
    const accountIds = accounts.map((r) => Number(r.id));
    const logins = (
      await this.#sql('a_logins', ACCESS.thirdPartyLogins, [id['external-id'] ?? [], accountIds])
    ).rows;
    const devices = (await this.#sql('a_devices', ACCESS.devices, [id['device-serial'] ?? [], accountIds]))
      .rows;
    const deviceIds = devices.map((r) => Number(r.id));
    const byDevice = [deviceIds, accountIds];
    const shares = (await this.#sql('a_shares', ACCESS.deviceShares, byDevice)).rows;
    const alarms = (await this.#sql('a_alarms', ACCESS.alarmEvents, byDevice)).rows;
    const intercom = (await this.#sql('a_intercom', ACCESS.intercomSessions, byDevice)).rows;

    const prefix = this.#world.redisPrefix;
    const pushKeys = accountIds.map((a) => `push:${a}`);
    const pushReplies = await this.#redisCall((r) => {
      const pipeline = r.pipeline();
      for (const key of pushKeys) pipeline.hgetall(prefix + key);
      return pipeline.exec();
    });
    const push = pushKeys
      .map((key, i) => ({ key, fields: (pushReplies?.[i]?.[1] ?? {}) as Record<string, string> }))
      .filter((p) => Object.keys(p.fields).length > 0)
      .map((p) => ({ account_id: p.key.slice('push:'.length), ...p.fields }));
    const sessionKeys = await this.#sessionKeys(accountIds);
    const sessionReplies =
      sessionKeys.length === 0
        ? []
        : await this.#redisCall((r) => {
            const pipeline = r.pipeline();
            for (const key of sessionKeys) pipeline.hgetall(prefix + key);
            return pipeline.exec();
          });
    // The set is the app's own index: a key listed there but gone (expired) is skipped.
    const sessions = sessionKeys
      .map((key, i) => ({
        id: key.slice('session:'.length),
        ...((sessionReplies?.[i]?.[1] ?? {}) as Record<string, string>),
      }))
      .filter((row) => Object.keys(row).length > 1);

    const collections: BaselineCollection[] = [
      { name: 'camera_pg.accounts', rows: accounts },
      { name: 'camera_pg.third_party_logins', rows: logins },
      { name: 'camera_pg.devices', rows: devices },
      { name: 'camera_pg.device_shares', rows: shares },
      { name: 'camera_pg.alarm_events', rows: alarms },
      { name: 'camera_pg.intercom_sessions', rows: intercom },
    ];
    for (const { collection, folder } of FOLDERS) {
      const rows: Row[] = [];
      for (const path of await this.#files(folder, accountIds)) {
        const full = join(this.#world.filesDir, path);
        const info = await this.#fs(() => stat(full));
        const content = await this.#fs(() => readFile(full));
        rows.push({
          path,
          account_id: path.split('/')[1],
          name: path.split('/').pop(),
          size: info.size,
          modified: info.mtime.toISOString(),
          sha256: createHash('sha256').update(content).digest('hex'),
        });
      }
      collections.push({ name: collection, rows });
    }
    collections.push({ name: 'camera_redis.push:{account_id}', rows: push });
    collections.push({ name: 'camera_redis.session:{id}', rows: sessions });
    const zip = zipRows(collections);

    const keys: Record<string, Array<string | number>> = {};
    const perCollection: Record<string, number> = {};
    for (const c of collections) {
      perCollection[c.name] = c.rows.length;
      keys[c.name] = c.rows.map((r) =>
        c.name.startsWith('camera_redis.push')
          ? `push:${String(r.account_id)}`
          : c.name.startsWith('camera_redis.session')
            ? `session:${String(r.id)}`
            : c.name.startsWith('camera_files.')
              ? String(r.path)
              : Number(r.id),
      );
    }
    return { perCollection, keys, packageBytes: zip.length };
  }

  async #erase(subject: KnownSubject): Promise<Omit<LaneRun, 'ms' | 'rows' | 'statements' | 'kindMs'>> {
    const id = subject.identities;
    const accountIds = (
      await this.#sql('e_accounts', ERASE.accountIds, [
        id['user-id'] ?? [],
        id.phone ?? [],
        id.email ?? [],
        id['external-id'] ?? [],
        id['device-serial'] ?? [],
      ])
    ).rows.map((r) => Number(r.id));
    const deviceIds = (
      await this.#sql('e_devices', ERASE.deviceIds, [id['device-serial'] ?? [], accountIds])
    ).rows.map((r) => Number(r.id));
    const perCollection: Record<string, number> = {};

    // Children first, as Pledge's write order: Redis, files, then the tables.
    const prefix = this.#world.redisPrefix;
    const sessions = await this.#sessionKeys(accountIds);
    const pushKeys = accountIds.map((a) => `push:${a}`);
    const [pushDeleted, sessionsDeleted] = await this.#redisCall(async (r) => {
      const pipeline = r.pipeline();
      pipeline.del(...pushKeys.map((k) => prefix + k));
      if (sessions.length > 0) pipeline.del(...sessions.map((k) => prefix + k));
      pipeline.del(...accountIds.map((a) => `${prefix}account-sessions:${a}`));
      const replies = (await pipeline.exec()) ?? [];
      return [Number(replies[0]?.[1] ?? 0), Number(replies[1]?.[1] ?? 0)];
    });
    perCollection['camera_redis.push:{account_id}'] = pushDeleted ?? 0;
    perCollection['camera_redis.session:{id}'] = sessionsDeleted ?? 0;

    for (const { collection, folder } of FOLDERS) {
      const files = await this.#files(folder, accountIds);
      for (const path of files) await this.#fs(() => unlink(join(this.#world.filesDir, path)));
      const folders = [...new Set(files.map((f) => f.split('/').slice(0, 2).join('/')))];
      for (const dir of folders) await this.#fs(() => rmdir(join(this.#world.filesDir, dir)));
      perCollection[collection] = files.length;
    }

    const byDevice = [deviceIds, accountIds];
    await this.#sql('begin', 'BEGIN');
    try {
      perCollection['camera_pg.intercom_sessions'] =
        (await this.#sql('e_intercom', ERASE.intercomSessions, byDevice)).rowCount ?? 0;
      perCollection['camera_pg.alarm_events'] =
        (await this.#sql('e_alarms', ERASE.alarmEvents, byDevice)).rowCount ?? 0;
      perCollection['camera_pg.device_shares'] =
        (await this.#sql('e_shares', ERASE.deviceShares, byDevice)).rowCount ?? 0;
      perCollection['camera_pg.devices'] =
        (await this.#sql('e_devices_del', ERASE.devices, [deviceIds])).rowCount ?? 0;
      perCollection['camera_pg.third_party_logins'] =
        (await this.#sql('e_logins', ERASE.thirdPartyLogins, [id['external-id'] ?? [], accountIds]))
          .rowCount ?? 0;
      perCollection['camera_pg.accounts'] =
        (await this.#sql('e_accounts_del', ERASE.accounts, [accountIds])).rowCount ?? 0;
      await this.#sql('commit', 'COMMIT');
    } catch (error) {
      await this.#pg.query('ROLLBACK');
      throw error;
    }
    return { perCollection };
  }

  async close(): Promise<void> {
    await this.#pg.end();
    this.#redis.disconnect();
  }
}
