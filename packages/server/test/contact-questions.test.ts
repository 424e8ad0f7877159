import { type InboundListener, listInbound, startInboundListener } from '@pledge/notify';
import { questionReplyRule } from '@pledge/requests';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { loadManifest, REPO_ROOT } from './fixtures.js';
import { type TestApp, testApp } from './helpers.js';

const CONTACT = 'contact@camera.example';
const DAY_MS = 86_400_000;
// The camera app: "Under normal circumstances, we will reply within fifteen days."
const camera = loadManifest(`${REPO_ROOT}examples/camera-app/pledge.yaml`);

describe('general questions to the contact address', () => {
  let t: TestApp;
  let officer: TestConsoleSession;
  let listener: InboundListener;
  beforeAll(async () => {
    t = await testApp('pglite', { manifest: camera, apiToken: 'contact-questions-token-0123456789' });
    officer = await signedInAs(t.store, 'privacy-officer');
    listener = await startInboundListener({ db: t.store.db, addresses: [CONTACT], port: 0 });
  });
  afterAll(async () => {
    await listener?.close();
    await t?.close();
  });

  it('P1-47: a general question sent to the contact channel gets a 15-day reply deadline in the console inbox', async () => {
    expect(questionReplyRule(camera)).toMatchObject({ amount: 15, unit: 'days' });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'question-canary@example.test',
      to: CONTACT,
      subject: 'How long do you keep videos?',
      text: 'A general question about retention.',
    });
    const [message] = await listInbound(t.store.db);
    if (!message) throw new Error('the mail was not logged');
    const res = await t.app.inject({ url: '/console/outbox', headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    const row = res.body.split('<tr>').find((r) => r.includes('How long do you keep videos?'));
    const due = /<td>(\d{4}-\d\d-\d\dT[\d:.]+Z)<\/td><td><form/.exec(row ?? '')?.[1];
    expect(due).toBeDefined();
    const days = (Date.parse(due ?? '') - message.receivedAt.getTime()) / DAY_MS;
    // Fifteen days counted from the day after receipt, ending at the end of the last day.
    expect(days).toBeGreaterThan(15);
    expect(days).toBeLessThanOrEqual(16);
  });
});
