import { ManualClock } from '@pledge/jobs';
import type { Store } from '@pledge/store';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type InboundListener,
  type InboundMessage,
  inboundRequestDraft,
  listInbound,
  markInboundAsRequest,
  startInboundListener,
} from '../src/index.js';
import { bareStore } from './support.js';

const CONTACT = 'privacy@antsentry.example';
const WRITER = 'canary-writer-3307@example.test';

describe('the contact address served by Pledge', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let listener: InboundListener;
  const logged: InboundMessage[] = [];
  const clock = new ManualClock('2026-03-03T07:30:00Z');

  beforeEach(async () => {
    ({ store, cleanup } = await bareStore());
    logged.length = 0;
    listener = await startInboundListener({
      db: store.db,
      addresses: [CONTACT],
      port: 0,
      clock,
      maxBytes: 64 * 1024,
      onMessage: (m) => logged.push(m),
    });
  });
  afterEach(async () => {
    await listener.close();
    await cleanup();
  });

  const transport = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });

  it('P0-60: logs every message to the contact address as a possible request, and turns it into one', async () => {
    const info = await transport().sendMail({
      from: `Wang Fang <${WRITER}>`,
      replyTo: WRITER,
      to: CONTACT,
      subject: '请删除我的个人信息',
      text: '您好，请删除我的账户和所有个人信息。\n谢谢',
    });
    expect(info.accepted).toEqual([CONTACT]);
    const [message] = await listInbound(store.db);
    expect(message).toMatchObject({
      from: WRITER,
      to: [CONTACT],
      subject: '请删除我的个人信息',
      status: 'logged',
      requestRef: null,
    });
    expect(message?.receivedAt.toISOString()).toBe('2026-03-03T07:30:00.000Z');
    expect(message?.size).toBeGreaterThan(100);
    expect(logged.map((m) => m.id)).toEqual([message?.id]);

    const draft = await inboundRequestDraft(store.db, message?.id ?? '');
    expect(draft).toMatchObject({
      channel: 'email',
      replyTo: WRITER,
      subject: '请删除我的个人信息',
      text: '您好，请删除我的账户和所有个人信息。\n谢谢',
    });
    expect(await markInboundAsRequest(store.db, message?.id ?? '', 'R-100')).toBe(true);
    // A letter opens one case only.
    expect(await markInboundAsRequest(store.db, message?.id ?? '', 'R-101')).toBe(false);
    expect(await listInbound(store.db, { status: 'request' })).toMatchObject([{ requestRef: 'R-100' }]);
    expect(await inboundRequestDraft(store.db, 'no-such-id')).toBeUndefined();
  });

  it('refuses mail for other addresses and messages over the size limit, logging nothing', async () => {
    await expect(
      transport().sendMail({ from: WRITER, to: 'someone@antsentry.example', subject: 'x', text: 'x' }),
    ).rejects.toThrow(/550/);
    await expect(
      transport().sendMail({ from: WRITER, to: CONTACT, subject: 'big', text: 'x'.repeat(80 * 1024) }),
    ).rejects.toThrow(/552/);
    expect(await listInbound(store.db)).toEqual([]);
  });

  it('reads a multipart message with an HTML alternative and an attachment', async () => {
    await transport().sendMail({
      from: WRITER,
      to: CONTACT,
      subject: 'Access request / Auskunft',
      text: 'Please send me a copy of my data. Ünïcödé.',
      html: '<p>Please send me a copy of my data.</p>',
      attachments: [{ filename: 'id.txt', content: 'identity document' }],
    });
    const [message] = await listInbound(store.db);
    const draft = await inboundRequestDraft(store.db, message?.id ?? '');
    expect(draft?.text).toBe('Please send me a copy of my data. Ünïcödé.');
    expect(draft?.subject).toBe('Access request / Auskunft');
  });
});
