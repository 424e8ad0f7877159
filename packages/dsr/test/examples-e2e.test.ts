import type { Manifest } from '@pledge/core';
import { compilePolicy, decide, subjectStateFromEvents } from '@pledge/decide';
import { type ExampleName, generate, type KnownSubject, knownSubject } from '@pledge/refdata';
import {
  eventsOfSubject,
  migrateToLatest,
  openStore,
  resolveSubjectKey,
  type Store,
  subjectHash,
} from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessDocument,
  type DsrQueue,
  openDsrQueue,
  type Plan,
  type RequestInput,
  restrictionSubject,
  unzipPackage,
} from '../src/index.js';
import { changedKeys, indexSetsOf, openSandbox, type Sandbox, serversUp } from './example-stores.js';
import { exampleManifest } from './fixtures.js';

const SCALE = 6;
const SUBJECT = 1;
const up = await serversUp();

interface Case {
  example: ExampleName;
  sql: 'postgres' | 'mysql';
  rectify: { target: string; collection: string; field: string };
  /** A purpose and one of its categories the restriction is tested on. */
  restrictPurpose: string;
  restrictCategory: string;
}

const CASES: Case[] = [
  {
    example: 'antsentry',
    sql: 'postgres',
    rectify: { target: 'users.name', collection: 'users', field: 'name' },
    restrictPurpose: 'marketing-emails',
    restrictCategory: 'email',
  },
  {
    example: 'camera-app',
    sql: 'postgres',
    rectify: { target: 'camera_pg.accounts.nickname', collection: 'accounts', field: 'nickname' },
    restrictPurpose: 'service-device-binding',
    restrictCategory: 'device-serial',
  },
  {
    example: 'spacemit-site',
    sql: 'mysql',
    rectify: { target: 'contact_messages.name', collection: 'contact_messages', field: 'name' },
    restrictPurpose: 'recruitment',
    restrictCategory: 'cv',
  },
];

