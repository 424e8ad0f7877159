import { API_SCOPES, type ApiScope, createApiKey } from '@pledge/auth';
import { migrateToLatest } from '@pledge/store';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsoleRoute } from '../src/console/console-routes.js';
import { registeredRoutes } from '../src/security/registered-routes.js';
import { type TestApp, testApp } from './helpers.js';

/**
 * The specification of who may call what, written out here on its own (not read from the
 * server's tables): `public` routes answer anyone; every other route lists the scopes whose
 * keys it accepts. A route the server registers that is missing here fails the test.
 */
const EXPECTED: Record<string, 'public' | readonly ApiScope[]> = {
  'GET /': 'public',
  'GET /policy': 'public',
  'GET /v1/policy/rendered': 'public',
  'GET /healthz': 'public',
  'GET /favicon.ico': 'public',
  'GET /docs': 'public',
  'GET /docs/*': 'public',
  'OPTIONS /v1/consents': 'public',
  'GET /privacy': 'public',
  'GET /privacy/policy': 'public',
  'POST /privacy/sign-out': 'public',
  'GET /privacy/consent': 'public',
  'POST /privacy/consent': 'public',
  'GET /privacy/sign-in': 'public',
  'POST /privacy/sign-in': 'public',
  'POST /privacy/sign-in/code': 'public',
  'GET /privacy/sign-in/token': 'public',
  'GET /privacy/requests': 'public',
  'GET /privacy/requests/new': 'public',
  'POST /privacy/requests': 'public',
  'GET /privacy/delete-account': 'public',
  'GET /privacy/requests/:id': 'public',
  'GET /privacy/requests/:id/verify': 'public',
  'POST /privacy/requests/:id/verify': 'public',
  'GET /privacy/requests/:id/package': 'public',
  'GET /lint': ['policy:publish'],
  'GET /lint.json': ['policy:publish'],
  'POST /v1/consents': ['consent:write'],
  'POST /v1/use': ['consent:write'],
  'POST /v1/consents/query': ['ledger:read', 'sdk:config'],
  'POST /v1/decide': ['decide'],
  'POST /v1/decide/batch': ['decide'],
  'POST /v1/audit/accesses': ['audit:write'],
  'GET /v1/policies': ['policy:publish', 'decide', 'sdk:config'],
  'GET /v1/policies/current': ['policy:publish', 'decide', 'sdk:config'],
  'POST /v1/policies': ['policy:publish'],
  'GET /v1/ledger/verify': ['ledger:read'],
  'POST /v1/ledger/verify': ['ledger:read'],
  'POST /v1/ledger/checkpoints': ['admin'],
  'GET /v1/ledger/changes': ['ledger:read', 'sdk:config'],
  'GET /v1/sdk/config': ['sdk:config'],
  'GET /v1/keys': ['admin'],
  'POST /v1/keys': ['admin'],
  'DELETE /v1/keys/:id': ['admin'],
  'POST /v1/disclosures': ['disclose'],
  'GET /v1/recipients': ['recipients'],
  'POST /v1/recipients/:id/contracts': ['recipients'],
  'GET /v1/recipients/:id/contracts/:contract': ['recipients'],
  'POST /v1/recipients/:id/inspections': ['recipients'],
  'POST /v1/recipients/:id/end': ['recipients'],
  'GET /v1/recipients/contacts': ['recipients'],
  'PUT /v1/recipients/:id/contact': ['recipients'],
  'POST /v1/subjects/deregistered': ['deregistration:check', 'dsr'],
  'POST /v1/requests': ['dsr'],
  'GET /v1/requests': ['dsr'],
  'GET /v1/requests/:id': ['dsr'],
  'POST /v1/requests/:id/verify': ['dsr'],
  'POST /v1/requests/:id/clarify': ['dsr'],
  'POST /v1/requests/:id/resume': ['dsr'],
  'POST /v1/requests/:id/extend': ['dsr'],
  'POST /v1/requests/:id/deny': ['dsr'],
  'POST /v1/requests/:id/complete': ['dsr'],
  'POST /v1/requests/:id/objection-assessment': ['dsr'],
  'POST /v1/requests/:id/approve': ['dsr'],
};

const SITE_ORIGIN = 'https://shop.example';
const BOOTSTRAP = 'bootstrap-token-0123456789abcdef';

function expectedFor(method: string, url: string): 'public' | readonly ApiScope[] | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return (
    EXPECTED[`${m} ${url}`] ?? (url.startsWith('/docs/') && m === 'GET' ? EXPECTED['GET /docs/*'] : undefined)
  );
}

/** Whether the guard let the request through (any answer but its own refusals). */
function passed(res: LightMyRequestResponse): boolean {
  if (res.statusCode === 401) return false;
  if (res.statusCode !== 403) return true;
  // The guard answers JSON: a 403 page is the route's own (the privacy center's expired form).
  if (String(res.headers['content-type'] ?? '').startsWith('text/html')) return true;
  // A HEAD answer has no body: a 403 there is the guard's.
  const code = errorCode(res);
  return (
    code !== undefined && !['insufficient-scope', 'origin-not-allowed', 'dev-mode-local-only'].includes(code)
  );
}

function errorCode(res: LightMyRequestResponse): string | undefined {
  if (!res.body || !String(res.headers['content-type'] ?? '').startsWith('application/json'))
    return undefined;
  return (res.json() as { error?: { code?: string } }).error?.code;
}

