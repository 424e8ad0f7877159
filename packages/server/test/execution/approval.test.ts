import { serviceAvailable } from '@pledge/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  email,
  openShop,
  type RequestJson,
  type Shop,
  verifiedRequest,
  waitForRequest,
} from './shop.js';

const up = await serviceAvailable('PostgreSQL', '127.0.0.1', 5432);

describe.skipIf(!up)('a right whose plan needs an officer’s approval', () => {
  let shop: Shop;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    shop = await openShop((input) => {
      const erasure = input.rights?.find((r) => r.right === 'erasure');
      if (erasure) erasure.approval = 'officer';
    });
    ({ app, url } = await shop.start());
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await shop?.drop();
  });

  it('nothing runs until an officer approves the plan; then the erasure is carried out', async () => {
    const before = await shop.rows();
    const id = await verifiedRequest(url, 'erasure', 1);
    const waiting = await waitForRequest(url, id, (r) =>
      r.events.some((e) => e.action === 'awaiting-approval'),
    );
    // Passes after the first change nothing: still verified, no DSR job, every row in place.
    await app.execution.pass();
    await app.execution.pass();
    const still = await api<{ request: { state: string; dsrRequestId: string | null } }>(
      `${url}/v1/requests/${id}`,
      'GET',
    );
    expect(waiting.request.state).toBe('verified');
    expect(still.json.request).toMatchObject({ state: 'verified', dsrRequestId: null });
    expect(await shop.rows()).toEqual(before);

    const approved = await api<{ plan: { stage: string; collections: Array<{ collection: string }> } }>(
      `${url}/v1/requests/${id}/approve`,
      'POST',
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.json.plan.stage).toBe('before-run');
    expect(approved.json.plan.collections.map((c) => c.collection).sort()).toEqual(['customers', 'orders']);
    const done = await waitForRequest(url, id, (r) => r.request.state === 'completed');
    expect(done.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['approve-plan', 'start', 'complete']),
    );
    expect((await shop.rows()).has('customers|u1')).toBe(false);
  });

  it('P0-45: a request never verified is never carried out', async () => {
    const before = await shop.rows();
    const made = await api<{ request: { id: string } }>(`${url}/v1/requests`, 'POST', {
      right: 'access',
      contact: { kind: 'email', address: email(2) },
      identity: { email: [email(2)] },
      jurisdiction: 'eu-gdpr',
    });
    const id = made.json.request.id;
    await app.execution.pass();
    await app.execution.pass();
    const still = await api<RequestJson>(`${url}/v1/requests/${id}`, 'GET');
    expect(still.json.request).toMatchObject({ state: 'received', dsrRequestId: null });
    expect(still.json.events.map((e) => e.action)).toEqual(['receive']);
    expect(await shop.rows()).toEqual(before);
  });

  it('approving a request that waits for nothing is a 409 naming the state; an unknown one a 404', async () => {
    const id = await verifiedRequest(url, 'access', 2);
    await waitForRequest(url, id, (r) => r.request.state === 'completed');
    const again = await api<{ error: { issues: Array<{ path: string }> } }>(
      `${url}/v1/requests/${id}/approve`,
      'POST',
      {},
    );
    expect(again.status).toBe(409);
    expect(again.json.error.issues[0]?.path).toBe('state');
    const unknown = await api(`${url}/v1/requests/00000000-0000-4000-8000-000000000000/approve`, 'POST', {});
    expect(unknown.status).toBe(404);
    const bad = await api(`${url}/v1/requests/${id}/approve`, 'POST', { roots: 1 });
    expect(bad.status).toBe(400);
  });

  it('several accounts matched: the request waits in needs-review with the count until approved', async () => {
    await shop.query(`insert into customers values ('u9', 'customer3@shop.test', 'Cy twin')`);
    const before = await shop.rows();
    const id = await verifiedRequest(url, 'access', 3);
    const review = await waitForRequest(url, id, (r) =>
      r.events.some((e) => e.action === 'execution-needs-review'),
    );
    expect(review.request.state).toBe('in-progress');
    expect(review.events.find((e) => e.action === 'execution-needs-review')?.detail).toEqual({
      rootsMatched: 2,
    });
    const approved = await api<{ plan: { stage: string; rootsMatched: number } }>(
      `${url}/v1/requests/${id}/approve`,
      'POST',
      { roots: 2 },
    );
    expect(approved.status).toBe(200);
    expect(approved.json.plan).toMatchObject({ stage: 'needs-review', rootsMatched: 2 });
    await waitForRequest(url, id, (r) => r.request.state === 'completed');
    expect(await shop.rows()).toEqual(before);
  });
});
