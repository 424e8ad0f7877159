import { join } from 'node:path';
import { appendEvents, type LedgerEventInput, resolveSubjectKey } from '@pledge/store';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../packages/server/test/console-session.js';
import { antsentryWith, type TestApp, testApp } from '../packages/server/test/helpers.js';

import { axe, listenLocally, screenshotDir } from './support/browser-page.js';

const shots = screenshotDir('pledge-console-shots-');
const SCHEMES = ['light', 'dark'] as const;
const PHONE = { width: 390, height: 844 };
const SHOT_HEIGHT = 2000;

/** Consents over the last 20 days for four purposes, deterministic counts. */
async function seedConsents(t: TestApp): Promise<void> {
  const key = await resolveSubjectKey(t.store);
  const policy = (await t.app.inject({ url: '/v1/policies/current' })).json();
  const purposes = ['registration', 'marketing-emails', 'personalisation', 'service-improvement'];
  const events: LedgerEventInput[] = [];
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  for (let day = 0; day < 20; day++) {
    purposes.forEach((purpose, p) => {
      const given = ((day * (p + 3) + p * 7) % 9) + 2 + (p === 0 ? day : 0);
      for (let i = 0; i < given; i++) {
        const withdrawn = p === 1 && i === 0 && day % 3 === 0;
        events.push({
          type: withdrawn ? 'consent-withdrawn' : 'consent-given',
          subject: `seed-${purpose}-${day}-${i}`,
          purposes: [purpose],
          method: 'banner',
          source: 'web',
          policyVersion: policy.version,
          policyHash: policy.hash,
          actor: 'subject',
          occurredAt: new Date(today - (19 - day) * 86_400_000 + 3_600_000 * (i % 20)),
        });
      }
    });
  }
  await appendEvents(t.store.db, key, events);
}

/** A screenshot of the page from the top, at most {@link SHOT_HEIGHT} px tall (long reports are cut). */
async function shoot(page: Page, file: string): Promise<void> {
  const { width, height } = await page.evaluate(() => ({
    width: window.innerWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path: join(shots, file),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, SHOT_HEIGHT) },
  });
}

/** Fails on a console error, a failed request or an error status (other than the one expected). */
function watch(page: Page, expectedStatus = 200): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.status() !== expectedStatus) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

describe.runIf(browserAvailable())('the console in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let cookie: { name: string; value: string; url: string };
  const contexts: BrowserContext[] = [];

  /** A browser context signed in as the privacy officer (or signed out), in a colour scheme. */
  async function context(scheme: 'light' | 'dark', signedIn = true): Promise<BrowserContext> {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    if (signedIn) await ctx.addCookies([cookie]);
    contexts.push(ctx);
    return ctx;
  }

  /** Opens a page in both schemes: axe finds nothing, a screenshot of each; then the 390 px check. */
  async function check(path: string, name: string, signedIn = true): Promise<void> {
    for (const scheme of SCHEMES) {
      const page = await (await context(scheme, signedIn)).newPage();
      const problems = watch(page);
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
      expect([name, scheme, await axe(page)]).toEqual([name, scheme, []]);
      await shoot(page, `console-${name}${scheme === 'dark' ? '-dark' : ''}.png`);
      expect(problems).toEqual([]);
      await page.close();
    }
    const phone = await (await context('light', signedIn)).newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    const widths = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect([name, widths.scroll]).toEqual([name, widths.viewport]);
    if (name === 'dashboard') await shoot(phone, 'console-dashboard-phone.png');
    await phone.close();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await testApp('pglite');
    base = await listenLocally(t.app);
    await seedConsents(t);
    const officer = await signedInAs(t.store, 'privacy-officer', { name: 'Pat Officer' });
    cookie = { name: 'pledge_console', value: officer.cookie.split('=')[1] as string, url: base };
  }, 120_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await t?.close();
  });

  it('the sign-in page passes axe, fits a phone and is reached when signed out', async () => {
    const page = await (await context('light', false)).newPage();
    await page.goto(`${base}/console`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.close();
    await check('/console/sign-in', 'sign-in', false);
  });

  it('the dashboard charts consents per purpose, passes axe in light and dark, and fits 390 px', async () => {
    await check('/console', 'dashboard');
    const page = await (await context('light')).newPage();
    await page.goto(`${base}/console`);
    expect(await page.locator('svg.chart polyline').count()).toBe(4);
    expect(await page.textContent('main')).toContain('accesses in the last 24 hours'); // the audit card counts the log
    expect(await page.textContent('main')).toContain('No access was recorded from');
    await page.close();
  });

  it('the keyboard reaches the skip link, the navigation and the publish form, with a visible focus', async () => {
    const page = await (await context('light')).newPage();
    await page.goto(`${base}/console/policies`);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : undefined;
        return {
          tag: el?.tagName.toLowerCase(),
          text: el?.textContent?.trim() ?? '',
          id: el?.id ?? '',
          inNav: Boolean(el?.closest('nav.console-nav')),
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      });
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip.text).toBe('Skip to content');
    expect(skip.outline).toBe('solid 3px');
    expect(await page.locator('.skip-link').boundingBox()).not.toBeNull();
    const reached: Array<Awaited<ReturnType<typeof focused>>> = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      reached.push(now);
      if (now.tag === 'button' && now.text === 'Review changes') break;
    }
    expect(reached.some((f) => f.inNav && f.text === 'Policies')).toBe(true);
    expect(reached.some((f) => f.id === 'manifest')).toBe(true);
    expect(reached.at(-1)?.text).toBe('Review changes');
    expect(reached.every((f) => f.outline === 'solid 3px')).toBe(true);
    await page.close();
  });

  it('the data map draws datasets, categories and recipients and passes axe', async () => {
    await check('/console/data-map', 'data-map');
  });

  it('publishing from the browser: the review shows the diff, confirming publishes, the version page shows it', async () => {
    const next = antsentryWith((m) => {
      m.policy.version = '2026-06-01';
      m.recipients[0]?.categories.push('country');
    });
    const page = await (await context('light')).newPage();
    const problems = watch(page);
    await page.goto(`${base}/console/policies`);
    // Set in one go (typing 60 kB is slow); the form is then submitted by clicking as a user would.
    await page.locator('#manifest').evaluate(
      (el, text) => {
        (el as HTMLTextAreaElement).value = text;
      },
      JSON.stringify(next, null, 2),
    );
    await Promise.all([
      page.waitForURL('**/console/policies/review'),
      page.click('button:has-text("Review changes")'),
    ]);
    expect(await page.textContent('h1')).toBe('Publish version 2026-06-01?');
    expect(await page.textContent('main')).toContain('recipient-categories-widened');
    expect(await axe(page)).toEqual([]);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await shoot(page, `console-publish-review${scheme === 'dark' ? '-dark' : ''}.png`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    await page.setViewportSize({ width: 1280, height: 900 });
    await Promise.all([
      page.waitForURL('**/console/policies/2?published=1'),
      page.click('button:has-text("Publish 2026-06-01")'),
    ]);
    expect(await page.textContent('[role=status]')).toContain('Published');
    expect(problems).toEqual([]);
    await page.close();
    await check('/console/policies/2', 'policy-version');
    await check('/console/policies', 'policies');
  });

  it('the keys and connectors page, as an engineer, passes axe in light and dark and fits 390 px', async () => {
    const officer = cookie;
    const engineer = await signedInAs(t.store, 'engineer', { name: 'Eli Engineer' });
    cookie = { ...officer, value: engineer.cookie.split('=')[1] as string };
    try {
      await check('/console/keys', 'keys');
    } finally {
      cookie = officer;
    }
  });
});
