import { ManualClock, openBoss, openRecurring } from '@pledge/jobs';
import { createNotifier, listOutbox, parseMail } from '@pledge/notify';
import { openStore, type Store } from '@pledge/store';
import { startMailSink } from '@pledge/testing/sinks';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEADLINE_SWEEP_QUEUE,
  drainDeadlineSweeps,
  getRequest,
  migrateRequests,
  type Reminder,
  receiveRequest,
  requestEvents,
  scheduleDeadlineSweep,
  sweepDeadlines,
  transitionRequest,
} from '../src/index.js';
import { exampleManifest } from './helpers.js';

const HOUR = 3_600_000;
const requester = { kind: 'requester', id: 'privacy-center' } as const;

describe('deadline reminders and overdue, as durable jobs', () => {
  let store: Store;
  let boss: PgBoss;

  beforeAll(async () => {
    store = await openStore();
    await migrateRequests(store.db);
    boss = await openBoss(store, { queues: [{ name: DEADLINE_SWEEP_QUEUE }] });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await store?.close();
  });

  it('P1-43: flags the camera app request at day 12 and records the breach after day 15, once each', async () => {
    const clock = new ManualClock('2026-06-03T02:00:00Z');
    const received = await receiveRequest(
      store.db,
      {
        right: 'access',
        channel: 'privacy-center',
        contact: { kind: 'email', address: 'reminded@example.test' },
        jurisdiction: 'cn-pipl',
        language: 'zh-CN',
      },
      { actor: requester, clock, manifest: exampleManifest('camera-app') },
    );
    if (!received.ok) throw new Error(received.code);
    const id = received.request.id;
    await transitionRequest(
      store.db,
      id,
      { action: 'verify', method: 'signed-token' },
      { actor: requester, clock },
    );

    const recurring = await openRecurring(store.db, boss, { clock });
    await scheduleDeadlineSweep(recurring, { everyMs: HOUR, startAt: new Date('2026-06-03T00:00:00Z') });
    const sent: Reminder[] = [];
    const run = async () => {
      await recurring.tick();
      const results = await drainDeadlineSweeps(boss, store.db, {
        clock,
        onReminder: async (_trx, reminder) => {
          sent.push(reminder);
        },
      });
      return results.flatMap((r) => r.reminders.map((x) => x.kind));
    };

    // Day 11 (14 June, Beijing): nothing yet.
    clock.set('2026-06-14T12:00:00Z');
    expect(await run()).toEqual([]);
    // Day 12 (15 June, Beijing): the due-soon flag, once.
    clock.set('2026-06-15T01:00:00Z');
    expect(await run()).toEqual(['due-soon']);
    clock.advance(HOUR);
    expect(await run()).toEqual([]);
    // The last instant of day 15 is still on time; the next sweep after it records the breach.
    clock.set('2026-06-18T15:00:00Z');
    expect(await run()).toEqual([]);
    clock.set('2026-06-18T16:00:00Z');
    expect(await run()).toEqual(['overdue']);
    clock.advance(HOUR);
    expect(await run()).toEqual([]);

    expect(sent).toMatchObject([
      { requestId: id, kind: 'due-soon', language: 'zh-CN' },
      { requestId: id, kind: 'overdue' },
    ]);
    expect(JSON.stringify(sent)).not.toContain('reminded@example.test');
    const request = await getRequest(store.db, id);
    expect(request?.overdueAt?.toISOString()).toBe('2026-06-18T16:00:00.000Z');
    const actions = (await requestEvents(store.db, id)).map((e) => e.action);
    expect(actions).toEqual(['receive', 'verify', 'remind', 'overdue']);
  });

  it('a completed request is never reminded, and a UK request waiting for clarification is not overdue', async () => {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const make = async (address: string) => {
      const r = await receiveRequest(
        store.db,
        { right: 'erasure', channel: 'api', contact: { kind: 'email', address }, jurisdiction: 'uk-gdpr' },
        { actor: requester, clock },
      );
      if (!r.ok) throw new Error(r.code);
      await transitionRequest(
        store.db,
        r.request.id,
        { action: 'verify', method: 'officer' },
        { actor: requester, clock },
      );
      return r.request.id;
    };
    const done = await make('done@example.test');
    const paused = await make('paused@example.test');
    await transitionRequest(store.db, done, { action: 'complete' }, { actor: requester, clock });
    await transitionRequest(
      store.db,
      paused,
      { action: 'clarify', question: 'Which account?' },
      { actor: requester, clock },
    );
    clock.set('2026-03-01T00:00:00Z');
    const swept = await sweepDeadlines(store.db, { clock });
    expect(swept.reminders.map((r) => r.requestId)).not.toContain(done);
    expect(swept.reminders.map((r) => r.requestId)).not.toContain(paused);
  });

  it('sends the officer a reminder through the notify outbox and a real SMTP server, without the requester address', async () => {
    const sink = await startMailSink();
    const clock = new ManualClock('2026-08-03T02:00:00Z');
    const notifier = await createNotifier({
      db: store.db,
      smtp: { host: '127.0.0.1', port: sink.port, from: 'Pledge <pledge@example.test>' },
      clock,
    });
    try {
      const received = await receiveRequest(
        store.db,
        {
          right: 'erasure',
          channel: 'email',
          contact: { kind: 'email', address: 'outboxed@example.test' },
          jurisdiction: 'cn-pipl',
        },
        { actor: requester, clock, manifest: exampleManifest('spacemit-site') },
      );
      if (!received.ok) throw new Error(received.code);
      await boss.send(DEADLINE_SWEEP_QUEUE, {});
      clock.set('2026-08-30T00:00:00Z');
      const [result] = await drainDeadlineSweeps(boss, store.db, {
        clock,
        deliver: { notifier, to: 'officer@example.test' },
      });
      const mine = result?.reminders.filter((r) => r.requestId === received.request.id);
      expect(mine?.map((r) => r.kind)).toEqual(['overdue']);
      const mail = await sink.next((m) => m.raw.includes(received.request.id));
      expect(mail.to).toEqual(['officer@example.test']);
      expect(parseMail(mail.raw).text).toContain(received.request.id);
      expect(mail.raw).not.toContain('outboxed@example.test');
      await notifier.idle();
      const outbox = await listOutbox(store.db, { ref: `request:${received.request.id}` });
      expect(outbox).toMatchObject([{ template: 'officer-reminder', status: 'sent' }]);
    } finally {
      await notifier.close();
      await sink.close();
    }
  });
});
