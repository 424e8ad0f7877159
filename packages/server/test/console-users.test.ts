import {
  createApiKey,
  findConsoleUser,
  PERSONAL_DATA_PERMISSIONS,
  roleAllows,
  roleChangesOf,
  setConsoleRole,
} from '@pledge/auth';
import { readAuditEntries, verifyAudit } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { antsentryWith, type TestApp, testApp } from './helpers.js';

/** Two active holders of roles reading personal data at most. */
const CAP = 2;

describe('the console users page (users:manage)', () => {
  let t: TestApp;
  let owner: TestConsoleSession;
  beforeAll(async () => {
    t = await testApp('pglite', {
      apiToken: 'bootstrap-token-0123456789abcdef',
      manifest: antsentryWith((m) => {
        if (m.security) m.security.personalDataAccessCap = CAP;
      }),
    });
    owner = await signedInAs(t.store, 'owner');
  });
  afterAll(() => t.close());

  const form = (url: string, fields: Record<string, string>, session: TestConsoleSession = owner) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf: session.csrf, ...fields }).toString(),
    });
  const getPage = (session: TestConsoleSession = owner) =>
    t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: session.cookie } });

  it('lists users with role, second factor, confidentiality and disabled, and every form carries the CSRF token', async () => {
    const res = await getPage();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(owner.user.email);
    expect(res.body).toContain('Second factor');
    expect(res.body).toContain('Confidentiality on record');
    expect(res.body).toContain('at most 2 active holders');
    const forms = res.body.match(/<form method="post"[^>]*>/g) ?? [];
    const tokens = res.body.match(new RegExp(`name="csrf" value="${owner.csrf}"`, 'g')) ?? [];
    expect(forms.length).toBeGreaterThanOrEqual(3); // sign-out, create, the owner's own role form
    expect(tokens.length).toBe(forms.length);
  });

  it('creates a user and shows the temporary password and the second-factor setup once', async () => {
    const res = await form('/console/users', {
      email: 'New.Engineer@Console.test',
      name: 'New Engineer',
      role: 'engineer',
      totp: 'yes',
    });
    expect(res.statusCode).toBe(201);
    const password = /Temporary password: <code>([^<]+)<\/code>/.exec(res.body)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(res.body).toMatch(/<code>otpauth:\/\/totp\//);
    const made = await findConsoleUser(t.store, 'new.engineer@console.test');
    expect(made).toMatchObject({ role: 'engineer', totpEnrolled: true, passwordSet: true });
    const again = await getPage();
    expect(again.body).toContain('new.engineer@console.test');
    expect(again.body).not.toContain(password as string);
    expect(again.body).not.toContain('otpauth://');
  });

  it('P0-30: only holders of a personal-data role can read personal data; granting beyond the cap is refused through the console users page', async () => {
    // Only the roles holding a personal-data permission can read personal data at all.
    for (const role of ['auditor', 'engineer'] as const) {
      expect(PERSONAL_DATA_PERMISSIONS.some((p) => roleAllows(role, p))).toBe(false);
    }
    // Without the confidentiality obligation on record: refused, with its code.
    const noAck = await form('/console/users', {
      email: 'agent1@console.test',
      name: 'Agent',
      role: 'support-agent',
    });
    expect(noAck.statusCode).toBe(400);
    expect(noAck.body).toContain('role="alert"');
    expect(noAck.body).toContain('<code>confidentiality-not-acknowledged</code>');
    expect(noAck.body).toContain('value="agent1@console.test"'); // the form keeps what was typed
    // The owner holds one place; this support agent takes the second and last.
    const second = await form('/console/users', {
      email: 'agent1@console.test',
      name: 'Agent',
      role: 'support-agent',
      confidentialityAcknowledged: 'yes',
    });
    expect(second.statusCode).toBe(201);
    // A third grant, by role change, is refused with the cap's code and changes nothing.
    const engineer = await findConsoleUser(t.store, 'new.engineer@console.test');
    expect(engineer).toBeDefined();
    const refused = await form(`/console/users/${engineer!.id}/role`, {
      role: 'privacy-officer',
      confidentialityAcknowledged: 'yes',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('role="alert"');
    expect(refused.body).toContain('<code>personal-data-cap-reached</code>');
    expect(refused.body).toContain('security.personalDataAccessCap');
    expect((await findConsoleUser(t.store, 'new.engineer@console.test'))?.role).toBe('engineer');
    expect((await roleChangesOf(t.store, engineer!.id)).map((c) => c.to)).toEqual(['engineer']);
    // And by creation too.
    const created = await form('/console/users', {
      email: 'agent2@console.test',
      name: 'Agent Two',
      role: 'privacy-officer',
      confidentialityAcknowledged: 'yes',
    });
    expect(created.statusCode).toBe(409);
    expect(created.body).toContain('<code>personal-data-cap-reached</code>');
    expect(await findConsoleUser(t.store, 'agent2@console.test')).toBeUndefined();
  });

  it('a role change through the console is in the role history and the audit log (actor, no personal values), and the log verifies', async () => {
    const target = await signedInAs(t.store, 'engineer');
    const res = await form(`/console/users/${target.user.id}/role`, { role: 'auditor' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('now holds the role auditor');
    expect((await findConsoleUser(t.store, target.user.email))?.role).toBe('auditor');
    // The changed user's sessions ended, so the new role applies at once.
    const old = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: target.cookie } });
    expect(old.statusCode).toBe(401);
    // The history on the page names who changed it.
    const history = (await getPage()).body.split('id="history"')[1] ?? '';
    expect(history).toMatch(/engineer<\/td><td>auditor<\/td><td>[^<]*owner[^<]*<\/td>/);
    // The audit log: one role-change entry by the owner, pointing at the history row.
    const changes = await roleChangesOf(t.store, target.user.id);
    expect(changes.map((c) => [c.from, c.to, c.actor])).toEqual([
      [null, 'engineer', 'test'],
      ['engineer', 'auditor', owner.user.id],
    ]);
    const { entries } = await readAuditEntries(t.store.db, { action: 'role-change', actor: owner.user.id });
    expect(entries.length).toBeGreaterThanOrEqual(1);
    const entry = entries.at(-1)!;
    expect(entry.actor).toEqual({ kind: 'user', id: owner.user.id });
    expect(entry.requestId).toMatch(/^role-change:\d+$/);
    expect(entry.subject).toBeNull();
    const all = JSON.stringify((await readAuditEntries(t.store.db, { limit: 1000 })).entries);
    expect(all).not.toContain('@console.test');
    expect(all).not.toContain('Test engineer');
    expect((await verifyAudit(t.store.db)).ok).toBe(true);
  });

  it('a role change from the command line (actor cli) is audited as the tool', async () => {
    const target = await signedInAs(t.store, 'engineer');
    const changed = await setConsoleRole(t.store, {
      email: target.user.email,
      role: 'auditor',
      actor: 'cli',
    });
    expect(changed.ok).toBe(true);
    const { entries } = await readAuditEntries(t.store.db, { action: 'role-change', actor: 'cli' });
    expect(entries.map((e) => e.actor)).toEqual([{ kind: 'system', id: 'cli' }]);
  });

  it('disables a user (their sessions end), refuses the own account and an unknown id', async () => {
    const target = await signedInAs(t.store, 'auditor');
    const res = await form(`/console/users/${target.user.id}/disable`, {});
    expect(res.statusCode).toBe(200);
    expect((await findConsoleUser(t.store, target.user.email))?.disabledAt).toBeInstanceOf(Date);
    const after = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: target.cookie } });
    expect(after.statusCode).toBe(401);
    const self = await form(`/console/users/${owner.user.id}/disable`, {});
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('<code>console-own-account</code>');
    const ownRole = await form(`/console/users/${owner.user.id}/role`, { role: 'auditor' });
    expect(ownRole.statusCode).toBe(409);
    expect((await findConsoleUser(t.store, owner.user.email))?.role).toBe('owner');
    const unknown = await form('/console/users/usr_nobody/role', { role: 'auditor' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<code>unknown-user</code>');
  });

  it('refuses a role outside the list, naming the code, and a post without the CSRF token', async () => {
    const target = await signedInAs(t.store, 'engineer');
    const bad = await form(`/console/users/${target.user.id}/role`, { role: 'root' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<code>invalid-role</code>');
    const forged = await t.app.inject({
      method: 'POST',
      url: `/console/users/${target.user.id}/disable`,
      headers: { cookie: owner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf-token-invalid');
    expect((await findConsoleUser(t.store, target.user.email))?.disabledAt).toBeUndefined();
  });

  it('records every disclosure decided by POST /v1/disclosures in the audit log, by its key and the subject pseudonym', async () => {
    const made = await createApiKey(t.store, { name: 'disclose', scopes: ['disclose'] });
    if (!made.ok) throw new Error(made.issue.message);
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/disclosures',
      headers: { authorization: `Bearer ${made.created.secret}` },
      payload: {
        subject: 'canary-disclosure@example.test',
        recipient: 'authorities',
        purpose: 'legal-compliance',
        categories: ['account-id'],
        basis: 'legal-obligation',
        legalReference: 'Court order 2026-118',
      },
    });
    expect(res.statusCode).toBe(200);
    const { entries } = await readAuditEntries(t.store.db, { action: 'disclosure' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { kind: 'key' },
      purpose: 'legal-compliance',
      categories: ['account-id'],
    });
    expect(entries[0]!.subject).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(JSON.stringify(entries)).not.toContain('canary-disclosure');
    expect((await verifyAudit(t.store.db)).ok).toBe(true);
  });
});
