import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  antsentryWith,
  backends,
  documentChecker,
  ledgerCount,
  post,
  type TestApp,
  testApp,
} from './helpers.js';

/** AntSentry with personalisation marked as targeted advertising, so a GPC signal applies to it. */
const manifest = antsentryWith((m) => {
  m.purposes.find((p) => p.id === 'personalisation')!.targetedAdvertising = true;
});

const newsletter = { purpose: 'marketing-emails', categories: ['email'], facts: { jurisdiction: 'cn-pipl' } };
const ads = { purpose: 'personalisation', categories: ['ip-address'], facts: { jurisdiction: 'us-ca-ccpa' } };

describe.each(backends)('the /v1 API on %s', (kind) => {
  let t: TestApp;
  let check: Awaited<ReturnType<typeof documentChecker>>;
  /** Asserts the answer is documented in /docs/json and matches its schema. */
  const documented = (method: 'get' | 'post', path: string, res: LightMyRequestResponse) =>
    expect(check(method, path, res)).toEqual([]);

  beforeAll(async () => {
    t = await testApp(kind, { manifest });
    check = await documentChecker(t.app);
  });
  afterAll(() => t.close());

  it('records consent, decides with it, and denies after withdrawal', async () => {
    const subject = 'user-consent-1';
    const before = await post(t.app, '/v1/decide', { subject, ...newsletter });
    expect(before.json()).toMatchObject({ allowed: false, reasons: ['deny.no-consent'] });
    documented('post', '/v1/decide', before);

    const given = await post(t.app, '/v1/consents', {
      subject,
      events: [
        { type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in', source: 'web' },
      ],
    });
    expect(given.statusCode).toBe(201);
    documented('post', '/v1/consents', given);
    const [event] = given.json().events;
    expect(event).toMatchObject({
      seq: expect.any(Number),
      id: expect.any(String),
      hash: expect.any(String),
    });

    const allowed = await post(t.app, '/v1/decide', { subject, ...newsletter });
    expect(allowed.json()).toMatchObject({ allowed: true, legalBasis: 'consent', reasons: ['ok.consent'] });

    const withdrawn = await post(t.app, '/v1/consents', {
      subject,
      events: [{ type: 'consent-withdrawn', purposes: ['marketing-emails'], method: 'privacy-center' }],
    });
    expect(withdrawn.statusCode).toBe(201);
    const after = await post(t.app, '/v1/decide', { subject, ...newsletter });
    expect(after.json()).toMatchObject({ allowed: false });
    expect(after.json().reasons).toContain('deny.consent-withdrawn');

    const query = await post(t.app, '/v1/consents/query', { subject });
    expect(query.statusCode).toBe(200);
    documented('post', '/v1/consents/query', query);
    const body = query.json();
    expect(body.events.map((e: { type: string }) => e.type)).toEqual(['consent-given', 'consent-withdrawn']);
    expect(body.events[0]).toMatchObject({
      seq: event.seq,
      subjectHash: body.subjectHash,
      policyVersion: '2022-01-20',
      consentMode: 'opt-in',
      method: 'api',
      source: 'web',
      actor: 'subject',
    });
    expect(new Date(body.events[0].occurredAt).toISOString()).toBe(body.events[0].occurredAt);
    expect(query.body).not.toContain(subject);
  });

  it('a Global Privacy Control signal, recorded or sent as a fact, opts out of targeted advertising', async () => {
    const subject = 'user-gpc-1';
    expect((await post(t.app, '/v1/decide', { subject, ...ads })).json()).toMatchObject({ allowed: true });
    const asFact = await post(t.app, '/v1/decide', { subject, ...ads, facts: { ...ads.facts, gpc: true } });
    expect(asFact.json()).toMatchObject({ allowed: false, reasons: ['deny.gpc'] });

    const seen = await post(t.app, '/v1/consents', {
      subject,
      events: [{ type: 'signal-seen', signal: 'gpc', method: 'header', source: 'web' }],
    });
    expect(seen.statusCode).toBe(201);
    const recorded = await post(t.app, '/v1/decide', { subject, ...ads });
    expect(recorded.json()).toMatchObject({ allowed: false, reasons: ['deny.gpc'] });
    // An explicit choice for the purpose outranks the signal.
    await post(t.app, '/v1/consents', {
      subject,
      events: [{ type: 'consent-given', purposes: ['personalisation'], consentMode: 'opt-in' }],
    });
    expect((await post(t.app, '/v1/decide', { subject, ...ads })).json()).toMatchObject({ allowed: true });
  });

  it('records use of the service as acceptance once per version', async () => {
    const subject = 'user-use-1';
    const browse = { subject, purpose: 'browse-website', categories: ['ip-address'] };
    expect((await post(t.app, '/v1/decide', browse)).json()).toMatchObject({ allowed: false });
    const first = await post(t.app, '/v1/use', { subject, source: 'web' });
    expect(first.json()).toEqual({ recorded: true });
    documented('post', '/v1/use', first);
    expect((await post(t.app, '/v1/use', { subject })).json()).toEqual({ recorded: false });
    expect((await post(t.app, '/v1/decide', browse)).json()).toMatchObject({ allowed: true });
    const events = (await post(t.app, '/v1/consents/query', { subject })).json().events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'policy-accepted', method: 'use-of-service', source: 'web' });
  });

  it('decides a batch like the single route, in order', async () => {
    const requests = [
      { subject: 'user-consent-1', ...newsletter },
      { subject: 'user-batch-1', ...ads, facts: { ...ads.facts, gpc: true } },
      { ...ads },
      { subject: 'user-use-1', purpose: 'browse-website', categories: ['ip-address'] },
      { subject: 'user-gpc-1', purpose: 'no-such-purpose', categories: ['email'] },
    ];
    const batch = await post(t.app, '/v1/decide/batch', { requests });
    expect(batch.statusCode).toBe(200);
    documented('post', '/v1/decide/batch', batch);
    const singles = await Promise.all(requests.map(async (r) => (await post(t.app, '/v1/decide', r)).json()));
    expect(batch.json().decisions).toEqual(singles);
    expect(singles.map((d) => d.allowed)).toEqual([false, false, true, true, false]);
    expect(singles[4].reasons).toContain('deny.unknown-purpose');
  });

  it('verifies the ledger and serves the change feed in pages', async () => {
    const total = await ledgerCount(t.store);
    const verify = await t.app.inject({ url: '/v1/ledger/verify' });
    expect(verify.json()).toEqual({ ok: true, events: total, headSeq: total, headHash: expect.any(String) });
    documented('get', '/v1/ledger/verify', verify);

    const first = await t.app.inject({ url: '/v1/ledger/changes?after=0&limit=2' });
    documented('get', '/v1/ledger/changes', first);
    expect(first.json().events.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(first.json().lastSeq).toBe(2);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = (await t.app.inject({ url: `/v1/ledger/changes?after=${after}&limit=2` })).json();
      if (page.events.length === 0) {
        expect(page.lastSeq).toBe(after);
        break;
      }
      seen.push(...page.events.map((e: { seq: number }) => e.seq));
      after = page.lastSeq;
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const all = (await t.app.inject({ url: '/v1/ledger/changes' })).json();
    expect(all.events).toHaveLength(total);
    expect(all.events.at(-1).hash).toBe(verify.json().headHash);
  });

  it('lists the policy versions and serves the one in force, rendered', async () => {
    const list = await t.app.inject({ url: '/v1/policies' });
    documented('get', '/v1/policies', list);
    expect(list.json().versions).toEqual([
      {
        seq: 1,
        version: '2022-01-20',
        hash: expect.stringMatching(/^sha256:/),
        publishedAt: expect.any(String),
        renewalPurposes: [],
        changes: [],
        acceptedLint: expect.arrayContaining([expect.objectContaining({ rule: 'ref.unknown-purpose' })]),
      },
    ]);
    const current = await t.app.inject({ url: '/v1/policies/current' });
    documented('get', '/v1/policies/current', current);
    expect(current.json()).toMatchObject({
      seq: 1,
      version: '2022-01-20',
      hash: list.json().versions[0].hash,
    });
    expect(current.json().manifest).toEqual(JSON.parse(JSON.stringify(manifest)));

    const md = await t.app.inject({ url: '/v1/policy/rendered?lang=zh-CN&format=md' });
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# AntSentry 隐私政策/);
    documented('get', '/v1/policy/rendered', md);
    const html = await t.app.inject({ url: '/v1/policy/rendered' });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<html lang="en">');
  });

  it('serves the SDK configuration to loopback clients in development mode (no key)', async () => {
    const res = await t.app.inject({ url: '/v1/sdk/config' });
    expect(res.statusCode).toBe(200);
    documented('get', '/v1/sdk/config', res);
    const config = res.json();
    expect(config).toMatchObject({ version: '2022-01-20', lastSeq: await ledgerCount(t.store) });
    expect(config.versions).toEqual([
      { seq: 1, version: '2022-01-20', renewalPurposes: [], material: false },
    ]);
    // The key is the one the ledger hashes subjects with.
    const { subjectHash } = (await post(t.app, '/v1/consents/query', { subject: 'user-gpc-1' })).json();
    expect(createHmac('sha256', config.subjectKey).update('user-gpc-1').digest('base64url')).toBe(
      subjectHash,
    );

    const remote = await t.app.inject({ url: '/v1/sdk/config', remoteAddress: '203.0.113.7' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('dev-mode-local-only');
    expect(remote.body).not.toContain(config.subjectKey);
    documented('get', '/v1/sdk/config', remote);
    const v6 = await t.app.inject({ url: '/v1/sdk/config', remoteAddress: '::1' });
    expect(v6.statusCode).toBe(200);
  });
});