/** Every registered route but the console's (session cookies, not keys: console-route-matrix.test.ts). */
const apiRoutes = (t: TestApp) => registeredRoutes(t.app).filter((r) => !isConsoleRoute(r.url));

const concrete = (url: string) => url.replace(':id', 'key_doesnotexist').replace('*', 'json');

describe('the route matrix: every registered route, with no credential and with a key of each scope', () => {
  let t: TestApp;
  const secrets = new Map<ApiScope, string>();
  let site = '';
  beforeAll(async () => {
    // Every route is called about 15 times from one address: the per-address limit is not under test here.
    t = await testApp('pglite', { apiToken: BOOTSTRAP, rateLimits: { perAddress: 100_000 } });
    await migrateToLatest(t.store.db);
    for (const scope of API_SCOPES) {
      const made = await createApiKey(t.store, { name: `only ${scope}`, scopes: [scope] });
      if (!made.ok) throw new Error(made.issue.message);
      secrets.set(scope, made.created.secret);
    }
    const made = await createApiKey(t.store, {
      name: 'banner',
      kind: 'site',
      scopes: ['consent:write'],
      origins: [SITE_ORIGIN],
    });
    if (!made.ok) throw new Error(made.issue.message);
    site = made.created.secret;
  });
  afterAll(() => t.close());

  it('every route is in the specification', () => {
    const routes = apiRoutes(t);
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((r) => expectedFor(r.method, r.url) === undefined);
    expect(missing).toEqual([]);
  });

  it('P2-15: each API route refuses callers without a key or with the wrong scope: exactly the scopes it accepts get through; public routes need nothing', async () => {
    const problems: string[] = [];
    for (const { method, url } of apiRoutes(t)) {
      const expected = expectedFor(method, url)!;
      const call = (headers: Record<string, string>) =>
        t.app.inject({
          method: method as 'GET',
          url: concrete(url),
          headers,
          ...(method === 'POST' ? { payload: {} } : {}),
        });
      const anonymous = await call({});
      if (passed(anonymous) !== (expected === 'public')) {
        problems.push(`${method} ${url} without a key: ${anonymous.statusCode}`);
      }
      if (expected !== 'public' && anonymous.statusCode !== 401) {
        problems.push(`${method} ${url} without a key: ${anonymous.statusCode}, not 401`);
      }
      const allowed: string[] = [];
      for (const [scope, secret] of secrets) {
        const res = await call({ authorization: `Bearer ${secret}` });
        if (passed(res)) allowed.push(scope);
        else if (res.statusCode !== 403 || (method !== 'HEAD' && errorCode(res) !== 'insufficient-scope')) {
          problems.push(`${method} ${url} with ${scope}: ${res.statusCode} ${res.body}`);
        }
      }
      const want = expected === 'public' ? [...API_SCOPES] : [...expected];
      if (allowed.sort().join(',') !== want.sort().join(',')) {
        problems.push(`${method} ${url}: allowed ${allowed.join(',')}, expected ${want.join(',')}`);
      }
      const bootstrap = passed(await call({ authorization: `Bearer ${BOOTSTRAP}` }));
      if (bootstrap !== (expected === 'public' || expected.includes('admin'))) {
        problems.push(`${method} ${url} with PLEDGE_API_TOKEN: ${bootstrap ? 'allowed' : 'refused'}`);
      }
      const siteOk = passed(await call({ authorization: `Bearer ${site}`, origin: SITE_ORIGIN }));
      if (siteOk !== (expected === 'public' || expected.includes('consent:write'))) {
        problems.push(`${method} ${url} with the site key: ${siteOk ? 'allowed' : 'refused'}`);
      }
      const wrong = await call({ authorization: 'Bearer pledge_sk_not-a-key-at-all-0000000000000000000000' });
      if (passed(wrong) !== (expected === 'public'))
        problems.push(`${method} ${url} with a wrong key passed`);
    }
    expect(problems).toEqual([]);
  });

  it('a site key is refused from another origin or with none', async () => {
    const body = { subject: 'matrix-user', events: [{ type: 'opt-out' }] };
    for (const headers of [{ origin: 'https://evil.example' }, {}]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/consents',
        payload: body,
        headers: { authorization: `Bearer ${site}`, ...headers },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('origin-not-allowed');
    }
    const ok = await t.app.inject({
      method: 'POST',
      url: '/v1/consents',
      payload: body,
      headers: { authorization: `Bearer ${site}`, origin: SITE_ORIGIN },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/consents',
      headers: { origin: SITE_ORIGIN },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    const foreign = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/consents',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the route matrix in development mode (no key)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { rateLimits: { perAddress: 100_000 } });
  });
  afterAll(() => t.close());

  it('loopback callers reach every route; others reach only the public ones', async () => {
    const problems: string[] = [];
    for (const { method, url } of apiRoutes(t)) {
      const expected = expectedFor(method, url);
      const call = (remoteAddress: string) =>
        t.app.inject({
          method: method as 'GET',
          url: concrete(url),
          remoteAddress,
          ...(method === 'POST' ? { payload: {} } : {}),
        });
      if (!passed(await call('127.0.0.1'))) problems.push(`${method} ${url} refused on loopback`);
      const remote = await call('203.0.113.7');
      if (passed(remote) !== (expected === 'public'))
        problems.push(`${method} ${url} from afar: ${remote.statusCode}`);
      if (expected !== 'public' && method !== 'HEAD' && errorCode(remote) !== 'dev-mode-local-only') {
        problems.push(`${method} ${url} from afar: ${remote.body}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
