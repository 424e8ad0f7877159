import { readFileSync } from 'node:fs';
import type { Manifest } from '@pledge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.js';
import { REPO_ROOT } from './fixtures.js';
import {
  antsentry,
  antsentryWith,
  backends,
  documentChecker,
  freshStore,
  ledgerCount,
  post,
  TEST_SUBJECT_KEY,
  type TestApp,
  testApp,
  versionCount,
} from './helpers.js';

const yaml = readFileSync(`${REPO_ROOT}examples/antsentry/pledge.yaml`, 'utf8');
const newsletter = { purpose: 'marketing-emails', categories: ['email'], facts: { jurisdiction: 'cn-pipl' } };
/** A new version in which the newsletter also uses the cookie id: consent to it must be given again. */
const widened: Manifest = antsentryWith((m) => {
  m.policy.version = '2026-01-01';
  m.purposes.find((p) => p.id === 'marketing-emails')!.categories.push('cookie-id');
});
const optIn = { type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in' };

describe.each(backends)('publishing policy versions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it('the same manifest again, as YAML, is a no-op', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/policies',
      headers: { 'content-type': 'application/yaml' },
      payload: yaml,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: false, policy: { seq: 1, version: '2022-01-20' } });
    expect(await versionCount(t.store)).toBe(1);
    expect((await documentChecker(t.app))('post', '/v1/policies', res)).toEqual([]);
  });

  it('a new version that reopens consent makes older consents need renewal', async () => {
    const subject = 'user-renewal-1';
    await post(t.app, '/v1/consents', { subject, events: [optIn] });
    expect((await post(t.app, '/v1/decide', { subject, ...newsletter })).json()).toMatchObject({
      allowed: true,
    });

    const published = await post(t.app, '/v1/policies', widened);
    expect(published.statusCode).toBe(201);
    expect((await documentChecker(t.app))('post', '/v1/policies', published)).toEqual([]);
    const { policy } = published.json();
    expect(published.json().created).toBe(true);
    expect(policy).toMatchObject({ seq: 2, version: '2026-01-01' });
    expect(policy.renewalPurposes).toContain('marketing-emails');
    expect(policy.changes.map((c: { code: string }) => c.code)).toContain('purpose-categories-widened');

    const stale = await post(t.app, '/v1/decide', { subject, ...newsletter });
    expect(stale.json()).toMatchObject({ allowed: false, reasons: ['deny.consent-needs-renewal'] });

    // The policy in force is the new one, everywhere.
    expect((await t.app.inject({ url: '/v1/policies/current' })).json()).toMatchObject({ seq: 2 });
    expect((await t.app.inject({ url: '/healthz' })).json().policy.version).toBe('2026-01-01');
    const versions = (await t.app.inject({ url: '/v1/policies' })).json().versions;
    expect(versions.map((v: { seq: number }) => v.seq)).toEqual([1, 2]);
    const config = (await t.app.inject({ url: '/v1/sdk/config' })).json();
    expect(config.versions[1]).toMatchObject({
      seq: 2,
      renewalPurposes: expect.arrayContaining(['marketing-emails']),
    });

    // Consent given under the new version counts again; it is stamped with that version.
    const renewed = await post(t.app, '/v1/consents', { subject, events: [optIn] });
    expect(renewed.statusCode).toBe(201);
    expect((await post(t.app, '/v1/decide', { subject, ...newsletter })).json()).toMatchObject({
      allowed: true,
    });
    const events = (await post(t.app, '/v1/consents/query', { subject })).json().events;
    expect(events.map((e: { policyVersion: string }) => e.policyVersion)).toEqual([
      '2022-01-20',
      '2026-01-01',
    ]);
  });

  it('publishing an older manifest again does not roll the policy back', async () => {
    const res = await post(t.app, '/v1/policies', antsentry);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: false, policy: { seq: 1 } });
    expect((await t.app.inject({ url: '/v1/policies/current' })).json()).toMatchObject({ seq: 2 });
    expect((await t.app.inject({ url: '/healthz' })).json().policy.version).toBe('2026-01-01');
  });

  it('an invalid manifest is a 400 with issues (YAML issues carry line and column) and stores nothing', async () => {
    const versions = await versionCount(t.store);
    const events = await ledgerCount(t.store);
    const badYaml = yaml.replace('useMeansAcceptance: any-use', 'useMeansAcceptance: sometimes');
    const y = await t.app.inject({
      method: 'POST',
      url: '/v1/policies',
      headers: { 'content-type': 'application/yaml' },
      payload: badYaml,
    });
    expect(y.statusCode).toBe(400);
    const issue = y.json().error.issues[0];
    expect(issue).toMatchObject({ path: 'policy.useMeansAcceptance', code: 'schema.invalid_value' });
    expect(issue.line).toBe(badYaml.split('\n').findIndex((l) => l.includes('sometimes')) + 1);
    expect(issue.column).toEqual(expect.any(Number));

    const syntax = await t.app.inject({
      method: 'POST',
      url: '/v1/policies',
      headers: { 'content-type': 'application/yaml' },
      payload: 'pledge: 1\npolicy: [unclosed\n',
    });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error.issues[0]).toMatchObject({
      code: 'manifest.yaml-syntax',
      line: expect.any(Number),
    });

    const json = await post(t.app, '/v1/policies', {
      ...antsentry,
      policy: { ...antsentry.policy, version: 7 },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.issues).toContainEqual(
      expect.objectContaining({ path: 'policy.version', code: 'schema.invalid_type' }),
    );
    const unknown = await post(t.app, '/v1/policies', { ...antsentry, extra: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toContainEqual(expect.objectContaining({ path: 'extra' }));
    expect(await versionCount(t.store)).toBe(versions);
    expect(await ledgerCount(t.store)).toBe(events);
  });
});

