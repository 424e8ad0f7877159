import type { Manifest } from '@pledge/core';
import { migrateToLatest, openStore, type Store } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessDocument,
  buildPlan,
  createRequest,
  type DsrQueue,
  type IdentityValues,
  openDsrQueue,
  unzipPackage,
} from '../../src/index.js';
import { serversUp } from '../example-stores.js';
import { exampleManifest, withDatasets } from '../fixtures.js';
import { type Dump, type DumpItem, expectOnlySubjectChanged, openWorld, type World } from './world.js';

// Identity matching against the real stores: the manifest's rule decides what matches, never
// a collation, padding or a numeric coercion; every test compares full dumps before and after.
const up = await serversUp();

const DATASETS = `
- id: core
  datastore: { kind: postgres }
  collections:
    - name: accounts
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id }
        - { name: email, identity: email }
        - { name: username, identity: username }
        - { name: phone, identity: phone }
        - { name: seen_at }
    - name: handles
      primaryKey: handle
      erasure: delete-row
      fields:
        - { name: handle, identity: username }
    - name: members
      primaryKey: [org, seq]
      erasure: delete-row
      fields:
        - { name: org }
        - { name: seq }
        - { name: email, identity: email }
- id: legacy
  datastore: { kind: mysql }
  collections:
    - name: users
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id }
        - { name: name, identity: username }
        - { name: login_at }
    - name: orders
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id }
        - { name: account_id, references: core.accounts.id }
- id: cache
  datastore: { kind: redis }
  collections:
    - name: "profile:{username}"
      erasure: delete-row
      fields:
        - { name: username, identity: username }
        - { name: bio }
    - name: "seen:{email}"
      erasure: delete-row
      fields:
        - { name: email, identity: email }
- id: uploads
  datastore: { kind: files }
  collections:
    - name: "uploads/{username}"
      erasure: delete-row
      fields:
        - { name: username, identity: username }
`;

