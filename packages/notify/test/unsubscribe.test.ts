import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, type Engine } from '@pledge/engine';
import { ManualClock } from '@pledge/jobs';
import type { Store } from '@pledge/store';
import { type MailSink, startMailSink } from '@pledge/testing/sinks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import { freshStore } from '../../store/test/backends.js';
import {
  createNotifier,
  type Notifier,
  parseMail,
  sealUnsubscribeToken,
  sendMarketing,
  unsubscribeHandler,
} from '../src/index.js';
import { backend } from './support.js';

const ALICE = 'canary-alice-6120@example.test';
const PIXEL = 'https://track.shop.example/open.gif';
const newsletter = {
  purpose: 'newsletter',
  categories: ['email'],
  facts: { jurisdiction: 'eu-gdpr' as const },
};

describe('marketing mail and unsubscribe', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let engine: Engine;
  let sink: MailSink;
  let notifier: Notifier;
  let http: Server;
  let base: string;

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(backend));
    engine = await createEngine({
      store,
      manifest: shopManifest(),
      subjectKey: 'notify-test-key-0123456789',
    });
    sink = await startMailSink();
    http = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    notifier = await createNotifier({
      db: store.db,
      clock: new ManualClock('2026-03-04T12:00:00Z'),
      smtp: { host: '127.0.0.1', port: sink.port, from: 'news@shop.example' },
      linkSecret: 'link-secret-0123456789abcdef',
      publicUrl: base,
    });
    handler = unsubscribeHandler(notifier, engine);
  });
  let handler: ReturnType<typeof unsubscribeHandler>;
  afterEach(async () => {
    await notifier.close();
    await sink.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await cleanup();
  });

  /** The message with quoted-printable soft breaks and escapes undone (to search the HTML part). */
  const decoded = (raw: string) =>
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  const linkIn = (raw: string) => {
    const text = parseMail(raw).text;
    const match = /(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_-]+)/.exec(text);
    if (!match?.[1]) throw new Error('no unsubscribe link');
    return match[1];
  };

  it('carries a working unsubscribe link: GET confirms, POST records the opt-out in the consent ledger', async () => {
    await engine.record(ALICE, [
      {
        type: 'consent-given',
        purposes: ['newsletter'],
        consentMode: 'opt-in',
        method: 'form',
        source: 'web',
        actor: 'subject',
      },
    ]);
    expect((await engine.decide({ subject: ALICE, ...newsletter })).allowed).toBe(true);
    const sent = await sendMarketing(notifier, {
      to: ALICE,
      list: 'newsletter',
      title: 'Spring',
      text: 'New shoes.',
      trackingPixelUrl: PIXEL,
    });
    expect(sent).toMatchObject({ ok: true, status: 'sent' });
    const mail = await sink.next();
    expect(decoded(mail.raw)).toContain(`<img src="${PIXEL}"`);
    expect(mail.raw).toMatch(/List-Unsubscribe:\s+<http/);
    const link = linkIn(mail.raw);
    // The link does not show the address.
    expect(link).not.toContain('alice');

    const page = await fetch(link, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain('退订');
    // A GET (a mail scanner following links) records nothing.
    expect((await engine.decide({ subject: ALICE, ...newsletter })).allowed).toBe(true);

    const done = await fetch(link, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed from “newsletter”');
    expect((await engine.decide({ subject: ALICE, ...newsletter })).allowed).toBe(false);

    // No more mail of that list; other mail carries no tracking.
    expect(
      await sendMarketing(notifier, { to: ALICE, list: 'newsletter', title: 'Again', text: 'x' }),
    ).toEqual({
      ok: false,
      code: 'unsubscribed',
      path: 'to',
    });
    const other = await sendMarketing(notifier, {
      to: ALICE,
      list: 'offers',
      title: 'Offer',
      text: 'y',
      trackingPixelUrl: PIXEL,
    });
    expect(other).toMatchObject({ ok: true, status: 'sent' });
    expect(sink.messages).toHaveLength(2);
    expect(decoded(sink.messages[1]?.raw ?? '')).toContain('/unsubscribe/');
    expect(decoded(sink.messages[1]?.raw ?? '')).not.toContain('track.shop.example');
  });

  it('refuses a forged or altered link with a 400 page and records nothing', async () => {
    const forged = sealUnsubscribeToken('another-secret-entirely-000', {
      subject: ALICE,
      address: ALICE,
      list: 'newsletter',
    });
    for (const token of [forged, `${forged.slice(0, -2)}AA`, 'short']) {
      const get = await fetch(`${base}/unsubscribe/${token}`);
      expect(get.status).toBe(400);
      const post = await fetch(`${base}/unsubscribe/${token}`, { method: 'POST' });
      expect(post.status).toBe(400);
    }
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect(
      await sendMarketing(notifier, { to: ALICE, list: 'newsletter', title: 't', text: 'x' }),
    ).toMatchObject({ ok: true });
  });

  const optIn = (purpose: string) =>
    engine.record(ALICE, [
      {
        type: 'consent-given',
        purposes: [purpose],
        consentMode: 'opt-in',
        method: 'form',
        source: 'web',
        actor: 'subject',
      },
    ]);
  /** The mail titled `title` (the sink keeps every message; `next` finds the first match). */
  const titled = async (title: string) => (await sink.next((m) => m.raw.includes(`Subject: ${title}`))).raw;
  const allowedBy = (subject: string, list: string) =>
    engine
      .decide({ subject, purpose: list, categories: ['email'], facts: { jurisdiction: 'eu-gdpr' } })
      .then((d) => d.allowed);

  it('P0-12: every promotional mail carries a working unsubscribe link, in text, HTML and List-Unsubscribe', async () => {
    for (const list of ['newsletter', 'health-tips']) {
      await optIn(list);
      const sent = await sendMarketing(notifier, { to: ALICE, list, title: list, text: 'News.' }, allowedBy);
      expect(sent).toMatchObject({ ok: true, status: 'sent' });
      const raw = await titled(list);
      const link = linkIn(raw);
      expect(decoded(raw)).toContain(`href="${link}"`);
      expect(raw).toMatch(/List-Unsubscribe-Post:\s+List-Unsubscribe=One-Click/);
      const done = await fetch(link, { method: 'POST' });
      expect(done.status).toBe(200);
      expect(await allowedBy(ALICE, list)).toBe(false);
    }
  });

  it('P0-13: after an opt-out no promotional mail is sent, while service mail continues', async () => {
    await optIn('newsletter');
    expect(
      await sendMarketing(notifier, { to: ALICE, list: 'newsletter', title: 'a', text: 'a' }, allowedBy),
    ).toMatchObject({ ok: true });
    await titled('a');
    // Withdrawn elsewhere (the privacy center, a request): the ledger stops the mail.
    await engine.record(ALICE, [
      {
        type: 'consent-withdrawn',
        purposes: ['newsletter'],
        method: 'privacy-center',
        source: 'web',
        actor: 'subject',
      },
    ]);
    expect(
      await sendMarketing(notifier, { to: ALICE, list: 'newsletter', title: 'b', text: 'b' }, allowedBy),
    ).toEqual({
      ok: false,
      code: 'consent-withdrawn',
      path: 'subject',
    });
    const service = await notifier.sendTemplate({
      channel: 'email',
      to: ALICE,
      template: 'verification-code',
      locale: 'en',
      vars: { code: '123456', minutes: '15' },
    });
    expect(service.status).toBe('sent');
    expect(await sink.next((m) => m.raw.includes('123456'))).toBeDefined();
    expect(sink.messages).toHaveLength(2);
  });

  it('P0-14: once unsubscribed, mail carries no open pixel and no click-tracked link', async () => {
    const mail = {
      to: ALICE,
      title: 'Spring',
      text: 'See the shop.',
      html: '<p><a href="https://shop.example/spring?a=1&amp;b=2">Spring</a></p>',
      trackingPixelUrl: PIXEL,
      clickTrackingUrl: 'https://track.shop.example/c?u=',
    };
    await sendMarketing(notifier, { ...mail, list: 'newsletter' });
    const tracked = decoded(await titled('Spring'));
    expect(tracked).toContain(`<img src="${PIXEL}"`);
    expect(tracked).toContain(
      `href="https://track.shop.example/c?u=${encodeURIComponent('https://shop.example/spring?a=1&b=2')}"`,
    );
    expect((await fetch(linkIn(tracked), { method: 'POST' })).status).toBe(200);

    await sendMarketing(notifier, { ...mail, title: 'Summer', list: 'health-tips' });
    const plain = decoded(await titled('Summer'));
    expect(plain).toContain('href="https://shop.example/spring?a=1&amp;b=2"');
    expect(plain).not.toContain('track.shop.example');
    expect(plain).toContain('/unsubscribe/');
  });
});
