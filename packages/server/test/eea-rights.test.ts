import { createApiKey } from '@pledge/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './helpers.js';

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
});