describe.runIf(backends.includes('postgres'))('two workers sharing one PostgreSQL database', () => {
  it('share the ledger and follow a version published by the other', async () => {
    const { store, cleanup } = await freshStore('postgres');
    const { openStore } = await import('@pledge/store');
    const url = store.pool!.options.connectionString!;
    const second = await openStore({ url });
    const a = await buildServer({ manifest: antsentry, logger: false, store, subjectKey: TEST_SUBJECT_KEY });
    const b = await buildServer({
      manifest: antsentry,
      logger: false,
      store: second,
      subjectKey: TEST_SUBJECT_KEY,
    });
    try {
      // Concurrent writes through both workers make one unbroken chain.
      const writes = Array.from({ length: 20 }, (_, i) =>
        post(i % 2 ? a : b, '/v1/consents', { subject: `worker-${i % 5}`, events: [optIn, optIn] }),
      );
      expect((await Promise.all(writes)).map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      expect((await b.inject({ url: '/v1/ledger/verify' })).json()).toMatchObject({ ok: true, events: 40 });
      // Both see the same subject key and events.
      const viaA = (await post(a, '/v1/consents/query', { subject: 'worker-1' })).json();
      const viaB = (await post(b, '/v1/consents/query', { subject: 'worker-1' })).json();
      expect(viaB).toEqual(viaA);

      expect((await post(a, '/v1/policies', widened)).statusCode).toBe(201);
      // Worker b reads the new version on the next policy read (and on its sync timer otherwise).
      expect((await b.inject({ url: '/v1/policies/current' })).json()).toMatchObject({ seq: 2 });
      const stale = await post(b, '/v1/decide', { subject: 'worker-1', ...newsletter });
      expect(stale.json().reasons).toEqual(['deny.consent-needs-renewal']);
      // A worker restarted with the old manifest file keeps the latest version in force.
      const restarted = await buildServer({
        manifest: antsentry,
        logger: false,
        store: second,
        subjectKey: TEST_SUBJECT_KEY,
      });
      expect((await restarted.inject({ url: '/healthz' })).json().policy.version).toBe('2026-01-01');
      await restarted.close();
    } finally {
      await a.close();
      await b.close();
      await second.close();
      await cleanup();
    }
  });
});
