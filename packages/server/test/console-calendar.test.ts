import { readFileSync } from 'node:fs';
import { renderDashboard } from '@pledge/console';
import { receiveRequest } from '@pledge/requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboard } from '../src/console/dashboard-loader.js';
import { loadPolicyVersion } from '../src/console/policies-loader.js';
import { reviewManifest } from '../src/console/publish-loader.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { REPO_ROOT } from './fixtures.js';
import { antsentry, type TestApp, testApp } from './helpers.js';

describe('a Chinese working calendar that is not official yet is visible in the console', () => {
  let rt: Runtime;
  let t: TestApp;
  let officer: TestConsoleSession;
  beforeAll(async () => {
    rt = await openRuntime({ manifest: antsentry, source: 'pledge.yaml' });
    t = await testApp('pglite');
    officer = await signedInAs(t.store, 'privacy-officer');
  });
  afterAll(async () => {
    await rt.close();
    await t.close();
  });

  it('the dashboard warns when a cn-pipl request deadline received now may fall in the provisional 2027', async () => {
    const june = await loadDashboard(rt, new Date('2026-06-01T02:00:00Z'));
    expect(june.calendarWarnings).toEqual([]);
    const december = await loadDashboard(rt, new Date('2026-12-18T02:00:00Z'));
    expect(december.calendarWarnings).toEqual([
      { jurisdiction: 'cn-pipl', year: 2027, status: 'provisional', amount: 15 },
    ]);
    const html = renderDashboard(december, {
      user: { id: 'u1', email: 'officer@example.test', name: 'Officer', role: 'privacy-officer' },
      csrfToken: 'token',
    });
    expect(html).toContain('Working calendar not official');
    expect(html).toContain('may fall in 2027');
  });

  it('the request queue flags a due date counted over the provisional 2027 schedule, and only that one', async () => {
    const receive = async (iso: string, address: string) => {
      const received = await receiveRequest(
        t.store.db,
        {
          right: 'access',
          channel: 'email',
          contact: { kind: 'email', address },
          jurisdiction: 'cn-pipl',
        },
        {
          actor: { kind: 'requester', id: 'inbound' },
          manifest: antsentry,
          clock: { now: () => new Date(iso) },
        },
      );
      if (!received.ok) throw new Error(received.code);
      return received.request;
    };
    const late = await receive('2026-12-18T02:00:00Z', 'calendar-late@example.test');
    const early = await receive('2026-06-01T02:00:00Z', 'calendar-early@example.test');
    expect(late.dueAt?.getUTCFullYear()).toBe(2027);
    const page = await t.app.inject({
      method: 'GET',
      url: '/console/requests',
      headers: { cookie: officer.cookie },
    });
    expect(page.statusCode).toBe(200);
    const rowOf = (id: string) => page.body.split('<tr>').find((row) => row.includes(id.slice(0, 8))) ?? '';
    expect(rowOf(late.id)).toContain('due date provisional');
    expect(rowOf(early.id)).not.toContain('due date provisional');
  });

  it('the policy version and publish review pages lint against the present, so they show the provisional year too', async () => {
    const seq = rt.engine.versions.at(-1)?.seq ?? 0;
    const codesAt = async (iso: string) =>
      ((await loadPolicyVersion(rt, seq, new Date(iso)))?.lint ?? []).map((row) => row.code);
    expect(await codesAt('2026-06-01T02:00:00Z')).not.toContain('calendar.provisional-year');
    expect(await codesAt('2026-12-18T02:00:00Z')).toContain('calendar.provisional-year');
    const text = readFileSync(`${REPO_ROOT}examples/antsentry/pledge.yaml`, 'utf8').replace(
      /version: ['"]?[^'"\n]+['"]?/,
      "version: '2099.1'",
    );
    const review = await reviewManifest(rt, text, new Date('2026-12-18T02:00:00Z'));
    expect(review.lint.map((row) => row.code)).toContain('calendar.provisional-year');
  });
});
