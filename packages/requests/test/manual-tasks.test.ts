import type { Manifest } from '@pledge/core';
import { ManualClock } from '@pledge/jobs';
import { openStore, type Store } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeManualTask,
  getRequest,
  listManualTasks,
  manualTaskTargets,
  migrateRequests,
  receiveRequest,
  transitionRequest,
} from '../src/index.js';
import { exampleManifest } from './helpers.js';

const officer = { kind: 'user', id: 'officer-7' } as const;

/** AntSentry with its Redis dataset left without a connection variable: no connector reaches it. */
function withoutRedisConnector(): Manifest {
  const manifest = structuredClone(exampleManifest('antsentry'));
  const redis = manifest.datasets.find((d) => d.datastore.kind === 'redis');
  if (!redis) throw new Error('antsentry has a redis dataset');
  delete redis.datastore.connection;
  return manifest;
}

describe('manual tasks for stores no connector reaches', () => {
  let store: Store;
  const clock = new ManualClock('2026-06-01T02:00:00Z');
  const manifest = withoutRedisConnector();
  const redisId = manifest.datasets.find((d) => d.datastore.kind === 'redis')!.id;
  beforeAll(async () => {
    store = await openStore();
    await migrateRequests(store.db);
  });
  afterAll(() => store.close());

  const receive = async (right: 'erasure' | 'objection', m: Manifest, address: string) => {
    const r = await receiveRequest(
      store.db,
      { right, channel: 'email', contact: { kind: 'email', address }, jurisdiction: 'eu-gdpr' },
      { actor: officer, manifest: m, clock },
    );
    if (!r.ok) throw new Error(r.code);
    return r.request.id;
  };

  it('lists only datasets without a connection, and only for rights that act on stored data', () => {
    expect(manualTaskTargets(exampleManifest('antsentry'), 'erasure')).toEqual([]);
    expect(manualTaskTargets(manifest, 'erasure')).toEqual([
      { key: `dataset:${redisId}`, label: `Erase the person’s data from ${redisId} (redis, no connector)` },
    ]);
    expect(manualTaskTargets(manifest, 'objection')).toEqual([]);
  });

  it('gives the request a checklist, refuses completion while a task is open, and records who ticked it with what evidence', async () => {
    const id = await receive('erasure', manifest, 'manual-a@example.test');
    const [task] = await listManualTasks(store.db, [id]);
    expect(task).toMatchObject({ requestId: id, key: `dataset:${redisId}`, done: false, doneBy: null });
    expect(
      (
        await transitionRequest(
          store.db,
          id,
          { action: 'verify', method: 'documents' },
          { actor: officer, clock },
        )
      ).ok,
    ).toBe(true);

    const refused = await transitionRequest(store.db, id, { action: 'complete' }, { actor: officer, clock });
    expect(refused).toMatchObject({ ok: false, code: 'request.manual-tasks-open', path: 'manualTasks' });
    expect((await getRequest(store.db, id))?.state).toBe('verified');

    const blank = await completeManualTask(store.db, id, task!.id, {
      evidence: '  ',
      actor: officer,
      now: clock.now(),
    });
    expect(blank).toMatchObject({ ok: false, code: 'request.text-required', path: 'evidence' });
    const elsewhere = await completeManualTask(store.db, id, 'no-such-task', {
      evidence: 'x',
      actor: officer,
      now: clock.now(),
    });
    expect(elsewhere).toMatchObject({ ok: false, code: 'request.manual-task-not-found', path: 'taskId' });

    const ticked = await completeManualTask(store.db, id, task!.id, {
      evidence: 'DEL session keys by hand, ticket OPS-12',
      actor: officer,
      now: clock.now(),
    });
    expect(ticked).toMatchObject({
      ok: true,
      task: { done: true, evidence: 'DEL session keys by hand, ticket OPS-12', doneBy: officer },
    });
    const twice = await completeManualTask(store.db, id, task!.id, {
      evidence: 'again',
      actor: officer,
      now: clock.now(),
    });
    expect(twice).toMatchObject({ ok: false, code: 'request.manual-task-done' });

    const done = await transitionRequest(store.db, id, { action: 'complete' }, { actor: officer, clock });
    expect(done).toMatchObject({ ok: true, request: { state: 'completed' } });
  });

  it('gives no checklist when every dataset has a connector or the right acts on processing only', async () => {
    const connected = await receive('erasure', exampleManifest('antsentry'), 'manual-b@example.test');
    const objection = await receive('objection', manifest, 'manual-c@example.test');
    expect(await listManualTasks(store.db, [connected, objection])).toEqual([]);
  });
});
