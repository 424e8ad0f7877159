import { readFile } from 'node:fs/promises';
import { type AccessDocument, connectorsFromEnv, unzipPackage } from '@pledge/dsr';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import { type MailSink, startMailSink } from '@pledge/testing/sinks';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../packages/server/test/helpers.js';
import { listenLocally, screenshotDir } from './support/browser-page.js';
import { watch } from './support/journey.js';
import { openReferenceStores, type ReferenceStores, referenceStoresUp } from './support/reference-stores.js';
import { checkPage, confirmWithCode, reloadUntilState } from './support/visitor.js';

const shots = screenshotDir('pledge-access-package-shots-');
const up = browserAvailable() && (await referenceStoresUp());

describe.runIf(up)('a copy of the data, carried out on the reference datastores, in a real browser', () => {
  let browser: Browser;
  let stores: ReferenceStores;
  let sink: MailSink;
  let t: TestApp;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    stores = await openReferenceStores();
    sink = await startMailSink();
    t = await testApp('pglite', {
      smtp: { host: '127.0.0.1', port: sink.port, from: 'privacy@antsentry.example' },
      background: { pollMs: 200, connectors: connectorsFromEnv(stores.env) },
    });
    base = await listenLocally(t.app);
  }, 120_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await t?.close();
    await sink?.close();
    await stores?.drop();
  });

  it('a visitor asks for a copy, reads the code from an SMTP server the test started, verifies, and downloads a package holding their rows from the reference datastores', async () => {
    const subject = stores.subject(1);
    const other = stores.subject(2);
    const email = subject.email as string;
    const before = await stores.snapshot();
    const ctx = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const problems = watch(page, base);
    await page.goto(`${base}/privacy/requests/new?right=access`);
    const sent = sink.messages.length;
    await page.fill('#rq-email', email);
    await page.selectOption('#rq-jurisdiction', 'cn-pipl');
    await page.click('main button[type=submit]');
    await confirmWithCode(page, sink, email, sent);
    await reloadUntilState(page, 'Completed');
    await checkPage(page, 'status (package ready)', shots, 'privacy-center-status-download');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
    const files = unzipPackage(new Uint8Array(await readFile(await download.path())));
    const doc = JSON.parse(files['access.json'] as string) as AccessDocument;
    const counts = Object.fromEntries(
      doc.collections.map((c) => [`${c.dataset}.${c.collection}`, c.rows.length]),
    );
    expect(counts).toEqual(subject.rows);
    const text = JSON.stringify(doc.collections);
    expect(text).toContain(email);
    expect(text).not.toContain(other.email as string);
    const users = doc.collections.find((c) => c.collection === 'users')?.rows ?? [];
    expect(users.map((r) => String(r.id))).toEqual([subject.userId]);
    for (const c of doc.collections) {
      for (const row of c.rows) if ('user_id' in row) expect(String(row.user_id)).toBe(subject.userId);
    }
    // Reading changes nothing.
    expect(await stores.snapshot()).toEqual(before);
    expect(problems).toEqual([]);
  });
});
