import { join } from 'node:path';
import { createApiKey, createConsoleUser, enrolTotp, totpCode } from '@pledge/auth';
import { resolveSubjectKey } from '@pledge/store';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../packages/server/test/helpers.js';
import { axe, listenLocally, screenshotDir } from './support/browser-page.js';

const shots = screenshotDir('pledge-audit-shots-');
const SUBJECT = 'canary-subject-7731@example.test';
const REASON = 'Ticket 4411: subject asked which consents we hold';
const OFFICER = { email: 'pat@audit.test', name: 'Pat Officer', password: 'officer-password-0123456789' };
const AUDITOR = { email: 'ada@audit.test', name: 'Ada Auditor', password: 'auditor-password-0123456789' };

/** axe in light and dark (the page as it stands), a screenshot of each, then the 390 px check. */
async function checkPage(page: Page, name: string, shot?: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect([name, scheme, await axe(page)]).toEqual([name, scheme, []]);
    if (shot)
      await page.screenshot({
        path: join(shots, `${shot}${scheme === 'dark' ? '-dark' : ''}.png`),
        fullPage: true,
      });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect([name, widths[0]]).toEqual([name, widths[1]]);
  if (size) await page.setViewportSize(size);
}

describe.runIf(browserAvailable())('subject lookup and the access audit in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let officerId: string;
  let totpSecret: string;
  const contexts: BrowserContext[] = [];

  async function signIn(who: { email: string; password: string }, totp?: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(`${base}/console/sign-in`);
    await page.getByLabel('E-mail').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    if (totp) await page.getByLabel(/One-time code/).fill(totp);
    await Promise.all([
      page.waitForURL(`${base}/console`),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await testApp('pglite', { apiToken: 'console-audit-token-0123456789' });
    base = await listenLocally(t.app);
    for (const [who, role] of [
      [OFFICER, 'privacy-officer'],
      [AUDITOR, 'auditor'],
    ] as const) {
      const made = await createConsoleUser(t.store, {
        ...who,
        role,
        actor: 'test',
        confidentialityAcknowledged: true,
      });
      if (!made.ok) throw new Error(made.issue.code);
      if (role === 'privacy-officer') officerId = made.user.id;
    }
    const enrolled = await enrolTotp(t.store, OFFICER.email, { key: await resolveSubjectKey(t.store) });
    if (!enrolled.ok) throw new Error(enrolled.issue.code);
    totpSecret = new URL(enrolled.uri).searchParams.get('secret') ?? '';
    // The subject's consent reaches the ledger through the API, with a key holding consent:write.
    const key = await createApiKey(t.store, { name: 'web', scopes: ['consent:write'] });
    if (!key.ok) throw new Error(key.issue.message);
    const given = await fetch(`${base}/v1/consents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.created.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: SUBJECT,
        events: [
          { type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in', source: 'web' },
        ],
      }),
    });
    expect(given.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await t?.close();
  });

  it('P1-53: a privacy officer signs in with a TOTP code and looks up a subject with a reason', async () => {
    const page = await signIn(OFFICER, totpCode(totpSecret));
    await page.getByRole('link', { name: 'Subject lookup' }).click();
    await page.waitForURL(`${base}/console/subjects`);
    await page.waitForLoadState('networkidle');
    await checkPage(page, 'subjects (form)');
    // The keyboard reaches the identifier, the reason and the button.
    const reached: string[] = [];
    for (let i = 0; i < 40 && !reached.includes('button:Look up'); i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return el.tagName === 'BUTTON' ? `button:${el.textContent?.trim()}` : el.id;
        }),
      );
    }
    expect(reached).toEqual(expect.arrayContaining(['identifier', 'reason', 'button:Look up']));
    await page.getByLabel('Subject identifier').fill(SUBJECT);
    await page.getByLabel(/Reason for the lookup/).fill(REASON);
    await Promise.all([
      page.waitForLoadState('networkidle'),
      page.getByRole('button', { name: 'Look up' }).click(),
    ]);
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('This lookup was recorded in the access audit');
    const row = page.locator('tr', { hasText: '(marketing-emails)' });
    expect(await row.textContent()).toContain('consent-given');
    expect(await page.content()).not.toContain(SUBJECT); // the identifier is not written back
    await checkPage(page, 'subjects (result)', 'console-subjects');
  });

  it('an auditor finds the lookup (actor, reason, no identifier) and cannot open the subject lookup', async () => {
    const page = await signIn(AUDITOR);
    await page.getByRole('link', { name: 'Access audit' }).click();
    await page.waitForURL(`${base}/console/audit`);
    await page.getByLabel('Action').selectOption('subject-lookup');
    await Promise.all([
      page.waitForURL(/action=subject-lookup/),
      page.getByRole('button', { name: 'Filter' }).click(),
    ]);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[2]).toBe('subject-lookup');
    expect(cells[3]).toBe(`user: ${officerId}`);
    expect(cells[4]).toMatch(/^[\w-]{16,}$/); // a pseudonym
    expect(cells[7]).toBe(REASON);
    expect(await page.content()).not.toContain(SUBJECT);
    await checkPage(page, 'audit', 'console-audit');
    const refused = await page.goto(`${base}/console/subjects`);
    expect(refused?.status()).toBe(403);
    expect(await page.content()).not.toContain(SUBJECT);
  });
});
