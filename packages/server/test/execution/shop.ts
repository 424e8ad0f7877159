import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManifestInput } from '@pledge/core';
import { createScratchDatabase, type ScratchDatabase } from '@pledge/testing';
import { baseInput } from '@pledge/testing/manifests';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type StartOptions, startServer } from '../../src/start.js';

/** The key of subject hashes the shop's server runs with. */
export const SUBJECT_KEY = 'shop-subject-key-0123456789abcdef';

/** The shop's customers: the subject under test is 1; 2 and 3 must never change. */
export const email = (n: number) => `customer${n}@shop.test`;

/** Datasets of a small shop in a scratch PostgreSQL database named by SHOP_DB_URL. */
const DATASETS: ManifestInput['datasets'] = [
  {
    id: 'shop',
    datastore: { kind: 'postgres', connection: 'SHOP_DB_URL' },
    collections: [
      {
        name: 'customers',
        primaryKey: 'id',
        erasure: 'delete-row',
        fields: [
          { name: 'id', identity: 'user-id' },
          { name: 'email', identity: 'email', categories: ['email'] },
          { name: 'name', categories: ['name'] },
        ],
      },
      {
        name: 'orders',
        primaryKey: 'id',
        erasure: 'delete-row',
        fields: [
          { name: 'id' },
          { name: 'customer_id', references: 'shop.customers.id' },
          { name: 'item', categories: ['orders'] },
        ],
      },
    ],
  },
];

/** A shop: its database with three customers, a manifest naming it, a data directory. */
export interface Shop {
  readonly db: ScratchDatabase;
  readonly dir: string;
  readonly manifestPath: string;
  /** Every row of both tables, as JSON text by `table|id`. */
  rows(): Promise<Map<string, string>>;
  /** Runs SQL on the shop's database (to break it in a test). */
  query(text: string): Promise<void>;
  /** Starts the server on the shop's data directory, background work on. */
  start(env?: Record<string, string>): Promise<{ app: FastifyInstance; url: string }>;
  drop(): Promise<void>;
}

/** Opens a shop; `edit` changes the manifest (e.g. to ask for an officer's approval). */
export async function openShop(edit: (input: ManifestInput) => void = () => {}): Promise<Shop> {
  const db = await createScratchDatabase('pledge_exec');
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`create table customers (id text primary key, email text not null, name text not null);
    create table orders (id text primary key, customer_id text not null references customers(id), item text not null);
    insert into customers values ('u1', '${email(1)}', 'Ada'), ('u2', '${email(2)}', 'Bo'), ('u3', '${email(3)}', 'Cy');
    insert into orders values ('o1', 'u1', 'lamp'), ('o2', 'u1', 'desk'), ('o3', 'u2', 'chair'), ('o4', 'u3', 'rug');`);
  const dir = mkdtempSync(join(tmpdir(), 'pledge-exec-'));
  const input = baseInput();
  input.datasets = DATASETS;
  const month = { amount: 1, unit: 'months' } as const;
  input.rights = [
    { right: 'access', channels: ['privacy-mail'], deadline: month },
    { right: 'erasure', channels: ['privacy-mail'], deadline: month },
    { right: 'portability', channels: ['privacy-mail'], deadline: month },
    { right: 'objection', channels: ['privacy-mail'], deadline: month },
    { right: 'account-deletion', channels: ['privacy-mail'], deadline: month },
  ];
  edit(input);
  const manifestPath = join(dir, 'pledge.json');
  writeFileSync(manifestPath, JSON.stringify(input, null, 1));
  const dataDir = join(dir, 'data');
  return {
    db,
    dir,
    manifestPath,
    async rows() {
      const out = new Map<string, string>();
      for (const table of ['customers', 'orders']) {
        const result = await run(`select * from ${table} order by id`);
        for (const row of result.rows as Array<{ id: string }>)
          out.set(`${table}|${row.id}`, JSON.stringify(row));
      }
      return out;
    },
    async query(text) {
      await run(text);
    },
    async start(env = {}) {
      let said = '';
      const started = await startServer({
        env: {
          PORT: '0',
          PLEDGE_MANIFEST: manifestPath,
          PLEDGE_DATA_DIR: dataDir,
          SHOP_DB_URL: db.url,
          PLEDGE_REQUEST_POLL_MS: '60000',
          PLEDGE_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
          PLEDGE_CHECKPOINT_INTERVAL_MS: '0',
          PLEDGE_SUBJECT_KEY: SUBJECT_KEY,
          ...env,
        },
        logger: false,
        handleSignals: false,
        stderr: (text) => {
          said += text;
        },
      } satisfies StartOptions);
      if (!started.ok) throw new Error(`server did not start (${started.exitCode}): ${said}`);
      const address = started.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      return { app: started.app, url: `http://127.0.0.1:${address.port}` };
    },
    async drop() {
      await db.drop();
      for (const path of [dir, `${dataDir}.subject-key`, `${dataDir}-keys`, `${dataDir}-checkpoints`])
        rmSync(path, { recursive: true, force: true });
    },
  };
}

/** A JSON call to the server (development mode: no key on loopback). */
export async function api<T = Record<string, unknown>>(
  url: string,
  method: 'GET' | 'POST' | 'PUT',
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** A request received through the API and verified, as the privacy center would after a code. */
export async function verifiedRequest(url: string, right: string, subject = 1): Promise<string> {
  const made = await api<{ request: { id: string } }>(`${url}/v1/requests`, 'POST', {
    right,
    channel: 'privacy-center',
    contact: { kind: 'email', address: email(subject) },
    identity: { email: [email(subject)] },
    jurisdiction: 'eu-gdpr',
  });
  if (made.status !== 201) throw new Error(`request refused: ${JSON.stringify(made.json)}`);
  const id = made.json.request.id;
  const verified = await api(`${url}/v1/requests/${id}/verify`, 'POST', { method: 'email-code' });
  if (verified.status !== 200) throw new Error(`verify refused: ${JSON.stringify(verified.json)}`);
  return id;
}

/** One request as the API shows it. */
export interface RequestJson {
  request: { id: string; state: string; dsrRequestId: string | null };
  events: Array<{ action: string; detail: Record<string, unknown> }>;
  packageUrl?: string;
}

/** Polls a request until `done` holds, or fails after `timeoutMs` with its last state. */
export async function waitForRequest(
  url: string,
  id: string,
  done: (r: RequestJson) => boolean,
  timeoutMs = 60_000,
): Promise<RequestJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await api<RequestJson>(`${url}/v1/requests/${id}`, 'GET');
    if (done(json)) return json;
    if (Date.now() > deadline)
      throw new Error(
        `request ${id} still ${json.request.state} (${json.events.map((e) => e.action).join(', ')})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
