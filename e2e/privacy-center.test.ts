import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMail } from '@pledge/notify';
import { startServer } from '@pledge/server';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import { type MailSink, startMailSink } from '@pledge/testing/sinks';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, screenshotDir } from './support/browser-page.js';

const PHONE = { width: 390, height: 844 };
const shots = screenshotDir('pledge-privacy-center-');

/** Fails the test on a console error, a failed request or any request leaving the server. */
function watch(page: Page, base: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`third-party request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return problems;
}

/** The six-digit code of the newest mail to `to`. */
async function codeFrom(sink: MailSink, to: string, after: number): Promise<string> {
  const mail = await sink.next((m) => m.to.includes(to) && sink.messages.indexOf(m) >= after);
  const text = parseMail(mail.raw).text;
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error('no code in the mail');
  return code;
}

describe.runIf(browserAvailable())('the privacy center in a real browser', () => {
  let browser: Browser;
  let app: FastifyInstance;
  let base: string;
  let dataDir: string;
  let sink: MailSink;
  const contexts: BrowserContext[] = [];

  async function context(
    options: { locale?: string; scheme?: 'light' | 'dark' } = {},
  ): Promise<BrowserContext> {
    const ctx = await browser.newContext({
      locale: options.locale ?? 'en-GB',
      colorScheme: options.scheme ?? 'light',
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(ctx);
    return ctx;
  }

  /** axe in light and dark, a screenshot of each, then no horizontal scrolling at 390 px. */
  async function check(ctxPage: Page, name: string): Promise<void> {
    for (const scheme of ['light', 'dark'] as const) {
      await ctxPage.emulateMedia({ colorScheme: scheme });
      expect([name, scheme, await axe(ctxPage)]).toEqual([name, scheme, []]);
      await ctxPage.screenshot({
        path: join(shots, `privacy-center-${name}${scheme === 'dark' ? '-dark' : ''}.png`),
        // The policy is long: its first screen shows the frame.
        fullPage: !name.startsWith('policy'),
      });
    }
    await ctxPage.emulateMedia({ colorScheme: 'light' });
    const size = ctxPage.viewportSize();
    await ctxPage.setViewportSize(PHONE);
    const widths = await ctxPage.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect([name, widths.scroll]).toEqual([name, widths.viewport]);
    if (name === 'overview' || name === 'status') {
      await ctxPage.screenshot({ path: join(shots, `privacy-center-${name}-phone.png`), fullPage: true });
    }
    if (size) await ctxPage.setViewportSize(size);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    sink = await startMailSink();
    dataDir = mkdtempSync(join(tmpdir(), 'pledge-center-'));
    const started = await startServer({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        PLEDGE_DATA_DIR: dataDir,
        PLEDGE_MANIFEST: 'examples/antsentry/pledge.yaml',
        PLEDGE_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        PLEDGE_SMTP_FROM: 'privacy@antsentry.example',
        // Nothing carries requests out here: the pages and their states are under test (the
        // journeys that carry them out are request-access-package and request-deletion).
        PLEDGE_BACKGROUND: 'off',
      },
      logger: false,
      handleSignals: false,
      stderr: () => {},
    });
    if (!started.ok) throw new Error(`server did not start (exit ${started.exitCode})`);
    app = started.app;
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    base = `http://127.0.0.1:${address.port}`;
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
    await sink?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers in the visitor’s language (Accept-Language from the browser), the policy too; an unknown language gets English', async () => {
    const zh = await (await context({ locale: 'zh-CN' })).newPage();
    const problems = watch(zh, base);
    await zh.goto(`${base}/privacy`);
    expect(await zh.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await zh.textContent('h1')).toBe('隐私中心');
    await check(zh, 'overview-zh-CN');
    await zh.click('nav.center-nav a[href^="/privacy/policy"]');
    expect(await zh.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await zh.locator('main h2').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await check(zh, 'policy-zh-CN');
    expect(problems).toEqual([]);

    const fr = await (await context({ locale: 'fr-FR' })).newPage();
    await fr.goto(`${base}/privacy`);
    expect(await fr.getAttribute('html', 'lang')).toBe('en');
    await check(fr, 'overview');
    await fr.goto(`${base}/privacy/policy`);
    expect(await fr.getAttribute('html', 'lang')).toBe('en');
    await check(fr, 'policy');
    await fr.goto(`${base}/privacy`);
    await fr.click('a[hreflang="zh-CN"]');
    expect(await fr.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('the keyboard reaches the skip link, the language switch and the navigation, with a visible focus', async () => {
    const page = await (await context()).newPage();
    await page.goto(`${base}/privacy`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    const reached: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href') ?? ''),
      );
    }
    expect(reached).toContain('/privacy/consent?lang=en');
    expect(reached.some((h) => h.endsWith('lang=zh-CN'))).toBe(true);
    await page.focus('a[href="/privacy/requests?lang=en"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/privacy\/requests/);
    expect(await page.textContent('h1')).toBe('Your rights');
  });

  it('a visitor confirms their address with the code from the e-mail, changes a consent, and the change lands in the ledger', async () => {
    const email = 'lin@visitor.example';
    const page = await (await context()).newPage();
    const problems = watch(page, base);
    await page.goto(`${base}/privacy/consent`);
    await check(page, 'consent-signed-out');
    await page.click('a[href^="/privacy/sign-in"]');
    await check(page, 'sign-in');
    const before = sink.messages.length;
    await page.fill('#si-email', email);
    await page.click('button[type=submit]');
    await page.waitForURL(/step=code/);
    await page.fill('#si-code', await codeFrom(sink, email, before));
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/privacy\/consent/);
    const radios = page.locator('input[type=radio][value=give]');
    expect(await radios.count()).toBeGreaterThan(0);
    const purpose = ((await radios.first().getAttribute('name')) ?? '').replace('purpose.', '');
    await page.check(`#c-${purpose}-give`);
    await page.click('form[action="/privacy/consent"] button[type=submit]');
    await page.waitForURL(/done=saved/);
    expect(await page.textContent('[role=status]')).toContain('Your choices were saved.');
    expect(await page.isChecked(`#c-${purpose}-give`)).toBe(true);
    await check(page, 'consent');
    // The ledger, read through the API (development mode answers this machine).
    const res = await fetch(`${base}/v1/consents/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: email }),
    });
    const { events } = (await res.json()) as { events: Array<Record<string, unknown>> };
    expect(events.at(-1)).toMatchObject({
      type: 'consent-given',
      purposes: [purpose],
      method: 'privacy-center',
    });
    expect(problems).toEqual([]);
  });

  it('a visitor asks for a copy, reads the code from the e-mail, verifies, and sees the status with its due date', async () => {
    const email = 'wang@visitor.example';
    const page = await (await context()).newPage();
    const problems = watch(page, base);
    await page.goto(`${base}/privacy/requests`);
    await check(page, 'requests');
    await page.click('a[href^="/privacy/requests/new?right=access"]');
    await check(page, 'request-form');
    // A bad address is refused on the page, naming what to fix.
    await page.fill('#rq-email', 'not-an-address');
    await page.click('main button[type=submit]');
    expect(await page.textContent('[role=alert]')).toContain('enter a valid e-mail address');
    const before = sink.messages.length;
    await page.fill('#rq-email', email);
    await page.selectOption('#rq-jurisdiction', 'cn-pipl');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/verify/);
    await check(page, 'verify');
    await page.fill('#vf-code', '000000x');
    await page.click('main button[type=submit]');
    await page.waitForURL(/wrong=1/);
    expect(await page.textContent('[role=alert]')).toContain('not right');
    await page.fill('#vf-code', await codeFrom(sink, email, before));
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/privacy\/requests\/[0-9a-f-]+\?lang=en$/);
    expect(await page.textContent('h1')).toBe('Your request');
    expect(await page.textContent('dl.status')).toContain('Confirmed');
    const due = await page.getAttribute('dl.status strong time', 'datetime');
    expect(due).not.toBeNull();
    const days = (Date.parse(due ?? '') - Date.now()) / 86_400_000;
    // 15 working days (PIPL, as AntSentry states): three weeks at most.
    expect(days).toBeGreaterThan(14);
    expect(days).toBeLessThan(32);
    await check(page, 'status');
    // Another browser does not see the request.
    const other = await (await context()).newPage();
    const res = await other.goto(page.url());
    expect(res?.status()).toBe(404);
    // The one refusal is the bad address, answered 400 on purpose.
    expect(problems).toEqual([expect.stringContaining('status of 400')]);
  });

  it('account deletion warns that it cannot be undone and needs the box ticked', async () => {
    const page = await (await context()).newPage();
    await page.goto(`${base}/privacy/delete-account`);
    expect(await page.textContent('.notice.danger')).toContain('cannot be undone');
    await check(page, 'delete-account');
    await page.fill('#rq-email', 'zhao@visitor.example');
    await page.click('main button[type=submit]');
    expect(await page.textContent('[role=alert]')).toContain('tick the box');
    await page.check('#rq-confirm');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/verify/);
    expect(await page.textContent('h1')).toBe('Confirm your request');
  });
});
