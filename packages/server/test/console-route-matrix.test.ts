import { CONSOLE_PERMISSIONS, CONSOLE_ROLES, type ConsoleRole, roleAllows } from '@pledge/auth';
import { migrateToLatest, openStore, type Store } from '@pledge/store';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONSOLE_ROUTES,
  type ConsoleAccess,
  consoleAccess,
  isConsoleRoute,
} from '../src/console/console-routes.js';
import { requirePermission } from '../src/console/require-permission.js';
import { installFormParser, sessionHook } from '../src/console/session-hook.js';
import { installErrorHandlers } from '../src/errors.js';
import { registeredRoutes } from '../src/security/registered-routes.js';
import { signedInAs } from './console-session.js';
import { type TestApp, testApp } from './helpers.js';

const BOOTSTRAP = 'bootstrap-token-0123456789abcdef';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
type Caller = ConsoleRole | 'nobody';

/** The callers a route's access admits: the specification, from the role matrix. */
function admitted(access: ConsoleAccess): Caller[] {
  if (access === 'public') return ['nobody', ...CONSOLE_ROLES];
  if (access === 'signed-in') return [...CONSOLE_ROLES];
  return CONSOLE_ROLES.filter((role) => roleAllows(role, access));
}

/** Whether the console's checks let the call through (any answer but their refusals). */
function passed(res: LightMyRequestResponse): boolean {
  if (res.statusCode !== 401 && res.statusCode !== 403) return true;
  const code = res.body ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
  return ![
    'console-sign-in-required',
    'console-permission-denied',
    'unauthorized',
    'insufficient-scope',
  ].includes(code ?? '');
}

const concrete = (url: string) => url.replace(/:(\w+)/g, 'x');

/** Calls every route as each role and as nobody; returns the problems found. */
async function matrix(
  app: FastifyInstance,
  store: Store,
  routes: readonly { method: string; url: string; access: ConsoleAccess }[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const { method, url, access } of routes) {
    const allowed: Caller[] = [];
    for (const caller of ['nobody', ...CONSOLE_ROLES] as Caller[]) {
      // a fresh session each time: a call may end it (signing out)
      const headers = caller === 'nobody' ? {} : (await signedInAs(store, caller)).headers;
      const res = await app.inject({
        method: method as 'GET',
        url: concrete(url),
        headers,
        ...(UNSAFE.has(method) ? { payload: {} } : {}),
      });
      if (passed(res)) allowed.push(caller);
      else if (caller === 'nobody' && res.statusCode !== 401)
        problems.push(`${method} ${url} as nobody: ${res.statusCode}`);
      if (
        UNSAFE.has(method) &&
        access !== 'public' &&
        caller !== 'nobody' &&
        admitted(access).includes(caller)
      ) {
        const { cookie } = await signedInAs(store, caller);
        const forged = await app.inject({
          method: method as 'POST',
          url: concrete(url),
          headers: { cookie },
          payload: {},
        });
        if (forged.statusCode !== 403 || forged.json().error.code !== 'csrf-token-invalid') {
          problems.push(`${method} ${url} as ${caller} without the CSRF token: ${forged.statusCode}`);
        }
      }
    }
    const want = admitted(access);
    if (allowed.join(',') !== want.join(',')) {
      problems.push(`${method} ${url}: allowed ${allowed.join(',')}, expected ${want.join(',')}`);
    }
  }
  return problems;
}

describe('the console route matrix: every console route as each role and as nobody', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: BOOTSTRAP });
  });
  afterAll(() => t.close());

  it('every registered console route is in CONSOLE_ROUTES, and every listed route is registered', () => {
    const registered = registeredRoutes(t.app).filter((r) => isConsoleRoute(r.url) && r.method !== 'HEAD');
    expect(registered.filter((r) => consoleAccess(r.method, r.url) === undefined)).toEqual([]);
    const keys = new Set(registered.map((r) => `${r.method} ${r.url}`));
    expect(CONSOLE_ROUTES.filter((r) => !keys.has(`${r.method} ${r.url}`))).toEqual([]);
    // The users page's routes are among them, behind users:manage.
    expect(CONSOLE_ROUTES.filter((r) => r.url.startsWith('/console/users')).map((r) => r.access)).toEqual([
      'users:manage',
      'users:manage',
      'users:manage',
      'users:manage',
    ]);
  });

  it('P2-15: every console route refuses callers without a session or with the wrong role (each route as each role and as nobody); unsafe ones need the CSRF token', async () => {
    expect(await matrix(t.app, t.store, CONSOLE_ROUTES)).toEqual([]);
  });

  it('an API key opens no console route', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/console/sign-out',
      headers: { authorization: `Bearer ${BOOTSTRAP}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('console-sign-in-required');
  });

  it('refuses to register a console route missing from CONSOLE_ROUTES or checking another permission', async () => {
    const { checkConsoleRoutes } = await import('../src/console/register.js');
    const app = Fastify();
    checkConsoleRoutes(app);
    expect(() => app.get('/console/unlisted', async () => 'x')).toThrow(/not in CONSOLE_ROUTES/);
    expect(() =>
      app.post('/console/sign-out', { preHandler: requirePermission('users:manage') }, async () => 'x'),
    ).toThrow(/checks users:manage, CONSOLE_ROUTES says signed-in/);
    expect(() => app.post('/console/sign-out', async () => 'x')).toThrow(/checks public/);
    await app.close();
  });
});

describe('requirePermission for every permission (a probe route each)', () => {
  let app: FastifyInstance;
  let store: Store;
  const probes = CONSOLE_PERMISSIONS.flatMap((permission) =>
    ['GET', 'POST'].map((method) => ({
      method,
      url: `/console/probe/${permission.replace(':', '-')}`,
      access: permission,
    })),
  );
  beforeAll(async () => {
    store = await openStore();
    await migrateToLatest(store.db);
    app = Fastify();
    installErrorHandlers(app);
    installFormParser(app);
    app.addHook('onRequest', sessionHook(store));
    for (const probe of probes) {
      app.route({
        method: probe.method as 'GET',
        url: probe.url,
        preHandler: requirePermission(probe.access),
        handler: async () => ({ ok: true }),
      });
    }
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('admits exactly the roles holding the permission, 401 for nobody, CSRF on POST', async () => {
    expect(await matrix(app, store, probes)).toEqual([]);
  });

  it('sends a browser without a session to the sign-in page, keeping where it was going', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/console/probe/audit-read?x=1',
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/console/sign-in?next=${encodeURIComponent('/console/probe/audit-read?x=1')}`,
    );
  });

  it('takes the CSRF token from the form field as well as the header', async () => {
    const s = await signedInAs(store, 'owner');
    const res = await app.inject({
      method: 'POST',
      url: '/console/probe/users-manage',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${encodeURIComponent(s.csrf)}`,
    });
    expect(res.statusCode).toBe(200);
  });
});