describe.skipIf(!up)('adversarial: identity matching', () => {
  let world: World;
  let store: Store;
  let queue: DsrQueue;
  let manifest: Manifest;

  const run = async (kind: 'access' | 'erase', identity: IdentityValues) => {
    const created = await queue.submit({ manifest, kind, identity });
    if (!created.ok) throw new Error(created.issues.map((i) => i.code).join());
    const state = await queue.wait(created.id, { timeoutMs: 60_000 });
    const steps = await queue.db
      .selectFrom('pledge_dsr_steps')
      .selectAll()
      .where('request_id', '=', created.id)
      .execute();
    const located = steps.flatMap((s) =>
      (s.located_keys ?? []).map((k) => `${s.dataset}.${s.collection}:${String(k)}`),
    );
    return { id: created.id, state, located: located.sort() };
  };

  /** Erases `identity` and checks that only items `isSubject` accepts changed; returns what went. */
  const eraseOnly = async (identity: IdentityValues, isSubject: (item: DumpItem) => boolean) => {
    const before = await world.dump();
    const result = await run('erase', identity);
    const after = await world.dump();
    const gone = expectOnlySubjectChanged(before, after, isSubject);
    return { ...result, gone, before, after };
  };

  const texts = (dump: Dump, place: string) =>
    dump
      .filter((i) => i.place === place)
      .map((i) => i.text)
      .sort();

  beforeAll(async () => {
    world = await openWorld('match');
    manifest = withDatasets(exampleManifest('antsentry'), DATASETS, {
      identities: { email: { match: 'casefold' }, phone: { match: 'e164' }, username: { match: 'exact' } },
    });
    await world.pg(`CREATE TABLE accounts (id int PRIMARY KEY, email text, username text, phone text,
      seen_at timestamp without time zone)`);
    await world.pg(`INSERT INTO accounts VALUES
      (5, 'five@example.com', 'five', NULL, NULL),
      (50, 'fifty@example.com', 'fifty', NULL, NULL),
      (10, 'ALICE@Example.COM', 'alice', NULL, NULL),
      (16, 'tz@example.com', 'tzuser', NULL, '2024-03-01 12:00:00'),
      (11, 'alice@example.com.au', 'alice2', NULL, NULL),
      (12, 'carol@example.com', 'Carol', NULL, NULL),
      (13, 'dora@example.com', 'dora', '+44 20 7946 0958', NULL),
      (14, 'ed@example.com', 'ed', '0044 20 7946 0959', NULL),
      (15, 'fay@example.com', 'fay', '+1 415 555 0100', NULL),
      (20, 'bob@example.com', 'bob', NULL, NULL),
      (21, 'Bob@example.org', 'Bob', NULL, NULL)`);
    await world.pg('CREATE TABLE handles (handle char(8) PRIMARY KEY)');
    await world.pg("INSERT INTO handles VALUES ('bob'), ('Bob'), ('grace')");
    await world.pg('CREATE TABLE members (org text, seq int, email text, PRIMARY KEY (org, seq))');
    await world.pg(`INSERT INTO members VALUES ('acme', 1, 'hana@example.com'), ('acme', 2, 'ivan@example.com'),
      ('zeta', 1, 'Hana@Example.com'), ('zeta', 2, 'jo@example.com')`);
    // MariaDB's default collation: case- and accent-insensitive, and PAD SPACE.
    await world.mysql(
      'CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, name varchar(40), login_at datetime)',
    );
    await world.mysql(
      "INSERT INTO users (name, login_at) VALUES ('bob', '2024-03-01 12:00:00'), ('Bob', NULL), ('BOB ', NULL), ('bob ', NULL), ('böb', NULL), ('Carol', NULL), ('tzuser', '2024-03-01 12:00:00')",
    );
    await world.mysql('CREATE TABLE orders (id int PRIMARY KEY, account_id varchar(10))');
    await world.mysql(
      "INSERT INTO orders VALUES (1, '05'), (2, '5x'), (3, '5.0'), (4, '5'), (5, '5 '), (6, ' 5'), (7, '50')",
    );
    const r = world.redisPrefix;
    await world.redis.set(`${r}profile:bob`, 'b');
    await world.redis.set(`${r}profile:Bob`, 'B');
    await world.redis.set(`${r}profile:b*`, 'glob');
    await world.redis.set(`${r}seen:ALICE@Example.COM`, '1');
    await world.redis.set(`${r}seen:alice@example.com.au`, '1');
    await world.redis.set(`${r}seen:Bob@example.org`, '1');
    await world.file('uploads/bob/a.png', 'bob');
    await world.file('uploads/Bob/a.png', 'Bob');
    await world.file('uploads/carol/a.png', 'carol');
    store = await openStore();
    await migrateToLatest(store.db);
    queue = await openDsrQueue(store);
    await queue.work({ connectors: world.factory, secret: 'adv-secret', pollingIntervalSeconds: 0.5 });
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await store?.close();
    await world?.drop();
  });

  it('refuses an empty or blank identity value through the library API, touching nothing', async () => {
    const before = await world.dump();
    for (const identity of [
      { username: [''] },
      { email: ['   '] },
      { email: ['a@example.com', '\t'] },
    ] as IdentityValues[]) {
      const created = await createRequest(queue.db, { manifest, kind: 'erase', identity });
      expect(created.ok).toBe(false);
      if (created.ok) continue;
      expect(created.issues.map((i) => i.code)).toEqual(['dsr.identity-invalid']);
      expect(created.issues[0]?.path).toMatch(/^identity\.(username|email)\[\d\]$/);
    }
    const count = await queue.db
      .selectFrom('pledge_dsr_requests')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
    expect(await world.dump()).toEqual(before);
  });

  it('refuses glob characters and path parts where a Redis key or file path is built, without echoing the value', async () => {
    const before = await world.dump();
    for (const value of ['b*', 'b?b', '[bB]ob', 'bo\\b', '../carol', 'a/b', '..']) {
      const created = await createRequest(queue.db, {
        manifest,
        kind: 'erase',
        identity: { username: [`canary-${value}`] },
      });
      expect(created.ok, value).toBe(false);
      if (created.ok) continue;
      expect(created.issues[0]?.code).toBe('dsr.identity-invalid');
      expect(JSON.stringify(created.issues)).not.toContain('canary');
    }
    expect(await world.dump()).toEqual(before);
  });

  it('MariaDB default collation: bob erases bob only, not Bob, BOB , bob  or böb', async () => {
    const { gone, located } = await eraseOnly(
      { username: ['bob'] },
      (i) =>
        (i.place === 'mysql:users' && i.values.name === 'bob') ||
        (i.place === 'pg:accounts' && i.values.username === 'bob') ||
        (i.place === 'pg:handles' && i.values.handle === 'bob     ') ||
        (i.place === 'redis' && i.values.key === 'profile:bob') ||
        (i.place === 'files' && i.values.path === 'uploads/bob/a.png'),
    );
    expect(gone.map((i) => i.place).sort()).toEqual([
      'files',
      'mysql:users',
      'pg:accounts',
      'pg:handles',
      'redis',
    ]);
    expect(located.filter((k) => k.startsWith('legacy.users'))).toHaveLength(1);
  });

  it('a trailing space is part of the value: bob  (with a space) is not bob on MariaDB or a PostgreSQL char(n)', async () => {
    const { gone } = await eraseOnly(
      { username: ['bob '] },
      (i) => i.place === 'mysql:users' && i.values.name === 'bob ',
    );
    expect(gone.map((i) => `${i.place}:${JSON.stringify(i.values.name)}`)).toEqual(['mysql:users:"bob "']);
  });

  it('a mixed-case username is not found under the exact rule', async () => {
    const before = await world.dump();
    const { located } = await run('erase', { username: ['carol'] });
    // Only the exact folder `uploads/carol` is the subject's; `Carol` rows stay.
    expect(located.filter((k) => !k.startsWith('uploads.'))).toEqual([]);
    const after = await world.dump();
    expectOnlySubjectChanged(
      before,
      after,
      (i) => i.place === 'files' && i.values.path === 'uploads/carol/a.png',
    );
    expect(texts(after, 'pg:accounts')).toEqual(texts(before, 'pg:accounts'));
    expect(texts(after, 'mysql:users')).toEqual(texts(before, 'mysql:users'));
  });

  it('a mixed-case stored e-mail is found under casefold, and nothing that only looks alike', async () => {
    const access = await run('access', { email: ['alice@EXAMPLE.com'] });
    const files = unzipPackage((await queue.package(access.id)) as Uint8Array);
    const doc = JSON.parse(files['access.json'] as string) as AccessDocument;
    const accounts = doc.collections.find((c) => c.collection === 'accounts')?.rows ?? [];
    expect(accounts.map((r) => r.id)).toEqual([10]);
    const { gone } = await eraseOnly(
      { email: ['alice@EXAMPLE.com'] },
      (i) =>
        (i.place === 'pg:accounts' && i.values.id === '10') ||
        (i.place === 'redis' && i.values.key === 'seen:ALICE@Example.COM'),
    );
    expect(gone.map((i) => i.place).sort()).toEqual(['pg:accounts', 'redis']);
  });

  it('E.164: +44 (0)20 7946-0958 finds the number written with spaces, not its neighbour', async () => {
    const { gone } = await eraseOnly(
      { phone: ['+44 (0)20 7946-0958'] },
      (i) => i.place === 'pg:accounts' && i.values.id === '13',
    );
    expect(gone).toHaveLength(1);
    const { gone: second } = await eraseOnly(
      { phone: ['+442079460959'] },
      (i) => i.place === 'pg:accounts' && i.values.id === '14',
    );
    expect(second).toHaveLength(1);
    const created = await createRequest(queue.db, {
      manifest,
      kind: 'erase',
      identity: { phone: ['12345'] },
    });
    expect(created.ok).toBe(false);
  });

  it('a numeric id from PostgreSQL matches the MariaDB text 5 only, not 05, 5x, 5.0, 5  or 50', async () => {
    const { gone } = await eraseOnly(
      { 'user-id': ['5'] },
      (i) =>
        (i.place === 'pg:accounts' && i.values.id === '5') ||
        (i.place === 'mysql:orders' && i.values.account_id === '5'),
    );
    expect(gone.map((i) => i.place).sort()).toEqual(['mysql:orders', 'pg:accounts']);
    for (const value of ['05', '5.0', '+5', '5x']) {
      const before = await world.dump();
      const { located } = await run('erase', { 'user-id': [value] });
      expect(located, value).toEqual([]);
      expect(await world.dump(), value).toEqual(before);
    }
  });

  it('a table without a primary key column of its own: a composite key erases the one row', async () => {
    const access = await run('access', { email: ['HANA@example.com'] });
    const files = unzipPackage((await queue.package(access.id)) as Uint8Array);
    const doc = JSON.parse(files['access.json'] as string) as AccessDocument;
    const read = doc.collections.find((c) => c.collection === 'members')?.rows ?? [];
    expect(read.map((r) => [r.org, r.seq])).toEqual([
      ['acme', 1],
      ['zeta', 1],
    ]);
    // Kept while the row stays: a field erasure never rewrites a column of the key.
    const fieldsPlan = buildPlan(
      {
        ...manifest,
        datasets: manifest.datasets.map((d) => ({
          ...d,
          collections: d.collections.map((c) =>
            c.name === 'members' ? { ...c, erasure: 'fields' as const } : c,
          ),
        })),
      },
      { kind: 'erase' },
    );
    const step = fieldsPlan.steps.find((x) => x.collection === 'members');
    expect(step?.keyField).toBe('org,seq');
    expect(step?.erasure?.fields.map((f) => [f.field, f.strategy])).toEqual([
      ['org', 'keep'],
      ['seq', 'keep'],
      ['email', 'null'],
    ]);
    expect(step?.erasure?.plan).toEqual({ email: 'null' });
    // Fields compared by a normalising rule, not stored normalised, are reported with their cost.
    const costly = fieldsPlan.issues.filter((i) => i.code === 'dsr.match-normalises-column');
    expect(costly.map((i) => i.message.split(' ')[0])).toEqual([
      'core.accounts.email',
      'core.accounts.phone',
      'core.members.email',
      'cache.seen:{email}.email',
    ]);
    const { gone, located } = await eraseOnly(
      { email: ['HANA@example.com'] },
      (i) => i.place === 'pg:members' && i.values.email?.toLowerCase() === 'hana@example.com',
    );
    expect(located.filter((k) => k.startsWith('core.members'))).toEqual([
      'core.members:["acme",1]',
      'core.members:["zeta",1]',
    ]);
    expect(gone).toHaveLength(2);
  });

  it('timestamps leave in their true instant whatever the host time zone', async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        const access = await run('access', { username: ['tzuser'] });
        const files = unzipPackage((await queue.package(access.id)) as Uint8Array);
        const doc = JSON.parse(files['access.json'] as string) as AccessDocument;
        const rows = (collection: string) => doc.collections.find((c) => c.collection === collection)?.rows;
        // PostgreSQL timestamp without time zone and MariaDB DATETIME, both written in UTC.
        expect(
          rows('accounts')?.map((r) => r.seen_at),
          tz,
        ).toEqual(['2024-03-01T12:00:00.000Z']);
        expect(
          rows('users')?.map((r) => r.login_at),
          tz,
        ).toEqual(['2024-03-01T12:00:00.000Z']);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