describe.skipIf(!up).each(CASES)('$example: requests on the reference datastores', (c) => {
  let sandbox: Sandbox;
  let store: Store;
  let queue: DsrQueue;
  let manifest: Manifest;
  let subject: KnownSubject;

  const run = async (input: Omit<RequestInput, 'manifest' | 'identity'>) => {
    const created = await queue.submit({ manifest, identity: subject.identities, ...input });
    if (!created.ok) throw new Error(created.issues.map((i) => i.code).join());
    const state = await queue.wait(created.id, { timeoutMs: 60_000 });
    const steps = await queue.db
      .selectFrom('pledge_dsr_steps')
      .selectAll()
      .where('request_id', '=', created.id)
      .execute();
    const located = new Set<string>();
    for (const s of steps) {
      const step = created.plan.steps[s.step_index];
      const where = step?.datastore === 'redis' || step?.datastore === 'files' ? '*' : s.collection;
      for (const key of s.located_keys ?? []) located.add(`${s.dataset}|${where}|${key}`);
    }
    return { id: created.id, plan: created.plan as Plan, state, steps, located };
  };

  beforeAll(async () => {
    manifest = exampleManifest(c.example);
    sandbox = await openSandbox(c.sql);
    await generate({ example: c.example, scale: SCALE, seed: 1, targets: sandbox.targets });
    subject = knownSubject(c.example, SUBJECT, 1, SCALE);
    store = await openStore();
    await migrateToLatest(store.db);
    queue = await openDsrQueue(store);
    await queue.work({ connectors: sandbox.factory, secret: 'e2e-secret', pollingIntervalSeconds: 0.5 });
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await store?.close();
    await sandbox?.drop();
  });

  it('access: a package with every row linked to the subject, nothing changed', async () => {
    const before = await sandbox.snapshot(manifest);
    const { id, state, steps } = await run({ kind: 'access' });
    expect(state.status).toBe('completed');
    const files = unzipPackage((await queue.package(id)) as Uint8Array);
    const doc = JSON.parse(files['access.json'] as string) as AccessDocument;
    const counts = Object.fromEntries(
      doc.collections.map((x) => [`${x.dataset}.${x.collection}`, x.rows.length]),
    );
    expect(counts).toEqual(subject.rows);
    expect(Object.keys(files).filter((f) => f.startsWith('csv/'))).toHaveLength(steps.length);
    expect(doc.categories.length).toBeGreaterThan(0);
    expect(
      doc.categories.every((x) => x.purposes.length > 0 || x.retention.length > 0 || x.recipients.length > 0),
    ).toBe(true);
    expect(changedKeys(before, await sandbox.snapshot(manifest)).size).toBe(0);
  });

  it('rectification: the named field of the subject rows only', async () => {
    const before = await sandbox.snapshot(manifest);
    const { state, located } = await run({
      kind: 'rectify',
      rectify: { [c.rectify.target]: 'Rectified Value' },
    });
    expect(state.status).toBe('completed');
    const changed = changedKeys(before, await sandbox.snapshot(manifest));
    expect(changed.size).toBeGreaterThan(0);
    for (const key of changed) {
      expect(located.has(key)).toBe(true);
      expect(key.split('|')[1]).toBe(c.rectify.collection);
    }
  });

  it('erasure: exactly the located rows change, other subjects untouched', async () => {
    const before = await sandbox.snapshot(manifest);
    const { state, located, steps, plan } = await run({ kind: 'erase', batchSize: 3 });
    const after = await sandbox.snapshot(manifest);
    const changed = changedKeys(before, after);
    // Besides the located rows, only the index sets listing them change (erased keys leave them).
    const sets = indexSetsOf(manifest, before, located);
    for (const key of changed) expect(located.has(key) || sets.has(key)).toBe(true);
    for (const set of sets) {
      const members = JSON.parse(after.get(set) ?? '[]') as string[];
      for (const member of members) expect(located.has(`${set.split('|')[0]}|*|${member}`)).toBe(false);
    }
    // The located rows are exactly the subject's (refdata's own count of the rows linked to it).
    const counts = Object.fromEntries(
      steps.map((s) => [`${s.dataset}.${s.collection}`, s.located_keys?.length]),
    );
    expect(counts).toEqual(subject.rows);
    for (const s of steps) {
      const step = plan.steps[s.step_index];
      if (step?.erasure?.mode !== 'delete-row' || s.status !== 'done') continue;
      const where = step.datastore === 'redis' || step.datastore === 'files' ? '*' : s.collection;
      for (const key of s.located_keys ?? []) expect(after.has(`${s.dataset}|${where}|${key}`)).toBe(false);
    }
    if (c.example === 'antsentry') {
      // login_logs rows are kept under the legal hold login-records and point at users.id, so the
      // operator's choice keeps a tombstone users row: the id stays, every other field is erased.
      expect(plan.issues.map((i) => i.code)).not.toContain('dsr.held-reference');
      expect(state.status).toBe('completed');
      const userKey = `antsentry_pg|users|${subject.userId}`;
      const beforeUser = JSON.parse(before.get(userKey) as string) as Record<string, unknown>;
      const tombstone = JSON.parse(after.get(userKey) as string) as Record<string, unknown>;
      expect(String(tombstone.id)).toBe(String(beforeUser.id));
      expect(beforeUser.email).not.toBeNull();
      for (const field of ['email', 'password_hash', 'phone', 'name', 'last_login_at', 'country']) {
        expect(tombstone[field]).toBeNull();
      }
      const heldLogs = [...before.keys()].filter((k) => k.startsWith('antsentry_pg|login_logs|'));
      for (const k of heldLogs) expect(after.get(k)).toBe(before.get(k));
    }
    if (c.example !== 'antsentry') {
      expect(state.status).toBe('completed');
      expect(changed.size).toBeGreaterThan(0);
    }
  });

  it('restriction: the decision engine denies the restricted purpose', async () => {
    const { state } = await run({ kind: 'restrict', restriction: { purposes: [c.restrictPurpose] } });
    expect(state.status).toBe('completed');
    const key = await resolveSubjectKey(store);
    const events = await eventsOfSubject(
      store.db,
      subjectHash(key, restrictionSubject(subject.identities, undefined)),
    );
    expect(events).toHaveLength(1);
    const policy = compilePolicy(manifest);
    const free = subjectStateFromEvents(policy, []);
    expect(
      decide(policy, { purpose: c.restrictPurpose, categories: [c.restrictCategory] }, free).reasons,
    ).not.toContain('deny.restricted');
    const stateOf = subjectStateFromEvents(
      policy,
      events.map((e) => ({
        type: e.type as 'restriction',
        at: e.occurredAt.toISOString(),
        purposes: e.purposes,
      })),
    );
    const decision = decide(
      policy,
      { purpose: c.restrictPurpose, categories: [c.restrictCategory] },
      stateOf,
    );
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toContain('deny.restricted');
  });
});
