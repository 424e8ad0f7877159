import type { Store } from '@pledge/store';
import type PgBoss from 'pg-boss';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, openBoss, openRecurring, type Recurring } from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const QUEUE = 'pledge-test-sweep';
const T0 = new Date('2026-03-01T00:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

describe.each(backendKinds)('recurring jobs on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let boss: PgBoss;
  let clock: ManualClock;
  let recurring: Recurring;

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    boss = await openBoss(store, { queues: [{ name: QUEUE }] });
    clock = new ManualClock(at(-1));
    recurring = await openRecurring(store.db, boss, { clock });
  });
  afterEach(async () => {
    await boss.stop({ graceful: false, wait: true });
    await cleanup();
  });

  /** Data of every job queued so far (taken off the queue). */
  async function queued(): Promise<unknown[]> {
    const jobs = await boss.fetch(QUEUE, { batchSize: 100 });
    return jobs.map((job) => job.data);
  }

  it('fires once per slot as the clock moves, and not before its first slot', async () => {
    await recurring.define({
      name: 'sweep',
      queue: QUEUE,
      everyMs: HOUR,
      startAt: T0,
      data: { scope: 'all' },
    });
    expect(await recurring.tick()).toEqual([]);
    clock.set(T0);
    const first = await recurring.tick();
    expect(first).toMatchObject([{ name: 'sweep', queue: QUEUE, dueAt: T0 }]);
    expect(await recurring.tick()).toEqual([]);
    clock.advance(HOUR - 1);
    expect(await recurring.tick()).toEqual([]);
    clock.advance(1);
    expect(await recurring.tick()).toMatchObject([{ name: 'sweep', dueAt: at(1) }]);
    expect(await queued()).toEqual([{ scope: 'all' }, { scope: 'all' }]);
    expect((await recurring.list())[0]).toMatchObject({ nextRunAt: at(2), lastRunAt: at(1), fired: 2 });
  });

  it('slots missed while nothing ticked fire once, and the schedule stays on its slots', async () => {
    await recurring.define({ name: 'sweep', queue: QUEUE, everyMs: HOUR, startAt: T0 });
    clock.set(new Date(at(5).getTime() + 20 * 60_000));
    expect(await recurring.tick()).toMatchObject([{ dueAt: at(5) }]);
    expect(await recurring.tick()).toEqual([]);
    expect((await recurring.list())[0]?.nextRunAt).toEqual(at(6));
    expect(await queued()).toHaveLength(1);
  });

  it('survives a restart: the schedule is kept, and a slot consumed before it is not fired again', async () => {
    await recurring.define({ name: 'sweep', queue: QUEUE, everyMs: HOUR, startAt: T0 });
    clock.set(T0);
    expect(await recurring.tick()).toHaveLength(1);
    // A new process: fresh pg-boss and recurring instances on the same database.
    await boss.stop({ graceful: false, wait: true });
    boss = await openBoss(store, { queues: [{ name: QUEUE }] });
    const restarted = await openRecurring(store.db, boss, { clock });
    expect(await restarted.tick()).toEqual([]);
    // Defining it again at start-up (as every process does) keeps its next due time.
    await restarted.define({ name: 'sweep', queue: QUEUE, everyMs: HOUR, startAt: T0 });
    expect(await restarted.tick()).toEqual([]);
    clock.advance(HOUR);
    expect(await restarted.tick()).toMatchObject([{ dueAt: at(1) }]);
    expect(await queued()).toHaveLength(2);
  });

  it('two schedulers ticking at once fire each slot once', async () => {
    await recurring.define({ name: 'a', queue: QUEUE, everyMs: HOUR, startAt: T0 });
    await recurring.define({ name: 'b', queue: QUEUE, everyMs: 2 * HOUR, startAt: T0 });
    const other = await openRecurring(store.db, boss, { clock });
    clock.set(at(2));
    const runs = (await Promise.all([recurring.tick(), other.tick(), recurring.tick()])).flat();
    expect(runs.map((r) => r.name).sort()).toEqual(['a', 'b']);
    expect(await queued()).toHaveLength(2);
  });

  it('a changed interval moves the next due time; a removed schedule stops firing', async () => {
    await recurring.define({ name: 'sweep', queue: QUEUE, everyMs: HOUR, startAt: T0 });
    clock.set(at(0.5));
    const changed = await recurring.define({ name: 'sweep', queue: QUEUE, everyMs: 4 * HOUR, startAt: T0 });
    expect(changed.nextRunAt).toEqual(at(4));
    expect(await recurring.remove('sweep')).toBe(true);
    clock.set(at(10));
    expect(await recurring.tick()).toEqual([]);
    await expect(recurring.define({ name: 'bad', queue: QUEUE, everyMs: 0 })).rejects.toThrow(/everyMs/);
  });

  it('a schedule without a start time starts at its definition', async () => {
    const state = await recurring.define({ name: 'now', queue: QUEUE, everyMs: HOUR });
    expect(state.nextRunAt).toEqual(at(-1));
    expect(await recurring.tick()).toMatchObject([{ dueAt: at(-1) }]);
  });
});
