import { createApiKey } from '@pledge/auth';
import { getRequest } from '@pledge/requests';
import { addContract } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedgerRight } from '../src/request-runner/ledger-rights.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { antsentryWith, type TestApp, testApp } from './helpers.js';

// AntSentry with one purpose that shares data with a third party (CCPA "sharing").
const manifest = antsentryWith((m) => {
  const purpose = m.purposes.find((p) => p.id === 'service-improvement');
  if (!purpose) return;
  purpose.sale = true;
  purpose.consent = {
    ...(purpose.consent as Record<string, string>),
    'us-ca-ccpa': 'opt-out',
  } as typeof purpose.consent;
});
const CA = { jurisdiction: 'us-ca-ccpa' } as const;

describe('California rights through the running server', () => {
  let t: TestApp;
  let rt: Runtime;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp('pglite', { manifest });
    // The request runner's view of the same store, as the server's worker has it.
    rt = await openRuntime({ manifest, source: 'test', store: t.store });
    for (const scope of ['dsr', 'disclose', 'decide'] as const) {
      const made = await createApiKey(t.store, { name: scope, scopes: [scope] });
      if (!made.ok) throw new Error(made.issue.message);
      keys[scope] = made.created.secret;
    }
  });
  afterAll(async () => {
    await rt?.close();
    await t?.close();
  });

  const call = (url: string, scope: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[scope]}` }, payload });

  /** A request filed and verified over the API. */
  async function verifiedRequest(right: string, user: string) {
    const created = await call('/v1/requests', 'dsr', {
      right,
      jurisdiction: 'us-ca-ccpa',
      contact: { kind: 'email', address: `${user}@example.test` },
      identity: { 'user-id': [user] },
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { request: { id: string } }).request.id;
    expect((await call(`/v1/requests/${id}/verify`, 'dsr', { method: 'email-code' })).statusCode).toBe(200);
    const request = await getRequest(t.store.db, id);
    if (!request) throw new Error('request not stored');
    return request;
  }

  const share = (subject: string) =>
    call('/v1/disclosures', 'disclose', {
      subject,
      recipient: 'tracking-third-parties',
      purpose: 'service-improvement',
      categories: ['cookie-id'],
      facts: CA,
    });
  const issues = (res: { json(): unknown }) =>
    (res.json() as { error: { issues?: Array<{ code: string; message: string }> } }).error.issues ?? [];

  it('P0-56: after a CA opt-out of sale or sharing, a sharing disclosure to a third party is refused', async () => {
    const user = 'ca-opt-out-canary';
    // The recipient's contract is on file, so before the opt-out the sharing is allowed.
    await addContract(t.store.db, {
      recipient: 'tracking-third-parties',
      kind: 'dpa',
      signedOn: '2026-01-01',
      mediaType: 'application/pdf',
      document: new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'),
      recordedBy: 'key_test',
    });
    const before = await share(user);
    expect(before.statusCode).toBe(200);

    const request = await verifiedRequest('opt-out-sale-share', user);
    expect(await runLedgerRight(rt, request, { kind: 'system', id: 'test' })).toMatchObject({ kind: 'done' });

    const after = await share(user);
    expect(after.statusCode).toBe(403);
    expect(issues(after)).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'disclosure.consent-refused' })]),
    );
    expect(issues(after).some((i) => i.message.includes('deny.opted-out'))).toBe(true);
    expect(after.body).not.toContain(user);
  });

  it('P0-55: a CA resident who used a right gets the same decisions as before', async () => {
    const user = 'ca-no-discrimination-canary';
    const asks = [
      { purpose: 'registration', categories: ['email'] },
      { purpose: 'miner-monitoring', categories: ['mining-machine'] },
      { purpose: 'technical-support', categories: ['support-request'] },
      { purpose: 'service-notifications', categories: ['email'] },
    ];
    const decisions = async () => {
      const res = await call('/v1/decide/batch', 'decide', {
        requests: asks.map((a) => ({ subject: user, ...a, facts: CA })),
      });
      expect(res.statusCode).toBe(200);
      return res.json() as unknown;
    };
    const before = await decisions();
    for (const right of ['access', 'erasure', 'opt-out-sale-share']) {
      const request = await verifiedRequest(right, user);
      await runLedgerRight(rt, request, { kind: 'system', id: 'test' });
    }
    expect(await decisions()).toEqual(before);
  });
});
