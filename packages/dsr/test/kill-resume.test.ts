import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { anonymiseValue, createConnector, maskText, type StatementEvent } from '@pledge/connectors';
import { migrateToLatest, openStore, type Store } from '@pledge/store';
import { createScratchDatabase, type ScratchDatabase, serviceAvailable } from '@pledge/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DsrQueue, openDsrQueue } from '../src/index.js';
import { exampleManifest, withDatasets } from './fixtures.js';

const SECRET = 'kill-resume-secret';
/** The ledger's subject key: PostgreSQL is production mode, which needs one configured. */
const SUBJECT_KEY = 'kill-resume-subject-key-0123';
const BATCH = 10;
const SUBJECT = { devices: 25, messages: 60, events: 200 };
const OTHER = { devices: 3, messages: 5, events: 10 };
const OTHERS = 4;
const root = fileURLToPath(new URL('../../../', import.meta.url));

const DATASETS = `
- id: kill_pg
  datastore: { kind: postgres, connection: KILL_PG_URL }
  collections:
    - name: accounts
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id, categories: [account-id] }
        - { name: email, identity: email, categories: [email] }
        - { name: name, categories: [name] }
        - { name: phone, categories: [phone] }
    - name: devices
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id }
        - { name: account_id, references: kill_pg.accounts.id, categories: [account-id] }
        - { name: serial, categories: [mining-machine] }
    - name: messages
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id }
        - { name: account_id, references: kill_pg.accounts.id, categories: [account-id] }
        - { name: body, categories: [support-request] }
    - name: events
      primaryKey: id
      fields:
        - { name: id, erasure: keep }
        - { name: device_id, references: kill_pg.devices.id, erasure: "null" }
        - { name: account_id, references: kill_pg.accounts.id, categories: [account-id], erasure: "null" }
        - { name: token, categories: [cookie-id], erasure: hash }
        - { name: note, categories: [email], erasure: mask }
        - { name: at, categories: [service-usage-log], erasure: anonymise }
        - { name: ip, categories: [ip-address], legalHold: login-records }
`;

type Row = Record<string, unknown>;
type Dump = Record<'accounts' | 'devices' | 'messages' | 'events', Row[]>;

async function seed(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, name text, phone text);
    CREATE TABLE devices (id integer PRIMARY KEY, account_id integer NOT NULL REFERENCES accounts(id), serial text);
    CREATE TABLE messages (id integer PRIMARY KEY, account_id integer NOT NULL REFERENCES accounts(id), body text);
    CREATE TABLE events (id integer PRIMARY KEY, device_id integer REFERENCES devices(id),
      account_id integer REFERENCES accounts(id), token text, note text, at timestamptz, ip text);`);
  let device = 1;
  let message = 1;
  let event = 1;
  for (let a = 1; a <= OTHERS + 1; a++) {
    const n = a === 1 ? SUBJECT : OTHER;
    await client.query('INSERT INTO accounts VALUES ($1, $2, $3, $4)', [
      a,
      `acct${a}@example.test`,
      `Name ${a}`,
      `+1555000${a}`,
    ]);
    const devices: number[] = [];
    for (let i = 0; i < n.devices; i++, device++) {
      devices.push(device);
      await client.query('INSERT INTO devices VALUES ($1, $2, $3)', [device, a, `SN-${a}-${i}`]);
    }
    await client.query(
      'INSERT INTO messages SELECT g, $1::int, $2::text || g FROM generate_series($3::int, $4::int) g',
      [a, `message of ${a} #`, message, message + n.messages - 1],
    );
    message += n.messages;
    await client.query(
      `INSERT INTO events SELECT g, ($1::int[])[1 + (g % $2)], $3::int, 'tok-' || g, 'note' || g || '@mail.test',
         timestamptz '2024-06-15 10:00:00+00' + g * interval '1 hour', '10.1.' || $3::text || '.' || (g % 250)
       FROM generate_series($4::int, $5::int) g`,
      [devices, devices.length, a, event, event + n.events - 1],
    );
    event += n.events;
  }
}

async function dump(url: string): Promise<Dump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out = {} as Dump;
  for (const table of ['accounts', 'devices', 'messages', 'events'] as const) {
    out[table] = (await client.query(`SELECT * FROM ${table} ORDER BY id`)).rows;
  }
  await client.end();
  return out;
}

const hmac = (value: string) => `hmac:${createHmac('sha256', SECRET).update(value, 'utf8').digest('hex')}`;

const pgUp = await serviceAvailable('PostgreSQL', '127.0.0.1', 5432);

