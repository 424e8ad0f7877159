import { forgetSubject, subjectKeyFingerprint } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createPledge, type PledgeClient, SubjectKeyMismatchError } from '../src/index.js';
import { backends, eventually, startServer, type TestServer } from './support/server.js';

const kinds = await backends();
/** The key support/server.ts starts the server with. */
const SERVER_KEY = 'sdk-test-subject-key-0123456789';
const newsletter = { purpose: 'newsletter', categories: ['email'] };
const gdpr = { jurisdiction: 'eu-gdpr' as const };

describe.each(kinds)('SDK with subject keys and pseudonyms on %s', (kind) => {
  let server: TestServer;
  let other: PledgeClient;

  beforeAll(async () => {
    server = await startServer(kind);
    other = createClient({ baseUrl: server.baseUrl, token: server.token });
  });
  afterAll(() => server.close());

  it('refuses to start with a configured key that is not the server key, naming the option', async () => {
    const config = await other.sdkConfig();
    expect(config.subjectKeyFingerprint).toBe(subjectKeyFingerprint(SERVER_KEY));
    const error = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      subjectKey: 'an-sdk-key-that-differs-0123',
      policyRefreshMs: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubjectKeyMismatchError);
    expect((error as Error).message).toMatch(/the subjectKey option is not the server's subject key/);
    expect((error as Error).message).not.toContain('an-sdk-key-that-differs-0123');
    const same = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      subjectKey: SERVER_KEY,
      policyRefreshMs: 0,
    });
    await same.close();
  });

  it('a forgotten subject who signs up again is a new pseudonym: the cache drops the old consent', async () => {
    const errors: unknown[] = [];
    const pledge = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      ...(kind === 'postgres' ? { databaseUrl: server.databaseUrl, pollIntervalMs: 3_600_000 } : {}),
      ...(kind === 'pglite' ? { pollIntervalMs: 25 } : {}),
      policyRefreshMs: 0,
      onError: (error) => errors.push(error),
    });
    try {
      const DORA = `dora-${kind}@example.test`;
      await other.recordConsent(DORA, [
        { type: 'consent-given', purposes: ['newsletter'], method: 'banner' },
      ]);
      await pledge.load(DORA);
      expect(pledge.decide(DORA, newsletter, gdpr).allowed).toBe(true);
      const old = (await other.queryConsents(DORA)).events[0]?.pseudonym;

      expect(await forgetSubject(server.store.db, SERVER_KEY, DORA)).toBe(true);
      expect((await other.queryConsents(DORA)).events).toEqual([]);
      // Signing up again: an objection only, under a new pseudonym. The old consent must not count.
      await other.recordConsent(DORA, [{ type: 'objection', purposes: ['analytics'], method: 'form' }]);
      const fresh = (await other.queryConsents(DORA)).events;
      expect(fresh.map((e) => e.type)).toEqual(['objection']);
      expect(fresh[0]?.pseudonym).not.toBe(old);
      await eventually('the new pseudonym replaces the old events in the cache', () => {
        return !pledge.decide(DORA, newsletter, gdpr).allowed;
      });
      expect(pledge.decide(DORA, newsletter, gdpr)).toEqual(
        await other.decide({ subject: DORA, ...newsletter, facts: gdpr }),
      );
      // The feed shows the old events as nobody's.
      const feed = await other.ledgerChanges({ after: 0, limit: 5000 });
      expect(feed.events.filter((e) => e.pseudonym === old).every((e) => e.subjectHash === null)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await pledge.close();
    }
  });
});
