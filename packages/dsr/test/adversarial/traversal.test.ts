import { readFileSync } from 'node:fs';
import type { Manifest } from '@pledge/core';
import { fidesDatasetToPledge } from '@pledge/import-fides';
import { migrateToLatest, openStore, type Store } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DsrQueue, openDsrQueue, type Plan } from '../../src/index.js';
import { serversUp } from '../example-stores.js';
import { exampleManifest, withDatasets } from '../fixtures.js';
import { type DumpItem, expectOnlySubjectChanged, openWorld, type World } from './world.js';

// Directed, owned traversal against the real servers: a row that merely mentions someone, or
// a reference to the person who handled a row, must never make another person's rows the
// subject's. Each request compares full dumps of every store before and after.
const up = await serversUp();
const base = exampleManifest('antsentry');
const SECRET = 'adversarial-traversal-secret';

/** An item of `place` whose `field` held `value` before the request. */
const of = (place: string, field: string, value: string) => (item: DumpItem) =>
  item.place === place && item.values[field] === value;
/**
 * A MariaDB item whose integer column `index` held `value`: the dump keeps `HEX()` of each
 * column, which for an integer is the number in base 16, not the bytes of its text.
 */
// The dump holds MariaDB values as the hex of their text: decode the column at `index`.
const column = (item: DumpItem, index: number) =>
  Buffer.from((JSON.parse(item.text) as string[])[index] ?? '', 'hex').toString('utf8');
const ofInt = (place: string, index: number, value: number) => (item: DumpItem) =>
  item.place === place && Number(column(item, index)) === value;
const any =
  (...tests: Array<(item: DumpItem) => boolean>) =>
  (item: DumpItem) =>
    tests.some((test) => test(item));