describe.skipIf(!pgUp)('an erasure killed mid-way resumes on PostgreSQL', () => {
  let data: ScratchDatabase;
  let jobs: ScratchDatabase;
  let store: Store;
  let queue: DsrQueue;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    data = await createScratchDatabase('pledge_dsr_data');
    jobs = await createScratchDatabase('pledge_dsr_jobs');
    const client = new pg.Client({ connectionString: data.url });
    await client.connect();
    try {
      await seed(client);
    } finally {
      await client.end();
    }
    store = await openStore({ url: jobs.url, poolSize: 3 });
    await migrateToLatest(store.db);
    queue = await openDsrQueue(store);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await queue?.close();
    await store?.close();
    await data?.drop();
    await jobs?.drop();
  });

  it('completes after SIGKILL, changing exactly the planned rows once', async () => {
    const manifest = withDatasets(exampleManifest('antsentry'), DATASETS);
    const before = await dump(data.url);
    const created = await queue.submit({
      manifest,
      kind: 'erase',
      identity: { email: ['acct1@example.test'] },
      batchSize: BATCH,
    });
    if (!created.ok) throw new Error(created.issues.map((i) => i.code).join());
    const order = created.plan.writeOrder.map((i) => created.plan.steps[i]?.collection);
    expect(order).toEqual(['events', 'messages', 'devices', 'accounts']);

    child = spawn(
      process.execPath,
      ['--conditions=@pledge/source', '--import', 'tsx', 'packages/dsr/test/worker-child.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          PLEDGE_DATABASE_URL: jobs.url,
          KILL_PG_URL: data.url,
          PLEDGE_ERASURE_SECRET: SECRET,
          PLEDGE_SUBJECT_KEY: SUBJECT_KEY,
          PLEDGE_DSR_BATCH_PAUSE_MS: '60',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    // Kill once some steps are done and another is part-way through its batches.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const steps = await queue.db
        .selectFrom('pledge_dsr_steps')
        .selectAll()
        .where('request_id', '=', created.id)
        .execute();
      const done = steps.filter((s) => s.status === 'done').length;
      if (done >= 1 && steps.some((s) => s.status === 'running' && s.batches_done >= 1)) break;
      if (Date.now() > deadline) throw new Error('the worker never got part-way');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = await queue.db
      .selectFrom('pledge_dsr_steps')
      .selectAll()
      .where('request_id', '=', created.id)
      .orderBy('step_index')
      .execute();
    expect((await queue.state(created.id))?.status).toBe('running');
    expect(atKill.some((s) => s.status === 'done')).toBe(true);
    expect(atKill.some((s) => s.status !== 'done')).toBe(true);
    const partway = atKill.find((s) => s.status === 'running');
    expect(partway?.batches_done).toBeGreaterThan(0);

    // A new worker on the same store takes the request over once its heartbeat is stale.
    const seen: StatementEvent[] = [];
    const worker = await queue.work({
      connectors: (dataset) => {
        const connector = createConnector(dataset.datastore.kind, data.url);
        connector.onStatement((e) => seen.push(e));
        return connector;
      },
      secret: SECRET,
      subjectKey: SUBJECT_KEY,
      staleAfterMs: 1000,
      recoverEveryMs: 250,
      pollingIntervalSeconds: 0.5,
    });
    const state = await queue.wait(created.id, { timeoutMs: 60_000 });
    await worker.stop();
    expect(state.status).toBe('completed');
    expect(state.report?.failures).toEqual([]);

    const after = await dump(data.url);
    const isSubject = (r: Row) => r.account_id === 1;
    // Every other subject's rows are identical.
    expect(after.accounts).toEqual(before.accounts.filter((r) => r.id !== 1));
    expect(after.devices).toEqual(before.devices.filter((r) => !isSubject(r)));
    expect(after.messages).toEqual(before.messages.filter((r) => !isSubject(r)));
    const subjectEvents = new Set(before.events.filter(isSubject).map((r) => r.id));
    expect(after.events.filter((r) => !subjectEvents.has(r.id))).toEqual(
      before.events.filter((r) => !isSubject(r)),
    );
    // The subject's events: unlinked, token hashed exactly once, note masked, time generalised, ip kept (legal hold).
    const expected = before.events.filter(isSubject).map((r) => ({
      ...r,
      device_id: null,
      account_id: null,
      token: hmac(r.token as string),
      note: maskText(r.note as string),
      at: anonymiseValue(r.at, 'timestamp'),
    }));
    expect(after.events.filter((r) => subjectEvents.has(r.id))).toEqual(expected);
    expect(expected).toHaveLength(SUBJECT.events);

    // Statement counts: ceil(N / B) erase statements per table in all, and the new worker
    // sent only those not recorded as done when the first one died.
    const rows = {
      events: SUBJECT.events,
      messages: SUBJECT.messages,
      devices: SUBJECT.devices,
      accounts: 1,
    };
    const finalSteps = state.report?.steps ?? [];
    for (const [table, n] of Object.entries(rows)) {
      const step = finalSteps.find((s) => s.collection === table);
      const killed = atKill.find((s) => s.collection === table);
      const batches = Math.ceil(n / BATCH);
      expect(step).toMatchObject({ status: 'done', statements: batches, batchesDone: batches, located: n });
      const resumed = seen.filter((e) => e.operation === 'erase' && e.collection === table).length;
      expect(resumed).toBe(killed?.status === 'done' ? 0 : batches - (killed?.batches_done ?? 0));
    }
    // No locate was sent again: keys stored before the crash were used as they were.
    expect(seen.filter((e) => e.operation === 'locate')).toEqual([]);
  });
});
