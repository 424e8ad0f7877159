import { join } from 'node:path';
import { createConsoleUser, findConsoleUser } from '@pledge/auth';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../packages/server/test/console-session.js';
import { antsentryWith, type TestApp, testApp } from '../packages/server/test/helpers.js';
import { axe, listenLocally, screenshotDir } from './support/browser-page.js';

const shots = screenshotDir('pledge-users-shots-');

describe.runIf(browserAvailable())('the console users page in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let cookie: { name: string; value: string; url: string };
  const contexts: BrowserContext[] = [];

  async function page(scheme: 'light' | 'dark', viewport = { width: 1280, height: 900 }): Promise<Page> {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport });
    await ctx.addCookies([cookie]);
    contexts.push(ctx);
    return ctx.newPage();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await testApp('pglite', {
      manifest: antsentryWith((m) => {
        if (m.security) m.security.personalDataAccessCap = 2;
      }),
    });
    base = await listenLocally(t.app);
    const owner = await signedInAs(t.store, 'owner', { name: 'Olu Owner', email: 'olu@console.test' });
    cookie = { name: 'pledge_console', value: owner.cookie.split('=')[1] as string, url: base };
    for (const [email, name, role] of [
      ['sam@console.test', 'Sam Support', 'support-agent'],
      ['eli@console.test', 'Eli Engineer', 'engineer'],
    ] as const) {
      const made = await createConsoleUser(t.store, {
        email,
        name,
        role,
        actor: owner.user.id,
        confidentialityAcknowledged: role !== 'engineer',
      });
      if (!made.ok) throw new Error(made.issue.code);
    }
  }, 120_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await t?.close();
  });

  it('passes axe in light and dark and fits a 390 px phone', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const p = await page(scheme);
      await p.goto(`${base}/console/users`, { waitUntil: 'networkidle' });
      expect([scheme, await axe(p)]).toEqual([scheme, []]);
      await p.screenshot({
        path: join(shots, `console-users${scheme === 'dark' ? '-dark' : ''}.png`),
        fullPage: true,
      });
    }
    const phone = await page('light', { width: 390, height: 844 });
    await phone.goto(`${base}/console/users`, { waitUntil: 'networkidle' });
    const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBe(widths[1]);
  });

  it('creates a user through the form (password shown once) and shows the cap refusal with its code', async () => {
    const p = await page('light');
    await p.goto(`${base}/console/users`);
    await p.getByLabel('E-mail').fill('ada@console.test');
    await p.getByLabel('Name', { exact: true }).fill('Ada Auditor');
    await p.locator('form[action="/console/users"] select[name="role"]').selectOption('auditor');
    await p.getByRole('button', { name: 'Create user' }).click();
    await p.waitForLoadState('networkidle');
    expect(await p.locator('.secret').textContent()).toContain('Temporary password:');
    expect(await p.locator('.secret code').first().textContent()).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await findConsoleUser(t.store, 'ada@console.test'))?.role).toBe('auditor');
    // The owner and the support agent hold both places: granting a third is refused.
    const eli = await findConsoleUser(t.store, 'eli@console.test');
    const row = p.locator(`form[action="/console/users/${eli!.id}/role"]`);
    await row.locator('select').selectOption('privacy-officer');
    await row.getByLabel('confidentiality on record').check();
    await row.getByRole('button', { name: 'Change role' }).click();
    await p.waitForLoadState('networkidle');
    expect(await p.getByRole('alert').textContent()).toContain('personal-data-cap-reached');
    expect(await axe(p)).toEqual([]);
    await p.screenshot({ path: join(shots, 'console-users-refused.png'), fullPage: true });
    expect((await findConsoleUser(t.store, 'eli@console.test'))?.role).toBe('engineer');
  });
});
