import { getRequest, listManualTasks, receiveRequest } from '@pledge/requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { antsentry, antsentryWith, type TestApp, testApp } from './helpers.js';

const EMAIL = 'console-queue-canary@example.test';

describe('the console request queue', () => {
  let t: TestApp;
  let officer: TestConsoleSession;
  let agent: TestConsoleSession;
  let id = '';
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: 'console-requests-token-0123456789' });
    officer = await signedInAs(t.store, 'privacy-officer');
    agent = await signedInAs(t.store, 'support-agent');
    const received = await receiveRequest(
      t.store.db,
      {
        right: 'access',
        channel: 'email',
        contact: { kind: 'email', address: EMAIL },
        jurisdiction: 'eu-gdpr',
      },
      { actor: { kind: 'requester', id: 'inbound' }, manifest: antsentry },
    );
    if (!received.ok) throw new Error(received.code);
    id = received.request.id;
  });
  afterAll(() => t.close());

  const post = (session: TestConsoleSession, step: string, form: string) =>
    t.app.inject({
      method: 'POST',
      url: `/console/requests/${id}/${step}`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${form}&csrf=${encodeURIComponent(session.csrf)}`,
    });

  it('shows the queue by due date with the steps each state allows, and no contact address', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/console/requests',
      headers: { cookie: officer.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(id.slice(0, 8));
    expect(page.body).toContain(`/console/requests/${id}/verify`);
    expect(page.body).not.toContain(`/console/requests/${id}/complete`);
    expect(page.body).not.toContain(EMAIL);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/console/requests',
      headers: { cookie: agent.cookie },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('P2-22: an officer verifies, extends with a reason and completes through the forms; a bad step names the field', async () => {
    expect((await post(officer, 'verify', 'method=documents')).statusCode).toBe(303);
    const noReason = await post(officer, 'extend', 'note=later');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { issues: [{ path: 'reason' }] } });
    expect((await post(officer, 'extend', 'reason=complexity')).statusCode).toBe(303);
    expect((await post(officer, 'complete', 'note=sent')).statusCode).toBe(303);
    const request = await getRequest(t.store.db, id);
    expect(request).toMatchObject({ state: 'completed', extension: { reasons: ['complexity'] } });
    const again = await post(officer, 'deny', 'ground=impractical&complaintRoute=CAC');
    expect(again.statusCode).toBe(409);
  });

  it('shows the checklist of a store with no connector, refuses completion while a task is open (409), and records who ticked it', async () => {
    const manifest = antsentryWith((m) => {
      const redis = m.datasets.find((d) => d.datastore.kind === 'redis')!;
      delete redis.datastore.connection;
    });
    const received = await receiveRequest(
      t.store.db,
      {
        right: 'erasure',
        channel: 'email',
        contact: { kind: 'email', address: EMAIL },
        jurisdiction: 'eu-gdpr',
      },
      { actor: { kind: 'requester', id: 'inbound' }, manifest },
    );
    if (!received.ok) throw new Error(received.code);
    const rid = received.request.id;
    const [task] = await listManualTasks(t.store.db, [rid]);
    const to = (session: TestConsoleSession, path: string, form: string) =>
      t.app.inject({
        method: 'POST',
        url: `/console/requests/${rid}/${path}`,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `${form}&csrf=${encodeURIComponent(session.csrf)}`,
      });
    const page = await t.app.inject({
      method: 'GET',
      url: '/console/requests',
      headers: { cookie: officer.cookie },
    });
    expect(page.body).toContain('Manual tasks: 1 of 1 open');
    expect(page.body).toContain(`/console/requests/${rid}/tasks/${task!.id}`);

    expect((await to(officer, 'verify', 'method=documents')).statusCode).toBe(303);
    const refused = await to(officer, 'complete', 'note=done');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { issues: [{ code: 'request.manual-tasks-open', path: 'manualTasks' }] },
    });
    const noEvidence = await to(officer, `tasks/${task!.id}`, 'evidence=');
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json()).toMatchObject({ error: { issues: [{ path: 'evidence' }] } });
    expect((await to(agent, `tasks/${task!.id}`, 'evidence=x')).statusCode).toBe(403);
    expect(
      (await to(officer, `tasks/${task!.id}`, 'evidence=Keys+deleted+by+hand%2C+OPS-12')).statusCode,
    ).toBe(303);
    const after = await t.app.inject({
      method: 'GET',
      url: '/console/requests',
      headers: { cookie: officer.cookie },
    });
    expect(after.body).toContain('Manual tasks: 0 of 1 open');
    expect(after.body).toContain('Keys deleted by hand, OPS-12');
    expect((await to(officer, 'complete', 'note=done')).statusCode).toBe(303);
    expect((await getRequest(t.store.db, rid))?.state).toBe('completed');
  });
});
