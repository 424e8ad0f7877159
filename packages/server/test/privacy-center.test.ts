import { issueVerificationToken } from '@pledge/sdk';
import { readAuditEntries, resolveSubjectKey } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newVisitor,
  sealVisitor,
  VISITOR_COOKIE,
  visitorCookieKey,
} from '../src/privacy-center/visitor-cookie.js';
import { startServer } from '../src/start.js';
import { backends, ledgerCount, TEST_SUBJECT_KEY, type TestApp, testApp } from './helpers.js';

describe.each(backends)('the privacy center (%s)', (kind) => {
  let t: TestApp;
  let key: Buffer;
  beforeAll(async () => {
    t = await testApp(kind);
    key = visitorCookieKey(
      kind === 'postgres' ? TEST_SUBJECT_KEY : await resolveSubjectKey(t.store, undefined),
    );
  });
  afterAll(() => t.close());

  /** A browser identified as `subject` (as a confirmed code leaves it). */
  const identified = (subject: string) => {
    const visitor = { ...newVisitor(Date.now()), subject };
    return { cookie: `${VISITOR_COOKIE}=${sealVisitor(key, visitor)}`, csrf: visitor.csrf };
  };

  it('answers in the visitor’s language from Accept-Language; unknown or malformed headers get English, never an error', async () => {
    const zh = await t.app.inject({
      url: '/privacy',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    });
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('隐私中心');
    for (const header of ['fr-FR,de;q=0.5', 'q=;;;,', '\u00ff\u00fe', 'zh;q=abc']) {
      const res = await t.app.inject({ url: '/privacy', headers: { 'accept-language': header } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="en">');
    }
    const asked = await t.app.inject({
      url: '/privacy/policy?lang=zh-CN',
      headers: { 'accept-language': 'en' },
    });
    expect(asked.body).toContain('<html lang="zh-CN">');
    expect(asked.body).toMatch(/<h2 id="contents">[^<]*[\u4e00-\u9fff]/);
    const bad = await t.app.inject({ url: '/privacy/policy?lang=xx', headers: { 'accept-language': 'zh' } });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('<html lang="zh-CN">');
  });

  it('serves pages with a strict CSP (no outside source, forms to itself only), no caching, and never the lint report', async () => {
    const res = await t.app.inject({ url: '/privacy/policy' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/\b(src|href)="(https?:)?\/\/(?!sdkdoc|www\.)/);
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toContain('/lint');
  });

  it('refuses a form post without the visitor’s form token and records nothing', async () => {
    const before = await ledgerCount(t.store);
    const { cookie } = identified('visitor-csrf@example.com');
    const res = await t.app.inject({
      method: 'POST',
      url: '/privacy/consent',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'csrf=forged&purpose.marketing-email=give',
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(await ledgerCount(t.store)).toBe(before);
  });

  it('asks an unidentified visitor to confirm an address before showing choices', async () => {
    const res = await t.app.inject({ url: '/privacy/consent' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/privacy/sign-in');
    expect(res.body).not.toContain('type="radio"');
  });

  it('shows an identified visitor’s consent per purpose and records a change in the ledger through the engine, as the privacy center', async () => {
    const subject = `visitor-${kind}@example.com`;
    const { cookie, csrf } = identified(subject);
    const page = await t.app.inject({ url: '/privacy/consent', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const purposes = [...page.body.matchAll(/name="purpose\.([^"]+)" value="give"/g)].map((m) => m[1]);
    expect(purposes.length).toBeGreaterThan(0);
    const purpose = purposes[0] ?? '';
    const before = await ledgerCount(t.store);
    const posted = await t.app.inject({
      method: 'POST',
      url: '/privacy/consent',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf, lang: 'en', [`purpose.${purpose}`]: 'give' }).toString(),
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/privacy/consent?lang=en&done=saved');
    expect(await ledgerCount(t.store)).toBe(before + 1);
    const res = await t.app.inject({ method: 'POST', url: '/v1/consents/query', payload: { subject } });
    const events = (res.json() as { events: Array<Record<string, unknown>> }).events;
    expect(events.at(-1)).toMatchObject({
      type: 'consent-given',
      purposes: [purpose],
      method: 'privacy-center',
      source: 'web',
      actor: 'subject',
    });
    const after = await t.app.inject({ url: '/privacy/consent?done=saved', headers: { cookie } });
    expect(after.body).toContain('Your choices were saved.');
    expect(after.body).toContain(`id="c-${purpose}-give" name="purpose.${purpose}" value="give" checked`);
    // The same choice again changes nothing.
    await t.app.inject({
      method: 'POST',
      url: '/privacy/consent',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf, [`purpose.${purpose}`]: 'give' }).toString(),
    });
    expect(await ledgerCount(t.store)).toBe(before + 1);
    const audit = await readAuditEntries(t.store.db, { actor: 'privacy-center', action: 'consent-write' });
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries[0]?.actor).toEqual({ kind: 'system', id: 'privacy-center' });
    expect(JSON.stringify(audit.entries)).not.toContain(subject);
  });

  it('refuses a choice that is neither give nor withdraw with a 400 naming the field', async () => {
    const { cookie, csrf } = identified('visitor-bad@example.com');
    const page = await t.app.inject({ url: '/privacy/consent', headers: { cookie } });
    const purpose = /name="purpose\.([^"]+)"/.exec(page.body)?.[1] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/privacy/consent',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf, [`purpose.${purpose}`]: 'maybe' }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe(`purpose.${purpose}`);
  });

  it('a forged or foreign cookie identifies nobody', async () => {
    const other = visitorCookieKey('some-other-key-0123456789abcdef');
    const forged = `${VISITOR_COOKIE}=${sealVisitor(other, { ...newVisitor(Date.now()), subject: 'x@example.com' })}`;
    const res = await t.app.inject({ url: '/privacy/consent', headers: { cookie: forged } });
    expect(res.body).not.toContain('x@example.com');
    expect(res.body).not.toContain('type="radio"');
  });

  it('form posts to the API are still refused (415); the visitor cookie is HttpOnly, SameSite=Lax and limited to /privacy', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/consents',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'subject=a',
    });
    expect(res.statusCode).toBe(415);
    const page = await t.app.inject({ url: '/privacy' });
    const cookie = [page.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith(`${VISITOR_COOKIE}=`));
    expect(cookie).toMatch(/; Path=\/privacy; Max-Age=1800; HttpOnly; SameSite=Lax/);
  });
});

describe('an application brings its signed-in user into the privacy center with an identity token', () => {
  const secret = 'app-verify-secret-0123456789abcdef';
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { verifySecret: secret });
  });
  afterAll(() => t.close());

  it('a valid token identifies the user once; a forged, reused or absent one identifies nobody', async () => {
    const token = issueVerificationToken({ subject: 'user-8841', key: { hmacSecret: secret } });
    const res = await t.app.inject({ url: `/privacy/sign-in/token?token=${encodeURIComponent(token)}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/privacy/consent?lang=en');
    const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
    const page = await t.app.inject({ url: '/privacy/consent', headers: { cookie } });
    expect(page.body).toContain('You are identified as user-8841.');
    expect(page.body).toContain('type="radio"');
    const again = await t.app.inject({ url: `/privacy/sign-in/token?token=${encodeURIComponent(token)}` });
    expect(again.headers.location).toBe('/privacy/sign-in?lang=en');
    const forged = issueVerificationToken({
      subject: 'user-8841',
      key: { hmacSecret: 'another-secret-0123456789abcdef' },
    });
    const bad = await t.app.inject({ url: `/privacy/sign-in/token?token=${encodeURIComponent(forged)}` });
    expect(bad.headers.location).toBe('/privacy/sign-in?lang=en');
    const none = await t.app.inject({ url: '/privacy/sign-in/token' });
    expect(none.headers.location).toBe('/privacy/sign-in?lang=en');
  });
});

describe('PLEDGE_PUBLIC_LINT: the operator hides the lint report from the public policy page', () => {
  let shown: TestApp;
  let hidden: TestApp;
  beforeAll(async () => {
    shown = await testApp('pglite');
    hidden = await testApp('pglite', { hidePublicLint: true });
  });
  afterAll(async () => {
    await shown.close();
    await hidden.close();
  });

  it('shows the summary and link by default and leaves them out when hidden', async () => {
    const a = await shown.app.inject({ url: '/' });
    expect(a.body).toContain('href="/lint"');
    const b = await hidden.app.inject({ url: '/' });
    expect(b.statusCode).toBe(200);
    expect(b.body).not.toContain('/lint');
    expect(b.body).not.toMatch(/Lint report/);
    expect(b.body).toContain('href="/privacy?lang=en"');
  });
});

describe('startServer reads the privacy center’s mail settings', () => {
  it('refuses a bad PLEDGE_SMTP_URL or a missing PLEDGE_SMTP_FROM (exit 2) without repeating the password', async () => {
    for (const env of [
      { PLEDGE_SMTP_URL: 'http://user:hunter2-secret@mail.example' },
      { PLEDGE_SMTP_URL: 'smtp://user:hunter2-secret@mail.example:587' },
    ]) {
      const printed: string[] = [];
      const started = await startServer({
        env: { PORT: '0', HOST: '127.0.0.1', PLEDGE_MANIFEST: 'examples/antsentry/pledge.yaml', ...env },
        logger: false,
        handleSignals: false,
        stderr: (text) => printed.push(text),
      });
      expect(started.ok).toBe(false);
      if (!started.ok) expect(started.exitCode).toBe(2);
      expect(printed.join('')).toMatch(/PLEDGE_SMTP_(URL|FROM)/);
      expect(printed.join('')).not.toContain('hunter2');
    }
  });
});
