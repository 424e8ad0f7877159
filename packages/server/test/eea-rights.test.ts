import { createApiKey } from '@pledge/auth';
import { getRequest, requestEvents } from '@pledge/requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedgerRight } from '../src/request-runner/ledger-rights.js';
import { openRuntime } from '../src/runtime.js';
import { signedInAs } from './console-session.js';
import { antsentry, type TestApp, testApp } from './helpers.js';

/** GDPR's seven: access and copy, rectification, erasure, restriction, objection, portability, withdrawal. */
const EEA_SEVEN = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'portability',
  'withdrawal',
] as const;

describe('EEA request types', () => {
  let t: TestApp;
  let dsr = '';
  beforeAll(async () => {
    t = await testApp('pglite');
    const made = await createApiKey(t.store, { name: 'dsr', scopes: ['dsr'] });
    if (!made.ok) throw new Error(made.issue.message);
    dsr = made.created.secret;
  });
  afterAll(() => t.close());

  it('P0-52: EEA users are offered the seven request types in the privacy center and the API', async () => {
    const page = await t.app.inject({ url: '/privacy/requests?lang=en' });
    expect(page.statusCode).toBe(200);
    const items = page.body.split('<li>').slice(1);
    for (const right of EEA_SEVEN) {
      const item = items.find((i) => i.includes(`/privacy/requests/new?right=${right}`));
      expect(item, right).toBeDefined();
      expect(item).toMatch(/Applies to: [^<]*(EEA \(GDPR\)|everyone)/i);
      const form = await t.app.inject({ url: `/privacy/requests/new?right=${right}&lang=en` });
      expect(form.statusCode, right).toBe(200);
      expect(form.body).toContain('name="jurisdiction"');

      const filed = await t.app.inject({
        method: 'POST',
        url: '/v1/requests',
        headers: { authorization: `Bearer ${dsr}` },
        payload: {
          right,
          jurisdiction: 'eu-gdpr',
          contact: { kind: 'email', address: 'eea-canary@example.test' },
        },
      });
      expect(filed.statusCode, right).toBe(201);
      expect(filed.json()).toMatchObject({ request: { right, jurisdiction: 'eu-gdpr', state: 'received' } });
    }
  });

  it('P0-53: over the API, an EEA objection stops legitimate-interest processing until an officer logs an assessment', async () => {
    const user = 'eea-objection-canary';
    const api = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${dsr}` }, payload });
    const filed = await api('/v1/requests', {
      right: 'objection',
      jurisdiction: 'eu-gdpr',
      contact: { kind: 'email', address: 'eea-objection@example.test' },
      identity: { 'user-id': [user] },
    });
    const id = (filed.json() as { request: { id: string } }).request.id;
    const early = await api(`/v1/requests/${id}/objection-assessment`, {
      outcome: 'compelling-grounds',
      note: 'x',
    });
    expect(early.statusCode).toBe(409);
    expect((await api(`/v1/requests/${id}/verify`, { method: 'email-code' })).statusCode).toBe(200);

    // The request runner's side, on the same store.
    const rt = await openRuntime({ manifest: antsentry, source: 'test', store: t.store });
    try {
      const request = await getRequest(t.store.db, id);
      if (!request) throw new Error('request not stored');
      expect(await runLedgerRight(rt, request, { kind: 'system', id: 'runner' })).toMatchObject({
        kind: 'done',
      });
      const li = async () =>
        (
          await rt.engine.decide({
            subject: user,
            purpose: 'feedback',
            categories: ['feedback'],
            facts: { jurisdiction: 'eu-gdpr' },
          })
        ).allowed;
      expect(await li()).toBe(false);

      const noNote = await api(`/v1/requests/${id}/objection-assessment`, {
        outcome: 'compelling-grounds',
        note: ' ',
      });
      expect(noNote.statusCode).toBe(400);
      expect(JSON.stringify(noNote.json())).toContain('note');
      const assessed = await api(`/v1/requests/${id}/objection-assessment`, {
        outcome: 'compelling-grounds',
        note: 'Feedback handling is needed to fix reported faults.',
      });
      expect(assessed.statusCode).toBe(200);
      expect(assessed.json()).toEqual({ id, outcome: 'compelling-grounds', lifted: true });
      expect(await li()).toBe(true);
    } finally {
      await rt.close();
    }
  });

  it('P0-53: an officer logs the assessment from the console request queue', async () => {
    const api = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${dsr}` }, payload });
    const filed = await api('/v1/requests', {
      right: 'objection',
      jurisdiction: 'eu-gdpr',
      contact: { kind: 'email', address: 'eea-console-objection@example.test' },
      identity: { 'user-id': ['eea-console-objection-canary'] },
    });
    const id = (filed.json() as { request: { id: string } }).request.id;
    await api(`/v1/requests/${id}/verify`, { method: 'email-code' });
    const officer = await signedInAs(t.store, 'privacy-officer');
    const queue = await t.app.inject({ url: '/console/requests', headers: { cookie: officer.cookie } });
    expect(queue.body).toContain(`/console/requests/${id}/objection-assessment`);
    const posted = await t.app.inject({
      method: 'POST',
      url: `/console/requests/${id}/objection-assessment`,
      headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `outcome=objection-upheld&note=No+overriding+grounds&csrf=${encodeURIComponent(officer.csrf)}`,
    });
    expect(posted.statusCode).toBe(303);
    const events = await requestEvents(t.store.db, id);
    expect(events.find((e) => e.action === 'assess-objection')).toMatchObject({
      actor: { kind: 'user' },
      detail: { outcome: 'objection-upheld', note: 'No overriding grounds' },
    });
  });
});
