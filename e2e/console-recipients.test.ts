import { join } from 'node:path';
import { createApiKey } from '@pledge/auth';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../packages/server/test/console-session.js';
import { type TestApp, testApp } from '../packages/server/test/helpers.js';
import { axe, listenLocally, screenshotDir } from './support/browser-page.js';

const shots = screenshotDir('pledge-recipients-shots-');

describe.runIf(browserAvailable())('the recipients page in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let cookie: { name: string; value: string; url: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await testApp('pglite', { apiToken: 'e2e-recipients-token-0123456789' });
    base = await listenLocally(t.app);
    const made = await createApiKey(t.store, { name: 'seed', scopes: ['recipients', 'disclose'] });
    if (!made.ok) throw new Error(made.issue.message);
    const auth = { authorization: `Bearer ${made.created.secret}` };
    await t.app.inject({
      method: 'POST',
      url: '/v1/recipients/entrusted-processors/contracts?kind=dpa&signedOn=2026-01-01&expiresOn=2028-12-31',
      headers: { ...auth, 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'),
    });
    await t.app.inject({
      method: 'POST',
      url: '/v1/recipients/google-analytics/inspections',
      headers: auth,
      payload: { kind: 'security-inspection', outcome: 'passed', performedOn: '2026-02-01' },
    });
    for (const recipient of ['authorities', 'entrusted-processors']) {
      await t.app.inject({
        method: 'POST',
        url: '/v1/disclosures',
        headers: auth,
        payload: {
          subject: 'seed-subject-1',
          recipient,
          purpose: recipient === 'authorities' ? 'legal-compliance' : 'technical-support',
          categories: ['account-id'],
          ...(recipient === 'authorities'
            ? { basis: 'legal-obligation', legalReference: 'Order 2026-117' }
            : {}),
        },
      });
    }
    const officer = await signedInAs(t.store, 'privacy-officer', { name: 'Pat Officer' });
    cookie = { name: 'pledge_console', value: officer.cookie.split('=')[1] as string, url: base };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('P0-28: passes axe in light and dark, fits 390 px, and reaches the inspection form by keyboard', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      await ctx.addCookies([cookie]);
      const page = await ctx.newPage();
      await page.goto(`${base}/console/recipients`, { waitUntil: 'networkidle' });
      expect([scheme, await axe(page)]).toEqual([scheme, []]);
      await page.screenshot({
        path: join(shots, `console-recipients${scheme === 'dark' ? '-dark' : ''}.png`),
        clip: { x: 0, y: 0, width: 1280, height: 2000 },
        fullPage: true,
      });
      await ctx.close();
    }
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.addCookies([cookie]);
    const page = await phone.newPage();
    await page.goto(`${base}/console/recipients`, { waitUntil: 'networkidle' });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.scroll).toBe(widths.viewport);
    expect(await page.textContent('main')).toContain('No logged audit or appraisal (P0-28)');

    // The keyboard reaches the business partners' inspection form (posting it is tested in
    // packages/server/test/console-recipients.test.ts; a browser submits console forms once the
    // console pages' CSP allows form-action 'self', which h-console brings).
    const form = page.locator('form[aria-label="Record an inspection of business-partners"]');
    await form.locator('select[name="kind"]').focus();
    // Kind, outcome, then the date's fields (a date input takes one Tab per part), then the button.
    const active = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 8 && (await active()) !== 'Record inspection'; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('Record inspection');
    await phone.close();
  });
});
