import { createApiKey } from '@pledge/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antsentry, antsentryWith, type TestApp, testApp } from './helpers.js';

// AntSentry Article X: access, rectification, erasure in writing through the e-mail, for cn-pipl.
const silent = antsentryWith((m) => {
  for (const right of m.rights) right.form = 'unstated';
});

describe.each([
  ['AntSentry', antsentry],
  ['AntSentry silent on the form', silent],
] as const)('the form of a request: %s', (name, manifest) => {
  let t: TestApp;
  let dsr = '';
  beforeAll(async () => {
    t = await testApp('pglite', { manifest });
    const made = await createApiKey(t.store, { name: 'dsr', scopes: ['dsr'] });
    if (!made.ok) throw new Error(made.issue.message);
    dsr = made.created.secret;
  });
  afterAll(() => t.close());

  const file = (channel: string, jurisdiction: string, right = 'access') =>
    t.app.inject({
      method: 'POST',
      url: '/v1/requests',
      headers: { authorization: `Bearer ${dsr}` },
      payload: {
        right,
        channel,
        jurisdiction,
        contact: { kind: 'email', address: 'form-canary@example.test' },
        details: 'Please show me my data.',
      },
    });
  const error = (res: { json(): unknown }) =>
    (res.json() as { error: { issues?: Array<{ path: string; code: string; message: string }> } }).error;

  if (name === 'AntSentry') {
    it('P0-43: a written request through the e-mail is accepted; an oral one is refused unless the law recognises it', async () => {
      for (const right of ['access', 'rectification', 'erasure']) {
        expect((await file('email', 'cn-pipl', right)).statusCode).toBe(201);
        const oral = await file('officer-call', 'cn-pipl', right);
        expect(oral.statusCode).toBe(400);
        expect(error(oral).issues?.[0]).toMatchObject({ code: 'request.written-only', path: 'channel' });
        expect(oral.body).not.toContain('form-canary');
      }
      // CCPA requires a toll-free number: a Californian's call is a valid request.
      expect((await file('officer-call', 'us-ca-ccpa')).statusCode).toBe(201);
    });

    it('P0-54: for EEA users the written-only rule does not apply: a call is a valid request', async () => {
      for (const right of ['access', 'rectification', 'erasure', 'objection']) {
        expect((await file('officer-call', 'eu-gdpr', right)).statusCode).toBe(201);
      }
    });
  } else {
    it('a policy silent on the form restricts nothing: a call is a valid request anywhere', async () => {
      expect((await file('officer-call', 'cn-pipl')).statusCode).toBe(201);
    });
  }
});
