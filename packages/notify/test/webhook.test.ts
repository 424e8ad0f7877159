import { ManualClock, openBoss, openRecurring } from '@pledge/jobs';
import type { Store } from '@pledge/store';
import { startWebhookSink, type WebhookSink } from '@pledge/testing/sinks';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createNotifier,
  listOutbox,
  type Notifier,
  OUTBOX_QUEUE_SPEC,
  runOutboxJobs,
  scheduleOutbox,
  signWebhook,
  verifyWebhookSignature,
} from '../src/index.js';
import { backend, bareStore } from './support.js';

const SECRET = 'recipient-shared-secret-42';

describe('signed webhooks with retries', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let sink: WebhookSink;
  let notifier: Notifier;
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  /** What the receiver found, per request: it checks the signature at its own time, as a real one would. */
  const verdicts: string[] = [];

  beforeEach(async () => {
    ({ store, cleanup } = await bareStore());
    clock.set('2026-03-02T10:00:00Z');
    verdicts.length = 0;
    // Fails the first two deliveries with 503, then accepts; each request's signature is checked.
    sink = await startWebhookSink({
      respond: (n, hook) => {
        const v = verifyWebhookSignature(
          SECRET,
          hook.body,
          String(hook.headers['pledge-signature']),
          clock.now(),
        );
        verdicts.push(v.ok ? 'ok' : v.code);
        if (!v.ok) return 401;
        return n <= 2 ? 503 : 204;
      },
    });
    notifier = await createNotifier({
      db: store.db,
      clock,
      webhookSecret: SECRET,
      backoff: { baseMs: 10_000, maxMs: 60_000, maxAttempts: 5 },
    });
  });
  afterEach(async () => {
    await notifier.close();
    await sink.close();
    await cleanup();
  });

  it('delivers an erasure notice to a recipient after failures, with backoff on the clock and the same id', async () => {
    const out = await notifier.sendWebhook(
      `${sink.url}/erasure`,
      'erasure-notice',
      { requestId: 'R-7', subjectRef: 'pseudonym-1', categories: ['contact'] },
      'R-7',
    );
    expect(out.status).toBe('retrying');
    expect((await listOutbox(store.db))[0]?.lastError).toBe('receiver answered HTTP 503');
    clock.advance(9_999);
    await notifier.deliverDue();
    expect(sink.received).toHaveLength(1);
    clock.advance(1);
    await notifier.deliverDue();
    expect(sink.received).toHaveLength(2);
    // Backoff doubled: 20 s after the second failure.
    clock.advance(19_999);
    await notifier.deliverDue();
    expect(sink.received).toHaveLength(2);
    clock.advance(1);
    expect(await notifier.deliverDue()).toMatchObject({ sent: 1 });
    expect(verdicts).toEqual(['ok', 'ok', 'ok']);
    expect(new Set(sink.received.map((h) => h.headers['pledge-message-id']))).toEqual(new Set([out.id]));
    const doc = JSON.parse(sink.received[2]?.body ?? '{}');
    expect(doc).toEqual({
      type: 'erasure-notice',
      id: out.id,
      data: { requestId: 'R-7', subjectRef: 'pseudonym-1', categories: ['contact'] },
    });
    expect((await listOutbox(store.db, { ref: 'R-7' }))[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('holds webhooks when no secret is configured', async () => {
    const unsigned = await createNotifier({ db: store.db, clock });
    const out = await unsigned.sendWebhook(`${sink.url}/x`, 'erasure-notice', { a: 1 });
    expect(out.status).toBe('held');
    expect(sink.received).toHaveLength(0);
    await unsigned.close();
  });

  it('a receiver refuses a tampered body, another secret, or a stale timestamp', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    const body = '{"type":"erasure-notice"}';
    const header = signWebhook(SECRET, body, at);
    expect(verifyWebhookSignature(SECRET, body, header, at)).toEqual({ ok: true });
    expect(verifyWebhookSignature(SECRET, `${body} `, header, at)).toEqual({ ok: false, code: 'mismatch' });
    expect(verifyWebhookSignature('other', body, header, at)).toEqual({ ok: false, code: 'mismatch' });
    expect(verifyWebhookSignature(SECRET, body, header, new Date(at.getTime() + 301_000))).toEqual({
      ok: false,
      code: 'stale',
    });
    expect(verifyWebhookSignature(SECRET, body, undefined, at)).toEqual({ ok: false, code: 'missing' });
    fc.assert(
      fc.property(fc.string(), (h) => {
        const v = verifyWebhookSignature(SECRET, body, h, at);
        expect(v.ok).toBe(false);
      }),
    );
  });
});

describe.runIf(backend === 'postgres')('outbox rounds as durable recurring jobs', () => {
  it('retries a failed webhook when the recurring job fires on the clock', async () => {
    const { store, cleanup } = await bareStore();
    const clock = new ManualClock('2026-03-02T11:00:00Z');
    const sink = await startWebhookSink({ respond: (n) => (n === 1 ? 500 : 200) });
    const boss = await openBoss(store, { queues: [OUTBOX_QUEUE_SPEC] });
    const notifier = await createNotifier({
      db: store.db,
      clock,
      webhookSecret: SECRET,
      backoff: { baseMs: 30_000, maxMs: 60_000, maxAttempts: 3 },
    });
    try {
      const recurring = await openRecurring(store.db, boss, { clock });
      await scheduleOutbox(recurring, 15_000);
      expect((await notifier.sendWebhook(`${sink.url}/push`, 'push', { n: 1 })).status).toBe('retrying');
      clock.advance(15_000);
      expect(await recurring.tick()).toHaveLength(1);
      // Not due yet (30 s backoff): the round sends nothing.
      expect(await runOutboxJobs(boss, notifier)).toEqual([{ sent: 0, retrying: 0, failed: 0, held: 0 }]);
      clock.advance(15_000);
      await recurring.tick();
      expect(await runOutboxJobs(boss, notifier)).toEqual([{ sent: 1, retrying: 0, failed: 0, held: 0 }]);
      expect(sink.received.map((h) => h.status)).toEqual([500, 200]);
    } finally {
      await notifier.close();
      await boss.stop({ graceful: false, wait: true });
      await sink.close();
      await cleanup();
    }
  });
});
