import { CONSOLE_ROLES, type ConsoleRole, roleAllows } from '@pledge/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES } from '../src/console/console-routes.js';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { antsentryWith, type TestApp, testApp, versionCount } from './helpers.js';

const PAGES = ['/console', '/console/data-map', '/console/policies', '/console/policies/1'] as const;

function form(s: TestConsoleSession, fields: Record<string, string>, csrf: string | null = s.csrf) {
  return {
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...(csrf === null ? {} : { csrf }), ...fields }).toString(),
  };
}

describe('console pages: dashboard, data map, policies', () => {
  let t: TestApp;
  const as = {} as Record<ConsoleRole, TestConsoleSession>;
  beforeAll(async () => {
    t = await testApp('pglite');
    for (const role of CONSOLE_ROLES) as[role] = await signedInAs(t.store, role);
  });
  afterAll(() => t.close());

  it('each page opens for exactly the roles whose permission CONSOLE_ROUTES names, and sends others to sign in', async () => {
    for (const url of PAGES) {
      const route = CONSOLE_ROUTES.find((r) => r.method === 'GET' && url.replace(/\/1$/, '/:seq') === r.url);
      expect(route, url).toBeDefined();
      const access = route?.access as Parameters<typeof roleAllows>[1];
      for (const role of CONSOLE_ROLES) {
        const res = await t.app.inject({ url, headers: { cookie: as[role].cookie } });
        expect([url, role, res.statusCode]).toEqual([url, role, roleAllows(role, access) ? 200 : 403]);
        if (res.statusCode === 200) {
          expect(res.headers['content-type']).toMatch(/^text\/html/);
          expect(res.headers['content-security-policy']).toContain("form-action 'self'");
        }
      }
      const anonymous = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe(`/console/sign-in?next=${encodeURIComponent(url)}`);
      expect((await t.app.inject({ url })).statusCode).toBe(401);
    }
  });

  it('the pages show the policy in force, the data map and the version list; an unknown version is a 404 page', async () => {
    const cookie = as['privacy-officer'].cookie;
    const dashboard = (await t.app.inject({ url: '/console', headers: { cookie } })).body;
    expect(dashboard).toContain('Policy in force');
    expect(dashboard).toContain('accesses in the last 24 hours'); // the audit log is recorded
    expect(dashboard).not.toContain('Not recorded yet');
    const map = (await t.app.inject({ url: '/console/data-map', headers: { cookie } })).body;
    expect(map).toContain('<svg class="graph" role="img"');
    const list = (await t.app.inject({ url: '/console/policies', headers: { cookie } })).body;
    expect(list).toContain('action="/console/policies/review"');
    expect(list).toContain(`name="csrf" value="${as['privacy-officer'].csrf}"`);
    for (const url of ['/console/policies/77', '/console/policies/x1']) {
      const missing = await t.app.inject({ url, headers: { cookie } });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('No policy version has this number.');
    }
  });

  it('publishing needs policies:publish and the CSRF token, shows the review, then publishes only when confirmed', async () => {
    const manifest = JSON.stringify(
      antsentryWith((m) => {
        m.policy.version = '2026-05-01';
      }),
    );
    for (const role of ['engineer', 'auditor', 'support-agent'] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/console/policies/review',
        ...form(as[role], { manifest }),
      });
      expect([role, res.statusCode]).toEqual([role, 403]);
    }
    const officer = as['privacy-officer'];
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/console/policies/review',
      ...form(officer, { manifest }, null),
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf-token-invalid');
    const nobody = await t.app.inject({
      method: 'POST',
      url: '/console/policies/publish',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'manifest=x',
    });
    expect(nobody.statusCode).toBe(401);

    const review = await t.app.inject({
      method: 'POST',
      url: '/console/policies/review',
      ...form(officer, { manifest }),
    });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Publish version 2026-05-01?');
    const basedOn = /name="basedOn" value="([^"]+)"/.exec(review.body)?.[1] as string;
    expect(basedOn).toMatch(/^sha256:/);
    expect(await versionCount(t.store)).toBe(1);

    const missing = await t.app.inject({
      method: 'POST',
      url: '/console/policies/publish',
      ...form(officer, { manifest }),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('form field basedOn: required');

    const published = await t.app.inject({
      method: 'POST',
      url: '/console/policies/publish',
      ...form(officer, { manifest, basedOn }),
    });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe('/console/policies/2?published=1');
    expect(await versionCount(t.store)).toBe(2);
    const page = await t.app.inject({
      url: '/console/policies/2?published=1',
      headers: { cookie: officer.cookie },
    });
    expect(page.body).toContain('Published: this version is now in force.');

    // The same confirmation again is stale: the version it was reviewed against is no longer in force.
    const again = await t.app.inject({
      method: 'POST',
      url: '/console/policies/publish',
      ...form(officer, { manifest, basedOn }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('changed since this review');
    expect(await versionCount(t.store)).toBe(2);
  });
});
