import { join } from 'node:path';
import { enqueueMessage, logInbound, migrateNotify } from '@pledge/notify';
import { receiveRequest, transitionRequest } from '@pledge/requests';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../packages/server/test/console-session.js';
import { antsentry, type TestApp, testApp } from '../packages/server/test/helpers.js';
import { axe, listenLocally, screenshotDir } from './support/browser-page.js';

const shots = screenshotDir('pledge-requests-shots-');

describe.runIf(browserAvailable())('the request queue in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let cookie: { name: string; value: string; url: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await testApp('pglite', { apiToken: 'e2e-requests-token-0123456789' });
    base = await listenLocally(t.app);
    const actor = { kind: 'requester', id: 'privacy-center' } as const;
    const seeds = [
      { right: 'access', jurisdiction: 'eu-gdpr', address: 'queue-a@example.test' },
      { right: 'erasure', jurisdiction: 'cn-pipl', address: 'queue-b@example.test' },
      { right: 'opt-out-sale-share', jurisdiction: 'us-ca-ccpa', address: 'queue-c@example.test' },
    ] as const;
    for (const seed of seeds) {
      const r = await receiveRequest(
        t.store.db,
        {
          right: seed.right,
          channel: 'privacy-center',
          contact: { kind: 'email', address: seed.address },
          jurisdiction: seed.jurisdiction,
        },
        { actor, manifest: antsentry },
      );
      if (!r.ok) throw new Error(r.code);
      if (seed.right === 'access') {
        await transitionRequest(
          t.store.db,
          r.request.id,
          { action: 'verify', method: 'email-code' },
          { actor },
        );
      }
    }
    const now = new Date();
    await migrateNotify(t.store.db);
    await enqueueMessage(
      t.store.db,
      {
        channel: 'email',
        recipient: 'queue-a@example.test',
        subject: 'Your code',
        template: 'verification-code',
        body: { text: 'Your code is 123456' },
      },
      now,
      true,
    );
    await enqueueMessage(
      t.store.db,
      {
        channel: 'webhook',
        recipient: 'https://hooks.example.test/notice',
        template: 'erasure-notice',
        body: { json: {} },
      },
      now,
    );
    await logInbound(t.store.db, {
      from: 'letter-writer@mail.test',
      to: ['privacy@antsentry.example'],
      raw: Buffer.from(
        'From: letter-writer@mail.test\r\nSubject: Copy of my data\r\n\r\nPlease send me a copy of my data.\r\n',
      ),
      receivedAt: now,
    });
    const officer = await signedInAs(t.store, 'privacy-officer', { name: 'Pat Officer' });
    cookie = { name: 'pledge_console', value: officer.cookie.split('=')[1] as string, url: base };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('passes axe in light and dark, fits 390 px, and shows no contact address', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      await ctx.addCookies([cookie]);
      const page = await ctx.newPage();
      await page.goto(`${base}/console/requests`, { waitUntil: 'networkidle' });
      expect([scheme, await axe(page)]).toEqual([scheme, []]);
      await page.screenshot({
        path: join(shots, `console-requests${scheme === 'dark' ? '-dark' : ''}.png`),
        fullPage: true,
      });
      await ctx.close();
    }
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.addCookies([cookie]);
    const page = await phone.newPage();
    await page.goto(`${base}/console/requests`, { waitUntil: 'networkidle' });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.scroll).toBe(widths.viewport);
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('3 requests');
    expect(text).not.toContain('@example.test');
    await phone.close();
  });

  it('shows the outbox and inbox (axe light and dark, 390 px) and turns a received mail into a request', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      await ctx.addCookies([cookie]);
      const page = await ctx.newPage();
      await page.goto(`${base}/console/outbox`, { waitUntil: 'networkidle' });
      expect([scheme, await axe(page)]).toEqual([scheme, []]);
      await page.screenshot({
        path: join(shots, `console-outbox${scheme === 'dark' ? '-dark' : ''}.png`),
        fullPage: true,
      });
      await ctx.close();
    }
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.addCookies([cookie]);
    const page = await phone.newPage();
    await page.goto(`${base}/console/outbox`, { waitUntil: 'networkidle' });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.scroll).toBe(widths.viewport);
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('1 held');
    expect(text).toContain('Copy of my data');
    expect(text).not.toContain('123456');
    expect(text).not.toContain('queue-a@example.test');
    await page.getByRole('button', { name: 'Retry now' }).click();
    await page.waitForURL(`${base}/console/outbox`);
    expect(await page.getByRole('button', { name: 'Retry now' }).count()).toBe(0);
    const form = page.getByRole('form', { name: /Turn .* into a request/ });
    await form.getByLabel('Right').selectOption('access');
    await form.getByLabel('Jurisdiction').selectOption('eu-gdpr');
    await form.getByRole('button', { name: 'Turn into a request' }).click();
    await page.waitForURL(`${base}/console/requests`);
    expect((await page.textContent('main')) ?? '').toContain('4 requests');
    await phone.close();
  });
});
