import { createApiKey } from '@pledge/auth';
import { ManualClock } from '@pledge/jobs';
import { createNotifier, type Notifier, sendMarketing } from '@pledge/notify';
import { requestEvents } from '@pledge/requests';
import { listDisclosures } from '@pledge/store';
import { type MailSink, startMailSink } from '@pledge/testing/sinks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { loadManifest, REPO_ROOT } from '../fixtures.js';
import { type TestApp, testApp } from '../helpers.js';
import { apiClient } from './api-client.js';

/** Seed 001, the smart-camera app, as `examples/camera-app` deploys it. */
const camera = loadManifest(`${REPO_ROOT}examples/camera-app/pledge.yaml`);
const CN = { jurisdiction: 'cn-pipl' } as const;
const EU = { jurisdiction: 'eu-gdpr' } as const;

interface LedgerEvent {
  type: string;
  purposes: string[];
  method: string;
  policyVersion: string;
  policyHash: string;
  hash: string;
}

describe('camera app (seed 001) promises, driven through the running server', () => {
  let t: TestApp;
  let rt: Runtime;
  let key = '';
  let sink: MailSink;
  let notifier: Notifier;
  beforeAll(async () => {
    t = await testApp('pglite', { manifest: camera });
    const made = await createApiKey(t.store, {
      name: 'camera-promises',
      scopes: ['consent:write', 'decide', 'disclose', 'dsr', 'ledger:read'],
    });
    if (!made.ok) throw new Error(made.issue.message);
    key = made.created.secret;
    // The application's side of the same store: its engine decides marketing mail.
    rt = await openRuntime({ manifest: camera, source: 'test', store: t.store });
    sink = await startMailSink();
    notifier = await createNotifier({
      db: t.store.db,
      clock: new ManualClock('2026-03-04T12:00:00Z'),
      smtp: { host: '127.0.0.1', port: sink.port, from: 'news@camera.example' },
      linkSecret: 'camera-link-secret-0123456789abcdef',
      publicUrl: 'https://camera.example',
    });
  });
  afterAll(async () => {
    await notifier?.close();
    await sink?.close();
    await rt?.close();
    await t?.close();
  });

  const { call, decide, record } = apiClient(
    () => t,
    () => key,
  );
  async function ledgerOf(subject: string): Promise<LedgerEvent[]> {
    const res = await call('/v1/consents/query', { subject });
    expect(res.statusCode).toBe(200);
    return (res.json() as { events: LedgerEvent[] }).events;
  }
  const allowedBy = (subject: string, list: string) =>
    rt.engine.decide({ subject, purpose: list, categories: ['email'], facts: CN }).then((d) => d.allowed);

  it('P1-01: precise location for network configuration is decided only after a separate consent; an ordinary consent is not enough', async () => {
    const user = 'p1-01-location-canary';
    const location = {
      subject: user,
      purpose: 'service-network-config',
      categories: ['precise-location'],
      facts: CN,
    };
    const before = await decide(location);
    expect(before.allowed).toBe(false);
    expect(before.reasons).toContain('deny.separate-consent-required');

    await record(user, [
      { type: 'consent-given', purposes: ['service-network-config'], consentMode: 'opt-in' },
    ]);
    const plain = await decide(location);
    expect(plain.allowed).toBe(false);
    expect(plain.reasons).toContain('deny.separate-consent-required');

    await record(user, [
      { type: 'consent-given', purposes: ['service-network-config'], consentMode: 'separate' },
    ]);
    const after = await decide(location);
    expect(after.allowed).toBe(true);
    // The sensitive field is named for masking wherever it is shown.
    expect(after.obligations).toContainEqual({ kind: 'mask-fields', categories: ['precise-location'] });
  });

  it('P1-03: alarm screenshots are collected only while message reminders are on; turning them off stops new collection', async () => {
    const user = 'p1-03-reminder-canary';
    const screenshot = {
      subject: user,
      purpose: 'service-alarm-push',
      categories: ['alarm-screenshots'],
      facts: CN,
    };
    expect((await decide(screenshot)).allowed).toBe(false);

    await record(user, [
      { type: 'consent-given', purposes: ['service-alarm-push'], consentMode: 'separate' },
    ]);
    expect(await decide(screenshot)).toMatchObject({ allowed: true });

    await record(user, [{ type: 'consent-withdrawn', purposes: ['service-alarm-push'] }]);
    const off = await decide(screenshot);
    expect(off.allowed).toBe(false);
    expect(off.reasons).toContain('deny.consent-withdrawn');
  });

  it('P1-04: intercom audio is captured only with the microphone authorised; withdrawn, no audio is collected', async () => {
    const user = 'p1-04-intercom-canary';
    const audio = { subject: user, purpose: 'service-intercom', categories: ['intercom-audio'], facts: CN };
    expect((await decide(audio)).allowed).toBe(false);

    await record(user, [{ type: 'consent-given', purposes: ['service-intercom'], consentMode: 'separate' }]);
    expect((await decide(audio)).allowed).toBe(true);

    await record(user, [{ type: 'consent-withdrawn', purposes: ['service-intercom'] }]);
    expect(await decide(audio)).toMatchObject({ allowed: false, reasons: ['deny.consent-withdrawn'] });
  });

  it('P1-10: refusing one feature (intercom, alarm push, album) disables only that feature; account, binding and preview keep working', async () => {
    const user = 'p1-10-refusal-canary';
    const refused = [
      { purpose: 'service-intercom', categories: ['intercom-audio'] },
      { purpose: 'service-alarm-push', categories: ['alarm-screenshots'] },
      { purpose: 'service-save-to-album', categories: ['external-storage'] },
    ];
    await record(user, [
      { type: 'consent-given', purposes: refused.map((r) => r.purpose), consentMode: 'separate' },
    ]);
    for (const r of refused)
      expect((await decide({ subject: user, ...r, facts: CN })).allowed, r.purpose).toBe(true);
    await record(user, [{ type: 'consent-withdrawn', purposes: refused.map((r) => r.purpose) }]);

    for (const r of refused) {
      const d = await decide({ subject: user, ...r, facts: CN });
      expect(d.allowed, r.purpose).toBe(false);
    }
    const kept = [
      { purpose: 'service-account', categories: ['email', 'credentials'] },
      { purpose: 'service-device-binding', categories: ['device-serial'] },
      { purpose: 'service-remote-access', categories: ['camera-video'] },
    ];
    for (const k of kept) {
      const d = await decide({ subject: user, ...k, facts: CN });
      expect(d.allowed, k.purpose).toBe(true);
      expect(d.legalBasis).toBe('contract');
    }
  });

  it('P1-16: starting to use the app records acceptance of the current policy version, once per version', async () => {
    const user = 'p1-16-use-canary';
    const first = await call('/v1/use', { subject: user });
    expect(first.json()).toEqual({ recorded: true });
    expect((await call('/v1/use', { subject: user })).json()).toEqual({ recorded: false });

    const current = (
      await t.app.inject({ url: '/v1/policies/current', headers: { authorization: `Bearer ${key}` } })
    ).json() as { version: string; hash: string };
    const accepted = (await ledgerOf(user)).filter((e) => e.type === 'policy-accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      method: 'use-of-service',
      policyVersion: current.version,
      policyHash: current.hash,
    });
  });

  it('P1-18: marketing mail goes only to a user with a consent record, and each one carries opt-out instructions', async () => {
    const user = 'p1-18-marketing-canary@example.test';
    expect(
      await decide({ subject: user, purpose: 'marketing', categories: ['email'], facts: CN }),
    ).toMatchObject({
      allowed: false,
      reasons: ['deny.no-consent'],
    });
    const mail = { to: user, list: 'marketing', title: 'P1-18 spring offer', text: 'New cameras.' };
    expect(await sendMarketing(notifier, mail, allowedBy)).toMatchObject({ ok: false, path: 'subject' });

    await record(user, [{ type: 'consent-given', purposes: ['marketing'], consentMode: 'opt-in' }]);
    const marketing = await decide({ subject: user, purpose: 'marketing', categories: ['email'], facts: CN });
    expect(marketing).toMatchObject({ allowed: true, legalBasis: 'consent' });
    expect(await sendMarketing(notifier, mail, allowedBy)).toMatchObject({ ok: true, status: 'sent' });
    const raw = (await sink.next((m) => m.raw.includes('P1-18 spring offer'))).raw;
    expect(raw).toMatch(/List-Unsubscribe:\s+<https:\/\/camera\.example\/unsubscribe\//);
    expect(raw).toContain('https://camera.example/unsubscribe/');
  });

  it('P1-19: after a marketing opt-out marketing stops, while service and policy-change notices continue', async () => {
    const user = 'p1-19-optout-canary@example.test';
    await record(user, [{ type: 'consent-given', purposes: ['marketing'], consentMode: 'opt-in' }]);
    expect(await allowedBy(user, 'marketing')).toBe(true);
    await record(user, [{ type: 'consent-withdrawn', purposes: ['marketing'], method: 'email' }]);

    expect(await allowedBy(user, 'marketing')).toBe(false);
    expect(
      await sendMarketing(
        notifier,
        { to: user, list: 'marketing', title: 'P1-19 offer', text: 'x' },
        allowedBy,
      ),
    ).toEqual({ ok: false, code: 'consent-withdrawn', path: 'subject' });

    const notice = await decide({
      subject: user,
      purpose: 'service-notices',
      categories: ['email'],
      facts: CN,
    });
    expect(notice).toMatchObject({ allowed: true, legalBasis: 'contract' });
    const service = await notifier.sendTemplate({
      channel: 'email',
      to: user,
      template: 'verification-code',
      locale: 'en',
      vars: { code: '481516', minutes: '15' },
    });
    expect(service.status).toBe('sent');
    expect(await sink.next((m) => m.raw.includes('481516'))).toBeDefined();
    expect(sink.messages.some((m) => m.raw.includes('P1-19 offer'))).toBe(false);
  });

  it('P1-20: sweepstakes and contests use personal data only for users who agreed to take part', async () => {
    const user = 'p1-20-contest-canary';
    const contest = {
      subject: user,
      purpose: 'promotions',
      categories: ['account-name', 'email'],
      facts: CN,
    };
    expect((await decide(contest)).reasons).toContain('deny.no-consent');
    // Agreeing to marketing mail is not agreeing to take part.
    await record(user, [{ type: 'consent-given', purposes: ['marketing'], consentMode: 'opt-in' }]);
    expect((await decide(contest)).allowed).toBe(false);
    await record(user, [{ type: 'consent-given', purposes: ['promotions'], consentMode: 'opt-in' }]);
    expect(await decide(contest)).toMatchObject({ allowed: true, legalBasis: 'consent' });
  });

  it('P1-29: a disclosure to an authority, domestic or foreign, needs a named legal basis, and every attempt is logged', async () => {
    const subject = 'p129-canary';
    const body = {
      subject,
      recipient: 'authorities',
      purpose: 'legal-compliance',
      categories: ['phone'],
      facts: CN,
    };
    const onConsent = await call('/v1/disclosures', body);
    expect(onConsent.statusCode).toBe(403);
    expect(JSON.stringify(onConsent.json())).toContain('disclosure.authority-needs-legal-obligation');
    const noReference = await call('/v1/disclosures', { ...body, basis: 'legal-obligation' });
    expect(noReference.statusCode).toBe(400);
    expect(JSON.stringify(noReference.json())).toContain('legalReference');
    const compelled = await call('/v1/disclosures', {
      ...body,
      basis: 'legal-obligation',
      legalReference: 'Public security request 2026-118 (PIPL Art. 13(3))',
    });
    expect(compelled.statusCode).toBe(200);
    const hash = ((await call('/v1/consents/query', { subject })).json() as { subjectHash: string })
      .subjectHash;
    const log = await listDisclosures(t.store.db, { recipient: 'authorities', subjectHash: hash });
    // The request without a reference is malformed (400) and never reaches the decision; the
    // refused one on consent and the compelled one are both in the log.
    expect(log.map((e) => [e.allowed, e.basis])).toEqual(
      expect.arrayContaining([
        [false, 'consent'],
        [true, 'legal-obligation'],
      ]),
    );
    expect(log).toHaveLength(2);
  });

  it('P1-31: data of a user in China stays in China; sending it abroad needs the express consent, and is then recorded as the China outbound transfer', async () => {
    const user = 'p1-31-outbound-canary';
    const home = await decide({
      subject: user,
      purpose: 'service-account',
      categories: ['email'],
      destinationCountry: 'CN',
      facts: CN,
    });
    expect(home.allowed).toBe(true);
    expect(home.obligations.some((o) => o.kind === 'record-transfer')).toBe(false);

    const abroad = {
      subject: user,
      purpose: 'service-account',
      categories: ['email'],
      destinationCountry: 'US',
      facts: CN,
    };
    const refused = await decide(abroad);
    expect(refused.allowed).toBe(false);

    await record(user, [{ type: 'consent-given', purposes: ['service-account'], consentMode: 'separate' }]);
    const allowed = await decide(abroad);
    expect(allowed.allowed).toBe(true);
    expect(allowed.obligations).toContainEqual({
      kind: 'record-transfer',
      transfer: 'china-outbound',
      country: 'US',
    });
  });

  it('P1-32: an EEA user’s data goes abroad only under the declared SCC transfer, which the caller must record', async () => {
    const d = await decide({
      subject: 'p1-32-scc-canary',
      purpose: 'service-account',
      categories: ['email'],
      destinationCountry: 'US',
      facts: EU,
    });
    expect(d.allowed).toBe(true);
    const transfer = d.obligations.find((o) => o.kind === 'record-transfer');
    expect(transfer).toEqual({
      kind: 'record-transfer',
      transfer: 'international-operations',
      country: 'US',
    });
    const declared = camera.transfers?.transfers?.find((x) => x.id === transfer?.transfer);
    expect(declared?.mechanisms).toContain('scc');
  });

  it('P1-40: withdrawing consent stops the service from then on, and the earlier consent stays on the ledger unchanged', async () => {
    const user = 'p1-40-withdrawal-canary';
    const album = {
      subject: user,
      purpose: 'service-save-to-album',
      categories: ['external-storage'],
      facts: CN,
    };
    await record(user, [
      { type: 'consent-given', purposes: ['service-save-to-album'], consentMode: 'separate' },
    ]);
    expect((await decide(album)).allowed).toBe(true);
    const given = (await ledgerOf(user)).find((e) => e.type === 'consent-given');
    if (!given) throw new Error('the consent was not recorded');

    await record(user, [
      { type: 'consent-withdrawn', purposes: ['service-save-to-album'], method: 'privacy-center' },
    ]);
    expect(await decide(album)).toMatchObject({ allowed: false, reasons: ['deny.consent-withdrawn'] });
    const events = await ledgerOf(user);
    expect(events.map((e) => e.type)).toEqual(['consent-given', 'consent-withdrawn']);
    expect(events[0]).toEqual(given);
    const verify = await t.app.inject({
      url: '/v1/ledger/verify',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('P1-48: a denied request records, as its complaint route, that the person can complain to the cyberspace, telecom, public security and industry-and-commerce regulators', async () => {
    const filed = await call('/v1/requests', {
      right: 'erasure',
      jurisdiction: 'cn-pipl',
      contact: { kind: 'email', address: 'p1-48-complaint-canary@example.test' },
      identity: { 'user-id': ['p1-48-complaint-canary'] },
    });
    expect(filed.statusCode).toBe(201);
    const id = (filed.json() as { request: { id: string } }).request.id;
    expect((await call(`/v1/requests/${id}/verify`, { method: 'email-code' })).statusCode).toBe(200);
    const denied = await call(`/v1/requests/${id}/deny`, { grounds: ['unreasonably-repeated'] });
    expect(denied.statusCode, denied.body).toBe(200);

    const regulators = (camera.complaints?.regulators ?? []).map((r) => (typeof r === 'string' ? r : r.en));
    expect(regulators.length).toBe(4);
    const event = (await requestEvents(t.store.db, id)).find((e) => e.action === 'deny');
    const route = String((event?.detail as { complaintRoute?: string } | undefined)?.complaintRoute);
    for (const regulator of regulators) expect(route).toContain(regulator);
    // The request as the API answers it (what the reply to the person is written from).
    const shown = await t.app.inject({
      url: `/v1/requests/${id}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(shown.statusCode).toBe(200);
    const denial = (shown.json() as { request: { denial: { grounds: string[]; complaintRoute: string } } })
      .request.denial;
    expect(denial.grounds).toEqual(['unreasonably-repeated']);
    for (const regulator of regulators) expect(denial.complaintRoute).toContain(regulator);
  });

  it('P1-59: a user under 18 is served only with a recorded guardian consent; an adult is not asked for one', async () => {
    const minor = 'p1-59-minor-canary';
    const account = { purpose: 'service-account', categories: ['email'] };
    const before = await decide({ subject: minor, ...account, facts: { ...CN, age: 16 } });
    expect(before).toMatchObject({ allowed: false, reasons: ['deny.guardian-consent-required'] });
    // The EEA rule of the same policy: guardian consent under 18 too.
    expect((await decide({ subject: minor, ...account, facts: { ...EU, age: 17 } })).reasons).toContain(
      'deny.guardian-consent-required',
    );

    await record(minor, [{ type: 'guardian-consent', purposes: ['service-account'] }]);
    const after = await decide({ subject: minor, ...account, facts: { ...CN, age: 16 } });
    expect(after.allowed).toBe(true);
    expect(after.reasons).toContain('ok.guardian-consent');
    // The guardian's consent covers the purpose it names, not others.
    const other = await decide({
      subject: minor,
      purpose: 'service-device-binding',
      categories: ['device-serial'],
      facts: { ...CN, age: 16 },
    });
    expect(other.reasons).toContain('deny.guardian-consent-required');

    const adult = await decide({ subject: 'p1-59-adult-canary', ...account, facts: { ...CN, age: 18 } });
    expect(adult).toMatchObject({ allowed: true, reasons: ['ok.contract'] });
  });
});
