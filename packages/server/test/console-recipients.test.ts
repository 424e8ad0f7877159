import { createApiKey } from '@pledge/auth';
import { listDeletionRequests, listInspections } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { type TestApp, testApp } from './helpers.js';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1');

describe('the console recipients page', () => {
  let t: TestApp;
  let officer: TestConsoleSession;
  let auditor: TestConsoleSession;
  let agent: TestConsoleSession;
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: 'console-recipients-token-0123456789' });
    officer = await signedInAs(t.store, 'privacy-officer');
    auditor = await signedInAs(t.store, 'auditor');
    agent = await signedInAs(t.store, 'support-agent');
    const made = await createApiKey(t.store, { name: 'both', scopes: ['recipients', 'disclose'] });
    if (!made.ok) throw new Error(made.issue.message);
    const auth = { authorization: `Bearer ${made.created.secret}` };
    await t.app.inject({
      method: 'POST',
      url: '/v1/recipients/entrusted-processors/contracts?kind=dpa&signedOn=2026-01-01',
      headers: { ...auth, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    await t.app.inject({
      method: 'POST',
      url: '/v1/disclosures',
      headers: auth,
      payload: {
        subject: 'canary-console@example.test',
        recipient: 'authorities',
        purpose: 'legal-compliance',
        categories: ['account-id'],
        basis: 'legal-obligation',
        legalReference: 'Order 2026-5 <b>',
      },
    });
  });
  afterAll(() => t.close());

  const page = (s?: TestConsoleSession) =>
    t.app.inject({
      method: 'GET',
      url: '/console/recipients',
      headers: { accept: 'text/html', ...(s?.headers ?? {}) },
    });

  it('P0-28: shows kinds, contracts required against those on file with the missing ones flagged, and the disclosure log', async () => {
    const res = await page(officer);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('Entrusted companies');
    expect(html).toMatch(/nda <span class="muted">\(manifest\)<\/span>: <span class="flag">missing<\/span>/);
    expect(html).toMatch(/dpa <span class="muted">\(manifest\)<\/span>: <span class="ok">on file<\/span>/);
    expect(html).toContain('No logged audit or appraisal (P0-28)');
    expect(html).toContain('No passed security inspection (P1-24)');
    expect(html).toContain('legal-obligation: Order 2026-5 &lt;b&gt;');
    expect(html).not.toContain('canary-console');
    expect(html).toContain('Record inspection');
  });

  it('is read-only for an auditor, refused to a support agent and to nobody', async () => {
    const read = await page(auditor);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Record inspection');
    expect((await page(agent)).statusCode).toBe(403);
    const nobody = await page();
    expect(nobody.statusCode).toBe(303);
    const post = await t.app.inject({
      method: 'POST',
      url: '/console/recipients/business-partners/end',
      headers: auditor.headers,
      payload: { endedOn: '2026-01-31' },
    });
    expect(post.statusCode).toBe(403);
  });

  it('records an inspection and ends an engagement from the forms (CSRF required)', async () => {
    const form = (url: string, body: string, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    const noCsrf = await form(
      '/console/recipients/business-partners/inspections',
      'kind=appraisal&outcome=passed&performedOn=2026-02-01',
      { cookie: officer.cookie },
    );
    expect(noCsrf.statusCode).toBe(403);
    const inspected = await form(
      '/console/recipients/business-partners/inspections',
      `kind=appraisal&outcome=passed&performedOn=2026-02-01&csrf=${encodeURIComponent(officer.csrf)}`,
      { cookie: officer.cookie },
    );
    expect(inspected.statusCode).toBe(303);
    expect(await listInspections(t.store.db, 'business-partners')).toMatchObject([
      { kind: 'appraisal', outcome: 'passed', recordedBy: `user:${officer.user.id}` },
    ]);
    const bad = await form(
      '/console/recipients/business-partners/end',
      `endedOn=someday&csrf=${officer.csrf}`,
      {
        cookie: officer.cookie,
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('endedOn');
    const ended = await form(
      '/console/recipients/business-partners/end',
      `endedOn=2026-01-31&csrf=${officer.csrf}`,
      {
        cookie: officer.cookie,
      },
    );
    expect(ended.statusCode).toBe(303);
    expect(await listDeletionRequests(t.store.db)).toMatchObject([{ recipient: 'business-partners' }]);
  });
});
