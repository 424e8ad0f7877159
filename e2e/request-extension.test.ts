import { createConsoleUser, enrolTotp, totpCode } from '@pledge/auth';
import { resolveSubjectKey } from '@pledge/store';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import { type MailSink, startMailSink } from '@pledge/testing/sinks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../packages/server/test/helpers.js';
import { listenLocally, screenshotDir } from './support/browser-page.js';
import { watch } from './support/journey.js';
import { checkPage, confirmWithCode } from './support/visitor.js';

const shots = screenshotDir('pledge-extension-shots-');
const OFFICER = { email: 'pat@extension.test', name: 'Pat Officer', password: 'officer-password-0123456789' };
const VISITOR = 'mei@visitor.example';
const NOTE = 'We hold your data in three systems and need to review each one.';

/** The due date the status page shows, as its `datetime`. */
async function dueOf(page: Page): Promise<number> {
  const due = await page.getAttribute('dl.status strong time', 'datetime');
  expect(due).not.toBeNull();
  return Date.parse(due ?? '');
}

describe.runIf(browserAvailable())('an extended request in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let sink: MailSink;
  let totpSecret: string;
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    return ctx.newPage();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    sink = await startMailSink();
    t = await testApp('pglite', {
      smtp: { host: '127.0.0.1', port: sink.port, from: 'privacy@antsentry.example' },
    });
    base = await listenLocally(t.app);
    const made = await createConsoleUser(t.store, {
      ...OFFICER,
      role: 'privacy-officer',
      actor: 'test',
      confidentialityAcknowledged: true,
    });
    if (!made.ok) throw new Error(made.issue.code);
    const enrolled = await enrolTotp(t.store, OFFICER.email, { key: await resolveSubjectKey(t.store) });
    if (!enrolled.ok) throw new Error(enrolled.issue.code);
    totpSecret = new URL(enrolled.uri).searchParams.get('secret') ?? '';
  }, 120_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await t?.close();
    await sink?.close();
  });

  it('an officer extends a request and the visitor sees the new due date', async () => {
    // The visitor asks for a copy under the GDPR and confirms it with the code from the mail.
    const visitor = await newPage();
    const problems = watch(visitor, base);
    await visitor.goto(`${base}/privacy`);
    await visitor.click('nav.center-nav a[href^="/privacy/requests"]');
    await visitor.click('a[href^="/privacy/requests/new?right=access"]');
    const before = sink.messages.length;
    await visitor.fill('#rq-email', VISITOR);
    await visitor.selectOption('#rq-jurisdiction', 'eu-gdpr');
    await visitor.click('main button[type=submit]');
    const id = await confirmWithCode(visitor, sink, VISITOR, before);
    expect(await visitor.textContent('dl.status')).toContain('Confirmed');
    const firstDue = await dueOf(visitor);

    // The officer signs in with a password and a one-time code and extends it, with a reason and a note.
    const officer = await newPage();
    const officerProblems = watch(officer, base);
    await officer.goto(`${base}/console/sign-in`);
    await officer.getByLabel('E-mail').fill(OFFICER.email);
    await officer.getByLabel('Password').fill(OFFICER.password);
    await officer.getByLabel(/One-time code/).fill(totpCode(totpSecret));
    await Promise.all([
      officer.waitForURL(`${base}/console`),
      officer.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    await officer.getByRole('link', { name: 'Requests' }).first().click();
    await officer.waitForURL(`${base}/console/requests`);
    const row = officer.locator('tr', { hasText: id.slice(0, 8) });
    await row.locator('summary', { hasText: 'Act on' }).click();
    const extend = row.getByRole('form', { name: `Extend ${id.slice(0, 8)}` });
    await extend.getByLabel('Reason').selectOption('complexity');
    await extend.getByLabel('Note').fill(NOTE);
    await Promise.all([
      officer.waitForURL(`${base}/console/requests`),
      extend.getByRole('button', { name: 'Extend deadline' }).click(),
    ]);
    const extendedRow = officer.locator('tr', { hasText: id.slice(0, 8) });
    expect(await extendedRow.textContent()).toContain('extended');
    expect(await officer.textContent('main')).not.toContain(VISITOR);
    await checkPage(officer, 'console requests (extended)', shots, 'console-requests-extended');

    // The visitor reloads the status page: a later due date, and the officer's reason.
    await visitor.reload();
    expect(await visitor.textContent('dl.status')).toContain('Extended');
    expect(await dueOf(visitor)).toBeGreaterThan(firstDue);
    expect(await visitor.textContent('dl.status')).toContain(NOTE);
    await checkPage(visitor, 'status (extended)', shots, 'privacy-center-status-extended');
    expect(problems).toEqual([]);
    expect(officerProblems).toEqual([]);
  });
});
