import { ManualClock } from '@pledge/jobs';
import type { Store } from '@pledge/store';
import { type MailSink, startMailSink } from '@pledge/testing/sinks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendKinds, freshStore } from '../../store/test/backends.js';
import { createNotifier, listOutbox, type Notifier, outboxBody, parseMail } from '../src/index.js';

const CANARY = 'canary-outbox-7319@example.test';
const FROM = 'Privacy <privacy@shop.example>';

describe.each(backendKinds)('outbox and SMTP on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let sink: MailSink | undefined;
  let notifiers: Notifier[] = [];
  const clock = new ManualClock('2026-03-02T09:00:00Z');

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind, { migrate: false }));
    clock.set('2026-03-02T09:00:00Z');
  });
  afterEach(async () => {
    for (const n of notifiers) await n.close();
    notifiers = [];
    await sink?.close();
    sink = undefined;
    await cleanup();
  });

  async function notifier(smtp: boolean): Promise<Notifier> {
    const n = await createNotifier({
      db: store.db,
      clock,
      ...(smtp && sink ? { smtp: { host: '127.0.0.1', port: sink.port, from: FROM } } : {}),
      backoff: { baseMs: 60_000, maxMs: 600_000, maxAttempts: 3 },
    });
    notifiers.push(n);
    return n;
  }

  it('sends a templated mail through a real SMTP server, stored in the outbox first', async () => {
    sink = await startMailSink();
    const n = await notifier(true);
    const out = await n.sendTemplate({
      channel: 'email',
      to: CANARY,
      template: 'verification-code',
      locale: 'en-GB',
      vars: { code: '482913', minutes: '15' },
      ref: 'req-1',
    });
    expect(out.status).toBe('sent');
    const mail = await sink.next((m) => m.to.includes(CANARY));
    const parsed = parseMail(mail.raw);
    expect(parsed.headers.get('subject')).toBe('Your verification code');
    expect(parsed.text).toContain('482913');
    expect(parsed.headers.get('from')).toContain('privacy@shop.example');
    expect(parsed.text).toContain('expires in 15 minutes');
    const [entry] = await listOutbox(store.db, { ref: 'req-1' });
    expect(entry).toMatchObject({
      status: 'sent',
      attempts: 1,
      channel: 'email',
      template: 'verification-code',
    });
    expect(entry?.sentAt?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('holds mail when no SMTP server is configured, and sends it once one is', async () => {
    const held = await notifier(false);
    expect(held.emailConfigured).toBe(false);
    const out = await held.sendTemplate({
      channel: 'email',
      to: CANARY,
      template: 'request-received',
      locale: 'zh-CN',
      vars: { requestId: 'R-9', right: '访问', dueDate: '2026-03-17' },
    });
    expect(out.status).toBe('held');
    const [entry] = await listOutbox(store.db, { status: 'held' });
    expect(entry).toMatchObject({ id: out.id, subject: '我们已收到您的请求 R-9', locale: 'zh-CN' });
    // The console previews the body of a held mail.
    expect((await outboxBody(store.db, out.id))?.text).toContain('2026-03-17');

    sink = await startMailSink();
    const configured = await notifier(true); // releases what was held
    expect(await configured.deliverDue()).toMatchObject({ sent: 1 });
    const mail = await sink.next();
    expect(parseMail(mail.raw).headers.get('subject')).toBe('我们已收到您的请求 R-9');
    expect(parseMail(mail.raw).text).toContain('我们将在 2026-03-17 之前答复');
  });

  it('retries a refused mail with exponential backoff on the clock, then gives up', async () => {
    sink = await startMailSink({ refuse: (n) => n <= 2 });
    const n = await notifier(true);
    const out = await n.sendTemplate({
      channel: 'email',
      to: CANARY,
      template: 'officer-reminder',
      vars: { requestId: 'R-1', dueDate: '2026-03-05', daysLeft: '3' },
    });
    expect(out.status).toBe('retrying');
    let [entry] = await listOutbox(store.db);
    expect(entry?.attempts).toBe(1);
    expect(entry?.lastError).toMatch(/451/);
    expect(entry?.nextAttemptAt.toISOString()).toBe('2026-03-02T09:01:00.000Z');
    // Not due yet: nothing is tried.
    clock.advance(59_000);
    expect(await n.deliverDue()).toMatchObject({ sent: 0, retrying: 0 });
    clock.advance(1_000);
    expect(await n.deliverDue()).toMatchObject({ retrying: 1 });
    [entry] = await listOutbox(store.db);
    // Doubled: two minutes after the second failure.
    expect(entry?.nextAttemptAt.toISOString()).toBe('2026-03-02T09:03:00.000Z');
    clock.advance(120_000);
    expect(await n.deliverDue()).toMatchObject({ sent: 1 });
    [entry] = await listOutbox(store.db);
    expect(entry).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(sink.messages).toHaveLength(1);
  });

  it('marks a message failed after the last attempt; the error names no body', async () => {
    sink = await startMailSink({ refuse: () => true });
    const n = await notifier(true);
    await n.sendTemplate({
      channel: 'email',
      to: CANARY,
      template: 'verification-code',
      vars: { code: '000111', minutes: '15' },
    });
    for (let i = 0; i < 5; i++) {
      clock.advance(600_000);
      await n.deliverDue();
    }
    const [entry] = await listOutbox(store.db);
    expect(entry).toMatchObject({ status: 'failed', attempts: 3 });
    expect(entry?.lastError).not.toContain('000111');
    expect(sink.refused).toBe(3);
  });
});
