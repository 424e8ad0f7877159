import { createApiKey } from '@pledge/auth';
import { readAuditEntries } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './helpers.js';

const EMAIL = 'requests-canary@example.test';

describe('data-subject requests over HTTP', () => {
  let t: TestApp;
  let dsr = '';
  let other = '';
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: 'bootstrap-token-0123456789abcdef' });
    for (const [scope, set] of [
      ['dsr', (s: string) => (dsr = s)],
      ['decide', (s: string) => (other = s)],
    ] as const) {
      const made = await createApiKey(t.store, { name: scope, scopes: [scope] });
      if (!made.ok) throw new Error(made.issue.message);
      set(made.created.secret);
    }
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, key = dsr) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const error = (res: { json(): unknown }) =>
    (res.json() as { error: { code: string; issues?: Array<{ path: string; code: string }> } }).error;

  it('P1-36: receives a request from an officer entering a letter, lists it by due date and shows it with its history', async () => {
    const created = await call('POST', '/v1/requests', {
      right: 'erasure',
      channel: 'officer-letter',
      contact: { kind: 'email', address: EMAIL },
      jurisdiction: 'cn-pipl',
      identity: { email: [EMAIL] },
      details: 'Please delete or anonymise my data.',
    });
    expect(created.statusCode).toBe(201);
    const { request } = created.json() as { request: { id: string; state: string; dueAt: string | null } };
    expect(request.state).toBe('received');
    expect(request.dueAt).not.toBeNull();

    const list = await call('GET', '/v1/requests');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(EMAIL);
    expect((list.json() as { requests: Array<{ id: string }> }).requests.map((r) => r.id)).toContain(
      request.id,
    );

    const shown = await call('GET', `/v1/requests/${request.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      request: { id: request.id, contact: { address: EMAIL } },
      events: [{ action: 'receive', toState: 'received' }],
    });
    // The read of the person's request is in the access audit log, under a pseudonym.
    const audit = await readAuditEntries(t.store.db, { action: 'api-read' });
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.entries)).not.toContain(EMAIL);
  });

  it('P0-45 and P1-46: complete only after verification; a denial needs grounds; refusals name the field', async () => {
    const created = await call('POST', '/v1/requests', {
      right: 'access',
      contact: { kind: 'email', address: 'second@example.test' },
      jurisdiction: 'eu-gdpr',
    });
    const id = (created.json() as { request: { id: string } }).request.id;
    const early = await call('POST', `/v1/requests/${id}/complete`, {});
    expect(early.statusCode).toBe(409);
    expect(error(early)).toMatchObject({
      code: 'request-transition-refused',
      issues: [{ code: 'request.transition-not-allowed' }],
    });
    const noGround = await call('POST', `/v1/requests/${id}/deny`, { grounds: [] });
    expect(noGround.statusCode).toBe(400);
    expect(error(noGround).issues?.[0]?.path).toBe('grounds');

    expect((await call('POST', `/v1/requests/${id}/verify`, { method: 'email-code' })).statusCode).toBe(200);
    const extended = await call('POST', `/v1/requests/${id}/extend`, { reasons: ['complexity'] });
    expect(extended.statusCode).toBe(200);
    expect(extended.json()).toMatchObject({ request: { state: 'extended', extended: true } });
    const twice = await call('POST', `/v1/requests/${id}/extend`, { reasons: ['complexity'] });
    expect(twice.statusCode).toBe(409);
    const done = await call('POST', `/v1/requests/${id}/complete`, { note: 'Package sent.' });
    expect(done.json()).toMatchObject({ request: { state: 'completed' } });
  });

  it('answers bad input with 400 naming the field, unknown ids with 404, other scopes with 403', async () => {
    const bad = await call('POST', '/v1/requests', {
      right: 'everything',
      contact: { kind: 'email', address: EMAIL },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain(EMAIL);
    expect(JSON.stringify(error(bad).issues)).toContain('right');
    const noContact = await call('POST', '/v1/requests', { right: 'access' });
    expect(noContact.statusCode).toBe(400);
    const missing = await call('GET', '/v1/requests/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(error(missing).code).toBe('request-not-found');
    const notUuid = await call('GET', '/v1/requests/nope');
    expect(notUuid.statusCode).toBe(400);
    const wrongScope = await call('GET', '/v1/requests', undefined, other);
    expect(wrongScope.statusCode).toBe(403);
  });
});
