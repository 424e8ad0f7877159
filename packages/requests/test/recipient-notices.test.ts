import { type DsrQueue, type DsrWorker, openDsrQueue } from '@pledge/dsr';
import {
  createNotifier,
  listOutbox,
  type Notifier,
  SIGNATURE_HEADER,
  verifyWebhookSignature,
} from '@pledge/notify';
import { logDisclosure, openStore, type Store, subjectHash } from '@pledge/store';
import { startWebhookSink, type WebhookSink } from '@pledge/testing/sinks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, email, type World } from '../../dsr/test/sqlite-world.js';
import {
  executeRequest,
  migrateRequests,
  noticeRecipients,
  receiveRequest,
  requestEvents,
  syncExecution,
  transitionRequest,
} from '../src/index.js';

const officer = { kind: 'user', id: 'officer-1' } as const;
const WEBHOOK_SECRET = 'recipient-webhook-secret-0123456789';
const SUBJECT_KEY = 'notice-test-subject-key';

describe('recipients hear of a completed erasure, rectification or restriction', () => {
  let store: Store;
  let queue: DsrQueue;
  let worker: DsrWorker;
  let world: World;
  let notifier: Notifier;
  let sink: WebhookSink;

  beforeAll(async () => {
    world = createWorld();
    store = await openStore();
    await migrateRequests(store.db);
    queue = await openDsrQueue(store);
    worker = await queue.work({
      connectors: world.factory,
      secret: 'notice-secret',
      pollingIntervalSeconds: 0.5,
    });
    notifier = await createNotifier({ db: store.db, webhookSecret: WEBHOOK_SECRET });
    sink = await startWebhookSink();
  }, 60_000);
  afterAll(async () => {
    await sink?.close();
    await notifier?.close();
    await worker?.stop();
    await queue?.close();
    await store?.close();
    world?.cleanup();
  });

  async function completed(right: 'erasure' | 'access', subject: number): Promise<string> {
    const r = await receiveRequest(
      store.db,
      {
        right,
        channel: 'privacy-center',
        contact: { kind: 'email', address: email(subject) },
        identity: { email: [email(subject)] },
        jurisdiction: 'eu-gdpr',
      },
      { actor: { kind: 'requester', id: 'privacy-center' }, manifest: world.manifest },
    );
    if (!r.ok) throw new Error(r.code);
    const id = r.request.id;
    await transitionRequest(store.db, id, { action: 'verify', method: 'email-code' }, { actor: officer });
    const started = await executeRequest(store.db, queue, id, { actor: officer, manifest: world.manifest });
    if (!started.ok) throw new Error(started.code);
    await queue.wait(started.dsrRequestId, { timeoutMs: 60_000 });
    expect(await syncExecution(store.db, queue, id, { actor: officer })).toMatchObject({
      status: 'completed',
    });
    return id;
  }

  it('P1-39: after an erasure completes, each recipient is told — a signed webhook, an e-mail, or a held message — and the notices are a request event', async () => {
    const hash = subjectHash(SUBJECT_KEY, email(1));
    await logDisclosure(store.db, {
      recipient: 'business-partners',
      subjectHash: hash,
      purpose: 'service-improvement',
      categories: ['email'],
      basis: 'consent',
      allowed: true,
      codes: [],
      actor: 'key-1',
    });
    const id = await completed('erasure', 1);
    const done = await noticeRecipients(store.db, id, {
      manifest: world.manifest,
      notifier,
      actor: officer,
      subjectHashes: [hash],
      contacts: {
        'google-analytics': { webhookUrl: `${sink.url}/erasure` },
        'entrusted-processors': { email: 'privacy@processor.example' },
      },
    });
    if (!done.ok) throw new Error(done.code);

    const hook = await sink.next((h) => h.path === '/erasure');
    expect(
      verifyWebhookSignature(WEBHOOK_SECRET, hook.body, String(hook.headers[SIGNATURE_HEADER]), new Date()),
    ).toEqual({
      ok: true,
    });
    expect(
      verifyWebhookSignature('another-secret', hook.body, String(hook.headers[SIGNATURE_HEADER]), new Date()),
    ).toMatchObject({
      ok: false,
    });
    expect(hook.body).toContain(id);
    expect(hook.body).toContain('google-analytics');

    const byRecipient = new Map(done.notices.map((n) => [n.recipient, n]));
    expect(byRecipient.get('google-analytics')).toMatchObject({ channel: 'webhook', status: 'sent' });
    // No SMTP server configured: the e-mail waits in the outbox.
    expect(byRecipient.get('entrusted-processors')).toMatchObject({ channel: 'email', status: 'held' });
    // Known only from the disclosure log or the manifest, without a contact: held for an officer.
    expect(byRecipient.get('business-partners')).toMatchObject({ channel: 'held', status: 'held' });
    expect(byRecipient.get('business-partners')?.from).toContain('disclosure-log');
    const outbox = await listOutbox(notifier.db, { ref: id });
    expect(outbox.map((m) => m.id).sort()).toEqual(done.notices.map((n) => n.outboxId).sort());
    expect(outbox.every((m) => m.template === 'erasure-notice')).toBe(true);

    const events = await requestEvents(store.db, id);
    const logged = events.find((e) => e.action === 'notify-recipients');
    expect(logged).toBeDefined();
    expect(events.map((e) => e.action)).toEqual([
      'receive',
      'verify',
      'start',
      'complete',
      'notify-recipients',
    ]);
  }, 120_000);

  it('P1-39: syncExecution with notices tells the recipients as it completes the erasure, once', async () => {
    const r = await receiveRequest(
      store.db,
      {
        right: 'erasure',
        channel: 'privacy-center',
        contact: { kind: 'email', address: email(2) },
        identity: { email: [email(2)] },
        jurisdiction: 'eu-gdpr',
      },
      { actor: officer, manifest: world.manifest },
    );
    if (!r.ok) throw new Error(r.code);
    const id = r.request.id;
    await transitionRequest(store.db, id, { action: 'verify', method: 'email-code' }, { actor: officer });
    const started = await executeRequest(store.db, queue, id, { actor: officer, manifest: world.manifest });
    if (!started.ok) throw new Error(started.code);
    await queue.wait(started.dsrRequestId, { timeoutMs: 60_000 });
    const notices = {
      manifest: world.manifest,
      notifier,
      subjectHashes: [subjectHash(SUBJECT_KEY, email(2))],
      contacts: { 'google-analytics': { webhookUrl: `${sink.url}/sync` } },
    };
    const synced = await syncExecution(store.db, queue, id, { actor: officer, notices });
    expect(synced).toMatchObject({ ok: true, status: 'completed', notices: { ok: true } });
    const hook = await sink.next((h) => h.path === '/sync' && h.body.includes(id));
    expect(
      verifyWebhookSignature(WEBHOOK_SECRET, hook.body, String(hook.headers[SIGNATURE_HEADER]), new Date()),
    ).toEqual({
      ok: true,
    });
    // Following the request again does not notify twice.
    const again = await syncExecution(store.db, queue, id, { actor: officer, notices });
    expect(again).toMatchObject({ ok: true, status: 'completed' });
    expect(again).not.toHaveProperty('notices');
    const actions = (await requestEvents(store.db, id)).map((e) => e.action);
    expect(actions.filter((a) => a === 'notify-recipients')).toHaveLength(1);
  }, 120_000);

  it('an access request, or an erasure not completed, is not notified', async () => {
    const access = await completed('access', 2);
    expect(
      await noticeRecipients(store.db, access, {
        manifest: world.manifest,
        notifier,
        actor: officer,
        subjectHashes: [],
      }),
    ).toMatchObject({ ok: false, code: 'request.no-recipient-notice', path: 'right' });
    const r = await receiveRequest(
      store.db,
      {
        right: 'erasure',
        channel: 'api',
        contact: { kind: 'email', address: email(3) },
        identity: { email: [email(3)] },
      },
      { actor: officer, manifest: world.manifest },
    );
    if (!r.ok) throw new Error(r.code);
    expect(
      await noticeRecipients(store.db, r.request.id, {
        manifest: world.manifest,
        notifier,
        actor: officer,
        subjectHashes: [],
      }),
    ).toMatchObject({ ok: false, code: 'request.not-completed', path: 'state' });
  }, 120_000);
});
