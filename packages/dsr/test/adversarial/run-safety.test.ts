import { randomBytes } from 'node:crypto';
import { type Connector, createConnector, RedisConnector } from '@pledge/connectors';
import type { Manifest } from '@pledge/core';
import { migrateToLatest, openStore, type Store } from '@pledge/store';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPlan,
  type ConnectorFactory,
  ConnectorPool,
  confirmRoots,
  createRequest,
  dsrDb,
  migrateDsr,
  preflight,
  type RequestInput,
  type RequestReport,
  runRequest,
} from '../../src/index.js';
import { REDIS_URL, serversUp } from '../example-stores.js';
import { exampleManifest, withDatasets } from '../fixtures.js';
import { type Dump, type DumpItem, expectOnlySubjectChanged, openWorld, type World } from './world.js';

// Run safety: a request that cannot do its work honestly writes nothing, says why in words,
// and a request that would reach several people waits for a person to confirm the count.
const up = await serversUp();
const SECRET = 'run-safety-erasure-secret';
const SHARED = 'shared@example.com';

const datasets = (crm: { hashAge?: boolean } = {}) => `
- id: app
  datastore: { kind: postgres, connection: APP_DB }
  collections:
    - name: accounts
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id, categories: [account-id] }
        - { name: email, identity: email, categories: [email] }
        - { name: name, categories: [account-profile] }
    - name: orders
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id }
        - { name: account_id, references: app.accounts.id, categories: [account-id] }
        - { name: note, categories: [account-profile] }
- id: crm
  datastore: { kind: mysql, connection: CRM_DB }
  collections:
    - name: contacts
      primaryKey: id
      fields:
        - { name: id, erasure: keep }
        - { name: email, identity: email, categories: [email], erasure: hash }
        - { name: age, categories: [account-profile], erasure: ${crm.hashAge ? 'hash' : 'anonymise'} }
`;

const newsletter = `
- id: app
  datastore: { kind: postgres, connection: APP_DB }
  collections:
    - name: newsletter
      primaryKey: email
      fields:
        - { name: email, identity: email, categories: [email], erasure: "null" }
        - { name: topic, categories: [account-profile], erasure: "null" }
`;

const pushes = `
- id: app
  datastore: { kind: postgres, connection: APP_DB }
  collections:
    - name: accounts
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id, categories: [account-id] }
        - { name: email, identity: email, categories: [email] }
        - { name: name, categories: [account-profile] }
- id: cache
  datastore: { kind: redis, connection: CACHE_URL }
  collections:
    - name: "push:{account_id}"
      erasure: delete-row
      fields:
        - { name: account_id, references: app.accounts.id, categories: [account-id] }
        - { name: token, categories: [account-profile] }
`;

