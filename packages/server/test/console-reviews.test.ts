import { appendAuditEntries } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { type TestApp, testApp } from './helpers.js';

const DAY = 86_400_000;
const SUBJECT = 'pseudonym-reviews-0001';
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('console access reviews (/console/reviews)', () => {
  let t: TestApp;
  let officer: TestConsoleSession;
  let auditor: TestConsoleSession;
  const now = Date.now();
  const from = dateOf(now - 220 * DAY);
  const to = dateOf(now - DAY);

  beforeAll(async () => {
    t = await testApp('pglite');
    officer = await signedInAs(t.store, 'privacy-officer');
    auditor = await signedInAs(t.store, 'auditor');
    // The auditor looked a subject up 200 days ago, with no request: the review covers them.
    const appended = await appendAuditEntries(
      t.store.db,
      [
        {
          action: 'subject-lookup',
          actor: { kind: 'user', id: auditor.user.id },
          subject: SUBJECT,
          reason: 'curious',
        },
      ],
      { now: () => new Date(now - 200 * DAY) },
    );
    expect(appended.ok).toBe(true);
  });
  afterAll(() => t.close());

  const post = (url: string, session: TestConsoleSession, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ csrf: session.csrf, ...fields }),
    });

  it('P0-31: shows the overdue banner, opens a review with its findings, and a reviewer not among the reviewed signs it off', async () => {
    const list = await t.app.inject({ url: '/console/reviews', headers: officer.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('role="alert"><strong class="error">Access review overdue</strong>');

    const bad = await post('/console/reviews', officer, { from: to, to: from });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('to must be after from');

    const opened = await post('/console/reviews', officer, { from, to });
    expect(opened.statusCode).toBe(303);
    const location = String(opened.headers.location);
    expect(location).toMatch(/^\/console\/reviews\/rev_[\w-]+$/);

    const page = await t.app.inject({ url: location, headers: officer.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('review.lookup-without-request');
    expect(page.body).toContain(SUBJECT);
    expect(page.body).not.toContain('curious');
    expect(page.body).toContain(`name="csrf" value="${officer.csrf}"`);

    // The auditor holds reviews:sign but is among the reviewed: refused, the page says why.
    const byAuditor = await post(`${location}/sign`, auditor, { note: 'looks fine' });
    expect(byAuditor.statusCode).toBe(409);
    expect(byAuditor.body).toContain('someone not among the reviewed must sign off');
    const auditorView = await t.app.inject({ url: location, headers: auditor.headers });
    expect(auditorView.body).toContain('someone else must sign this review off');

    const signed = await post(`${location}/sign`, officer, { note: 'asked the auditor about the lookup' });
    expect(signed.statusCode).toBe(303);
    const after = await t.app.inject({ url: location, headers: officer.headers });
    expect(after.body).toContain('Signed off');
    expect(after.body).toContain('asked the auditor about the lookup');
    const listAfter = await t.app.inject({ url: '/console/reviews', headers: officer.headers });
    expect(listAfter.body).not.toContain('Access review overdue');
  });

  it('needs reviews:sign, a session and the CSRF token', async () => {
    const agent = await signedInAs(t.store, 'support-agent');
    const denied = await t.app.inject({ url: '/console/reviews', headers: agent.headers });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ error: { code: 'console-permission-denied' } });
    const nobody = await t.app.inject({ url: '/console/reviews' });
    expect(nobody.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/console/reviews',
      headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ from, to }),
    });
    expect(noCsrf.statusCode).toBe(403);
    const missing = await t.app.inject({ url: '/console/reviews/rev_missing', headers: officer.headers });
    expect(missing.statusCode).toBe(404);
  });
});
