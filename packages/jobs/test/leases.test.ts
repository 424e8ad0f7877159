import type { Store } from '@pledge/store';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Heartbeat, LeaseLost, renewLease, staleLeases, stepBook, takeLease } from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const JOBS = { table: 'test_jobs' };
const STEPS = { table: 'test_steps', owner: 'job_id', index: 'step_index' };

interface StepRow {
  job_id: string;
  step_index: number;
  status: string;
  done_count: number;
  error_code: string | null;
  error_message: string | null;
}

describe.each(backendKinds)('leases and steps on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    await sql`CREATE TABLE test_jobs (id text PRIMARY KEY, status text NOT NULL, attempts integer NOT NULL DEFAULT 0,
      lease_owner text, heartbeat_at timestamptz)`.execute(store.db);
    await sql`CREATE TABLE test_steps (job_id text NOT NULL, step_index integer NOT NULL, status text NOT NULL,
      done_count integer NOT NULL DEFAULT 0, error_code text, error_message text, updated_at timestamptz,
      PRIMARY KEY (job_id, step_index))`.execute(store.db);
    await sql`INSERT INTO test_jobs (id, status) VALUES ('j1', 'queued'), ('j2', 'completed')`.execute(
      store.db,
    );
  });
  afterEach(async () => cleanup());

  const extra = { set: sql`status = 'running', attempts = attempts + 1`, where: sql`status <> 'completed'` };

  it('one worker holds a lease until its heartbeat is stale; then another takes it over', async () => {
    expect(await takeLease(store.db, JOBS, 'j1', 'a', 60_000, extra)).toBe(true);
    expect(await takeLease(store.db, JOBS, 'j1', 'b', 60_000, extra)).toBe(false);
    expect(await takeLease(store.db, JOBS, 'j2', 'b', 60_000, extra)).toBe(false);
    expect(await renewLease(store.db, JOBS, 'j1', 'a')).toBe(true);
    expect(await staleLeases(store.db, JOBS, 60_000, sql`status = 'running'`)).toEqual([]);
    // Worker a dies: its last heartbeat ages past the staleness limit.
    await sql`UPDATE test_jobs SET heartbeat_at = now() - interval '2 minutes' WHERE id = 'j1'`.execute(
      store.db,
    );
    expect(await staleLeases(store.db, JOBS, 60_000, sql`status = 'running'`)).toEqual(['j1']);
    expect(await takeLease(store.db, JOBS, 'j1', 'b', 60_000, extra)).toBe(true);
    expect(await renewLease(store.db, JOBS, 'j1', 'a')).toBe(false);
    const { rows } = await sql<{ attempts: number; lease_owner: string }>`SELECT attempts, lease_owner
      FROM test_jobs WHERE id = 'j1'`.execute(store.db);
    expect(rows[0]).toEqual({ attempts: 2, lease_owner: 'b' });
  });

  it('a heartbeat renews by time and throws once the lease is lost', async () => {
    let renewals = 0;
    let held = true;
    const heartbeat = new Heartbeat(async () => {
      renewals += 1;
      return held;
    }, 0);
    await heartbeat.beat();
    await heartbeat.beat();
    expect(renewals).toBe(2);
    held = false;
    await expect(heartbeat.beat()).rejects.toBeInstanceOf(LeaseLost);
    const slow = new Heartbeat(async () => {
      renewals += 1;
      return true;
    }, 3_600_000);
    await slow.beat();
    expect(renewals).toBe(3);
  });

  it('keeps step progress: load in order, update, fail with a code', async () => {
    await sql`INSERT INTO test_steps (job_id, step_index, status) VALUES ('j1', 1, 'pending'), ('j1', 0, 'pending'),
      ('j2', 0, 'pending')`.execute(store.db);
    const steps = stepBook<StepRow, Partial<StepRow>>(store.db, STEPS, 'j1');
    await steps.update(0, { status: 'done', done_count: 3, error_code: undefined });
    await steps.fail(1, { code: 'unreachable', message: 'connection refused' });
    const rows = await steps.load();
    expect(rows.map((r) => [r.step_index, r.status, r.done_count, r.error_code])).toEqual([
      [0, 'done', 3, null],
      [1, 'failed', 0, 'unreachable'],
    ]);
    expect((await stepBook<StepRow, Partial<StepRow>>(store.db, STEPS, 'j2').load())[0]?.status).toBe(
      'pending',
    );
  });
});
