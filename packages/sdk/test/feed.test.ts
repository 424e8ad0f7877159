import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import { createClient, createPledge, type Pledge, type PledgeClient } from '../src/index.js';
import { backends, eventually, startServer, type TestServer } from './support/server.js';

const kinds = await backends();

let counter = 0;
/** A subject no other test has used (the server is shared by the tests of a back end). */
const fresh = (name: string) => `${name}-${++counter}@example.test`;
const newsletter = { purpose: 'newsletter', categories: ['email'] };
const gdpr = { jurisdiction: 'eu-gdpr' as const };

describe.each(kinds)('consent cache kept fresh on %s', (kind) => {
  let server: TestServer;
  let pledge: Pledge;
  /** Another client of the same server: a second app instance, a back office, the privacy centre. */
  let other: PledgeClient;
  const errors: unknown[] = [];

  beforeAll(async () => {
    server = await startServer(kind);
    other = createClient({ baseUrl: server.baseUrl, token: server.token });
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    errors.length = 0;
    pledge = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      // PostgreSQL: LISTEN/NOTIFY only (a poll would come after the test's deadline); PGlite: polling.
      ...(kind === 'postgres' ? { databaseUrl: server.databaseUrl, pollIntervalMs: 3_600_000 } : {}),
      ...(kind === 'pglite' ? { pollIntervalMs: 25 } : {}),
      policyRefreshMs: 0,
      onError: (error) => errors.push(error),
    });
  });
  afterEach(() => pledge.close());

  it(`follows the ledger by ${kind === 'postgres' ? 'LISTEN/NOTIFY' : 'polling'}`, () => {
    expect(pledge.feedMode).toBe(kind === 'postgres' ? 'listen' : 'poll');
  });

  it('a consent recorded by another client reaches the cache and changes the decision; so does its withdrawal', async () => {
    const ALICE = fresh('alice');
    await pledge.load(ALICE);
    expect(pledge.decide(ALICE, newsletter, gdpr)).toMatchObject({
      allowed: false,
      reasons: ['deny.no-consent'],
    });

    await other.recordConsent(ALICE, [{ type: 'consent-given', purposes: ['newsletter'], method: 'banner' }]);
    await eventually('the consent reaches the cache', () => pledge.decide(ALICE, newsletter, gdpr).allowed);
    expect(pledge.decide(ALICE, newsletter, gdpr)).toEqual(
      await other.decide({ subject: ALICE, ...newsletter, facts: gdpr }),
    );

    await other.recordConsent(ALICE, [{ type: 'consent-withdrawn', purposes: ['newsletter'] }]);
    await eventually(
      'the withdrawal reaches the cache',
      () => !pledge.decide(ALICE, newsletter, gdpr).allowed,
    );
    expect(pledge.decide(ALICE, newsletter, gdpr).reasons).toContain('deny.consent-withdrawn');
    expect(errors).toEqual([]);
  });

  it('updates only cached subjects; others are read on first use', async () => {
    const [ALICE, BOB] = [fresh('alice'), fresh('bob')];
    await pledge.load(ALICE);
    await other.recordConsent(BOB, [{ type: 'consent-given', purposes: ['newsletter'] }]);
    await other.recordConsent(ALICE, [{ type: 'objection', purposes: ['analytics'] }]);
    const analytics = { purpose: 'analytics', categories: ['browsing'] };
    await eventually('the objection reaches the cache', () => !pledge.decide(ALICE, analytics).allowed);
    expect(pledge.has(BOB)).toBe(false);
    expect(pledge.cachedSubjects).toBe(1);
    // Nothing is lost while unfetched: the first use reads the subject's whole history.
    expect(() => pledge.decide(BOB, newsletter, gdpr)).toThrow(/decideAsync/);
    expect((await pledge.decideAsync(BOB, newsletter, gdpr)).allowed).toBe(true);
    expect(pledge.has(BOB)).toBe(true);
  });

  it('record() updates the cache at once, before the change feed brings the event back', async () => {
    const [ALICE, BOB] = [fresh('alice'), fresh('bob')];
    const slow = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      pollIntervalMs: 3_600_000,
      policyRefreshMs: 0,
    });
    try {
      const before = slow.lastSeq;
      await slow.load(ALICE);
      const { events } = await slow.record(ALICE, [{ type: 'consent-given', purposes: ['newsletter'] }]);
      // No feed read has happened: the decision comes from the local update.
      expect(slow.lastSeq).toBe(before);
      expect(slow.decide(ALICE, newsletter, gdpr)).toEqual(
        await other.decide({ subject: ALICE, ...newsletter, facts: gdpr }),
      );
      // An uncached subject is read in by record().
      await slow.record(BOB, [{ type: 'opt-out' }]);
      expect(
        slow.decide(BOB, { purpose: 'ads', categories: ['browsing'] }, { jurisdiction: 'us-ca-ccpa' }),
      ).toEqual(
        await other.decide({
          subject: BOB,
          purpose: 'ads',
          categories: ['browsing'],
          facts: { jurisdiction: 'us-ca-ccpa' },
        }),
      );
      await slow.sync();
      expect(slow.lastSeq).toBeGreaterThanOrEqual(events[0]!.seq);
      expect(slow.decide(ALICE, newsletter, gdpr).allowed).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('recordUse() records acceptance once and the cached state reflects it', async () => {
    const BOB = fresh('bob');
    await other.publishPolicy(
      shopManifest((m) => {
        m.policy.version = '2.1';
        m.policy.useMeansAcceptance = 'any-use';
      }),
    );
    expect(await pledge.refreshPolicy()).toBe(true);
    await pledge.load(BOB);
    expect(pledge.state(BOB).policyAcceptance).toBeUndefined();
    expect(await pledge.recordUse(BOB)).toBe(true);
    expect(await pledge.recordUse(BOB)).toBe(false);
    expect(pledge.state(BOB).policyAcceptance).toMatchObject({ mode: 'implied', policyVersion: '2.1' });
  });

  it('recompiles when the server publishes a new policy version', async () => {
    const [ALICE, BOB] = [fresh('alice'), fresh('bob')];
    await pledge.record(ALICE, [{ type: 'consent-given', purposes: ['newsletter'] }]);
    expect(pledge.decide(ALICE, newsletter, gdpr).allowed).toBe(true);
    const v3 = shopManifest((m) => {
      m.policy.version = '3.0';
      const purpose = m.purposes.find((p) => p.id === 'newsletter')!;
      purpose.categories = [...purpose.categories, 'browsing'];
    });
    const published = await other.publishPolicy(v3);
    expect(published.policy.renewalPurposes).toContain('newsletter');
    // An event recorded under the new version carries a policy hash the SDK has not seen.
    await other.recordConsent(BOB, [{ type: 'opt-out' }]);
    await eventually('the SDK runs version 3.0', () => pledge.policy.version === '3.0');
    const stale = pledge.decide(ALICE, newsletter, gdpr);
    expect(stale.reasons).toContain('deny.consent-needs-renewal');
    expect(stale).toEqual(await other.decide({ subject: ALICE, ...newsletter, facts: gdpr }));
  });

  it('keeps at most cacheSize subjects', async () => {
    const small = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      cacheSize: 5,
      pollIntervalMs: 3_600_000,
      policyRefreshMs: 0,
    });
    try {
      for (let i = 0; i < 20; i++) await small.load(`subject-${i}`);
      expect(small.cachedSubjects).toBe(5);
      expect(small.has('subject-19')).toBe(true);
      expect(small.has('subject-0')).toBe(false);
      // An evicted subject is read again on use.
      expect((await small.decideAsync('subject-0', newsletter, gdpr)).allowed).toBe(false);
    } finally {
      await small.close();
    }
  });

  it.runIf(kind === 'postgres')('recovers when the LISTEN connection is cut, and catches up', async () => {
    const ALICE = fresh('alice');
    const resilient = await createPledge({
      baseUrl: server.baseUrl,
      token: server.token,
      databaseUrl: server.databaseUrl,
      pollIntervalMs: 50,
      policyRefreshMs: 0,
      onError: (error) => errors.push(error),
    });
    try {
      await resilient.load(ALICE);
      const admin = new pg.Client({ connectionString: server.databaseUrl });
      await admin.connect();
      const cut = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN pledge_ledger'",
      );
      await admin.end();
      expect(cut.rowCount).toBeGreaterThanOrEqual(1);
      await other.recordConsent(ALICE, [{ type: 'consent-given', purposes: ['newsletter'] }]);
      await eventually(
        'the consent reaches the cache',
        () => resilient.decide(ALICE, newsletter, gdpr).allowed,
      );
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await resilient.close();
    }
  });
});
