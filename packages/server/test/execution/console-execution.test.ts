import { connectorsFromEnv } from '@pledge/dsr';
import { getRequest, requestEvents } from '@pledge/requests';
import { serviceAvailable } from '@pledge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from '../console-session.js';
import { type TestApp, testApp } from '../helpers.js';
import { email, openShop, type Shop } from './shop.js';

const up = await serviceAvailable('PostgreSQL', '127.0.0.1', 5432);

describe.skipIf(!up)('the console: approve plan, and recipients’ notice contacts', () => {
  let shop: Shop;
  let t: TestApp;
  let officer: TestConsoleSession;

  beforeAll(async () => {
    shop = await openShop((input) => {
      const erasure = input.rights?.find((r) => r.right === 'erasure');
      if (erasure) erasure.approval = 'officer';
    });
    t = await testApp('pglite', {
      manifest: shop.manifest(),
      background: { pollMs: 60_000, connectors: connectorsFromEnv({ SHOP_DB_URL: shop.db.url }) },
    });
    officer = await signedInAs(t.store, 'privacy-officer');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await shop?.drop();
  });

  const post = (url: string, form: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${form}&csrf=${encodeURIComponent(officer.csrf)}`,
    });

  /** Polls the request until `done` holds (no sleeps: a deadline). */
  const until = async (id: string, done: (actions: string[], state: string) => boolean) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const actions = (await requestEvents(t.store.db, id)).map((e) => e.action);
      const state = (await getRequest(t.store.db, id))?.state ?? 'missing';
      if (done(actions, state)) return { actions, state };
      if (Date.now() > deadline) throw new Error(`request ${id} still ${state}: ${actions.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('a request verified in the console waits for approval; the queue shows the plan and "Approve plan" runs it', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/v1/requests',
      payload: {
        right: 'erasure',
        contact: { kind: 'email', address: email(1) },
        identity: { email: [email(1)] },
        jurisdiction: 'eu-gdpr',
      },
    });
    expect(made.statusCode).toBe(201);
    const id = (made.json() as { request: { id: string } }).request.id;
    expect((await post(`/console/requests/${id}/verify`, 'method=email-code')).statusCode).toBe(303);
    await until(id, (actions) => actions.includes('awaiting-approval'));

    const page = await t.app.inject({ url: '/console/requests', headers: { cookie: officer.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Plan of ${id.slice(0, 8)}`);
    expect(page.body).toContain('shop.customers');
    expect(page.body).toContain('shop.orders');
    expect(page.body).toContain(`/console/requests/${id}/approve`);
    expect(page.body).not.toContain(email(1));
    expect((await shop.rows()).has('customers|u1')).toBe(true);

    expect((await post(`/console/requests/${id}/approve`, '')).statusCode).toBe(303);
    const done = await until(id, (_a, state) => state === 'completed');
    expect(done.actions).toEqual(expect.arrayContaining(['approve-plan', 'start', 'complete']));
    expect((await shop.rows()).has('customers|u1')).toBe(false);
    const twice = await post(`/console/requests/${id}/approve`, '');
    expect(twice.statusCode).toBe(409);
  });

  it('an officer sets where a recipient takes notices; the API lists it; a bad URL is a 400 naming the field', async () => {
    const saved = await post(
      '/console/recipients/cloud/contact',
      `webhookUrl=${encodeURIComponent('https://hooks.example.test/pledge')}&email=`,
    );
    expect(saved.statusCode).toBe(303);
    const page = await t.app.inject({ url: '/console/recipients', headers: { cookie: officer.cookie } });
    expect(page.body).toContain('https://hooks.example.test/pledge');
    expect(page.body).toContain('Save notice contact');
    const listed = await t.app.inject({ url: '/v1/recipients/contacts' });
    expect(listed.json()).toMatchObject({
      contacts: [{ recipient: 'cloud', webhookUrl: 'https://hooks.example.test/pledge' }],
    });
    const bad = await post('/console/recipients/cloud/contact', 'webhookUrl=ftp%3A%2F%2Fx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { issues: [{ path: 'webhookUrl' }] } });
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/v1/recipients/nobody/contact',
      payload: { email: 'a@b.test' },
    });
    expect(unknown.statusCode).toBe(404);
    const agent = await signedInAs(t.store, 'support-agent');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/console/recipients/cloud/contact',
      headers: { cookie: agent.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=a%40b.test&csrf=${encodeURIComponent(agent.csrf)}`,
    });
    expect(refused.statusCode).toBe(403);
  });
});
