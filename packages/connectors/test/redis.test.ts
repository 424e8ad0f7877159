import { Redis } from 'ioredis';
import { expect, it } from 'vitest';
import { ConnectorError, createConnector, RedisConnector } from '../src/index.js';
import { runConformance } from './conformance.js';
import { type ConformanceFixture, recordsModel } from './conformance-fixture.js';
import { collection, ORDER_FIELDS, ORDERS, stableJson, USER_FIELDS, USERS } from './seed.js';
import { describeWithService, redisService, runId } from './servers.js';

const service = redisService();
const prefix = `pledge:conn:${runId()}:`;
const users = collection('user:{id}', USER_FIELDS);
const orders = collection('order:{id}', ORDER_FIELDS);

function hashOf(row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => k !== 'id')
      .map(([k, v]) => [k, String(v)]),
  );
}

async function keysOf(admin: Redis): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    out.push(...keys);
  } while (cursor !== '0');
  return out.sort();
}

async function redisFixture(admin: Redis): Promise<ConformanceFixture> {
  const seed = async (kind: string, rows: ReadonlyArray<{ id: number } & Record<string, unknown>>) => {
    const pipeline = admin.pipeline();
    for (const row of rows) pipeline.hset(`${prefix}${kind}:${row.id}`, hashOf(row));
    await pipeline.exec();
  };
  return {
    ...recordsModel(users, orders, (into, rows) => seed(into === 'people' ? 'user' : 'order', rows)),
    connector: new RedisConnector({ url: service.url, keyPrefix: prefix }),
    async reset() {
      const keys = await keysOf(admin);
      if (keys.length > 0) await admin.del(...keys);
      await seed('user', USERS);
      await seed('order', ORDERS);
      // Keys of another shape under the same words must never be read as rows.
      await admin.set(`${prefix}user:1:settings`, 'dark-mode');
    },
    async snapshot() {
      const out = new Map<string, string>();
      for (const full of await keysOf(admin)) {
        const key = full.slice(prefix.length);
        const type = await admin.type(full);
        const content =
          type === 'hash'
            ? Object.entries(await admin.hgetall(full)).sort()
            : type === 'set'
              ? (await admin.smembers(full)).sort()
              : await admin.get(full);
        const name =
          key.startsWith('user:') && !key.endsWith(':settings')
            ? users.name
            : key.startsWith('order:')
              ? orders.name
              : 'other';
        out.set(`${name}|${key}`, stableJson({ type, content, ttl: (await admin.pttl(full)) > 0 }));
      }
      return out;
    },
    // mask and anonymise are computed by the shared module: one fetch and one apply per batch.
    expectedTransformStatements: (n, b) => 2 * Math.ceil(n / b),
    async drop() {
      const keys = await keysOf(admin);
      if (keys.length > 0) await admin.del(...keys);
      admin.disconnect();
    },
  };
}

await describeWithService(service, 'Redis connector', () => {
  let admin: Redis;
  const fixture = runConformance({
    name: 'redis',
    async open() {
      admin = new Redis(service.url);
      return redisFixture(admin);
    },
  });

  it('locates by the id part of the key, and skips ids that have no key', async () => {
    const f = fixture();
    expect(await f.connector.locate(users, { field: 'id', values: [1, '3', 77] })).toEqual([
      'user:1',
      'user:3',
    ]);
    const error = await f.connector.locate(users, { field: 'id', values: ['1:settings'] }).catch((e) => e);
    expect([error.code, error.path]).toEqual(['value-invalid', 'where.values[0]']);
    const wrong = await f.connector.read(users, ['order:11']).catch((e) => e);
    expect([wrong.code, wrong.path]).toEqual(['value-invalid', 'keys[0]']);
  });

  it('handles string and set keys: reads, hashes members, keeps the TTL, deletes on null', async () => {
    const f = fixture();
    const tokens = collection('token:{id}', ['id', 'value']);
    const devices = collection('devices:{user_id}', ['user_id', 'serials']);
    await admin.set(`${prefix}token:1`, 'alice-token', 'EX', 600);
    await admin.sadd(`${prefix}devices:1`, 'SN-1', 'SN-2');
    await admin.sadd(`${prefix}devices:2`, 'SN-9');
    await admin.expire(`${prefix}devices:1`, 600);
    expect(await f.connector.locate(devices, { field: 'serials', values: ['SN-2'] })).toEqual(['devices:1']);
    expect(await f.connector.read(devices, ['devices:1'])).toEqual([
      { user_id: '1', serials: ['SN-1', 'SN-2'] },
    ]);
    await f.connector.erase(devices, ['devices:1'], { serials: 'hash' }, { secret: 's' });
    const members = await admin.smembers(`${prefix}devices:1`);
    expect(members.every((m) => /^hmac:[0-9a-f]{64}$/.test(m))).toBe(true);
    expect(await admin.pttl(`${prefix}devices:1`)).toBeGreaterThan(0);
    expect(await admin.smembers(`${prefix}devices:2`)).toEqual(['SN-9']);
    await f.connector.erase(tokens, ['token:1'], { value: 'mask' });
    expect(await admin.get(`${prefix}token:1`)).toBe('a***');
    expect(await admin.ttl(`${prefix}token:1`)).toBeGreaterThan(0);
    expect((await f.connector.erase(tokens, ['token:1'], { value: 'null' })).affected).toBe(1);
    expect(await admin.exists(`${prefix}token:1`)).toBe(0);
    await admin.del(`${prefix}devices:1`, `${prefix}devices:2`);
  });

  it('refuses key patterns that are not one literal placeholder pattern', async () => {
    const f = fixture();
    for (const name of ['user:*', 'user:{id}:{x}', 'user', 'user:[a]{id}', 'user {id}']) {
      const error = await f.connector
        .locate({ ...users, name }, { field: 'id', values: [1] })
        .catch((e) => e);
      expect(error, name).toBeInstanceOf(ConnectorError);
      expect([error.code, error.path]).toEqual(['identifier-invalid', 'collection.name']);
    }
    const error = await f.connector.erase(users, ['user:1'], { id: 'mask' }).catch((e) => e);
    expect([error.code, error.path]).toEqual(['strategy-unsupported', 'plan.id']);
    expect(await admin.get(`${prefix}user:1:settings`)).toBe('dark-mode');
  });

  it('is created by createConnector from a URL', async () => {
    const connector = createConnector('redis', { url: service.url, keyPrefix: prefix });
    await connector.connect();
    try {
      expect(await connector.locate(users, { field: 'email', values: [USERS[1].email] })).toEqual(['user:2']);
    } finally {
      await connector.close();
    }
  });
});
