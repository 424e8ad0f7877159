import { readAuditEntries } from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { post, type TestApp, testApp } from './helpers.js';

const SUBJECT = 'lookup-person@example.com';

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describe('console subject lookup and access audit pages', () => {
  let t: TestApp;
  let officer: TestConsoleSession;
  let agent: TestConsoleSession;
  let auditor: TestConsoleSession;
  beforeAll(async () => {
    t = await testApp('pglite');
    officer = await signedInAs(t.store, 'privacy-officer');
    agent = await signedInAs(t.store, 'support-agent');
    auditor = await signedInAs(t.store, 'auditor');
    const recorded = await post(t.app, '/v1/consents', {
      subject: SUBJECT,
      events: [
        { type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in', source: 'web' },
      ],
    });
    expect(recorded.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const lookup = (who: TestConsoleSession, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/console/subjects',
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ csrf: who.csrf, ...fields }),
    });

  it('P0-31: a subject lookup needs a reason, shows consent and events by pseudonym, and is audited with the user and reason first', async () => {
    const page = await t.app.inject({ url: '/console/subjects', headers: agent.headers });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(page.body).toContain('name="reason"');

    const before = (await readAuditEntries(t.store.db, { action: 'subject-lookup' })).entries.length;
    const noReason = await lookup(agent, { identifier: SUBJECT, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('The reason a reason is required');
    const personalReason = await lookup(agent, {
      identifier: SUBJECT,
      reason: 'asked by lookup-person@example.com',
    });
    expect(personalReason.statusCode).toBe(400);
    expect(personalReason.body).not.toContain(SUBJECT);
    expect((await readAuditEntries(t.store.db, { action: 'subject-lookup' })).entries).toHaveLength(before);

    const found = await lookup(agent, {
      identifier: SUBJECT,
      reason: 'Ticket 4711: customer asks what we hold',
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('consent-given');
    expect(found.body).toContain('marketing-emails');
    expect(found.body).not.toContain(SUBJECT);
    const { entries } = await readAuditEntries(t.store.db, { action: 'subject-lookup' });
    const entry = entries.at(-1);
    expect(entry).toMatchObject({
      actor: { kind: 'user', id: agent.user.id },
      reason: 'Ticket 4711: customer asks what we hold',
    });
    const { rows } = await sql<{
      subject_hash: string;
    }>`SELECT subject_hash FROM pledge_ledger_events`.execute(t.store.db);
    expect(entry?.subject).toBe(rows[0]?.subject_hash);
    expect(found.body).toContain(entry?.subject as string);
  });

  it('the lookup needs its CSRF token and the subjects:lookup permission; the auditor cannot look up', async () => {
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/console/subjects',
      headers: { cookie: agent.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ identifier: SUBJECT, reason: 'Ticket 1 reason' }),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await lookup(auditor, { identifier: SUBJECT, reason: 'curious about it' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/console/subjects' })).statusCode).toBe(401);
  });

  it('the audit page shows entries filtered by actor, action and day, with no personal values; agents cannot open it', async () => {
    await lookup(officer, { identifier: 'someone-else-entirely', reason: 'Regulator request 12' });
    const all = await t.app.inject({ url: '/console/audit', headers: auditor.headers });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('subject-lookup');
    expect(all.body).toContain('consent-write');
    expect(all.body).not.toContain(SUBJECT);
    expect(all.body).not.toContain('someone-else-entirely');

    const byOfficer = await t.app.inject({
      url: `/console/audit?actor=${encodeURIComponent(officer.user.id)}&action=subject-lookup`,
      headers: auditor.headers,
    });
    expect(byOfficer.statusCode).toBe(200);
    expect(byOfficer.body).toContain('Regulator request 12');
    expect(byOfficer.body).not.toContain('Ticket 4711');

    const today = new Date().toISOString().slice(0, 10);
    const day = await t.app.inject({
      url: `/console/audit?from=${today}&to=${today}`,
      headers: auditor.headers,
    });
    expect(day.body).toContain('Regulator request 12');
    const old = await t.app.inject({ url: '/console/audit?to=2000-01-01', headers: auditor.headers });
    expect(old.body).toContain('No audit entries match.');

    const bad = await t.app.inject({
      url: '/console/audit?action=peek&from=yesterday',
      headers: auditor.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The action must be one of');
    expect(bad.body).toContain('From must be a day written YYYY-MM-DD.');

    expect((await t.app.inject({ url: '/console/audit', headers: agent.headers })).statusCode).toBe(403);
  });
});
