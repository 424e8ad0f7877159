import { readFile } from 'node:fs/promises';
import { LEDGER_CHANNEL as STORE_CHANNEL, subjectHash as storeSubjectHash } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import {
  createClient,
  LEDGER_CHANNEL,
  PledgeApiError,
  type PledgeClient,
  subjectHash,
} from '../src/index.js';
import { startServer, type TestServer } from './support/server.js';

const SUBJECT = 'canary-carol@example.test';

let server: TestServer;
let client: PledgeClient;

beforeAll(async () => {
  server = await startServer('pglite');
  client = createClient({ baseUrl: `${server.baseUrl}/`, apiKey: server.token });
});
afterAll(() => server.close());

/** The rejection of `promise`, which must be a PledgeApiError. */
async function apiError(promise: Promise<unknown>): Promise<PledgeApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PledgeApiError);
  return error as PledgeApiError;
}

describe('typed client', () => {
  it('covers the consent, decision and ledger routes', async () => {
    const recorded = await client.recordConsent(SUBJECT, [
      {
        type: 'consent-given',
        purposes: ['newsletter'],
        consentMode: 'opt-in',
        method: 'banner',
        source: 'web',
      },
      { type: 'signal-seen', signal: 'gpc' },
    ]);
    expect(recorded.events).toHaveLength(2);
    expect(recorded.events[1]!.seq).toBe(recorded.events[0]!.seq + 1);

    const config = await client.sdkConfig();
    const query = await client.queryConsents(SUBJECT);
    // The SDK hashes subjects like the store does, with the key from the SDK config.
    expect(query.subjectHash).toBe(subjectHash(config.subjectKey, SUBJECT));
    expect(subjectHash(config.subjectKey, SUBJECT)).toBe(storeSubjectHash(config.subjectKey, SUBJECT));
    expect(LEDGER_CHANNEL).toBe(STORE_CHANNEL);
    expect(query.events.map((e) => e.type)).toEqual(['consent-given', 'signal-seen']);
    expect(JSON.stringify(query)).not.toContain(SUBJECT);

    const decision = await client.decide({
      subject: SUBJECT,
      purpose: 'newsletter',
      categories: ['email'],
      facts: { jurisdiction: 'eu-gdpr' },
    });
    expect(decision).toMatchObject({ allowed: true, legalBasis: 'consent', reasons: ['ok.consent'] });
    const batch = await client.decideBatch([
      { subject: SUBJECT, purpose: 'newsletter', categories: ['email'], facts: { jurisdiction: 'eu-gdpr' } },
      { purpose: 'newsletter', categories: ['email'], facts: { jurisdiction: 'eu-gdpr' } },
    ]);
    expect(batch.decisions.map((d) => d.allowed)).toEqual([true, false]);

    // The shop policy does not treat use as acceptance.
    expect(await client.recordUse(SUBJECT)).toEqual({ recorded: false });

    const changes = await client.ledgerChanges({ after: 0, limit: 1 });
    expect(changes.events).toHaveLength(1);
    expect(changes.lastSeq).toBe(changes.events[0]!.seq);
    expect(await client.verifyLedger()).toMatchObject({ ok: true });
    expect(config.lastSeq).toBeGreaterThanOrEqual(recorded.events[1]!.seq);
  });

  it('covers the policy routes: list, current, publish as JSON and YAML, rendered', async () => {
    const before = await client.listPolicies();
    const current = await client.currentPolicy();
    expect(current.version).toBe('2.0');
    expect(before.versions.map((v) => v.hash)).toContain(current.hash);
    const again = await client.publishPolicy(current.manifest);
    expect(again.created).toBe(false);

    const yaml = await readFile(new URL('../../../examples/camera-app/pledge.yaml', import.meta.url), 'utf8');
    const published = await client.publishPolicy(yaml);
    expect(published.created).toBe(true);
    expect((await client.currentPolicy()).hash).toBe(published.policy.hash);
    expect((await client.listPolicies()).versions).toHaveLength(before.versions.length + 1);

    const md = await client.renderedPolicy({ lang: 'en', format: 'md' });
    expect(md).toMatch(/^#/m);
    expect(await client.renderedPolicy({ format: 'html' })).toMatch(/<html/i);
    await client.publishPolicy(shopManifest());
  });

  it('maps 400 answers to PledgeApiError with the issues, and never puts the subject in the message', async () => {
    const error = await apiError(
      client.recordConsent(SUBJECT, [{ type: 'no-such-type' as 'opt-out', purposes: [''] }]),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('bad-request');
    expect(error.issues.map((i) => i.path)).toContain('events[0].type');
    expect(error.message).toContain('POST /v1/consents');
    expect(error.message).not.toContain(SUBJECT);

    const query = await apiError(client.ledgerChanges({ after: -1 }));
    expect(query.status).toBe(400);
    expect(query.issues.map((i) => i.path).join()).toContain('after');

    const yaml = await apiError(client.publishPolicy('pledge: 1\npolicy:\n  id: [not, an, id]\n'));
    expect(yaml.status).toBe(400);
    expect(yaml.issues.length).toBeGreaterThan(0);
    expect(yaml.issues.some((i) => typeof i.line === 'number' && typeof i.column === 'number')).toBe(true);
  });

  it('maps 401 without a valid token, and an unreachable server to status 0', async () => {
    const anonymous = createClient({ baseUrl: server.baseUrl });
    const denied = await apiError(anonymous.decide({ purpose: 'newsletter', categories: ['email'] }));
    expect(denied).toMatchObject({ status: 401, code: 'unauthorized' });
    const wrong = createClient({ baseUrl: server.baseUrl, token: 'not-the-token' });
    expect(await apiError(wrong.sdkConfig())).toMatchObject({ status: 401, code: 'unauthorized' });

    const unreachable = createClient({ baseUrl: 'http://127.0.0.1:9', token: server.token });
    const down = await apiError(unreachable.listPolicies());
    expect(down).toMatchObject({ status: 0, code: 'network-error' });
  });
});