describe.skipIf(!up)('adversarial: directed, owned traversal', () => {
  let world: World;
  let store: Store;
  let queue: DsrQueue;

  const erase = async (manifest: Manifest, identity: Record<string, string[]>) => {
    const created = await queue.submit({ manifest, kind: 'erase', identity });
    if (!created.ok) throw new Error(created.issues.map((i) => i.code).join());
    const state = await queue.wait(created.id, { timeoutMs: 60_000 });
    return { plan: created.plan as Plan, status: state.status };
  };

  beforeAll(async () => {
    world = await openWorld('traverse');
    store = await openStore();
    await migrateToLatest(store.db);
    queue = await openDsrQueue(store);
    await queue.work({ connectors: world.factory, secret: SECRET, pollingIntervalSeconds: 0.5 });
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await store?.close();
    await world?.drop();
  });

  it("a session that mentions one person's e-mail does not make another's account theirs", async () => {
    await world.pg(`
      CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, name text);
      CREATE TABLE sessions (id int PRIMARY KEY, account_id int REFERENCES accounts(id), login_email text, ip text);
      INSERT INTO accounts VALUES (1, 'alice@example.com', 'Alice'), (2, 'bob@example.com', 'Bob'), (3, 'carol@example.com', 'Carol');
      -- Session 10 is Alice's, but Bob typed his e-mail into it.
      INSERT INTO sessions VALUES (10, 1, 'bob@example.com', '198.51.100.1'), (11, 2, 'bob@example.com', '198.51.100.2'),
        (12, 2, NULL, '198.51.100.3'), (13, 3, 'carol@example.com', '198.51.100.4');
    `);
    const manifest = withDatasets(
      base,
      `
- id: web
  datastore: { kind: postgres }
  collections:
    - name: accounts
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id, erasure: delete-row }
        - { name: email, identity: email, erasure: delete-row }
        - { name: name, erasure: delete-row }
    - name: sessions
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, erasure: delete-row }
        - { name: account_id, references: web.accounts.id, erasure: delete-row }
        - { name: login_email, identity: email, erasure: delete-row }
        - { name: ip, erasure: delete-row }
`,
    );
    const before = await world.dump();
    const { status, plan } = await erase(manifest, { email: ['bob@example.com'] });
    expect(status).toBe('completed');
    expect(plan.steps.filter((s) => s.root).map((s) => s.collection)).toEqual(['accounts']);
    const gone = expectOnlySubjectChanged(
      before,
      await world.dump(),
      any(of('pg:accounts', 'id', '2'), of('pg:sessions', 'account_id', '2')),
    );
    // Bob's account and both his sessions went; Alice's session naming his e-mail stayed.
    expect(gone.map((i) => `${i.place}:${i.values.id}`).sort()).toEqual([
      'pg:accounts:2',
      'pg:sessions:11',
      'pg:sessions:12',
    ]);
  });

  it('erasing an employee or a customer touches nobody else, on MariaDB', async () => {
    await world.mysql(`
      CREATE TABLE customers (id int PRIMARY KEY, email varchar(80) NOT NULL, name varchar(80));
      CREATE TABLE employees (id int PRIMARY KEY, email varchar(80) NOT NULL, name varchar(80));
      CREATE TABLE tickets (id int PRIMARY KEY, customer_id int NOT NULL, handled_by int NULL, subject varchar(200),
        FOREIGN KEY (customer_id) REFERENCES customers(id), FOREIGN KEY (handled_by) REFERENCES employees(id));
      INSERT INTO customers VALUES (1, 'ann@example.com', 'Ann'), (2, 'ben@example.com', 'Ben');
      INSERT INTO employees VALUES (7, 'eve@example.com', 'Eve'), (8, 'sam@example.com', 'Sam');
      INSERT INTO tickets VALUES (100, 1, 7, 'Refund'), (101, 2, 7, 'Login'), (102, 1, NULL, 'Invoice'), (103, 2, 8, 'Move');
    `);
    const manifest = withDatasets(
      base,
      `
- id: desk
  datastore: { kind: mysql }
  collections:
    - name: customers
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, identity: user-id, erasure: delete-row }
        - { name: email, identity: email, erasure: delete-row }
        - { name: name, erasure: delete-row }
    - name: employees
      primaryKey: id
      fields:
        - { name: id, erasure: keep }
        - { name: email, identity: email, erasure: mask }
        - { name: name, erasure: "null" }
    - name: tickets
      primaryKey: id
      erasure: delete-row
      fields:
        - { name: id, erasure: delete-row }
        - { name: customer_id, references: desk.customers.id, erasure: delete-row }
        - { name: handled_by, references: desk.employees.id, relation: link, erasure: delete-row }
        - { name: subject, erasure: delete-row }
`,
    );
    let before = await world.dump();
    const employee = await erase(manifest, { email: ['eve@example.com'] });
    expect(employee.status).toBe('completed');
    let gone = expectOnlySubjectChanged(before, await world.dump(), ofInt('mysql:employees', 0, 7));
    // Eve's row only: the tickets she handled are Ann's and Ben's, and stay as they were.
    expect(gone).toHaveLength(1);

    before = await world.dump();
    const customer = await erase(manifest, { email: ['ann@example.com'] });
    expect(customer.status).toBe('completed');
    gone = expectOnlySubjectChanged(
      before,
      await world.dump(),
      any(ofInt('mysql:customers', 0, 1), ofInt('mysql:tickets', 1, 1)),
    );
    const id = (item: DumpItem) => Number(column(item, 0));
    expect(gone.map((i) => `${i.place}:${id(i)}`).sort()).toEqual([
      'mysql:customers:1',
      'mysql:tickets:100',
      'mysql:tickets:102',
    ]);
  });

  it('an imported Fides dataset reaches what the customer owns, never staff or other customers’ tickets', async () => {
    const fixture = new URL('../../../import-fides/test/fixtures/helpdesk-dataset.yml', import.meta.url);
    const imported = fidesDatasetToPledge(readFileSync(fixture, 'utf8'));
    expect(imported.ok).toBe(true);
    const manifest: Manifest = { ...base, datasets: imported.datasets };
    await world.pg(`
      CREATE TABLE addresses (id int PRIMARY KEY, street text, city text);
      CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, name text, address_id int REFERENCES addresses(id));
      CREATE TABLE loyalty_cards (id int PRIMARY KEY, customer_id int REFERENCES customers(id), card_number text);
      CREATE TABLE employees (id int PRIMARY KEY, email text NOT NULL, name text);
      CREATE TABLE tickets (id int PRIMARY KEY, customer_id int REFERENCES customers(id), handled_by int REFERENCES employees(id),
        contact_email text, subject text);
      CREATE TABLE ticket_notes (id int PRIMARY KEY, ticket_id int REFERENCES tickets(id), author_id int REFERENCES employees(id), body text);
      INSERT INTO addresses VALUES (1, '1 Ann Street', 'Annville'), (2, '2 Ben Road', 'Bentown');
      INSERT INTO customers VALUES (1, 'ann@example.com', 'Ann', 1), (2, 'ben@example.com', 'Ben', 2);
      INSERT INTO loyalty_cards VALUES (1, 1, 'LC-0001'), (2, 2, 'LC-0002');
      INSERT INTO employees VALUES (7, 'eve@example.com', 'Eve'), (8, 'sam@example.com', 'Sam');
      -- Ticket 21 is Ben's, opened by Ann on his behalf with her e-mail; Eve handled both.
      INSERT INTO tickets VALUES (20, 1, 7, 'ann@example.com', 'Refund'), (21, 2, 7, 'ann@example.com', 'Delivery'),
        (22, 2, 8, 'ben@example.com', 'Login');
      INSERT INTO ticket_notes VALUES (30, 20, 7, 'Refund sent'), (31, 21, 7, 'Parcel found'), (32, 22, 8, 'Reset');
    `);
    const annRows = any(
      of('pg:customers', 'id', '1'),
      of('pg:addresses', 'id', '1'),
      of('pg:loyalty_cards', 'customer_id', '1'),
      of('pg:tickets', 'customer_id', '1'),
      of('pg:ticket_notes', 'ticket_id', '20'),
    );
    let before = await world.dump();
    const customer = await erase(manifest, { email: ['ann@example.com'] });
    expect(customer.status).toBe('completed');
    let gone = expectOnlySubjectChanged(before, await world.dump(), annRows);
    // Every collection Ann owns rows in changed, the two reached only through a `to`
    // reference included; Ben's ticket naming her e-mail, Eve and Sam did not.
    expect(gone.map((i) => `${i.place}:${i.values.id}`).sort()).toEqual([
      'pg:addresses:1',
      'pg:customers:1',
      'pg:loyalty_cards:1',
      'pg:ticket_notes:30',
      'pg:tickets:20',
    ]);

    before = await world.dump();
    const employee = await erase(manifest, { email: ['eve@example.com'] });
    expect(employee.status).toBe('completed');
    gone = expectOnlySubjectChanged(before, await world.dump(), of('pg:employees', 'id', '7'));
    expect(gone.map((i) => `${i.place}:${i.values.id}`)).toEqual(['pg:employees:7']);
  });
});
