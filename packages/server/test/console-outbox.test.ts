import { enqueueMessage, type InboundListener, listInbound, startInboundListener } from '@pledge/notify';
import { getRequest, listRequests } from '@pledge/requests';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { type TestApp, testApp } from './helpers.js';

const CONTACT = 'privacy@antsentry.example';
const WRITER = 'outbox-canary-writer@example.test';
const CODE_BODY = 'Your code is 493817';

describe('the console outbox and inbox', () => {
  let t: TestApp;
  let officer: TestConsoleSession;
  let agent: TestConsoleSession;
  let listener: InboundListener;
  let failedId = '';
  let sentId = '';
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: 'console-outbox-token-0123456789' });
    officer = await signedInAs(t.store, 'privacy-officer');
    agent = await signedInAs(t.store, 'support-agent');
    listener = await startInboundListener({ db: t.store.db, addresses: [CONTACT], port: 0 });
    const now = new Date();
    failedId = (
      await enqueueMessage(
        t.store.db,
        {
          channel: 'email',
          recipient: WRITER,
          subject: 'Your code',
          template: 'verification-code',
          body: { text: CODE_BODY },
        },
        now,
        true,
      )
    ).id;
    sentId = (
      await enqueueMessage(
        t.store.db,
        {
          channel: 'webhook',
          recipient: 'https://hooks.example.test/x',
          template: 'erasure-notice',
          body: { json: { a: 1 } },
        },
        now,
      )
    ).id;
    // What a transport leaves after the last attempt: status and a raw error quoting the address.
    await t.store.db
      .updateTable('pledge_notify_outbox' as never)
      .set({ status: 'failed', attempts: 5, last_error: `connect ECONNREFUSED for ${WRITER}` } as never)
      .where('id' as never, '=', failedId as never)
      .execute();
    await t.store.db
      .updateTable('pledge_notify_outbox' as never)
      .set({ status: 'sent', attempts: 1 } as never)
      .where('id' as never, '=', sentId as never)
      .execute();
  });
  afterAll(async () => {
    await listener.close();
    await t.close();
  });

  const page = (session: TestConsoleSession) =>
    t.app.inject({ method: 'GET', url: '/console/outbox', headers: { cookie: session.cookie } });
  const post = (session: TestConsoleSession, url: string, form = '') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${form}${form ? '&' : ''}csrf=${encodeURIComponent(session.csrf)}`,
    });

  it('lists every message with status, channel, template and the error in words, never a body or address; officers only', async () => {
    const res = await page(officer);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(failedId.slice(0, 8));
    expect(res.body).toContain(sentId.slice(0, 8));
    expect(res.body).toContain('verification-code');
    expect(res.body).toContain('webhook endpoint');
    expect(res.body).toContain('The server could not be reached (connection refused).');
    expect(res.body).toContain(`/console/outbox/${failedId}/retry`);
    expect(res.body).not.toContain(`/console/outbox/${sentId}/retry`);
    expect(res.body).not.toContain(CODE_BODY);
    expect(res.body).not.toContain('493817');
    expect(res.body).not.toContain(WRITER);
    expect(res.body).not.toContain('hooks.example.test');
    expect((await page(agent)).statusCode).toBe(403);
  });

  it('"retry now" queues a failed message again, once; a sent one is not sent twice', async () => {
    expect((await post(officer, `/console/outbox/${failedId}/retry`)).statusCode).toBe(303);
    const after = await page(officer);
    expect(after.body).not.toContain(`/console/outbox/${failedId}/retry`);
    expect((await post(officer, `/console/outbox/${failedId}/retry`)).statusCode).toBe(404);
    expect((await post(officer, `/console/outbox/${sentId}/retry`)).statusCode).toBe(404);
    expect((await post(agent, `/console/outbox/${sentId}/retry`)).statusCode).toBe(403);
  });

  it('P0-60: a real mail to the contact address shows up in the inbox and becomes exactly one request', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: WRITER,
      to: CONTACT,
      subject: 'Please delete my account data',
      text: 'I ask you to erase everything you hold about me.',
    });
    const [message] = await listInbound(t.store.db);
    expect(message).toMatchObject({
      from: WRITER,
      subject: 'Please delete my account data',
      status: 'logged',
    });
    const res = await page(officer);
    expect(res.body).toContain('Please delete my account data');
    expect(res.body).toContain(WRITER);
    expect(res.body).toContain(`/console/inbox/${message!.id}/request`);

    const noRight = await post(officer, `/console/inbox/${message!.id}/request`, 'jurisdiction=eu-gdpr');
    expect(noRight.statusCode).toBe(400);
    expect(noRight.json()).toMatchObject({ error: { issues: [{ path: 'right' }] } });
    const badLaw = await post(
      officer,
      `/console/inbox/${message!.id}/request`,
      'right=erasure&jurisdiction=xx',
    );
    expect(badLaw.json()).toMatchObject({ error: { issues: [{ path: 'jurisdiction' }] } });

    const before = (await listRequests(t.store.db, { limit: 500 })).length;
    const [first, second] = await Promise.all([
      post(officer, `/console/inbox/${message!.id}/request`, 'right=erasure&jurisdiction=eu-gdpr'),
      post(officer, `/console/inbox/${message!.id}/request`, 'right=erasure&jurisdiction=eu-gdpr'),
    ]);
    expect([first!.statusCode, second!.statusCode].sort()).toEqual([303, 409]);
    const requests = await listRequests(t.store.db, { limit: 500 });
    expect(requests.length).toBe(before + 1);
    const [logged] = await listInbound(t.store.db);
    expect(logged).toMatchObject({ status: 'request' });
    const request = await getRequest(t.store.db, logged!.requestRef!);
    expect(request).toMatchObject({
      right: 'erasure',
      channel: 'email',
      jurisdiction: 'eu-gdpr',
      state: 'received',
    });
    expect(request!.receivedAt.getTime()).toBe(message!.receivedAt.getTime());
    expect((await page(officer)).body).toContain(`opened as <code>${request!.id.slice(0, 8)}</code>`);
    const again = await post(officer, `/console/inbox/${message!.id}/request`, 'right=access');
    expect(again.statusCode).toBe(409);
  });

  it('P2-16: requests to see or correct personal information are accepted through the contact address', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      secure: false,
      ignoreTLS: true,
    });
    const asks = [
      { subject: 'What data do you hold about me?', right: 'access' },
      { subject: 'My phone number is wrong, please correct it', right: 'rectification' },
    ] as const;
    for (const ask of asks) {
      await transport.sendMail({ from: WRITER, to: CONTACT, subject: ask.subject, text: ask.subject });
      const message = (await listInbound(t.store.db)).find((m) => m.subject === ask.subject);
      if (!message) throw new Error('the mail was not logged');
      const opened = await post(
        officer,
        `/console/inbox/${message.id}/request`,
        `right=${ask.right}&jurisdiction=cn-pipl`,
      );
      expect(opened.statusCode).toBe(303);
      const logged = (await listInbound(t.store.db)).find((m) => m.id === message.id);
      const request = await getRequest(t.store.db, logged?.requestRef ?? '');
      expect(request).toMatchObject({
        right: ask.right,
        channel: 'email',
        jurisdiction: 'cn-pipl',
        state: 'received',
      });
      expect(request?.details).toContain(ask.subject.slice(0, 20));
      expect(request?.dueAt).not.toBeNull();
    }
  });
});
