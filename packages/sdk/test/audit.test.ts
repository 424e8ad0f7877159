import { readAuditEntries } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopManifest } from '../../decide/test/fixture.js';
import { AccessCounter, AccessRecorder, type AuditAccess, createClient, createPledge } from '../src/index.js';
import { backends, startServer, type TestServer } from './support/server.js';

const newsletter = { purpose: 'newsletter', categories: ['email'] };
const gdpr = { jurisdiction: 'eu-gdpr' as const };
const MINUTE = Date.UTC(2026, 11, 5, 1, 2) / 60_000;

describe('the access counter (preallocated, per subject and purpose, one minute per table)', () => {
  it('counts repeats in one slot, distinct keys in their own, and drains in first-counted order', () => {
    const counter = new AccessCounter(16);
    counter.start(MINUTE);
    const a = 'c3ViamVjdC1oYXNoLWFhYWFhYWFh';
    const b = 'c3ViamVjdC1oYXNoLWJiYmJiYmJi';
    for (let i = 0; i < 5; i++) counter.count(1, a, 2);
    counter.count(2, b, 2);
    counter.count(1, a, 3);
    counter.count(0, '', 2);
    expect(counter.used).toBe(4);
    const drained: unknown[] = [];
    counter.drain((x) => drained.push([x.subjectHash, x.purpose, x.minute - MINUTE, x.count]));
    expect(drained).toEqual([
      [a, 2, 0, 5],
      [b, 2, 0, 1],
      [a, 3, 0, 1],
      ['', 2, 0, 1],
    ]);
    expect(counter.used).toBe(0);
    // Drained, it starts on the next minute; with counts held it refuses to.
    counter.start(MINUTE + 1);
    counter.count(1, a, 2);
    expect(() => counter.start(MINUTE + 2)).toThrow(/drained/);
    counter.drain((x) => drained.push([x.subjectHash, x.purpose, x.minute - MINUTE, x.count]));
    expect(drained.at(-1)).toEqual([a, 2, 1, 1]);
  });

  it('counts what does not fit as dropped, never overwriting a count', () => {
    const counter = new AccessCounter(16);
    for (let i = 0; i < 40; i++) counter.count(i + 1, `subject-hash-number-${i}`, 0);
    expect(counter.used).toBe(16);
    expect(counter.dropped).toBe(24);
  });
});

describe('the access recorder', () => {
  it('flushes when half full, resolves purposes by the generation counted under, and keeps a failed batch', async () => {
    const shipped: AuditAccess[][] = [];
    const errors: unknown[] = [];
    let fail = true;
    const recorder = new AccessRecorder({
      capacity: 16,
      flushMs: 3_600_000,
      now: () => MINUTE * 60_000 + 5_000,
      onError: (e) => errors.push(e),
      ship: async (batch) => {
        if (fail) throw new Error('server away');
        shipped.push(batch);
      },
    });
    try {
      recorder.note(1, 'c3ViamVjdC1oYXNoLWFhYWFhYWFh', 0, ['newsletter', 'ads'], 1);
      recorder.note(1, 'c3ViamVjdC1oYXNoLWFhYWFhYWFh', 1, ['ads', 'newsletter'], 2);
      await recorder.flush();
      expect(errors).toHaveLength(1);
      fail = false;
      await recorder.flush();
      expect(shipped).toEqual([
        [
          {
            subjectHash: 'c3ViamVjdC1oYXNoLWFhYWFhYWFh',
            purpose: 'newsletter',
            count: 1,
            windowStart: '2026-12-05T01:02:00.000Z',
          },
          {
            subjectHash: 'c3ViamVjdC1oYXNoLWFhYWFhYWFh',
            purpose: 'newsletter',
            count: 1,
            windowStart: '2026-12-05T01:02:00.000Z',
          },
        ],
      ]);
      // Eight distinct counts fill half the table: a flush starts on its own.
      for (let i = 0; i < 8; i++) recorder.note(i + 2, `subject-hash-number-${i}`, 0, ['ads'], 2);
      await recorder.flush();
      expect(shipped[1]).toHaveLength(8);
      expect(recorder.lost).toBe(0);
    } finally {
      await recorder.close();
    }
  });
});

describe.each(await backends())('the SDK records log-access obligations on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(
      kind,
      shopManifest((m) => {
        m.security = { ...m.security, accessLogging: true };
      }),
    );
  });
  afterAll(() => server.close());

  it('P0-31: every log-access obligation met in process becomes an sdk-access entry, counted per subject, purpose and minute', async () => {
    const client = createClient({ baseUrl: server.baseUrl, apiKey: server.token });
    const errors: unknown[] = [];
    const pledge = await createPledge({
      baseUrl: server.baseUrl,
      apiKey: server.token,
      policyRefreshMs: 0,
      pollIntervalMs: 3_600_000,
      audit: { flushMs: 3_600_000 },
      onError: (e) => errors.push(e),
    });
    const SUBJECT = `audit-${kind}@example.test`;
    let closed = false;
    try {
      await client.recordConsent(SUBJECT, [
        { type: 'consent-given', purposes: ['newsletter'], method: 'banner' },
      ]);
      await pledge.load(SUBJECT);
      for (let i = 0; i < 5; i++) {
        const decision = pledge.decide(SUBJECT, newsletter, gdpr);
        expect(decision.obligations).toContainEqual({ kind: 'log-access' });
      }
      await pledge.decideAsync(SUBJECT, newsletter, gdpr);
      // Nothing is sent from the hot path.
      expect((await readAuditEntries(server.store.db, { action: 'sdk-access' })).entries).toEqual([]);
      await pledge.flushAccesses();
      const pseudonym = (await client.queryConsents(SUBJECT)).events[0]?.pseudonym;
      const first = (await readAuditEntries(server.store.db, { action: 'sdk-access' })).entries;
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({
        actor: { kind: 'key' },
        subject: pseudonym,
        purpose: 'newsletter',
        count: 6,
      });
      expect(first[0]?.windowStart?.getUTCSeconds()).toBe(0);
      // What is counted when the SDK closes is sent on close.
      (await pledge.forSubject(SUBJECT)).decide(newsletter, gdpr);
      await pledge.close();
      closed = true;
      const all = (await readAuditEntries(server.store.db, { action: 'sdk-access' })).entries;
      expect(all.map((e) => e.count)).toEqual([6, 1]);
      expect(JSON.stringify(all)).not.toContain(SUBJECT);
      expect(errors).toEqual([]);
    } finally {
      if (!closed) await pledge.close();
    }
  });
});