describe.skipIf(!up)('adversarial: run safety (review, preflight, honest outcomes)', () => {
  let world: World;
  let store: Store;
  let base: Manifest;
  let manifest: Manifest;
  const tag = randomBytes(3).toString('hex');
  const pgRole = `runsafe_ro_${tag}`;
  const pgFrozen = `runsafe_frozen_${tag}`;
  const myUser = `runsafe_ro_${tag}`;

  beforeAll(async () => {
    world = await openWorld('runsafe');
    store = await openStore();
    await migrateToLatest(store.db);
    await migrateDsr(dsrDb(store));
    base = exampleManifest('camera-app');
    manifest = withDatasets(base, datasets());
    await world.pg('CREATE TABLE accounts (id int PRIMARY KEY, email text, name text)');
    await world.pg(
      'CREATE TABLE orders (id int PRIMARY KEY, account_id int REFERENCES accounts(id), note text)',
    );
    await world.pg('CREATE TABLE newsletter (email text PRIMARY KEY, topic text)');
    await world.pg(`INSERT INTO accounts VALUES
      (1, '${SHARED}', 'Ann'), (2, '${SHARED}', 'Ben'), (3, '${SHARED}', 'Cat'),
      (4, 'dan@example.com', 'Dan'), (5, 'eve@example.com', 'Eve'), (6, 'fay@example.com', 'Fay')`);
    await world.pg(`INSERT INTO orders VALUES
      (10, 1, 'ann order'), (20, 2, 'ben order'), (30, 3, 'cat order'),
      (40, 4, 'dan order'), (50, 5, 'eve order'), (60, 6, 'fay order')`);
    await world.pg(
      `INSERT INTO newsletter VALUES ('gil@example.com', 'cameras'), ('hal@example.com', 'doors')`,
    );
    await world.mysql(
      'CREATE TABLE contacts (id int PRIMARY KEY, email varchar(120), age int) ENGINE=InnoDB',
    );
    await world.mysql(`INSERT INTO contacts VALUES
      (1, '${SHARED}', 31), (4, 'dan@example.com', 44), (5, 'eve@example.com', 52), (6, 'fay@example.com', 27)`);
  });
  afterAll(async () => {
    await world?.mysql(`DROP USER IF EXISTS '${myUser}'@'%'`).catch(() => {});
    for (const role of [pgRole, pgFrozen]) {
      await world?.pg(`DROP OWNED BY ${role}`).catch(() => {});
      await world?.pg(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
    }
    await store?.close();
    await world?.drop();
  });

  const submit = async (input: Omit<RequestInput, 'manifest'> & { manifest?: Manifest }) => {
    const created = await createRequest(dsrDb(store), { manifest, ...input });
    if (!created.ok) throw new Error(`not created: ${created.issues.map((i) => i.code).join(', ')}`);
    return created.id;
  };
  const run = async (id: string, options: { secret?: string; factory?: ConnectorFactory } = {}) => {
    const outcome = await runRequest(store, id, {
      worker: `runsafe-${tag}`,
      connectors: options.factory ?? world.factory,
      staleAfterMs: 60_000,
      ...(options.secret ? { secret: options.secret } : {}),
    });
    const row = await dsrDb(store)
      .selectFrom('pledge_dsr_requests')
      .select(['status', 'roots_matched', 'report'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { outcome, ...row, report: row.report as RequestReport };
  };
  const expectUnchanged = (before: Dump, after: Dump) => expectOnlySubjectChanged(before, after, () => false);
  const text = (report: RequestReport) => JSON.stringify(report);

  it('an e-mail shared by three accounts waits in needs-review, a wrong count is refused, the right one runs', async () => {
    const before = await world.dump();
    const id = await submit({ kind: 'erase', identity: { email: [SHARED] } });
    const held = await run(id, { secret: SECRET });
    expect(held.outcome.status).toBe('needs-review');
    expect(held.status).toBe('needs-review');
    // Three accounts: three root rows, stated as a count, never as values. The CRM contact
    // is found by the e-mail too, but its rows are not subjects (no identity key, no children).
    expect(held.roots_matched).toBe(3);
    expect(held.report.review).toEqual({
      total: 3,
      ambiguous: true,
      confirmed: null,
      collections: [{ dataset: 'app', collection: 'accounts', matched: 3 }],
    });
    expect(text(held.report)).not.toContain(SHARED);
    expectUnchanged(before, await world.dump());

    // Another run before confirmation changes nothing either.
    expect((await run(id, { secret: SECRET })).outcome.status).toBe('busy');
    const wrong = await confirmRoots(dsrDb(store), id, 2);
    expect(wrong).toMatchObject({ ok: false, code: 'dsr.roots-mismatch' });
    expect((await run(id, { secret: SECRET })).status).toBe('needs-review');
    expectUnchanged(before, await world.dump());

    expect(await confirmRoots(dsrDb(store), id, 3)).toEqual({ ok: true, id, roots: 3 });
    const done = await run(id, { secret: SECRET });
    expect([done.status, done.report.failures]).toEqual(['completed', []]);
    const subject = new Set(['1', '2', '3']);
    const gone = expectOnlySubjectChanged(before, await world.dump(), (item: DumpItem) => {
      if (item.place === 'pg:accounts') return subject.has(item.values.id ?? '');
      if (item.place === 'pg:orders') return subject.has(item.values.account_id ?? '');
      if (item.place === 'mysql:contacts') return item.values.email === SHARED;
      return false;
    });
    // A finished request cannot be confirmed again.
    expect(await confirmRoots(dsrDb(store), id, 3)).toMatchObject({ ok: false, code: 'dsr.not-in-review' });
    expect(gone.map((g) => g.place).sort()).toEqual([
      'mysql:contacts',
      'pg:accounts',
      'pg:accounts',
      'pg:accounts',
      'pg:orders',
      'pg:orders',
      'pg:orders',
    ]);
  });

  it('a count confirmed in advance that matches lets a request run without review', async () => {
    const id = await submit({
      kind: 'access',
      identity: { email: ['eve@example.com', 'fay@example.com'] },
      confirmRoots: 2,
    });
    const result = await run(id);
    expect(result.status).toBe('completed');
    const other = await submit({
      kind: 'access',
      identity: { email: ['eve@example.com', 'fay@example.com'] },
      confirmRoots: 3,
    });
    // An access package holding two people's data is a disclosure: it waits too.
    expect((await run(other)).status).toBe('needs-review');
  });

  it('a missing erasure secret is found before anything is written, in any store', async () => {
    const before = await world.dump();
    const id = await submit({ kind: 'erase', identity: { email: ['dan@example.com'] } });
    const result = await run(id);
    expect(result.status).toBe('failed');
    expect(result.report.preflight).toEqual([
      expect.objectContaining({ dataset: 'crm', collection: 'contacts', check: 'secret' }),
    ]);
    expect(result.report.failures).toEqual([
      expect.objectContaining({ dataset: 'crm', collection: 'contacts', code: 'preflight.secret' }),
    ]);
    expect(result.report.failures[0]?.message).toMatch(/PLEDGE_ERASURE_SECRET/);
    // app.orders and app.accounts come before crm in no order that matters: none was touched.
    expect(result.report.steps.every((s) => s.affected === 0 && s.statements === 0)).toBe(true);
    expectUnchanged(before, await world.dump());
  });

  it('a read-only MariaDB user is found before anything is written, and said in words', async () => {
    await world.mysql(`CREATE USER '${myUser}'@'%' IDENTIFIED BY 'ro-password'`);
    await world.mysql(
      `GRANT SELECT ON \`${new URL(world.mysqlUrl).pathname.slice(1)}\`.* TO '${myUser}'@'%'`,
    );
    const url = Object.assign(new URL(world.mysqlUrl), { username: myUser, password: 'ro-password' });
    const factory: ConnectorFactory = (dataset) =>
      dataset.datastore.kind === 'mysql' ? createConnector('mysql', url.toString()) : world.factory(dataset);
    const before = await world.dump();
    const id = await submit({ kind: 'erase', identity: { email: ['dan@example.com'] } });
    const result = await run(id, { secret: SECRET, factory });
    expect(result.status).toBe('failed');
    expect(result.report.preflight).toEqual([
      expect.objectContaining({ dataset: 'crm', collection: 'contacts', check: 'privilege' }),
    ]);
    const message = result.report.failures[0]?.message ?? '';
    expect(message).toContain('crm.contacts (mysql)');
    expect(message).toContain('may not UPDATE columns of contacts');
    expectUnchanged(before, await world.dump());
  });

  it('a read-only PostgreSQL role, or a role whose sessions are read-only, is found before anything is written', async () => {
    await world.pg(`CREATE ROLE ${pgRole} LOGIN PASSWORD 'ro-password'`);
    await world.pg(`GRANT SELECT ON accounts, orders, newsletter TO ${pgRole}`);
    await world.pg(`CREATE ROLE ${pgFrozen} LOGIN PASSWORD 'ro-password'`);
    await world.pg(`GRANT SELECT, UPDATE, DELETE ON accounts, orders, newsletter TO ${pgFrozen}`);
    await world.pg(`ALTER ROLE ${pgFrozen} SET default_transaction_read_only = on`);
    for (const [role, check, words] of [
      [pgRole, 'privilege', 'may not DELETE rows of accounts'],
      [pgFrozen, 'read-only', 'the connection is read-only'],
    ] as const) {
      const url = Object.assign(new URL(world.pgUrl), { username: role, password: 'ro-password' });
      const factory: ConnectorFactory = (dataset) =>
        dataset.datastore.kind === 'postgres'
          ? createConnector('postgres', url.toString())
          : world.factory(dataset);
      const before = await world.dump();
      const id = await submit({ kind: 'erase', identity: { email: ['dan@example.com'] } });
      const result = await run(id, { secret: SECRET, factory });
      expect(result.status).toBe('failed');
      expect(result.report.preflight?.map((p) => `${p.dataset}.${p.collection}:${p.check}`)).toContain(
        `app.accounts:${check}`,
      );
      const failure = result.report.failures.find((f) => f.collection === 'accounts');
      expect(failure?.message).toContain('app.accounts (postgres)');
      expect(failure?.message).toContain(words);
      expect(failure?.message).not.toMatch(/^\w+ failed \(\w+\)$/);
      expectUnchanged(before, await world.dump());
    }
  });

  it('a Redis user that may only read is found before anything is written', async () => {
    const user = `runsafe_ro_${tag}`;
    await world.redis.hset(`${world.redisPrefix}push:4`, 'token', 'dan-token');
    await world.redis.call(
      'ACL',
      'SETUSER',
      user,
      'on',
      '>ro',
      `~${world.redisPrefix}*`,
      '+@read',
      '+@connection',
      '+info',
    );
    try {
      const url = Object.assign(new URL(REDIS_URL), { username: user, password: 'ro' }).toString();
      const factory: ConnectorFactory = (dataset) =>
        dataset.datastore.kind === 'redis'
          ? (new RedisConnector({ url, keyPrefix: world.redisPrefix }) as Connector)
          : world.factory(dataset);
      const before = await world.dump();
      const id = await submit({
        manifest: withDatasets(base, pushes),
        kind: 'erase',
        identity: { email: ['dan@example.com'] },
      });
      const result = await run(id, { secret: SECRET, factory });
      expect(result.status).toBe('failed');
      expect(result.report.preflight?.map((p) => `${p.dataset}.${p.collection}:${p.check}`)).toEqual([
        'cache.push:{account_id}:privilege',
      ]);
      expect(result.report.failures[0]?.message).toContain(
        'preflight refused cache.push:{account_id} (redis), check "write privilege": the Redis user may not run DEL',
      );
      expectUnchanged(before, await world.dump());
    } finally {
      await world.redis.call('ACL', 'DELUSER', user);
      await world.redis.del(`${world.redisPrefix}push:4`);
    }
  });

  it('hashing an integer column is refused at plan time and before anything is written, naming the column', async () => {
    const before = await world.dump();
    const hashing = withDatasets(base, datasets({ hashAge: true }));
    // At plan time (`pledge dsr plan --check`): the preflight of the plan alone.
    const plan = buildPlan(hashing, { kind: 'erase', identity: ['email'] });
    const pool = new ConnectorPool(hashing.datasets, world.factory);
    const atPlan = await preflight({
      pool,
      manifest: hashing,
      plan,
      steps: plan.steps.map((s) => s.index),
      secret: SECRET,
    }).finally(() => pool.closeAll());
    expect(atPlan.map((p) => [p.dataset, p.collection, p.check])).toEqual([
      ['crm', 'contacts', 'column-type'],
    ]);
    expect(atPlan[0]?.message).toContain('column age of contacts');
    const id = await submit({
      manifest: hashing,
      kind: 'erase',
      identity: { email: ['dan@example.com'] },
    });
    const result = await run(id, { secret: SECRET });
    expect(result.status).toBe('failed');
    expect(result.report.preflight).toEqual([
      expect.objectContaining({ dataset: 'crm', collection: 'contacts', check: 'column-type' }),
    ]);
    expect(result.report.preflight?.[0]?.message).toMatch(
      /column age of contacts \(int\) cannot take the hash strategy/,
    );
    expectUnchanged(before, await world.dump());
  });

  it('an erasure that matches nobody ends no-data-found, not completed', async () => {
    const before = await world.dump();
    const id = await submit({ kind: 'erase', identity: { email: ['nobody@example.com'] } });
    const result = await run(id, { secret: SECRET });
    expect(result.status).toBe('no-data-found');
    expect(result.report.steps.every((s) => s.located === 0)).toBe(true);
    expectUnchanged(before, await world.dump());
  });

  it('a key column that cannot be rewritten is reported not-erased and the request ends partial', async () => {
    const before = await world.dump();
    const id = await submit({
      manifest: withDatasets(base, newsletter),
      kind: 'erase',
      identity: { email: ['gil@example.com'] },
    });
    const result = await run(id, { secret: SECRET });
    expect(result.status).toBe('partial');
    expect(result.report.notErased).toEqual([
      {
        dataset: 'app',
        collection: 'newsletter',
        field: 'email',
        reason: expect.stringContaining('is the key of newsletter'),
      },
    ]);
    const gone = expectOnlySubjectChanged(
      before,
      await world.dump(),
      (item) => item.place === 'pg:newsletter' && item.values.email === 'gil@example.com',
    );
    expect(gone).toHaveLength(1);
    // The topic was erased; the key stays, as the report says.
    const row = (await world.dump()).find(
      (i) => i.place === 'pg:newsletter' && i.values.email === 'gil@example.com',
    );
    expect(row?.values.topic).toBeNull();
  });
  it('a write refused inside a datastore transaction rolls the group back, then each step is written alone and the refusal is reported against its own table', async () => {
    await world.pg("INSERT INTO accounts VALUES (7, 'gus@example.com', 'Gus')");
    await world.pg("INSERT INTO orders VALUES (70, 7, 'gus order')");
    await world.pg(`CREATE FUNCTION refuse_gus() RETURNS trigger AS $$
      BEGIN IF OLD.id = 7 THEN RAISE EXCEPTION 'refused'; END IF; RETURN OLD; END $$ LANGUAGE plpgsql`);
    await world.pg(
      'CREATE TRIGGER refuse_gus BEFORE DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION refuse_gus()',
    );
    try {
      const before = await world.dump();
      const id = await submit({ kind: 'erase', identity: { email: ['gus@example.com'] } });
      const seen: string[] = [];
      const factory: ConnectorFactory = (dataset) => {
        const connector = world.factory(dataset);
        connector?.onStatement((e) => seen.push(`${e.operation} ${e.collection} ${e.text.slice(0, 6)}`));
        return connector;
      };
      const result = await run(id, { secret: SECRET, factory });
      expect(seen.filter((e) => e.startsWith('transaction') || e.startsWith('erase'))).toEqual([
        'transaction (transaction) BEGIN',
        'erase orders DELETE',
        'erase accounts DELETE',
        'erase orders DELETE',
        'erase accounts DELETE',
      ]);
      // The order and the account are written in one transaction; the account's refusal rolls
      // both back, and written alone the order is erased and the account reported failed.
      expect(result.status).toBe('partial');
      expect(result.report.failures).toEqual([
        {
          dataset: 'app',
          collection: 'accounts',
          code: 'store-failed:P0001',
          message: expect.stringContaining('accounts'),
        },
      ]);
      const orders = result.report.steps.find((s) => s.collection === 'orders');
      expect(orders).toMatchObject({ status: 'done', affected: 1, statements: 1 });
      const changed = expectOnlySubjectChanged(
        before,
        await world.dump(),
        (item) => item.place === 'pg:orders' && item.values.id === '70',
      );
      expect(changed).toHaveLength(1);
    } finally {
      await world.pg('DROP TRIGGER refuse_gus ON accounts');
      await world.pg('DROP FUNCTION refuse_gus()');
      await world.pg('DELETE FROM orders WHERE id = 70');
      await world.pg('DELETE FROM accounts WHERE id = 7');
    }
  });
  it("a datastore transaction commits only once the previous datastore's progress is stored: the store refusing it leaves the transaction's tables as they were", async () => {
    await world.pg("INSERT INTO accounts VALUES (8, 'ivy@example.com', 'Ivy')");
    await world.pg("INSERT INTO orders VALUES (80, 8, 'ivy order')");
    await world.mysql("INSERT INTO contacts VALUES (8, 'ivy@example.com', 38)");
    try {
      const before = await world.dump();
      const created = await createRequest(dsrDb(store), {
        manifest,
        kind: 'erase',
        identity: { email: ['ivy@example.com'] },
      });
      if (!created.ok) throw new Error('not created');
      // The CRM (no transactions) is written first; the app's two tables then in one transaction.
      const order = created.plan.writeOrder.map((i) => created.plan.steps[i]?.dataset);
      expect(order).toEqual(['crm', 'app', 'app']);
      // The store refuses the statement storing the CRM's progress, sent with the app's writes.
      const refusing = {
        transformQuery: (args: { node: unknown }) => {
          const text = JSON.stringify(args.node);
          // A progress write of its own (the end writes steps inside its request update).
          if (text.includes('set status = v.status') && !text.includes('pledge_dsr_requests'))
            throw new Error('store down');
          return args.node;
        },
        transformResult: async (args: { result: unknown }) => args.result,
      } as unknown as KyselyPlugin;
      const seen: string[] = [];
      const factory: ConnectorFactory = (dataset) => {
        const connector = world.factory(dataset);
        connector?.onStatement((e) => seen.push(`${e.operation} ${e.collection} ${e.text.slice(0, 8)}`));
        return connector;
      };
      const options = { worker: `runsafe-${tag}`, connectors: factory, staleAfterMs: 60_000, secret: SECRET };
      await expect(
        runRequest({ ...store, db: store.db.withPlugin(refusing) }, created.id, options),
      ).rejects.toThrow('store down');
      // The app's deletes were sent inside the transaction, then rolled back: nothing of it kept.
      expect(seen.filter((e) => e.startsWith('erase orders') || e.startsWith('erase accounts'))).toHaveLength(
        2,
      );
      expect(seen).not.toContain('transaction (transaction) COMMIT');
      const after = await world.dump();
      const app = (dump: Dump) => dump.filter((i) => i.place.startsWith('pg:'));
      expect(app(after)).toEqual(app(before));
      // A later run finishes the request.
      const done = await runRequest(store, created.id, options);
      expect(done.status).toBe('completed');
      const ivy = (await world.dump()).filter(
        (i) =>
          (i.place === 'pg:accounts' && i.values.id === '8') ||
          (i.place === 'pg:orders' && i.values.id === '80'),
      );
      expect(ivy).toEqual([]);
    } finally {
      await world.pg('DELETE FROM orders WHERE id = 80');
      await world.pg('DELETE FROM accounts WHERE id = 8');
      await world.mysql('DELETE FROM contacts WHERE id = 8');
    }
  });
});
