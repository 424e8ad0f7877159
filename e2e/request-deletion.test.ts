import { connectorsFromEnv } from '@pledge/dsr';
import { verifyWebhookSignature } from '@pledge/notify';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import { type MailSink, startMailSink, startWebhookSink, type WebhookSink } from '@pledge/testing/sinks';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antsentry, type TestApp, testApp } from '../packages/server/test/helpers.js';
import { listenLocally, screenshotDir } from './support/browser-page.js';
import { watch } from './support/journey.js';
import {
  belongsTo,
  openReferenceStores,
  type ReferenceStores,
  referenceStoresUp,
} from './support/reference-stores.js';
import { checkPage, confirmWithCode, reloadUntilState } from './support/visitor.js';

const shots = screenshotDir('pledge-deletion-shots-');
const up = browserAvailable() && (await referenceStoresUp());
const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789abcdef';
/** The users row stays as a tombstone row (its id is held for the login records); these fields are erased. */
const ERASED_USER_FIELDS = ['email', 'phone', 'name', 'password_hash', 'last_login_at', 'country'];

describe.runIf(up)('account deletion, carried out on the reference datastores, in a real browser', () => {
  let browser: Browser;
  let stores: ReferenceStores;
  let sink: MailSink;
  let hooks: WebhookSink;
  let t: TestApp;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    stores = await openReferenceStores();
    sink = await startMailSink();
    hooks = await startWebhookSink();
    t = await testApp('pglite', {
      smtp: { host: '127.0.0.1', port: sink.port, from: 'privacy@antsentry.example' },
      background: { pollMs: 200, connectors: connectorsFromEnv(stores.env) },
      webhookSecret: WEBHOOK_SECRET,
    });
    base = await listenLocally(t.app);
    // Every recipient takes its notices at the receiver, under its own path.
    for (const recipient of antsentry.recipients) {
      const res = await fetch(`${base}/v1/recipients/${recipient.id}/contact`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ webhookUrl: `${hooks.url}/${recipient.id}` }),
      });
      expect(res.status).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await t?.close();
    await hooks?.close();
    await sink?.close();
    await stores?.drop();
  });

  it('a deletion request ends with the rows gone, a tombstone, and an erasure notice received by a webhook receiver the test started', async () => {
    const subject = stores.subject(1);
    const userId = subject.userId as string;
    const email = subject.email as string;
    const before = await stores.snapshot();
    const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const problems = watch(page, base);
    await page.goto(`${base}/privacy/delete-account`);
    const sent = sink.messages.length;
    await page.fill('#rq-email', email);
    await page.check('#rq-confirm');
    await page.click('main button[type=submit]');
    const id = await confirmWithCode(page, sink, email, sent);
    await reloadUntilState(page, 'Completed');
    await checkPage(page, 'status (account deleted)', shots, 'privacy-center-status-deleted');

    const after = await stores.snapshot();
    // Nothing new; every other subject's rows and keys byte for byte as they were.
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([]);
    const mine = [...before].filter(([k, v]) => belongsTo(k, v, userId)).map(([k]) => k);
    expect(mine.length).toBeGreaterThan(0);
    for (const [key, value] of before)
      if (!mine.includes(key)) expect([key, after.get(key)]).toEqual([key, value]);
    // The subject's rows: deleted, except the users row (a tombstone row, its fields erased) and
    // the login records kept under the manifest's legal hold, unchanged.
    for (const key of mine) {
      const [, collection] = key.split('|');
      if (collection === 'login_logs') expect(after.get(key)).toBe(before.get(key));
      else if (collection === 'users') {
        const row = JSON.parse(after.get(key) as string) as Record<string, unknown>;
        expect(String(row.id)).toBe(userId);
        for (const field of ERASED_USER_FIELDS) expect([field, row[field]]).toEqual([field, null]);
      } else expect([key, after.has(key)]).toEqual([key, false]);
    }
    expect(JSON.stringify([...after.values()])).not.toContain(email);

    // The tombstone: the identifier was deregistered; another subject's was not.
    const asked = async (identifier: string) =>
      (
        (await (
          await fetch(`${base}/v1/subjects/deregistered`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ identifier }),
          })
        ).json()) as { deregistered: boolean }
      ).deregistered;
    expect(await asked(email)).toBe(true);
    expect(await asked(stores.subject(2).email as string)).toBe(false);

    // A recipient was told, with a signature the receiver checks.
    const notice = await hooks.next(() => true, 30_000);
    expect(
      verifyWebhookSignature(
        WEBHOOK_SECRET,
        notice.body,
        notice.headers['pledge-signature'] as string,
        new Date(),
      ),
    ).toEqual({ ok: true });
    expect(
      verifyWebhookSignature(
        'another-secret-0123456789abcdef',
        notice.body,
        notice.headers['pledge-signature'] as string,
        new Date(),
      ).ok,
    ).toBe(false);
    // It names the request and whom it is about, so the recipient can erase its copy.
    const { data } = JSON.parse(notice.body) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ right: 'deregistration', requestId: id, subjectRef: email });
    expect(problems).toEqual([]);
  });
});
