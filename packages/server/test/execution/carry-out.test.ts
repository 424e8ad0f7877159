import { unzipPackage } from '@pledge/dsr';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '@pledge/notify';
import { serviceAvailable } from '@pledge/testing';
import { startWebhookSink, type WebhookSink } from '@pledge/testing/sinks';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newVisitor,
  sealVisitor,
  VISITOR_COOKIE,
  visitorCookieKey,
} from '../../src/privacy-center/visitor-cookie.js';
import { api, email, openShop, type Shop, SUBJECT_KEY, verifiedRequest, waitForRequest } from './shop.js';

const up = await serviceAvailable('PostgreSQL', '127.0.0.1', 5432);
const SECRET = 'test-webhook-secret-0123456789';

describe.skipIf(!up)('the server carries out verified requests on the datastores', () => {
  let shop: Shop;
  let app: FastifyInstance;
  let url: string;
  let sink: WebhookSink;

  beforeAll(async () => {
    shop = await openShop();
    sink = await startWebhookSink();
    ({ app, url } = await shop.start({ PLEDGE_WEBHOOK_SECRET: SECRET }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sink?.close();
    await shop?.drop();
  });

  it('an access request verified through the API is carried out at once: the package of the person’s rows downloads through the privacy center’s signed link', async () => {
    const id = await verifiedRequest(url, 'access', 1);
    const done = await waitForRequest(url, id, (r) => r.request.state === 'completed');
    expect(done.request.dsrRequestId).toBe(id);
    expect(done.events.map((e) => e.action)).toEqual(expect.arrayContaining(['verify', 'start', 'complete']));
    const visitor = { ...newVisitor(Date.now()), requests: [{ id }] };
    const cookie = `${VISITOR_COOKIE}=${sealVisitor(visitorCookieKey(SUBJECT_KEY), visitor)}`;
    const page = await fetch(`${url}/privacy/requests/${id}`, { headers: { cookie } });
    const href = /<a class="button" href="([^"]+)" download>/
      .exec(await page.text())?.[1]
      ?.replaceAll('&amp;', '&');
    expect(href).toMatch(new RegExp(`^/privacy/requests/${id}/package\\?exp=\\d+&sig=`));
    const zip = await fetch(`${url}${href}`, { headers: { cookie } });
    expect(zip.status).toBe(200);
    const all = Object.values(unzipPackage(new Uint8Array(await zip.arrayBuffer()))).join('\n');
    expect(all).toContain(email(1));
    expect(all).toContain('lamp');
    expect(all).not.toContain(email(2));
    expect(all).not.toContain('chair');
  });

  it('an erasure removes the person’s rows only, completes, and the recipient’s webhook gets the signed notice, logged in the request’s events', async () => {
    const contact = await api(`${url}/v1/recipients/cloud/contact`, 'PUT', {
      webhookUrl: `${sink.url}/cloud`,
    });
    expect(contact.status).toBe(200);
    const before = await shop.rows();
    const id = await verifiedRequest(url, 'erasure', 1);
    const done = await waitForRequest(
      url,
      id,
      (r) => r.request.state === 'completed' && r.events.some((e) => e.action === 'notify-recipients'),
    );
    const after = await shop.rows();
    const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
    expect(gone).toEqual(['customers|u1', 'orders|o1', 'orders|o2']);
    for (const [key, row] of after) expect(row).toBe(before.get(key));

    const hook = await sink.next((h) => h.path === '/cloud', 30_000);
    expect(
      verifyWebhookSignature(SECRET, hook.body, hook.headers[SIGNATURE_HEADER] as string, new Date()),
    ).toEqual({
      ok: true,
    });
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'erasure-notice',
      data: { requestId: id, right: 'erasure', recipient: 'cloud' },
    });
    const notice = done.events.find((e) => e.action === 'notify-recipients');
    expect(notice?.detail).toMatchObject({
      notices: expect.arrayContaining([expect.objectContaining({ recipient: 'cloud', channel: 'webhook' })]),
    });
    expect(done.events.filter((e) => e.action === 'notify-recipients')).toHaveLength(1);
  });

  it('a deregistration erases the account, writes its tombstone and completes', async () => {
    const before = await shop.rows();
    const id = await verifiedRequest(url, 'deregistration', 2);
    const done = await waitForRequest(url, id, (r) => r.request.state === 'completed');
    expect(done.events.map((e) => e.action)).toContain('complete');
    const after = await shop.rows();
    expect([...before.keys()].filter((k) => !after.has(k)).sort()).toEqual(['customers|u2', 'orders|o3']);
    const checked = await api<{ deregistered: boolean }>(`${url}/v1/subjects/deregistered`, 'POST', {
      identifier: email(2),
    });
    expect(checked.json.deregistered).toBe(true);
    const other = await api<{ deregistered: boolean }>(`${url}/v1/subjects/deregistered`, 'POST', {
      identifier: email(3),
    });
    expect(other.json.deregistered).toBe(false);
  });

  it('a DSR job that fails leaves the request in progress for the officer, with the reason in its events', async () => {
    await shop.query('alter table orders rename to orders_moved');
    const id = await verifiedRequest(url, 'erasure', 3);
    const stopped = await waitForRequest(url, id, (r) =>
      r.events.some((e) => e.action === 'execution-stopped'),
    );
    expect(stopped.request.state).toBe('in-progress');
    const event = stopped.events.find((e) => e.action === 'execution-stopped');
    expect(event?.detail).toMatchObject({ status: expect.stringMatching(/failed|partial/) });
    expect(JSON.stringify(event?.detail)).not.toContain(email(3));
    const again = await api<{ request: { state: string } }>(`${url}/v1/requests/${id}`, 'GET');
    expect(again.json.request.state).not.toBe('completed');
  });
});
