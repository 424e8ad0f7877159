import { join } from 'node:path';
import { appendAuditEntries } from '@pledge/store';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../packages/server/test/console-session.js';
import { type TestApp, testApp } from '../packages/server/test/helpers.js';
import { axe, listenLocally, screenshotDir } from './support/browser-page.js';

const shots = screenshotDir('pledge-reviews-shots-');
const DAY = 86_400_000;

describe.runIf(browserAvailable())('access reviews in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let cookie: { name: string; value: string; url: string };
  const contexts: BrowserContext[] = [];

  async function page(scheme: 'light' | 'dark', width = 1280): Promise<Page> {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
    await ctx.addCookies([cookie]);
    contexts.push(ctx);
    return ctx.newPage();
  }

  /** axe finds nothing in light and dark, the page fits 390 px, and a screenshot of each. */
  async function check(path: string, name: string): Promise<void> {
    for (const scheme of ['light', 'dark'] as const) {
      const p = await page(scheme);
      await p.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      expect([name, scheme, await axe(p)]).toEqual([name, scheme, []]);
      await p.screenshot({
        path: join(shots, `console-${name}${scheme === 'dark' ? '-dark' : ''}.png`),
        fullPage: true,
      });
    }
    const phone = await page('light', 390);
    await phone.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    const widths = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect([name, widths.scroll]).toEqual([name, widths.viewport]);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await testApp('pglite');
    base = await listenLocally(t.app);
    const agent = await signedInAs(t.store, 'support-agent');
    const now = Date.now();
    const appended = await appendAuditEntries(
      t.store.db,
      [
        {
          action: 'subject-lookup',
          actor: { kind: 'user', id: agent.user.id },
          subject: 'pseudonym-browser-0001',
          reason: 'customer called',
        },
      ],
      { now: () => new Date(now - 120 * DAY) },
    );
    expect(appended.ok).toBe(true);
    const officer = await signedInAs(t.store, 'privacy-officer', { name: 'Pat Officer' });
    cookie = { name: 'pledge_console', value: officer.cookie.split('=')[1] as string, url: base };
  }, 120_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await t?.close();
  });

  it('P0-31: the officer sees the overdue review, opens one with the keyboard-usable form, reads its findings and signs it off', async () => {
    await check('/console/reviews', 'reviews');
    const p = await page('light');
    await p.goto(`${base}/console/reviews`);
    expect(await p.getByRole('alert').textContent()).toContain('Access review overdue');
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    await p.getByLabel('From (inclusive, UTC)').fill(day(Date.now() - 130 * DAY));
    await p.getByLabel('To (exclusive, UTC)').fill(day(Date.now()));
    await p.getByRole('button', { name: 'Open review' }).click();
    await p.waitForURL(/\/console\/reviews\/rev_/);
    const reviewPath = new URL(p.url()).pathname;
    expect(await p.textContent('main')).toContain('Lookup without an open request');
    await check(reviewPath, 'review');
    await p.getByLabel(/^Note/).fill('asked the agent about the call');
    await p.getByLabel(/^Note/).press('Tab');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Signed off' }).waitFor();
    expect(await p.textContent('main')).toContain('asked the agent about the call');
    await p.goto(`${base}/console/reviews`);
    expect(await p.getByRole('alert').count()).toBe(0);
  });
});
