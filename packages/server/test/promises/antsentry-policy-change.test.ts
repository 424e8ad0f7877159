import { createApiKey } from '@pledge/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antsentry, antsentryWith, type TestApp, testApp } from '../helpers.js';

/**
 * AntSentry (seed 000) promises about a new policy version: published over `POST /v1/policies`
 * to a running server, then read back through the policy page and `/v1/decide`.
 */

interface Decision {
  allowed: boolean;
  reasons: string[];
}

const NEW_PURPOSE = 'usage-research';
const NEW_DATE = '2023-03-01';
/** AntSentry with one more purpose (a copy of service improvement, on implied acceptance). */
const withNewPurpose = antsentryWith((m) => {
  m.policy.version = NEW_DATE;
  m.policy.lastUpdated = NEW_DATE;
  const base = m.purposes.find((p) => p.id === 'service-improvement');
  if (!base) throw new Error('service-improvement missing from the AntSentry manifest');
  m.purposes.push({ ...structuredClone(base), id: NEW_PURPOSE });
});

const ACCEPTED = 'p005-accepted-canary';
const EXITS = 'p005-exit-canary';

describe('AntSentry promises on publishing a new policy version', () => {
  let t: TestApp;
  let key = '';
  let pageBefore = '';
  let undeclared: Decision | undefined;
  let published = { statusCode: 0, body: undefined as unknown };
  beforeAll(async () => {
    t = await testApp('pglite');
    const made = await createApiKey(t.store, {
      name: 'promises',
      scopes: ['consent:write', 'decide', 'ledger:read', 'policy:publish'],
    });
    if (!made.ok) throw new Error(made.issue.message);
    key = made.created.secret;
    // Both people accepted the first version by using the service, before the change.
    await use(ACCEPTED);
    await use(EXITS);
    pageBefore = await page();
    undeclared = await decide(ACCEPTED, NEW_PURPOSE);
    const res = await post('/v1/policies', withNewPurpose);
    published = { statusCode: res.statusCode, body: res.json() };
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}` }, payload });
  const decide = async (subject: string, purpose: string): Promise<Decision> => {
    const res = await post('/v1/decide', {
      subject,
      purpose,
      categories: ['service-usage-log'],
      facts: { jurisdiction: 'cn-pipl' },
    });
    if (res.statusCode !== 200) throw new Error(`decide answered ${res.statusCode}`);
    return res.json() as Decision;
  };
  const use = (subject: string) => post('/v1/use', { subject });
  const page = async () => {
    const res = await t.app.inject({ url: '/?lang=en' });
    if (res.statusCode !== 200) throw new Error(`the policy page answered ${res.statusCode}`);
    return res.body;
  };

  it('P0-58: a published version is in force at once; the policy page serves it with its update date', async () => {
    expect(pageBefore).toContain(antsentry.policy.lastUpdated);
    expect(published.statusCode).toBe(201);
    const body = await page();
    expect(body).toContain(NEW_DATE);
    expect(body).not.toContain(antsentry.policy.lastUpdated);
    const current = await t.app.inject({
      url: '/v1/policies/current',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(current.json()).toMatchObject({ version: NEW_DATE });
    // The engine knows the purpose the new version declares (no longer an unknown purpose).
    expect(undeclared?.reasons).toEqual(['deny.unknown-purpose']);
    expect((await decide(ACCEPTED, NEW_PURPOSE)).reasons).not.toContain('deny.unknown-purpose');
  });

  it('P0-05: a new purpose is blocked until the person, notified of it, accepts; an exit taken keeps it blocked', async () => {
    // A purpose the policy does not declare is never processed.
    expect(undeclared).toMatchObject({ allowed: false, reasons: ['deny.unknown-purpose'] });
    const { policy } = published.body as {
      policy: { renewalPurposes: string[]; changes: Array<{ code: string; needsConsent: boolean }> };
    };
    expect(policy.renewalPurposes).toContain(NEW_PURPOSE);
    expect(policy.changes).toContainEqual(
      expect.objectContaining({ code: 'purpose-added', needsConsent: true }),
    );

    // Acceptance of the earlier version does not cover the new purpose.
    const before = await decide(ACCEPTED, NEW_PURPOSE);
    expect(before.allowed).toBe(false);
    expect(before.reasons).toEqual(['deny.consent-needs-renewal']);

    // Using the service under the new (notified) version accepts it ...
    expect((await use(ACCEPTED)).json()).toEqual({ recorded: true });
    expect((await decide(ACCEPTED, NEW_PURPOSE)).allowed).toBe(true);

    // ... unless the person took the exit path the notice offers.
    const optOut = await post('/v1/consents', {
      subject: EXITS,
      events: [{ type: 'consent-withdrawn', purposes: [NEW_PURPOSE] }],
    });
    expect(optOut.statusCode).toBe(201);
    await use(EXITS);
    const refused = await decide(EXITS, NEW_PURPOSE);
    expect(refused.allowed).toBe(false);
    expect(refused.reasons).toContain('deny.consent-withdrawn');
    expect((await decide(EXITS, 'service-improvement')).allowed).toBe(true);
  });
});
