import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ConnectorError, type StatementEvent } from '../src/index.js';
import { RedisConnector } from '../src/redis/connector.js';
import type { CollectionRef } from '../src/types.js';
import { describeWithService, redisService, runId } from './servers.js';

const service = redisService();
const prefix = `pledge:scale:${runId()}:`;
const FIELDS = ['account_id', 'ip', 'created_at'].map((name) => ({ name }));
/** Sessions found by account through the set the application keeps per account. */
const sessions: CollectionRef = {
  name: 'session:{id}',
  fields: FIELDS,
  indexes: [{ field: 'account_id', set: 'account-sessions:{account_id}' }],
};
/** The same keys with no index declared: located by a scan. */
const scanned: CollectionRef = { name: 'session:{id}', fields: FIELDS };
// A canary: no identity value may appear in a statement event.
const CANARY = 'canary-7d1f';

async function snapshot(admin: Redis): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const full of (await admin.keys(`${prefix}*`)).sort()) {
    const type = await admin.type(full);
    const value = type === 'hash' ? await admin.hgetall(full) : (await admin.smembers(full)).sort();
    out.set(full.slice(prefix.length), JSON.stringify({ type, value }));
  }
  return out;
}

await describeWithService(service, 'Redis connector: index sets', () => {
  let admin: Redis;
  let connector: RedisConnector;
  let events: StatementEvent[];

  beforeAll(async () => {
    admin = new Redis(service.url);
    connector = new RedisConnector({ url: service.url, keyPrefix: prefix });
    await connector.connect();
    connector.onStatement((event) => events.push(event));
  });

  beforeEach(async () => {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    const session = (id: string, account: string) =>
      admin.hset(`${prefix}session:${id}`, {
        account_id: account,
        ip: '192.0.2.1',
        created_at: '2026-01-01',
      });
    await session('a', CANARY);
    await session('b', CANARY);
    await session('c', '2');
    await session('d', '2');
    // Members are keys or ids; a stale member (expired key) and a wrong one (another
    // account's session) must not make a key the account's.
    await admin.sadd(`${prefix}account-sessions:${CANARY}`, 'session:a', 'b', 'session:gone', 'session:c');
    await admin.sadd(`${prefix}account-sessions:2`, 'session:c', 'd');
    events = [];
  });

  afterAll(async () => {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await connector.close();
    admin.disconnect();
  });

  it('locates by an indexed field through its set, with no scan, finding what a scan finds', async () => {
    const found = await connector.locate(sessions, { field: 'account_id', values: [CANARY] });
    expect(found.sort()).toEqual(['session:a', 'session:b']);
    const texts = events.map((e) => e.text);
    expect(texts).toEqual(['SMEMBERS (pipeline)', 'EVAL match']);
    expect(texts).toEqual(
      connector.describe(sessions, { operation: 'locate', field: 'account_id' }).map((d) => d.text),
    );
    expect(JSON.stringify(events)).not.toContain(CANARY);
    events = [];
    const byScan = await connector.locate(scanned, { field: 'account_id', values: [CANARY] });
    expect(byScan.sort()).toEqual(found.sort());
    expect(events.map((e) => e.text)).toContain('SCAN MATCH');
    expect(await connector.locate(sessions, { field: 'account_id', values: ['nobody'] })).toEqual([]);
  });

  it('still locates by a field with no index, by scanning', async () => {
    const found = await connector.locate(sessions, { field: 'ip', values: ['192.0.2.1'] });
    expect(found.sort()).toEqual(['session:a', 'session:b', 'session:c', 'session:d']);
    expect(events.map((e) => e.text)).toContain('SCAN MATCH');
    expect(events.map((e) => e.text)).not.toContain('SMEMBERS (pipeline)');
  });

  it('erasure takes deleted keys out of their set and leaves every other key as it was', async () => {
    const before = await snapshot(admin);
    const keys = await connector.locate(sessions, { field: 'account_id', values: [CANARY] });
    events = [];
    const result = await connector.erase(sessions, keys, { account_id: 'delete-row' });
    expect(result.affected).toBe(2);
    expect(events.map((e) => e.text)).toEqual(
      connector
        .describe(sessions, { operation: 'erase', plan: { account_id: 'delete-row' } })
        .map((d) => d.text),
    );
    expect(JSON.stringify(events)).not.toContain(CANARY);
    const after = await snapshot(admin);
    // The account's set lost exactly the erased keys (in either form); stale and wrong
    // members were not the erasure's to remove.
    expect(JSON.parse(after.get(`account-sessions:${CANARY}`) ?? '{}').value).toEqual([
      'session:c',
      'session:gone',
    ]);
    for (const key of before.keys()) {
      if (key === `account-sessions:${CANARY}` || keys.includes(key)) continue;
      expect(after.get(key), key).toBe(before.get(key));
    }
    expect(after.has('session:a') || after.has('session:b')).toBe(false);
  });

  it('a set left empty is gone, and rewriting the indexed field takes the key out of its set', async () => {
    await connector.erase(sessions, ['session:d'], { account_id: 'delete-row' });
    expect(await admin.smembers(`${prefix}account-sessions:2`)).toEqual(['session:c']);
    const result = await connector.erase(sessions, ['session:c'], { account_id: 'null' });
    expect(result.affected).toBe(1);
    expect(await admin.exists(`${prefix}account-sessions:2`)).toBe(0);
    expect(await admin.hgetall(`${prefix}session:c`)).toEqual({ ip: '192.0.2.1', created_at: '2026-01-01' });
    // An erasure that leaves the indexed field alone leaves the set alone.
    await connector.erase(sessions, ['session:a'], { ip: 'null' });
    expect((await admin.smembers(`${prefix}account-sessions:${CANARY}`)).sort()).toContain('session:a');
  });

  it('refuses an index whose set does not name its field, or names an undeclared field', async () => {
    const wrongSet = { ...sessions, indexes: [{ field: 'account_id', set: 'account-sessions:{id}' }] };
    const error = await connector
      .locate(wrongSet, { field: 'account_id', values: ['2'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect([(error as ConnectorError).code, (error as ConnectorError).path]).toEqual([
      'identifier-invalid',
      'collection.indexes[0].set',
    ]);
    const unknown = { ...sessions, indexes: [{ field: 'owner', set: 'owner-sessions:{owner}' }] };
    const refused = await connector
      .erase(unknown, ['session:c'], { account_id: 'delete-row' })
      .catch((e: unknown) => e);
    expect((refused as ConnectorError).path).toBe('collection.indexes[0].field');
    expect(await admin.exists(`${prefix}session:c`)).toBe(1);
  });
});
